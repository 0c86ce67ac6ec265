"""Handing over to a person, "something else", and the "did this help?" buttons' thanks."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.dispatch import send
from actions.misses import handover, reply_to_a_miss
from actions.reading import latest_entity
from actions.safety import friendly_on_error
from bot.advice.did_you_mean import something_else
from bot.feedback.buttons import HELPFUL, thanks


class ActionHandover(Action):
    """Who to contact, with a summary of the conversation. Someone who asks for a person mid-form has left it:
    its question is not asked again (the answers stay, so asking for the same task again goes on from them)."""

    def name(self) -> str:
        return "action_handover"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        events = handover(dispatcher, tracker)
        if (tracker.active_loop or {}).get("name"):
            events += [ActiveLoop(None), SlotSet("requested_slot", None)]
        return events


class ActionSomethingElse(Action):
    def name(self) -> str:
        return "action_something_else"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        return reply_to_a_miss(dispatcher, tracker, something_else())


class ActionFeedback(Action):
    """Thanks the person; the feedback itself is the user event, stored with the conversation."""

    def name(self) -> str:
        return "action_feedback"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        send(dispatcher, [thanks(latest_entity(tracker, "helpful") == HELPFUL)])
        return []
