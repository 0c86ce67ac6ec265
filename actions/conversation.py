"""Conversation control: "stop", "cancel" and "start again" work at any point."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, AllSlotsReset, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

# Work the person would not expect "start again" to throw away.
KEPT_SLOTS = ("engagement_plan",)


class ActionStop(Action):
    def name(self) -> str:
        return "action_stop"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        dispatcher.utter_message(response="utter_stopped")
        kept = [SlotSet(slot, tracker.get_slot(slot)) for slot in KEPT_SLOTS if tracker.get_slot(slot) is not None]
        return [ActiveLoop(None), AllSlotsReset(), *kept]
