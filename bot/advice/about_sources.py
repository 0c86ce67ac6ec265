"""Where the bot's answers come from, how old those documents are, and who wrote them, read from the knowledge
base's own list of sources (data/knowledge/sources.yml), so the answer can never drift from what is cited."""

from __future__ import annotations

import re

from bot.advice.reply import Button, Reply, intent_payload
from bot.knowledge import render
from bot.knowledge.query import Knowledge

_ASKS = re.compile(
    r"\b(?:your|these) sources\b|\bwhat sources (?:do|are|did) you\b|\bthe sources? you use\b"
    r"|\bwhere (?:does|do|did) (?:this|that|your|the|all this) (?:information|info|advice|guidance|answers?|knowledge)"
    r" (?:come|comes) from"
    r"|\bhow (?:up[ -]to[ -]date|current|old|recent) (?:is|are) (?:this|that|it|the guide|the matrix|the matrices|"
    r"the advice|your (?:information|advice|answers?))\b"
    r"|\b(?:is|are) (?:this|it|the guide|the matrix|the matrices|the advice|your (?:information|advice|answers?)) "
    r"(?:still )?(?:up[ -]to[ -]date|current|out of date)\b"
    r"|\bwho (?:wrote|made|writes|published) (?:this|it|the guide|the matrix|the matrices|the advice)\b"
    r"|\bwhen was (?:this|it|the guide|the matrix) (?:written|published|updated|made)\b",
    re.IGNORECASE,
)
_STATUS = {"current": "", "historical": " It is an older document.", "replaced": " It has since been replaced."}


def asks_about_sources(text: str) -> bool:
    """True for "where does your information come from?", "how up to date is this?", "who wrote the guide?"."""
    return bool(_ASKS.search(text))


def sources_replies(knowledge: Knowledge) -> list[Reply]:
    lines = [f"My answers come from {len(knowledge.kb.sources)} documents. I only use what they say:"]
    for source in knowledge.kb.sources:
        when = str(source.year) if source.year else "no date given"
        lines.append(f"{render.BULLET} {source.title}, by {source.publisher} ({when}). {source.note}"
                     f"{_STATUS.get(source.status, '')}".rstrip())
    lines.append("I don't know if they have changed since. For the latest advice, ask the organisation you work with.")
    buttons = (Button("Who can help?", intent_payload("ask_guidance", topic="who-can-help")),
               Button("What can you do?", "/help"))
    return [Reply(text="\n".join(lines), buttons=buttons)]
