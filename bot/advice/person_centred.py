"""Helps staff hold a person-centred conversation: the questions from the knowledge base, then notes to copy."""

from __future__ import annotations

from bot.advice.reply import Reply, topic_button
from bot.knowledge import render
from bot.knowledge.query import Knowledge

QUESTIONS_TOPIC = "person-centred-questions"
FOLLOW_UP_TOPICS = ("important-to-and-for", "commissioners-as-facilitators")
NOT_ASKED = "(not asked yet)"


def question_ids(knowledge: Knowledge) -> tuple[str, ...]:
    """The questions' ids, in the slides' order."""
    return tuple(item.id for item in knowledge.topic(QUESTIONS_TOPIC).items)


def question_text(knowledge: Knowledge, question_id: str, number: int, total: int) -> str:
    """What the bot says to ask one question: the question itself and the slides' hint."""
    item = knowledge.topic(QUESTIONS_TOPIC).item(question_id)
    if item is None:
        raise KeyError(question_id)
    return (
        f"Question {number} of {total}: {item.label}\n{item.text}\n"
        "Type what the person said, or say \"skip\"."
    )


def summary_replies(knowledge: Knowledge, answers: dict[str, str | None]) -> list[Reply]:
    """Notes the worker can copy, then what to think about next, from the knowledge base."""
    topic = knowledge.topic(QUESTIONS_TOPIC)
    notes = ["Notes from a person-centred conversation (copy and keep them safe):"]
    notes.extend(f"{render.BULLET} {item.label} {answers.get(item.id) or NOT_ASKED}" for item in topic.items)
    follow = ["Things to think about next:"]
    refs = [topic.source]
    for topic_id in FOLLOW_UP_TOPICS:
        other = knowledge.topic(topic_id)
        follow.append(f"{render.BULLET} {other.title}: {other.summary}")
        refs.append(other.source)
    follow.append(render.source_line(knowledge, tuple(refs)))
    return [
        Reply(text="\n".join(notes), custom={"person_centred_notes": answers}),
        Reply(
            text="\n".join(follow),
            buttons=(
                topic_button("Key tasks for commissioners", "commissioner-key-tasks"),
                topic_button("Service-focused or person-centred?", "service-focused-vs-person-centred"),
            ),
        ),
    ]
