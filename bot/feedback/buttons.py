"""Adds "did this help?" buttons to an answer. Pressing one sends a ``feedback`` intent, stored with the conversation."""

from __future__ import annotations

from dataclasses import replace

from bot.advice.reply import Button, Reply, intent_payload

INTENT = "feedback"  # the buttons below spell it out, so `make test` can see the intent is used
HELPFUL, NOT_HELPFUL = "yes", "no"
MAX_TOPIC_CHARS = 120


def feedback_buttons(about: str) -> tuple[Button, Button]:
    about = about[:MAX_TOPIC_CHARS]
    return (
        Button("👍 This helped", intent_payload("feedback", helpful=HELPFUL, feedback_on=about)),
        Button("👎 Not helpful", intent_payload("feedback", helpful=NOT_HELPFUL, feedback_on=about)),
    )


def with_feedback(replies: list[Reply], about: str) -> list[Reply]:
    """The replies with feedback buttons after the last one's own buttons."""
    if not replies:
        return replies
    last = replies[-1]
    return [*replies[:-1], replace(last, buttons=(*last.buttons, *feedback_buttons(about)))]


def thanks(helpful: bool) -> Reply:
    if helpful:
        return Reply(text="Thank you. I'm glad it helped.")
    return Reply(
        text="Thanks for telling me, and sorry it didn't help. You can ask again in other words, or talk to a person.",
        buttons=(Button("Talk to someone", intent_payload("human_handoff")),),
    )
