"""Members of the public finding a way to take part; staff planning a person-centred conversation."""

from __future__ import annotations

import functools
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.dispatch import send
from actions.free_text import LeavesForAnotherTask, free_text_value, typed_or_none
from actions.reading import latest_intent, latest_text
from actions.safety import friendly_on_error
from bot.advice.involvement import Preferences, interest_stated, involvement_replies
from bot.advice.person_centred import question_ids, question_text, summary_replies
from bot.knowledge import get_knowledge

INVOLVEMENT_SLOTS = {"ci_cares": "cares_about", "ci_good_at": "good_at", "ci_how": "how", "ci_help": "help_needed"}


def pc_slot(question_id: str) -> str:
    return "pc_" + question_id.replace("-", "_")


class _FreeTextForm(LeavesForAnotherTask):
    """Every slot of the form is a typed answer that can be skipped (see actions/free_text.py).

    A mixin, not an action: rasa_sdk registers every concrete Action subclass it finds.
    """

    prefix = ""

    def __getattr__(self, name: str) -> Any:
        if name.startswith(f"validate_{self.prefix}"):
            return functools.partial(self._validate_answer, name.removeprefix("validate_"))
        raise AttributeError(name)

    def _validate_answer(
        self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict:
        return free_text_value(slot, value, dispatcher, tracker)


class ValidateInvolvementForm(_FreeTextForm, FormValidationAction):
    prefix = "ci_"
    own_intent = "get_involved"

    def name(self) -> str:
        return "validate_involvement_form"

    async def extract_ci_cares(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict:
        """"I want to have a say about my son's school transport": what matters is said as the form opens, so
        the first question is not asked, and the person hears what was noted."""
        asking = tracker.get_slot("requested_slot")
        if asking in INVOLVEMENT_SLOTS or tracker.get_slot("ci_cares") or latest_intent(tracker) != self.own_intent:
            return {}
        topic = interest_stated(latest_text(tracker))
        if topic is None:
            return {}
        dispatcher.utter_message(response="utter_noted_interest", topic=topic)
        return {"ci_cares": topic}


class ValidatePersonCentredForm(_FreeTextForm, FormValidationAction):
    prefix = "pc_"
    own_intent = "plan_person_centred_conversation"

    def name(self) -> str:
        return "validate_person_centred_form"


class ActionSuggestInvolvement(Action):
    def name(self) -> str:
        return "action_suggest_involvement"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        prefs = Preferences(**{field: typed_or_none(tracker.get_slot(slot)) for slot, field in INVOLVEMENT_SLOTS.items()})
        audience = "cyp" if tracker.get_slot("audience") == "cyp" else "citizens"
        send(dispatcher, involvement_replies(get_knowledge(), prefs, audience))
        return [SlotSet(slot, None) for slot in INVOLVEMENT_SLOTS]


class ActionPersonCentredNotes(Action):
    def name(self) -> str:
        return "action_person_centred_notes"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        knowledge = get_knowledge()
        ids = question_ids(knowledge)
        answers = {qid: typed_or_none(tracker.get_slot(pc_slot(qid))) for qid in ids}
        send(dispatcher, summary_replies(knowledge, answers))
        return [SlotSet(pc_slot(qid), None) for qid in ids]


class _AskPersonCentredQuestion:
    """Asks one question of the person-centred form, worded from the knowledge base (a mixin, see above)."""

    question_id = ""

    def name(self) -> str:
        return f"action_ask_{pc_slot(self.question_id)}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        knowledge = get_knowledge()
        ids = question_ids(knowledge)
        dispatcher.utter_message(
            text=question_text(knowledge, self.question_id, ids.index(self.question_id) + 1, len(ids)),
            buttons=[{"title": "Skip", "payload": "/skip"}],
        )
        return []


# The questions' ids in the knowledge base (person-centred-questions). The domain names the same slots and ask
# actions; tests/actions check that all three agree, so a change to the slides' questions cannot go unnoticed.
PERSON_CENTRED_QUESTIONS = (
    "what-matters", "important-to", "good-at", "outcomes", "relationships", "would-like-to-do", "important-for",
    "where-now",
)
ASK_ACTIONS = [
    type(f"AskPersonCentred_{pc_slot(qid)}", (_AskPersonCentredQuestion, Action), {"question_id": qid})
    for qid in PERSON_CENTRED_QUESTIONS
]
