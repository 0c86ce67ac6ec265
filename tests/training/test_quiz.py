"""A quiz round: reproducible from its seed, adaptive to mistakes, with feedback and a summary."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.knowledge import Knowledge
from bot.training import quiz
from bot.training.questions import all_questions


def play(knowledge: Knowledge, seed: int, answer_right=lambda question: True) -> quiz.QuizState:
    """A whole round answered by ``answer_right(question)``: True picks the right option, False a wrong one."""
    state, _ = quiz.start(knowledge, seed)
    questions = all_questions(knowledge)
    while not state.finished:
        state, _reply = quiz.ask(knowledge, state)
        question = questions[state.asked[-1]]
        index = question.answer if answer_right(question) else (question.answer + 1) % 4
        state, _replies, understood = quiz.answer(knowledge, state, "", choice=str(index + 1))
        assert understood
    return state


def test_a_seed_makes_a_round_reproducible(knowledge):
    assert play(knowledge, 7).asked == play(knowledge, 7).asked
    assert play(knowledge, 7).asked != play(knowledge, 8).asked


def test_a_round_has_ten_different_questions_of_several_kinds(knowledge):
    state = play(knowledge, 1)
    assert len(state.asked) == quiz.ROUND_LENGTH == len(set(state.asked))
    assert len({q.split(":")[0] for q in state.asked}) >= 5
    assert state.score == 10


def test_more_questions_come_of_the_kind_the_learner_gets_wrong(knowledge):
    def wrong_on_ladders(question):
        return question.kind != "ladder-rung"

    ladder_when_wrong = sum(Counter(q.split(":")[0] for q in play(knowledge, s, wrong_on_ladders).asked)["ladder-rung"]
                            for s in range(20))
    ladder_when_right = sum(Counter(q.split(":")[0] for q in play(knowledge, s).asked)["ladder-rung"]
                            for s in range(20))
    assert ladder_when_wrong > ladder_when_right * 1.5


def test_feedback_says_right_or_wrong_explains_and_cites(knowledge):
    state, _ = quiz.start(knowledge, 3)
    state, _ = quiz.ask(knowledge, state)
    question = all_questions(knowledge)[state.asked[-1]]
    wrong = (question.answer + 1) % 4
    _, replies, _ = quiz.answer(knowledge, state, question.options[wrong])
    text = replies[0].text
    assert text.startswith("Not quite.") and question.right_option in text
    assert question.explanation in text and "Source:" in text
    _, replies, _ = quiz.answer(knowledge, state, question.options[question.answer])
    assert replies[0].text.startswith("Right!")


@pytest.mark.parametrize(("typed", "index"), [("b", 1), ("B", 1), ("2", 1), ("answer c", 2), ("d.", 3)])
def test_typed_letters_and_numbers_are_understood(knowledge, typed, index):
    question = next(iter(all_questions(knowledge).values()))
    assert quiz.match_option(question, typed) == index


def test_typed_option_words_are_understood(knowledge):
    question = next(q for q in all_questions(knowledge).values() if q.kind == "level-pitfall")
    for index, option in enumerate(question.options):
        assert quiz.match_option(question, option.upper()) == index
    assert quiz.match_option(question, "no idea at all") is None


def test_an_answer_that_is_not_understood_keeps_the_question(knowledge):
    state, _ = quiz.start(knowledge, 5)
    state, _ = quiz.ask(knowledge, state)
    after, replies, understood = quiz.answer(knowledge, state, "hmm")
    assert not understood and after == state and "A, B, C" in replies[0].text


def test_skipping_counts_and_shows_the_answer(knowledge):
    state, _ = quiz.start(knowledge, 5)
    state, _ = quiz.ask(knowledge, state)
    state, replies = quiz.record(knowledge, state, quiz.SKIPPED)
    assert replies[0].text.startswith("Skipped. The answer is")
    assert "You skipped 1" in quiz.summary(knowledge, state)[0].text


def test_the_summary_gives_the_score_topics_to_revisit_and_reading(knowledge):
    state = play(knowledge, 11, lambda q: q.kind not in ("ladder-rung", "activity-level"))
    text = quiz.summary(knowledge, state)[0].text
    assert f"You got {state.score} out of 10" in text
    missed = {q.split(":")[0] for q, r in zip(state.asked, state.results, strict=True) if r != quiz.RIGHT}
    for kind in missed:
        assert quiz.KIND_TITLES[kind] in text
    assert "Read next:" in text


def test_explain_talks_about_the_last_answer(knowledge):
    state = play(knowledge, 2)
    last = all_questions(knowledge)[state.asked[-1]]
    assert last.right_option in quiz.explain_last(knowledge, state)[0].text


@pytest.mark.parametrize("junk", [None, "x", {}, {"seed": "1"}, {"seed": 1, "asked": "a"},
                                  {"seed": 1, "asked": [], "results": ["right"]}, {"seed": 1, "results": ["maybe"]}])
def test_a_damaged_state_slot_is_ignored(junk):
    assert quiz.QuizState.from_slot(junk) is None


def test_state_survives_the_slot(knowledge):
    state = play(knowledge, 4)
    assert quiz.QuizState.from_slot(state.to_slot()) == state
