"""Conversation control: "stop", "cancel" and "start again" work at any point, and so does "bye"."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, AllSlotsReset, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.free_text import says_goodbye
from actions.reading import latest_text

# Work the person would not expect "start again" to throw away.
KEPT_SLOTS = ("engagement_plan",)


def leave_form(tracker: Tracker) -> list:
    """The events that end whatever form is running and forget its answers, keeping :data:`KEPT_SLOTS`."""
    kept = [SlotSet(slot, tracker.get_slot(slot)) for slot in KEPT_SLOTS if tracker.get_slot(slot) is not None]
    return [ActiveLoop(None), AllSlotsReset(), *kept]


class ActionStop(Action):
    def name(self) -> str:
        return "action_stop"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        dispatcher.utter_message(response="utter_stopped")
        return leave_form(tracker)


class ActionGoodbyeInForm(Action):
    """"Bye" in the middle of a form ends it with a goodbye, instead of being kept as an answer or refused.

    The rules send every goodbye-looking message here, but a typed answer can look like anything to the NLU
    ("Seeing my grandchildren every week"), so where the form wants words, only a short, confident goodbye counts:
    anything else is handed back to the form as the answer, and the form's own checks see it as usual.
    """

    def name(self) -> str:
        return "action_goodbye_in_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        form = tracker.active_loop_name
        asked = tracker.get_slot("requested_slot")
        text = latest_text(tracker).strip()
        if form and asked and text and _wants_words(domain, asked) and not says_goodbye(tracker):
            return [SlotSet(asked, text), FollowupAction(form)]
        dispatcher.utter_message(response="utter_goodbye")
        return leave_form(tracker)


def _wants_words(domain: DomainDict, slot: str) -> bool:
    """True when the slot is filled with whatever the person types (a from_text mapping)."""
    mappings = ((domain.get("slots") or {}).get(slot) or {}).get("mappings") or []
    return any(isinstance(m, dict) and m.get("type") == "from_text" for m in mappings)
