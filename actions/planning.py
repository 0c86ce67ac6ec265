"""The quick-start planning conversation: the planning form, "not sure which level?", and the matrix views."""

from __future__ import annotations

import functools
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.dispatch import send
from actions.free_text import asks_a_question
from actions.reading import latest_entity, latest_intent, latest_text
from actions.safety import friendly_on_error
from bot.advice.activities import all_activities, locate_activity, located, stage_overview, suggest_activities
from bot.advice.activity_names import locate_payload, located_name, match_name, which_one
from bot.advice.answers import answer, entry_replies, find_answer
from bot.advice.planning import (
    FACTORS,
    help_to_choose,
    match_choice,
    recommend_level,
    stage_from_context,
    stage_listed,
    understood_so_far,
    yes_or_no,
)
from bot.feedback.buttons import with_feedback
from bot.knowledge import get_knowledge
from bot.knowledge.model import AUDIENCE_IDS, LEVEL_IDS, STAGE_IDS, Topic

# Another job asked for in the middle of the planning questions ("I'm a parent, I want to help design the youth
# centre", "how much should we pay young people?"): not an answer, even if it names a stage, level or audience, so
# the form refuses it and the rules for that job take over. A test keeps this in step with the slots' not_intent in
# domain/planning.yml.
NOT_ANSWERS = frozenset({"ask_guidance", "ask_activity_location", "get_involved", "plan_support"})
ALLOWED = {"stage": STAGE_IDS, "level": LEVEL_IDS, "audience": AUDIENCE_IDS, "level_wanted": LEVEL_IDS}
FACTOR_SLOTS = tuple(f"factor_{name}" for name in FACTORS)
# Replies to the level advice's yes / no questions that the domain's intent mappings fill (affirm, deny, not sure,
# skip) or that rules take elsewhere (a question on the way, stop, goodbye, asking for a person).
FACTOR_REPLIES_HANDLED = frozenset({"affirm", "deny", "not_sure", "skip", "ask_guidance", "stop", "goodbye",
                                    "human_handoff"})


def choice(value: Any, allowed: tuple[str, ...]) -> str | None:
    """A slot value if it is one of ``allowed`` (the last one when a message named several)."""
    text = value[-1] if isinstance(value, list) and value else value
    return text if isinstance(text, str) and text in allowed else None


def _answered_in_words(slot: str, entity: str, tracker: Tracker) -> dict[str, Any]:
    """Fill the slot being asked from a short answer the entity ruler does not tag ("do", "review", "plan")."""
    if tracker.get_slot("requested_slot") != slot or latest_entity(tracker, entity) or latest_intent(tracker) in NOT_ANSWERS:
        return {}
    value = match_choice(get_knowledge(), entity, latest_text(tracker))
    return {slot: value} if value else {}


class _AskPlanningQuestion:
    """Asks one planning question, after saying back what is known so far (a mixin: rasa_sdk registers every
    concrete Action subclass)."""

    slot = ""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        known = understood_so_far(get_knowledge(), *(choice(tracker.get_slot(slot), ALLOWED[slot])
                                                    for slot in ("stage", "level", "audience")))
        if known:
            dispatcher.utter_message(text=known)
        dispatcher.utter_message(response=f"utter_ask_{self.slot}")
        # The rules read this slot: "not sure" means a different thing at each question.
        return [SlotSet("asking", self.slot)]


ASK_PLANNING_ACTIONS = [
    type(f"AskPlanning_{slot}", (_AskPlanningQuestion, Action), {"slot": slot}) for slot in ("stage", "level", "audience")
]


class ValidatePlanningForm(FormValidationAction):
    """Understands everyday answers and keeps a slot only when it maps to a known id."""

    def name(self) -> str:
        return "validate_planning_form"

    async def extract_stage(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict:
        answered = _answered_in_words("stage", "stage", tracker)
        if answered or latest_entity(tracker, "stage") or latest_intent(tracker) in NOT_ANSWERS:
            return answered
        text = latest_text(tracker)
        # A listed stage ("review, consultation, adults") is as plain as a button, so it may change the stage; one
        # said through a common word ("we're planning a new youth club") only fills an empty one.
        stage = stage_listed(text) or (None if tracker.get_slot("stage") else stage_from_context(text))
        return {"stage": stage} if stage else {}

    async def extract_level(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict:
        return _answered_in_words("level", "level", tracker)

    async def extract_audience(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict:
        return _answered_in_words("audience", "audience", tracker)

    def _validate(self, slot: str, value: Any, dispatcher: CollectingDispatcher) -> dict:
        chosen = choice(value, ALLOWED[slot])
        if chosen is None and value is not None:  # None is a reset, not an answer
            dispatcher.utter_message(response="utter_not_understood_slot")
        return {slot: chosen}

    def validate_stage(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict:
        return self._validate("stage", value, dispatcher)

    def validate_level(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict:
        return self._validate("level", value, dispatcher)

    def validate_audience(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict:
        return self._validate("audience", value, dispatcher)


class ActionHelpToChoose(Action):
    """"Not sure" at the stage or audience question: what each option means, then the question again."""

    def name(self) -> str:
        return "action_help_to_choose"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        text = help_to_choose(get_knowledge(), tracker.get_slot("asking") or "")
        if text:
            dispatcher.utter_message(text=text)
        return []


class ValidateLevelAdviceForm(FormValidationAction):
    def name(self) -> str:
        return "validate_level_advice_form"

    async def extract_level_wanted(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict:
        return _answered_in_words("level_wanted", "level", tracker)

    def __getattr__(self, name: str) -> Any:
        # extract_factor_<name>: one rule for the four yes / no questions
        if name.startswith("extract_factor_"):
            return functools.partial(self._factor_in_words, name.removeprefix("extract_"))
        raise AttributeError(name)

    async def _factor_in_words(
        self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict:
        """A clear yes or no at the start wins ("Not really, staff are stretched": the NLU may read the reasons).
        A reply that is neither, and that no rule takes elsewhere ("adults"), gets a hint and the question again,
        instead of ending the advice early."""
        if tracker.get_slot("requested_slot") != slot:
            return {}
        text = latest_text(tracker)
        answer = yes_or_no(text)
        if answer is not None:
            return {slot: answer}
        intent = latest_intent(tracker)
        if intent in FACTOR_REPLIES_HANDLED or asks_a_question(text, intent):
            return {}
        dispatcher.utter_message(response="utter_yes_no_hint")
        return {slot: None}

    def validate_level_wanted(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict:
        chosen = choice(value, LEVEL_IDS)
        if chosen is None and value is not None:
            dispatcher.utter_message(response="utter_level_wanted_hint")
        return {"level_wanted": chosen}


class _CellAction:
    """Shows something about the chosen matrix cell; the stage, level and audience slots say which.

    A mixin, not an Action: rasa_sdk registers every concrete Action subclass it finds by its name.
    """

    compose = staticmethod(suggest_activities)
    ask_feedback = False

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        stage, level, audience = (choice(tracker.get_slot(s), ALLOWED[s]) for s in ("stage", "level", "audience"))
        if not (stage and level and audience):
            # "Show all" before any plan: ask for what is missing instead of pointing at buttons that are not there.
            dispatcher.utter_message(response="utter_cell_needed")
            return [FollowupAction("planning_form")]
        replies = self.compose(get_knowledge(), stage, level, audience)
        send(dispatcher, with_feedback(replies, f"cell:{stage}/{level}/{audience}") if self.ask_feedback else replies)
        return [SlotSet("asking", None)]


class ActionSuggestActivities(_CellAction, Action):
    compose = staticmethod(suggest_activities)
    ask_feedback = True

    def name(self) -> str:
        return "action_suggest_activities"


class ActionShowAllActivities(_CellAction, Action):
    compose = staticmethod(all_activities)

    def name(self) -> str:
        return "action_show_all_activities"


class ActionShowStage(Action):
    """A whole stage of the matrix, for the audience named or already chosen (adults if neither)."""

    def name(self) -> str:
        return "action_show_stage"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        stage = choice(latest_entity(tracker, "stage") or tracker.get_slot("stage"), STAGE_IDS)
        audience = choice(latest_entity(tracker, "audience") or tracker.get_slot("audience"), AUDIENCE_IDS)
        if stage is None:
            dispatcher.utter_message(response="utter_ask_stage")
            return []
        send(dispatcher, stage_overview(get_knowledge(), stage, audience or "citizens"))
        return [SlotSet("stage", stage)]


class ActionLocateActivity(Action):
    """Where an activity sits in both matrices; falls back to a general answer if no activity matches."""

    def name(self) -> str:
        return "action_locate_activity"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        text = latest_text(tracker)
        knowledge = get_knowledge()
        named = latest_entity(tracker, "activity") or located_name(text)
        match = match_name(knowledge, named) if named else None
        if match is not None and match.ambiguous:
            send(dispatcher, [which_one(match, locate_payload)])
        elif match is not None and match.found:
            send(dispatcher, with_feedback(located(knowledge, list(match.activities)), match.activities[0].id))
        else:
            # A bare phrase the NLU took for an activity may name a guidance topic ("consultation criteria")
            entry, related = find_answer(knowledge, text) if named is None else (None, [])
            if isinstance(entry, Topic):
                send(dispatcher, entry_replies(knowledge, entry, related))
            else:
                send(dispatcher, locate_activity(knowledge, text, unmatched=named) or answer(knowledge, text))
        return []


class ActionRecommendLevel(Action):
    """Turns the answers of the level advice form into a recommended level, then clears them for next time."""

    def name(self) -> str:
        return "action_recommend_level"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        wanted = choice(tracker.get_slot("level_wanted"), LEVEL_IDS) or "consultation"
        factors = {name: bool(tracker.get_slot(f"factor_{name}")) for name in FACTORS}
        advice = recommend_level(get_knowledge(), wanted, factors)
        dispatcher.utter_message(text=advice.text)
        return [SlotSet("level", advice.level), SlotSet("level_wanted", None)] + [
            SlotSet(slot, None) for slot in FACTOR_SLOTS
        ]
