"""Answers questions in people's own words from the knowledge base, or says plainly that it does not know.

The order of attempts: a topic asked for by id (buttons), a glossary term or a stage / level named in a "what is"
question, then free-text search. A weak best match is not an answer: below :data:`MIN_SCORE` the bot says it does
not know and points to who can help.
"""

from __future__ import annotations

import re
from typing import Any

from bot.advice.reply import Button, Reply, intent_payload, topic_button
from bot.knowledge import render
from bot.knowledge.query import Knowledge, UnknownEntry
from bot.knowledge.search import SearchHit
from bot.nlp.lemmas import content_lemmas, normalise

MIN_SCORE = 4.0
MIN_COVERAGE = 0.5  # the best match must cover at least half of what was asked
WHO_CAN_HELP_TOPIC = "who-can-help"
_QUESTION_WORDS = re.compile(
    r"^\s*(?:please\s+)?(?:(?:can you\s+)?(?:explain|define|describe)|what(?:'s| is| are| does| do)?(?: you mean by)?"
    r"|meaning of|tell me about|whats)\s+(?:the\s+|a\s+|an\s+)?",
    re.IGNORECASE,
)
_ASKS_ABOUT_STAGE_OR_LEVEL = re.compile(r"\b(?:stage|level)\b", re.IGNORECASE)
# "explain co-production simply", "what is negotiation, in plain English, please?": the term is what comes before
_PLAINLY = (r"(?:\s*,?\s+(?:to me|for me|please|simply|briefly|again|in short|in a nutshell|for a beginner"
            r"|in (?:simple|plain|easy|everyday) (?:words|terms|english|language)))*")
_TRAILING = re.compile(r"(?:\s+(?:mean|means|stand for|is|are))?" + _PLAINLY + r"\s*[?.!]*\s*$", re.IGNORECASE)
_DEFINITION = re.compile(
    r"^\s*(?:please\s+)?(?:(?:can you\s+)?(?:define|explain)\s|(?:what|wat)(?:'s|s| is| are|’s)\s"
    r"|what do you mean by\s|what is meant by\s|meaning of\s|(?:the\s+)?definition of\s)"
    r"|\b(?:mean|means|stand for|stands for)\s*[?.!]*\s*$",
    re.IGNORECASE,
)


def asked_term(text: str) -> str:
    """The term in a "what is X?" question: ``"What does co-production mean?"`` -> ``"co-production"``."""
    stripped = _QUESTION_WORDS.sub("", text, count=1)
    return _TRAILING.sub("", stripped).strip(" '\"")


def asks_definition(text: str) -> bool:
    """True when ``text`` asks what something is or means: "what is X", "what does X mean", "define X",
    "meaning of X", "what does X stand for". The answer then tries the glossary before searching."""
    return bool(_DEFINITION.search(text))


def _names_entity(knowledge: Knowledge, term: str, entity_id: str) -> bool:
    """True when ``term`` is one of the names of stage or level ``entity_id`` ("negotiation", "analyse")."""
    wanted = normalise(term)
    return any(wanted in phrases.get(entity_id, ()) for phrases in knowledge.vocabulary().values())


def _names_term(text: str, term: Any) -> bool:
    """True when ``text`` holds every meaningful word of the term or of one of its synonyms, in any form."""
    said = set(content_lemmas(text))
    return any(words and set(words) <= said
               for words in (content_lemmas(name) for name in (term.term, *term.synonyms)))


def who_can_help(knowledge: Knowledge) -> str:
    """One sentence pointing to people who can help, from the knowledge base."""
    try:
        return knowledge.topic(WHO_CAN_HELP_TOPIC).summary
    except UnknownEntry:
        return "Please ask the organisation running the project."


def dont_know(knowledge: Knowledge) -> list[Reply]:
    return [
        Reply(
            response="utter_dont_know",
            values={"who_can_help": who_can_help(knowledge)},
            buttons=(Button("What can you do?", "/help"),),
        )
    ]


def entry_replies(knowledge: Knowledge, entry: Any, related: list[SearchHit]) -> list[Reply]:
    # The entry's own links first (a topic's related topics, a glossary term's "see also": chosen by whoever wrote
    # it), then other good search matches.
    ids: list[str] = [*getattr(entry, "related", ()), *getattr(entry, "see_also", ())]
    ids.extend(hit.id for hit in related if hit.kind == "topic" and hit.id not in ids)
    buttons = tuple(topic_button(render.entry_title(knowledge.entry(entry_id)), entry_id) for entry_id in ids[:4])
    replies = [Reply(text=render.entry_text(knowledge, entry), buttons=buttons)]
    if getattr(entry, "stage", None) and getattr(entry, "level", None) and getattr(entry, "audience", None):
        replies[0] = Reply(
            text=render.entry_text(knowledge, entry),
            buttons=(
                Button(
                    "More ideas like this",
                    intent_payload("inform", stage=entry.stage, level=entry.level, audience=entry.audience),
                ),
                *buttons[:2],
            ),
        )
    return replies


def find_answer(
    knowledge: Knowledge,
    text: str,
    *,
    definition: bool = False,
    topic_id: str | None = None,
    stage: str | None = None,
    level: str | None = None,
) -> tuple[Any | None, list[SearchHit]]:
    """The knowledge-base entry that answers ``text`` (None if none is good enough) and other good matches.

    Args:
        knowledge: the knowledge base.
        text: what the person typed.
        definition: True when the question asks what something means (see :func:`asks_definition`).
        topic_id: an entry id asked for directly (from a button).
        stage, level: entities found in the message, used for "what is the do stage?".
    """
    if topic_id:
        try:
            return knowledge.entry(topic_id), []
        except UnknownEntry:
            pass
    named = stage or level
    if definition:
        term = knowledge.glossary_term(asked_term(text), close=True)
        if term is not None:
            return term, []
    if named and (
        _ASKS_ABOUT_STAGE_OR_LEVEL.search(text) or (definition and _names_entity(knowledge, asked_term(text), named))
    ):
        # "what happens at the review stage?", "what does negotiation mean?": the stage or level itself is the
        # answer, not a topic that mentions it ("what are the consultation criteria?" is searched)
        return knowledge.entry(named), []
    # A glossary entry answers a question that names it. Otherwise a shared everyday word is all it has in common
    # ("can I stop taking part?" is not about services that stop problems early).
    hits = [hit for hit in knowledge.search(text, limit=5)
            if hit.kind != "glossary" or definition or _names_term(text, hit.entry)][:4]
    if not hits or hits[0].score < MIN_SCORE or hits[0].coverage < MIN_COVERAGE:
        return None, hits
    return hits[0].entry, hits[1:]


def answer(knowledge: Knowledge, text: str, **how: Any) -> list[Reply]:
    """Replies answering ``text`` (see :func:`find_answer` for the options), or "I don't know" and who can help."""
    entry, related = find_answer(knowledge, text, **how)
    return dont_know(knowledge) if entry is None else entry_replies(knowledge, entry, related)
