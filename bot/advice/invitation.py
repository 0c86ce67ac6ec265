"""Drafts an invitation to take part, covering every item the guide says an invitation must have.

The minimum contents come from the guide's "Inviting people" section and the first-contact points from its
Appendix 2 (key messages for people who get involved). Anything the person has not decided yet is shown as a
clearly marked gap and listed after the draft, so nothing is silently left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

from bot.advice.reply import Button, Reply, intent_payload
from bot.knowledge import render
from bot.knowledge.query import Knowledge

MINIMUM_TOPIC = "invitation-minimum-contents"
KEY_MESSAGES_TOPIC = "key-messages"
ADVICE_TOPICS = ("invitation-tone-and-format", "inviting-people")
GAP = "[STILL TO FILL IN: {}]"


@dataclass(frozen=True)
class InvitationDetails:
    """What the person told us. ``None`` means "not decided yet" (skipped)."""

    project: str | None = None
    task: str | None = None
    time: str | None = None
    why: str | None = None
    influence: str | None = None
    decisions: str | None = None
    who_else: str | None = None
    payment: str | None = None
    support: str | None = None
    feedback: str | None = None
    contact: str | None = None
    reply_by: str | None = None


# field -> (what the gap is called, the invitation items it covers: minimum contents / key messages)
PARTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "project": ("the project or service", ("key:asking-help",)),
    "task": ("what people are invited to do", ("min:what", "key:how")),
    "time": ("the time it takes: meetings, dates, how often", ("min:what", "key:when")),
    "why": ("why they are invited and what they can add", ("min:why", "key:who")),
    "influence": ("how much they can really change", ("min:why", "key:task")),
    "decisions": ("what the decisions are and who makes them", ("key:decisions",)),
    "who_else": ("who else is involved", ("min:who-else",)),
    "payment": ("expenses and any fee", ("min:payment",)),
    "support": ("the support you offer", ("min:access-support",)),
    "feedback": ("how they will hear what happened", ("key:feeding-back",)),
    "contact": ("who to contact and how", ("min:contact", "key:contact", "key:not-happy", "key:questions")),
    "reply_by": ("the date to reply by", ("key:contact",)),
}


@dataclass(frozen=True)
class Draft:
    """The invitation text, the parts still to fill in, and the advice that goes with it."""

    text: str
    gaps: tuple[str, ...]
    advice: str
    covered: frozenset[str] = field(default_factory=frozenset)


def clean(value: str | None) -> str | None:
    """One line of plain text: whitespace collapsed, no trailing full stop; None if no words are left."""
    if value is None:
        return None
    text = re.sub(r"\s+", " ", value).strip().rstrip(".").strip()
    return text if any(ch.isalnum() for ch in text) else None


def _sentence(text: str) -> str:
    return text if text.endswith(("?", "!", ".")) else text + "."


def draft_invitation(knowledge: Knowledge, details: InvitationDetails) -> Draft:
    """Build the draft. Every part is either filled from ``details`` or a marked gap."""
    values = {f.name: clean(getattr(details, f.name)) for f in fields(details)}
    gaps: list[str] = []

    def part(name: str) -> str:
        value = values[name]
        if value is None:
            label = PARTS[name][0]
            if label not in gaps:
                gaps.append(label)
            return GAP.format(label)
        return value

    lines = [
        "Dear [name],",
        "",
        _sentence(f"We would like your help with {part('project')}"),
        _sentence(f"We are inviting you to {part('task')}"),
        _sentence(f"How much time it takes: {part('time')}"),
        "",
        _sentence(f"Why we are asking you: {part('why')}"),
        _sentence(f"What you can change: {part('influence')}"),
        _sentence(f"The decisions, and who makes them: {part('decisions')}"),
        _sentence(f"Who else is taking part: {part('who_else')}"),
        "",
        _sentence(f"Expenses and payment: {part('payment')}"),
        "We will tell you how and when we pay, and give you an easy claim form. "
        "A payment could affect any benefits you get, so please ask us if you are not sure.",
        _sentence(f"Support to take part: {part('support')}"),
        "Please tell us about any access or support needs you have, so we can help you take part.",
        "",
        _sentence(f"How you will hear what happened: {part('feedback')}"),
        _sentence(f"If you are not happy at any time, during or after, please tell {part('contact')}"),
        _sentence(f"If you have any questions, please contact {part('contact')}"),
        _sentence(f"Please let us know by {part('reply_by')} if you would like to take part"),
        "",
        "Thank you. We hope you can join us.",
    ]
    text = "\n".join(lines)
    covered = frozenset(
        item for name, (_, items) in PARTS.items() if values[name] is not None for item in items
    )
    return Draft(text=text, gaps=tuple(gaps), advice=invitation_advice(knowledge), covered=covered)


def invitation_advice(knowledge: Knowledge) -> str:
    """Tone, format and how to invite, from the knowledge base."""
    lines = ["Tips for sending it:"]
    refs = []
    for topic_id in ADVICE_TOPICS:
        topic = knowledge.topic(topic_id)
        refs.append(topic.source)
        lines.extend(
            f"{render.BULLET} {item.text}" for item in topic.items if item.id not in ("contact-details", "specialists")
        )
    papers = knowledge.topic("how-top-tips")
    item = papers.item("papers")
    if item is not None:  # alternative formats on request
        lines.append(f"{render.BULLET} {item.text}")
        refs.append(papers.source)
    lines.append(render.source_line(knowledge, tuple(refs)))
    return "\n".join(lines)


def invitation_replies(knowledge: Knowledge, details: InvitationDetails) -> list[Reply]:
    """The draft as chat replies: the copyable text, what is still to fill in, then the tips."""
    draft = draft_invitation(knowledge, details)
    replies = [
        Reply(
            text="Here is your draft invitation. Copy it and edit it as you need:\n\n" + draft.text,
            custom={"invitation": {"text": draft.text, "gaps": list(draft.gaps)}},
        )
    ]
    if draft.gaps:
        replies.append(
            Reply(
                text="Still to fill in:\n" + "\n".join(f"{render.BULLET} {gap}" for gap in draft.gaps),
                buttons=tuple(
                    Button(f"Fill in {label}", intent_payload("change_answer", part=f"inv_{name}"))
                    for name, (label, _) in PARTS.items()
                    if label in draft.gaps
                )[:4],
            )
        )
    minimum = knowledge.topic(MINIMUM_TOPIC)
    replies.append(
        Reply(
            text=draft.advice
            + f"\nThe draft covers the {len(minimum.items)} things the guide says every invitation needs, "
            "and the key messages for a first contact.",
            buttons=(
                Button("Change an answer", intent_payload("change_answer")),
                Button("Start a new invitation", intent_payload("draft_invitation")),
            ),
        )
    )
    return replies
