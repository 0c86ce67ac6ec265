"""Training mode: the quiz form and the guided tour form. The questions and steps come from bot/training."""

from __future__ import annotations

import random
import re
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.dispatch import send
from actions.free_text import QUESTION_INTENTS, answer_typed_question, intent_of, says_stop
from actions.reading import latest_text
from actions.safety import friendly_on_error
from bot.advice.answers import asks_definition, starts_like_a_question
from bot.advice.skipping import is_skip
from bot.knowledge import get_knowledge
from bot.training import quiz, tour
from bot.training.questions import all_questions

QUIZ_SLOTS = ("quiz_state", "quiz_answer")
TOUR_SLOTS = ("tour_position", "tour_answer")
_EXPLAIN = re.compile(r"^\s*(?:explain|why|why\?|tell me more|more|explain (?:it|that|please)|what does that mean)"
                      r"[\s.!?]*$", re.IGNORECASE)


_ROUND_OVER = re.compile(r"^\s*/?(?:end|finish|enough|that'?s enough|no more)\b", re.IGNORECASE)


def _is_stop(tracker: Tracker, text: str, state: quiz.QuizState) -> bool:
    """The learner wants to end the round: said so plainly, or pressed a stop button; never an option's words."""
    waiting = all_questions(get_knowledge()).get(state.asked[-1]) if state.waiting else None
    if waiting is not None and quiz.match_option(waiting, text) is not None:
        return False
    return says_stop(tracker, text) or bool(_ROUND_OVER.match(text))


def _asks_a_question(tracker: Tracker, text: str) -> bool:
    """A learner's own question mid-quiz or mid-tour ("what is a reference group?"): read as a question both by the
    NLU and by its form. It is answered, and the quiz question or tour step stays where it was."""
    if intent_of(tracker) not in QUESTION_INTENTS:
        return False
    return text.rstrip().endswith("?") or asks_definition(text) or starts_like_a_question(text)


def _asks_instead_of_answering(tracker: Tracker, text: str, state: quiz.QuizState) -> bool:
    """A question of the learner's own that is not one of the options' words."""
    waiting = all_questions(get_knowledge()).get(state.asked[-1]) if state.waiting else None
    return waiting is not None and quiz.match_option(waiting, text) is None and _asks_a_question(tracker, text)


def quiz_state(tracker: Tracker) -> quiz.QuizState:
    return quiz.QuizState.from_slot(tracker.get_slot("quiz_state")) or quiz.QuizState(seed=random.randrange(10**9))


def _choice(tracker: Tracker) -> str | None:
    for entity in (tracker.latest_message or {}).get("entities") or []:
        if entity.get("entity") == "quiz_choice":
            return str(entity.get("value"))
    return None


class ActionStartQuiz(Action):
    def name(self) -> str:
        return "action_start_quiz"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        state, replies = quiz.start(get_knowledge(), seed=random.randrange(10**9))
        send(dispatcher, replies)
        return [SlotSet("quiz_state", state.to_slot()), SlotSet("quiz_answer", None)]


class ActionAskQuizAnswer(Action):
    def name(self) -> str:
        return "action_ask_quiz_answer"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        state, reply = quiz.ask(get_knowledge(), quiz_state(tracker))
        send(dispatcher, [reply])
        return [SlotSet("quiz_state", state.to_slot())]


class ValidateQuizForm(FormValidationAction):
    def name(self) -> str:
        return "validate_quiz_form"

    async def validate_quiz_answer(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:
            return {"quiz_answer": None}
        knowledge = get_knowledge()
        state = quiz_state(tracker)
        text = latest_text(tracker) or str(value)
        choice = _choice(tracker)
        if choice is None and _is_stop(tracker, text, state):
            return {"quiz_answer": "stopped"}
        if choice is None and (intent_of(tracker) == "skip" or is_skip(text)):
            state, replies = quiz.record(knowledge, state, quiz.SKIPPED)
        elif choice is None and _EXPLAIN.match(text):
            send(dispatcher, quiz.explain_last(knowledge, state))
            return {"quiz_answer": None}
        elif choice is None and _asks_instead_of_answering(tracker, text, state):
            answer_typed_question(dispatcher, text)  # then the form asks the same quiz question again
            return {"quiz_answer": None}
        else:
            state, replies, _ = quiz.answer(knowledge, state, text, choice)
        send(dispatcher, replies)
        return {"quiz_answer": "done" if state.finished else None, "quiz_state": state.to_slot()}


class ActionQuizSummary(Action):
    """The end of a round, whether finished or stopped: the score, what to revisit, what to read."""

    def name(self) -> str:
        return "action_quiz_summary"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        send(dispatcher, quiz.summary(get_knowledge(), quiz_state(tracker)))
        return [ActiveLoop(None), *(SlotSet(slot, None) for slot in (*QUIZ_SLOTS, "requested_slot"))]


class ActionStartTour(Action):
    def name(self) -> str:
        return "action_start_tour"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        return [SlotSet("tour_position", 0), SlotSet("tour_answer", None)]


def _position(tracker: Tracker) -> int:
    value = tracker.get_slot("tour_position")
    last = len(tour.steps(get_knowledge())) - 1
    return min(max(int(value), 0), last) if isinstance(value, (int, float)) else 0


class ActionAskTourAnswer(Action):
    def name(self) -> str:
        return "action_ask_tour_answer"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        send(dispatcher, [tour.show(get_knowledge(), _position(tracker))])
        return []


class ValidateTourForm(FormValidationAction):
    def name(self) -> str:
        return "validate_tour_form"

    async def validate_tour_answer(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:
            return {"tour_answer": None}
        text = latest_text(tracker) or str(value)
        wanted = tour.heard(text, intent_of(tracker))
        if wanted == tour.STOP:
            return {"tour_answer": "stopped", "tour_position": None}
        if wanted is None and _asks_a_question(tracker, text):
            answer_typed_question(dispatcher, text)  # then the form shows the same step again
            return {"tour_answer": None}
        position, replies = tour.move(get_knowledge(), _position(tracker), text, intent_of(tracker))
        send(dispatcher, replies)
        if position is None:
            return {"tour_answer": "done", "tour_position": None}
        return {"tour_answer": None, "tour_position": position}


class ActionTourEnd(Action):
    def name(self) -> str:
        return "action_tour_end"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        send(dispatcher, [tour.stopped() if tracker.get_slot("tour_answer") == "stopped" else tour.finished()])
        return [SlotSet(slot, None) for slot in TOUR_SLOTS]
