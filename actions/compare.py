"""Compares two activities side by side; asks which one was meant when a name fits several."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.dispatch import send
from actions.reading import latest_entity, latest_text
from actions.safety import friendly_on_error
from bot.advice.compare import compare_activities
from bot.knowledge import get_knowledge


class ActionCompareActivities(Action):
    def name(self) -> str:
        return "action_compare_activities"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        text = latest_text(tracker)
        first, second = latest_entity(tracker, "activity"), latest_entity(tracker, "other_activity")
        send(dispatcher, compare_activities(get_knowledge(), text, first, second))
        return []
