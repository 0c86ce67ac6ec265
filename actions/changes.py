"""Change one answer of the invitation or support questions, then get the result again without starting over."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.invitation import SLOTS as INVITATION_SLOTS
from actions.reading import latest_entity
from bot.advice.invitation import PARTS
from bot.advice.reply import intent_payload

SUPPORT_SLOTS = {"sup_commitment": "what you are asking people to do", "sup_people": "who is taking part"}
LABELS = {f"inv_{name}": label for name, (label, _) in PARTS.items()} | SUPPORT_SLOTS
FORM_OF = {**{slot: "invitation_form" for slot in INVITATION_SLOTS}, **{slot: "support_form" for slot in SUPPORT_SLOTS}}


class ActionChangeAnswer(Action):
    """With a part named (a button), forget that answer and re-run its form; otherwise offer the parts."""

    def name(self) -> str:
        return "action_change_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        part = latest_entity(tracker, "part")
        if part in FORM_OF:
            return [SlotSet(part, None), FollowupAction(FORM_OF[part])]
        answered = [slot for slot in LABELS if tracker.get_slot(slot) is not None]
        if not answered:
            dispatcher.utter_message(text="There are no answers to change yet. Would you like to start something?")
            return []
        buttons = [
            {"title": f"Change {LABELS[slot]}", "payload": intent_payload("change_answer", part=slot)}
            for slot in answered
        ]
        dispatcher.utter_message(response="utter_which_answer", buttons=buttons)
        return []
