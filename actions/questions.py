"""Answers definitions and guidance questions from the knowledge base."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.dispatch import send
from actions.safety import friendly_on_error
from bot.advice.activities import suggest_activities
from bot.advice.answers import answer, asks_definition
from bot.advice.planning import describes_a_plan
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
        stage, level = latest_entity(tracker, "stage"), latest_entity(tracker, "level")
        if (message.get("intent") or {}).get("name") == "nlu_fallback" and describes_a_plan(text, stage, level):
            return self._plan(dispatcher, stage, level, latest_entity(tracker, "audience"))
        send(
            dispatcher,
            answer(
                get_knowledge(),
                text,
                definition=asks_definition(text),
                topic_id=latest_entity(tracker, "topic"),
                stage=stage,
                level=level,
            ),
        )
        return []

    @staticmethod
    def _plan(dispatcher: CollectingDispatcher, stage: str, level: str, audience: str | None) -> list:
        """Suggest activities at once, or let the planning form ask who is being involved."""
        events = [SlotSet("stage", stage), SlotSet("level", level)]
        if audience is None:
            return [*events, FollowupAction("planning_form")]
        send(dispatcher, suggest_activities(get_knowledge(), stage, level, audience))
        return [*events, SlotSet("audience", audience)]
