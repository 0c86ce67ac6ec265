"""Handing over to a person, "something else", and the "did this help?" buttons' thanks."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.dispatch import send
from actions.misses import handover, reply_to_a_miss
from actions.reading import latest_entity
from actions.safety import friendly_on_error
from bot.advice.did_you_mean import something_else
from bot.feedback.buttons import HELPFUL, thanks


class ActionHandover(Action):
    def name(self) -> str:
        return "action_handover"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        return handover(dispatcher, tracker)


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
