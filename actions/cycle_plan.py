"""The whole-cycle engagement plan: the form that builds it, and "show my plan". The logic is in bot/plans."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.dispatch import send
from actions.free_text import QUESTION_INTENTS, intent_of, means, says_stop
from actions.misses import handover
from actions.plan_slot import PLAN_SLOT, stored_plan
from actions.questions import plan_from_message
from actions.reading import latest_entity, latest_text
from actions.safety import friendly_on_error
from bot.advice.answers import answer, asks_definition
from bot.advice.compare import compare_activities, split_candidates
from bot.advice.reply import Button, Reply, intent_payload
from bot.knowledge import get_knowledge
from bot.knowledge.model import AUDIENCE_IDS, STAGE_IDS
from bot.plans import builder
from bot.plans.document import no_plan_replies, plan_replies
from bot.plans.model import EngagementPlan

ANSWER_SLOT = "plan_answer"
STOPPED, FINISHED = "stopped", "finished"
DIGRESSIONS = ("show_plan", "compare_activities", "human_handoff")


class ActionStartCyclePlan(Action):
    """Carries on with an unfinished plan; otherwise starts one from what the message already says."""

    def name(self) -> str:
        return "action_start_cycle_plan"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        knowledge = get_knowledge()
        plan = stored_plan(tracker)
        resuming = plan is not None and not plan.finished and plan.has_content
        level = latest_entity(tracker, "level")
        if not resuming and level and not builder.asks_for_whole_project(latest_text(tracker)):
            # "We're planning a new youth club and want to work with teenagers as equals": one cell, not a
            # whole-project plan, whatever the NLU thought.
            return plan_from_message(dispatcher, tracker) or [SlotSet("level", level), FollowupAction("planning_form")]
        if resuming:
            dispatcher.utter_message(text="Let's carry on with your plan.")
        else:
            stages = tuple(v for v in tracker.get_latest_entity_values("stage") if v in STAGE_IDS)
            audience = latest_entity(tracker, "audience")
            plan = builder.start(knowledge, latest_text(tracker), audience if audience in AUDIENCE_IDS else None, stages)
        return [SlotSet(PLAN_SLOT, plan.to_slot()), SlotSet(ANSWER_SLOT, None)]


class ActionAskPlanAnswer(Action):
    def name(self) -> str:
        return "action_ask_plan_answer"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        knowledge = get_knowledge()
        plan = builder.settle(knowledge, stored_plan(tracker) or EngagementPlan())
        send(dispatcher, [builder.prompt(knowledge, plan)])
        return [SlotSet(PLAN_SLOT, plan.to_slot())]


class ValidateCyclePlanForm(FormValidationAction):
    """Every reply goes here; the validator tells answers from "stop" and from questions asked on the way."""

    def name(self) -> str:
        return "validate_cycle_plan_form"

    async def validate_plan_answer(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:
            return {ANSWER_SLOT: None}
        knowledge = get_knowledge()
        plan = stored_plan(tracker) or builder.settle(knowledge, EngagementPlan())
        text = latest_text(tracker) or str(value)
        choice = latest_entity(tracker, builder.CHOICE_ENTITY)
        if choice is None and says_stop(tracker, text):
            return {ANSWER_SLOT: STOPPED}
        if choice is None and self._digression(dispatcher, tracker, plan, text):
            return {ANSWER_SLOT: None}  # the plan is unchanged and its question is asked again
        new_plan, replies = builder.hear(knowledge, plan, text, choice)
        asked = choice is None and text.rstrip().endswith("?")
        if asked and (new_plan == plan or asks_definition(text) or intent_of(tracker) in QUESTION_INTENTS):
            # A question on the way ("what does negotiation mean?"): answer it, keep the plan, ask again.
            new_plan = plan
            replies = answer(knowledge, text, definition=asks_definition(text),
                             stage=latest_entity(tracker, "stage"), level=latest_entity(tracker, "level"))
        send(dispatcher, replies)
        return {ANSWER_SLOT: FINISHED if new_plan.finished else None, PLAN_SLOT: new_plan.to_slot()}


    @staticmethod
    def _digression(dispatcher: CollectingDispatcher, tracker: Tracker, plan: EngagementPlan, text: str) -> bool:
        """"/plan", "compare X and Y" or "I want to talk to someone" in the middle of the plan: do it, then carry
        on. Only plain, confident requests count, so an answer that merely mentions a plan is still an answer."""
        intent = intent_of(tracker)
        if intent not in DIGRESSIONS or not means(tracker, intent, max_words=15, min_confidence=0.7):
            return False
        if intent == "compare_activities" and not split_candidates(text):
            return False  # "a one-off survey" names one thing: an answer, not a request to compare two
        knowledge = get_knowledge()
        if intent == "show_plan":
            send(dispatcher, plan_replies(knowledge, plan))
        elif intent == "compare_activities":
            send(dispatcher, compare_activities(knowledge, text))
        else:
            handover(dispatcher, tracker)
        return True


class ActionCyclePlanEnd(Action):
    """The plan when it is finished; when stopped, a word that what was decided is kept."""

    def name(self) -> str:
        return "action_cycle_plan_end"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        plan = stored_plan(tracker)
        if tracker.get_slot(ANSWER_SLOT) == FINISHED and plan is not None:
            send(dispatcher, plan_replies(get_knowledge(), plan))
        else:
            send(dispatcher, [Reply(
                text="OK, I've stopped the plan. I've kept what you decided so far.",
                buttons=(Button("Show my plan", intent_payload("show_plan")),
                         Button("Carry on with the plan", intent_payload("plan_whole_cycle"))),
            )])
        return [SlotSet(ANSWER_SLOT, None), SlotSet("requested_slot", None)]


class ActionShowPlan(Action):
    def name(self) -> str:
        return "action_show_plan"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        plan = stored_plan(tracker)
        knowledge = get_knowledge()
        if plan is not None and plan.has_content:
            send(dispatcher, plan_replies(knowledge, plan))
            return []
        if not builder.asks_to_see_a_plan(latest_text(tracker)):
            # "plan activities", read as "show my plan" when there is no plan: the person wants to plan.
            return [FollowupAction("planning_form")]
        send(dispatcher, no_plan_replies())
        return []
