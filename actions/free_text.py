"""Shared rules for questions answered in the person's own words (invitation, getting involved, notes)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecutionRejected
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.dispatch import send
from bot.advice.answers import answer, asks_definition, starts_like_a_question
from bot.advice.skipping import SKIPPED, is_skip
from bot.knowledge import get_knowledge

# Intents of questions someone may ask in the middle of a form; the answer comes from the knowledge base.
QUESTION_INTENTS = ("ask_guidance", "ask_activity_location", "compare_activities", "ask_stage_activities")
_STOP = re.compile(r"^\s*/?(?:stop|cancel|quit|exit|start again|start over)\b", re.IGNORECASE)
# Requests that start another task. Typed instead of an answer, with words that say so, they leave the form.
TASK_INTENTS = (
    "plan_activities", "plan_whole_cycle", "plan_support", "draft_invitation", "get_involved",
    "plan_person_centred_conversation", "start_training", "start_quiz", "start_tour", "ask_stage_activities",
    "human_handoff",
)
# An answer can sound like a task ("co-designing the new youth service with young people"); a change of task says
# so: "actually, let's plan activities for the review stage instead", "can you help me with payments?"
_SWITCH = re.compile(
    r"\b(?:actually|instead|rather|forget (?:it|that|this|about)|never ?mind|change of plan|changed my mind|"
    r"scrap (?:it|that|this)|let'?s|lets|switch|can (?:we|you|i)|could (?:we|you|i)|help me|show me|take me|"
    r"go back to)\b",
    re.IGNORECASE,
)


# Asking for a person says so plainly ("I'd like to talk to a real person"). "Someone to talk to" or "I need someone
# with me" are answers to "what would help you take part?", so the NLU's intent alone is not enough.
_ASKS_FOR_PERSON = re.compile(
    r"\b(?:i'?d like|i would like|i want|i wanna|can i|could i|may i|let me|i need)\s+(?:to\s+)?"
    r"(?:talk|speak|chat)\s+(?:to|with)\s+(?:a\s+|an\s+|the\s+)?(?:real\s+|actual\s+)?"
    r"(?:person|human|someone|somebody|member of staff|staff|advisor|adviser|officer)\b"
    r"|\bput me through\b",
    re.IGNORECASE,
)


def intent_of(tracker: Tracker) -> str | None:
    return ((tracker.latest_message or {}).get("intent") or {}).get("name")


def means(tracker: Tracker, intent: str, max_words: int = 5, min_confidence: float = 0.8) -> bool:
    """True when the latest message is surely ``intent``: a free-text answer can look like anything to the NLU
    ("Seeing my grandchildren every week" once scored as "draft it now"), so only short, confident ones count."""
    latest = tracker.latest_message or {}
    found = latest.get("intent") or {}
    words = len(str(latest.get("text") or "").split())
    return found.get("name") == intent and float(found.get("confidence") or 0) >= min_confidence and words <= max_words


def says_goodbye(tracker: Tracker) -> bool:
    """True when the latest message is surely a goodbye ("bye", "thanks, bye for now"), not an answer."""
    return means(tracker, "goodbye", max_words=6, min_confidence=0.6)


def says_stop(tracker: Tracker, text: str) -> bool:
    """True when a form's free-text answer is really "stop": said plainly, a short, confident stop intent, or a
    plain goodbye (leaving is stopping too)."""
    return bool(_STOP.match(text)) or means(tracker, "stop", max_words=3) or says_goodbye(tracker)


def switch_of_task(tracker: Tracker, own_intent: str, min_confidence: float = 0.7) -> list | None:
    """Events that leave the open form when the message asks for another task instead of answering, else None.

    A change of task is a confident task intent other than the form's own, said with words that mark a change
    ("actually, let's plan activities for the review stage instead", "can you help me with payments?"), or a plain
    request for a person ("I'd like to talk to a real person"). The form
    is rejected for this turn, so the new task's rule runs as if no form were open; the answers so far are kept.
    """
    latest = tracker.latest_message or {}
    found = latest.get("intent") or {}
    form = (tracker.active_loop or {}).get("name")
    text = str(latest.get("text") or "")
    marked = _SWITCH.search(text) or (found.get("name") == "human_handoff" and _ASKS_FOR_PERSON.search(text))
    if (not form or not tracker.get_slot("requested_slot") or found.get("name") == own_intent
            or found.get("name") not in TASK_INTENTS or float(found.get("confidence") or 0) < min_confidence
            or not marked):
        return None
    return [ActionExecutionRejected(form)]


class LeavesForAnotherTask:
    """A form validation mixin: a change of task typed instead of an answer leaves the form (:func:`switch_of_task`).

    ``own_intent`` starts the form, so asking for it again is not a change. A mixin, not an action: rasa_sdk
    registers every concrete Action subclass it finds.
    """

    own_intent = ""

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list:
        leaving = switch_of_task(tracker, self.own_intent)
        if leaving is not None:
            return leaving
        return await super().get_validation_events(dispatcher, tracker, domain)  # type: ignore[misc]


def answer_typed_question(dispatcher: CollectingDispatcher, text: str) -> None:
    """Answers from the knowledge base a question typed where a form wanted an answer; the form then asks again."""
    send(dispatcher, answer(get_knowledge(), text, definition=asks_definition(text)))


def asks_a_question(text: str, intent: str | None) -> bool:
    """True when a message typed where a form wanted an answer is a question of its own: it ends with "?" and
    either the NLU reads a question ("where does mystery shopping fit?") or it opens with a question word ("how
    much should we pay young people?", "what's the weather like?"). Answers to our questions do not end that way."""
    return text.rstrip().endswith("?") and (intent in QUESTION_INTENTS or starts_like_a_question(text))


def free_text_value(slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
    """The slot update for a typed answer.

    A reset (None) stays None; "skip" and friends become :data:`SKIPPED`; "what do you mean?" gets the question
    again; a question typed instead of an answer is answered from the knowledge base (or "I don't know") and the
    question is asked again; anything else is kept, trimmed. A change of task is not an answer: forms leave for it
    (:class:`LeavesForAnotherTask`).
    """
    if value is None:
        return {slot: None}
    intent = intent_of(tracker)
    text = str(value)
    if means(tracker, "help", max_words=8):
        dispatcher.utter_message(response="utter_ask_again")
        return {slot: None}
    if asks_a_question(text, intent):
        answer_typed_question(dispatcher, text)
        return {slot: None}
    if is_skip(text) or means(tracker, "skip"):
        return {slot: SKIPPED}
    return {slot: text.strip()[:500]}


def typed_or_none(value: Any) -> str | None:
    """A stored answer, or None when it was skipped or never given."""
    return None if value in (None, SKIPPED) else str(value)
