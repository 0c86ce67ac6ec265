"""Answers definitions and guidance questions from the knowledge base."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.dispatch import send
from actions.misses import MISSED_SLOT, reply_to_a_miss
from actions.reading import latest_entity, latest_text
from actions.safety import friendly_on_error
from bot.advice.about_sources import asks_about_sources, sources_replies
from bot.advice.activities import suggest_activities
from bot.advice.answers import asks_definition, dont_know, entry_replies, find_answer
from bot.advice.compare import compare_terms
from bot.advice.did_you_mean import did_you_mean
from bot.advice.planning import names_a_plan, stage_from_context
from bot.advice.reply import Reply
from bot.feedback.buttons import with_feedback
from bot.knowledge import get_knowledge
from bot.knowledge.query import Knowledge


def plan_from_message(dispatcher: CollectingDispatcher, tracker: Tracker) -> list | None:
    """Events that act on a plan the message describes, or None if it describes none.

    With stage, level and audience the activities come at once; with two of them the planning form asks the third.
    """
    text = latest_text(tracker)
    stage = latest_entity(tracker, "stage") or stage_from_context(text)
    level, audience = latest_entity(tracker, "level"), latest_entity(tracker, "audience")
    if not names_a_plan(text, stage, level, audience):
        return None
    events = [SlotSet(name, value) for name, value in (("stage", stage), ("level", level), ("audience", audience))
              if value]
    if stage and level and audience:
        send(dispatcher, suggest_activities(get_knowledge(), stage, level, audience))
        return events
    return [*events, FollowupAction("planning_form")]


def answer_about_sources(dispatcher: CollectingDispatcher, text: str) -> list | None:
    """"How up to date is this?" is about the documents, not a level: the sources, or None for other questions."""
    if not asks_about_sources(text):
        return None
    send(dispatcher, sources_replies(get_knowledge()))
    return [SlotSet(MISSED_SLOT, None)]


def intent_ranking(tracker: Tracker) -> list[tuple[str, float]]:
    """The NLU's ranking of intents for the latest message, likeliest first, without the fallback itself."""
    ranking = (tracker.latest_message or {}).get("intent_ranking") or []
    return [(str(r.get("name")), float(r.get("confidence") or 0)) for r in ranking
            if isinstance(r, dict) and r.get("name") not in ("nlu_fallback", None)]


def unsure_replies(knowledge: Knowledge, tracker: Tracker, text: str) -> list[Reply]:
    """"Did you mean...?" when the NLU has likely meanings to offer, else "I don't know" and who can help."""
    return did_you_mean(knowledge, text, intent_ranking(tracker)) or dont_know(knowledge)


class ActionAnswerQuestion(Action):
    """A question answered from the knowledge base; when nothing answers it well, the likeliest meanings."""

    def name(self) -> str:
        return "action_answer_question"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        message = tracker.latest_message or {}
        text = message.get("text") or ""
        if (message.get("intent") or {}).get("name") == "nlu_fallback":
            planned = plan_from_message(dispatcher, tracker)
            if planned is not None:
                return planned
        knowledge = get_knowledge()
        about_sources = answer_about_sources(dispatcher, text)
        if about_sources is not None:
            return about_sources
        both = compare_terms(knowledge, text)  # "what's the difference between consultation and co-production?"
        if both:
            send(dispatcher, both)
            return [SlotSet(MISSED_SLOT, None)]
        entry, related = find_answer(
            knowledge,
            text,
            definition=asks_definition(text),
            topic_id=latest_entity(tracker, "topic"),
            stage=latest_entity(tracker, "stage"),
            level=latest_entity(tracker, "level"),
        )
        if entry is None:
            # "what is a market position statement?": a word the sources do not explain. Offering other meanings of
            # the question would not help; saying so, and who can, does.
            replies = dont_know(knowledge) if asks_definition(text) else unsure_replies(knowledge, tracker, text)
            return reply_to_a_miss(dispatcher, tracker, replies)
        send(dispatcher, with_feedback(entry_replies(knowledge, entry, related), entry.id))
        return [SlotSet(MISSED_SLOT, None)]


class ActionOutOfScope(Action):
    """Off-topic, unless the message plainly describes a plan the NLU did not recognise."""

    def name(self) -> str:
        return "action_out_of_scope"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        planned = plan_from_message(dispatcher, tracker)
        if planned is not None:
            return planned
        about_sources = answer_about_sources(dispatcher, latest_text(tracker))
        if about_sources is not None:
            return about_sources
        return reply_to_a_miss(dispatcher, tracker, [Reply(response="utter_out_of_scope")])
