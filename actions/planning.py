"""The quick-start planning form: validates stage, level and audience, then suggests matrix activities."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.dispatch import send
from actions.safety import friendly_on_error
from bot.advice.activities import suggest_activities
from bot.knowledge import get_knowledge
from bot.knowledge.model import AUDIENCE_IDS, LEVEL_IDS, STAGE_IDS


def _choice(value: Any, allowed: tuple[str, ...]) -> str | None:
    text = value[-1] if isinstance(value, list) and value else value
    return text if isinstance(text, str) and text in allowed else None


class ValidatePlanningForm(FormValidationAction):
    """Keeps a slot only when the entity maps to a known id; otherwise the form asks again."""

    def name(self) -> str:
        return "validate_planning_form"

    def _validate(self, slot: str, value: Any, allowed: tuple[str, ...], dispatcher: CollectingDispatcher) -> dict:
        chosen = _choice(value, allowed)
        if chosen is None:
            dispatcher.utter_message(response="utter_not_understood_slot")
        return {slot: chosen}

    def validate_stage(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict:
        return self._validate("stage", value, STAGE_IDS, dispatcher)

    def validate_level(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict:
        return self._validate("level", value, LEVEL_IDS, dispatcher)

    def validate_audience(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict:
        return self._validate("audience", value, AUDIENCE_IDS, dispatcher)


class ActionSuggestActivities(Action):
    def name(self) -> str:
        return "action_suggest_activities"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        stage = _choice(tracker.get_slot("stage"), STAGE_IDS)
        level = _choice(tracker.get_slot("level"), LEVEL_IDS)
        audience = _choice(tracker.get_slot("audience"), AUDIENCE_IDS)
        if not (stage and level and audience):
            dispatcher.utter_message(response="utter_not_understood_slot")
            return []
        send(dispatcher, suggest_activities(get_knowledge(), stage, level, audience))
        return []
