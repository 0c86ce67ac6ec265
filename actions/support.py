"""Support and payments advice, and the consultation check."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.dispatch import send
from actions.free_text import QUESTION_INTENTS, LeavesForAnotherTask, answer_typed_question, intent_of
from actions.reading import latest_text
from actions.safety import friendly_on_error
from bot.advice.consultation import consultation_replies, describes_a_plan
from bot.advice.support import commitment_from_text, groups_from_text, support_replies
from bot.knowledge import get_knowledge

NO_GROUPS = "none"


class ValidateSupportForm(LeavesForAnotherTask, FormValidationAction):
    """Reads the commitment and the groups from everyday words. What the first request already says is used ("how
    much should we pay carers for a focus group?": one-off, carers); a question typed instead of an answer is
    answered and the question asked again; a change of task leaves the form."""

    own_intent = "plan_support"

    def name(self) -> str:
        return "validate_support_form"

    async def extract_sup_commitment(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict:
        return _from_the_request(tracker, "sup_commitment", commitment_from_text(latest_text(tracker)))

    async def extract_sup_people(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict:
        return _from_the_request(tracker, "sup_people", ",".join(groups_from_text(latest_text(tracker))) or None)

    def validate_sup_commitment(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict:
        if value is None:  # a reset, not an answer
            return {"sup_commitment": None}
        commitment = commitment_from_text(value) if isinstance(value, str) else None
        if _answered_a_question(dispatcher, tracker, value, found=commitment is not None):
            return {"sup_commitment": None}
        if commitment is None:
            dispatcher.utter_message(response="utter_sup_commitment_unclear")
        return {"sup_commitment": commitment}

    def validate_sup_people(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict:
        if value is None:  # a reset, not an answer
            return {"sup_people": None}
        groups = groups_from_text(value) if isinstance(value, str) else ()
        if _answered_a_question(dispatcher, tracker, value, found=bool(groups)):
            return {"sup_people": None}
        return {"sup_people": ",".join(groups) or NO_GROUPS}


def _from_the_request(tracker: Tracker, slot: str, value: str | None) -> dict:
    """``value`` for ``slot`` when the message is the request that opens the form and says it, else nothing."""
    opening = tracker.get_slot("requested_slot") is None and intent_of(tracker) == "plan_support"
    return {slot: value} if opening and value and tracker.get_slot(slot) is None else {}


def _answered_a_question(dispatcher: CollectingDispatcher, tracker: Tracker, value: Any, found: bool) -> bool:
    """Answers a question typed instead of picking an answer ("do people on benefits lose money if we pay them?")
    and returns True, so the form asks its question again. A question that carries an answer is the answer."""
    text = str(value)
    if not text.rstrip().endswith("?") or (found and intent_of(tracker) not in QUESTION_INTENTS):
        return False
    answer_typed_question(dispatcher, text)
    return True


class ActionPlanSupport(Action):
    def name(self) -> str:
        return "action_plan_support"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        commitment = tracker.get_slot("sup_commitment") or "one-off"
        people = tracker.get_slot("sup_people") or NO_GROUPS
        groups = tuple(g for g in people.split(",") if g and g != NO_GROUPS)
        send(dispatcher, support_replies(get_knowledge(), commitment, groups))
        # The answers stay, so "change an answer" can re-ask one question; plan_support starts afresh.
        return []


class ValidateConsultationForm(FormValidationAction):
    """Uses the first message as the plan when it already describes one ("our six-week consultation...")."""

    def name(self) -> str:
        return "validate_consultation_form"

    async def extract_consultation_plan(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict:
        text = latest_text(tracker)
        if tracker.get_slot("requested_slot") is None and describes_a_plan(text):
            return {"consultation_plan": text}
        return {}


class ActionCheckConsultation(Action):
    def name(self) -> str:
        return "action_check_consultation"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        plan = tracker.get_slot("consultation_plan") or latest_text(tracker)
        send(dispatcher, consultation_replies(get_knowledge(), plan))
        return [SlotSet("consultation_plan", None)]


class ActionResetSupport(Action):
    """A new support plan starts from nothing."""

    def name(self) -> str:
        return "action_reset_support"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        return [SlotSet("sup_commitment", None), SlotSet("sup_people", None)]
