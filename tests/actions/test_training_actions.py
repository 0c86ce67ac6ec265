"""The training actions translate between slots and bot/training: a whole round and the tour, with no server."""

from __future__ import annotations

import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions.training import (
    ActionAskQuizAnswer,
    ActionAskTourAnswer,
    ActionQuizSummary,
    ActionStartQuiz,
    ActionTourEnd,
    ValidateQuizForm,
    ValidateTourForm,
)
from bot.training import quiz
from bot.training.questions import all_questions
from tests.actions.conftest import make_tracker


def run(action, tracker, dispatcher=None):
    return asyncio.run(action.run(dispatcher or CollectingDispatcher(), tracker, {}))


def slots_of(events) -> dict:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def validate_quiz(slots: dict, text: str, intent: str = "inform", entities=None):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots=slots, intent=intent, text=text, entities=entities)
    result = asyncio.run(ValidateQuizForm().validate_quiz_answer(text, dispatcher, tracker, {}))
    return result, [m.get("text") or "" for m in dispatcher.messages]


def test_a_whole_round_through_the_actions(knowledge):
    slots = slots_of(run(ActionStartQuiz(), make_tracker(intent="start_quiz")))
    questions = all_questions(knowledge)
    for number in range(1, quiz.ROUND_LENGTH + 1):
        dispatcher = CollectingDispatcher()
        slots.update(slots_of(run(ActionAskQuizAnswer(), make_tracker(slots=slots), dispatcher)))
        (asked,) = dispatcher.messages
        assert asked["text"].startswith(f"Question {number} of 10.")
        assert [b["title"] for b in asked["buttons"]][-1] == "Skip"
        question = questions[slots["quiz_state"]["asked"][-1]]
        choice = [{"entity": "quiz_choice", "value": str(question.answer + 1)}]
        result, said = validate_quiz(slots, f'/quiz_choice{{"quiz_choice":"{question.answer + 1}"}}',
                                     "quiz_choice", choice)
        assert said[0].startswith("Right!")
        slots.update(result)
    assert slots["quiz_answer"] == "done"
    dispatcher = CollectingDispatcher()
    events = run(ActionQuizSummary(), make_tracker(slots=slots), dispatcher)
    assert "You got 10 out of 10" in dispatcher.messages[0]["text"]
    assert slots_of(events)["quiz_state"] is None


def test_skip_explain_and_a_typed_answer(knowledge):
    state, _ = quiz.start(knowledge, 9)
    state, _ = quiz.ask(knowledge, state)
    slots = {"quiz_state": state.to_slot()}
    result, said = validate_quiz(slots, "explain")
    assert result == {"quiz_answer": None} and said
    result, said = validate_quiz(slots, "skip", intent="skip")
    assert said[0].startswith("Skipped.") and result["quiz_state"]["results"] == ["skipped"]
    state = quiz.QuizState.from_slot(result["quiz_state"])
    state, _ = quiz.ask(knowledge, state)
    question = all_questions(knowledge)[state.asked[-1]]
    result, said = validate_quiz({"quiz_state": state.to_slot()}, "abcd"[question.answer])
    assert said[0].startswith("Right!")


def test_the_tour_moves_and_ends():
    dispatcher = CollectingDispatcher()
    run(ActionAskTourAnswer(), make_tracker(slots={"tour_position": 0}), dispatcher)
    assert dispatcher.messages[0]["text"].startswith("The matrix")
    validate = ValidateTourForm().validate_tour_answer
    tracker = make_tracker(slots={"tour_position": 0}, text="next", intent="affirm")
    assert asyncio.run(validate("next", CollectingDispatcher(), tracker, {})) == {
        "tour_answer": None, "tour_position": 1}
    tracker = make_tracker(slots={"tour_position": 8}, text="next")
    assert asyncio.run(validate("next", CollectingDispatcher(), tracker, {})) == {
        "tour_answer": "done", "tour_position": None}
    tracker = make_tracker(slots={"tour_position": "junk"}, text="more")
    dispatcher = CollectingDispatcher()
    assert asyncio.run(validate("more", dispatcher, tracker, {}))["tour_position"] == 0
    assert dispatcher.messages[0]["text"].startswith("More about")


def test_stop_ends_the_round_but_an_answer_that_looks_like_stop_does_not(knowledge):
    state, _ = quiz.start(knowledge, 9)
    state, _ = quiz.ask(knowledge, state)
    assert validate_quiz({"quiz_state": state.to_slot()}, "stop", intent="stop")[0] == {"quiz_answer": "stopped"}
    assert validate_quiz({"quiz_state": state.to_slot()}, "/stop", intent="stop")[0] == {"quiz_answer": "stopped"}
    question = all_questions(knowledge)[state.asked[-1]]
    result, said = validate_quiz({"quiz_state": state.to_slot()}, question.right_option, intent="stop")
    assert said[0].startswith("Right!") and result["quiz_answer"] is None


def test_stopping_the_tour_says_so():
    validate = ValidateTourForm().validate_tour_answer
    tracker = make_tracker(slots={"tour_position": 3}, text="stop", intent="stop")
    assert asyncio.run(validate("stop", CollectingDispatcher(), tracker, {})) == {
        "tour_answer": "stopped", "tour_position": None}
    dispatcher = CollectingDispatcher()
    run(ActionTourEnd(), make_tracker(slots={"tour_answer": "stopped"}), dispatcher)
    assert "stop the tour here" in dispatcher.messages[0]["text"]


def test_a_question_of_the_learners_own_is_answered_and_the_quiz_question_stays(knowledge):
    state, _ = quiz.start(knowledge, 9)
    state, _ = quiz.ask(knowledge, state)
    slots = {"quiz_state": state.to_slot()}
    result, said = validate_quiz(slots, "what is a sounding board?", intent="ask_guidance")
    assert result == {"quiz_answer": None}  # nothing recorded: the form asks the same question again
    assert said[0].lower().startswith("sounding board")
    result, said = validate_quiz(slots, "the moon", intent="out_of_scope")
    assert said[0].startswith("Sorry, I didn't catch which answer you chose")


def test_a_question_mid_tour_is_answered_and_the_step_stays():
    validate = ValidateTourForm().validate_tour_answer
    tracker = make_tracker(slots={"tour_position": 2}, text="what does negotiation mean?", intent="ask_guidance")
    dispatcher = CollectingDispatcher()
    assert asyncio.run(validate("what does negotiation mean?", dispatcher, tracker, {})) == {"tour_answer": None}
    assert "agree" in dispatcher.messages[0]["text"].lower()
