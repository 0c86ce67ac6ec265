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
from bot.advice.planning import names_a_plan, stage_from_context
from bot.knowledge import get_knowledge


def latest_entity(tracker: Tracker, name: str) -> str | None:
    """The value of entity ``name`` in the latest message, if any."""
    value = next(tracker.get_latest_entity_values(name), None)
    return value if isinstance(value, str) else None


def plan_from_message(dispatcher: CollectingDispatcher, tracker: Tracker) -> list | None:
    """Events that act on a plan the message describes, or None if it describes none.

    With stage, level and audience the activities come at once; with two of them the planning form asks the third.
    """
    text = (tracker.latest_message or {}).get("text") or ""
    stage = latest_entity(tracker, "stage") or stage_from_context(text)
    level, audience = latest_entity(tracker, "level"), latest_entity(tracker, "audience")
    if not names_a_plan(text, stage, level, audience):
        return None
    events = [SlotSet(name, value) for name, value in (("stage", stage), ("level", level), ("audience", audience))
              if value]
    if stage and level and audience:
        send(dispatcher, suggest_activities(get_knowledge(), stage, level, audience))
        return events
    return [*events, FollowupAction("planning_form")]


class ActionAnswerQuestion(Action):
    def name(self) -> str:
        return "action_answer_question"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        message = tracker.latest_message or {}
        text = message.get("text") or ""
        stage, level = latest_entity(tracker, "stage"), latest_entity(tracker, "level")
        if (message.get("intent") or {}).get("name") == "nlu_fallback":
            planned = plan_from_message(dispatcher, tracker)
            if planned is not None:
                return planned
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


class ActionOutOfScope(Action):
    """Off-topic, unless the message plainly describes a plan the NLU did not recognise."""

    def name(self) -> str:
        return "action_out_of_scope"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        planned = plan_from_message(dispatcher, tracker)
        if planned is not None:
            return planned
        dispatcher.utter_message(response="utter_out_of_scope")
        return []
