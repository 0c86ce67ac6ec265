"""Answers definitions and guidance questions from the knowledge base."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.dispatch import send
from actions.safety import friendly_on_error
from bot.advice.answers import answer, asks_definition
from bot.knowledge import get_knowledge


def latest_entity(tracker: Tracker, name: str) -> str | None:
    """The value of entity ``name`` in the latest message, if any."""
    value = next(tracker.get_latest_entity_values(name), None)
    return value if isinstance(value, str) else None


class ActionAnswerQuestion(Action):
    def name(self) -> str:
        return "action_answer_question"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        message = tracker.latest_message or {}
        text = message.get("text") or ""
        send(
            dispatcher,
            answer(
                get_knowledge(),
                text,
                definition=asks_definition(text),
                topic_id=latest_entity(tracker, "topic"),
                stage=latest_entity(tracker, "stage"),
                level=latest_entity(tracker, "level"),
            ),
        )
        return []
