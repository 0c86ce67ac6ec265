"""A quiz round: ten questions, adaptive to what the learner gets wrong, with feedback after each answer.

The round's state is a small plain dict (kept in one slot): the seed, the ids of the questions asked and what
happened to each. Everything else is rebuilt from the knowledge base, so a round is reproducible from its seed.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from bot.advice.reply import Button, Reply, intent_payload, topic_button
from bot.knowledge import render
from bot.knowledge.query import Knowledge
from bot.training.questions import KIND_READING, KIND_TITLES, Question, all_questions

ROUND_LENGTH = 10
RIGHT, WRONG, SKIPPED = "right", "wrong", "skipped"
READ_NEXT = {
    "activity-level": "levels-overview",
    "activity-stage": "stages-overview",
    "activity-for-goal": "choosing-activities-citizens",
    "consultation-length": "consultation-criteria",
    "invitation-contents": "invitation-minimum-contents",
    "support-kind": "support-kinds",
    "ladder-rung": "ladder-of-participation",
    "level-pitfall": "thomas-levels-overview",
}
_LETTERS = "abcd"


@dataclass(frozen=True)
class QuizState:
    seed: int
    asked: tuple[str, ...] = ()
    results: tuple[str, ...] = ()

    @property
    def waiting(self) -> bool:
        """True while the last question asked has no answer yet."""
        return len(self.results) < len(self.asked)

    @property
    def finished(self) -> bool:
        return len(self.results) >= ROUND_LENGTH

    @property
    def score(self) -> int:
        return self.results.count(RIGHT)

    def to_slot(self) -> dict[str, Any]:
        return {"seed": self.seed, "asked": list(self.asked), "results": list(self.results)}

    @classmethod
    def from_slot(cls, value: Any) -> QuizState | None:
        """The state kept in the slot, or None if there is none or it is not one of ours."""
        if not isinstance(value, dict) or not isinstance(value.get("seed"), int):
            return None
        asked, results = value.get("asked", []), value.get("results", [])
        if not (isinstance(asked, list) and isinstance(results, list)):
            return None
        if not all(isinstance(a, str) for a in asked) or not all(r in (RIGHT, WRONG, SKIPPED) for r in results):
            return None
        if len(results) > len(asked):
            return None
        return cls(value["seed"], tuple(asked), tuple(results))


def _kind(question_id: str) -> str:
    return question_id.split(":", 1)[0]


def pick_next(knowledge: Knowledge, state: QuizState) -> Question:
    """The next question: kinds not yet asked first, then more of the kinds the learner got wrong."""
    questions = all_questions(knowledge)
    rng = random.Random(f"{state.seed}:{len(state.asked)}")
    asked_kinds = Counter(_kind(q) for q in state.asked)
    wrong_kinds = Counter(_kind(q) for q, r in zip(state.asked, state.results, strict=False) if r != RIGHT)
    remaining: dict[str, list[str]] = {}
    for qid in sorted(questions):
        if qid not in state.asked:
            remaining.setdefault(_kind(qid), []).append(qid)
    kinds = sorted(remaining)
    weights = [(3 if not asked_kinds[k] else 1) + 4 * wrong_kinds[k] for k in kinds]
    kind = rng.choices(kinds, weights=weights)[0]
    return questions[rng.choice(remaining[kind])]


def start(knowledge: Knowledge, seed: int) -> tuple[QuizState, list[Reply]]:
    state = QuizState(seed)
    intro = Reply(
        text=f"Let's test what you know. I'll ask {ROUND_LENGTH} questions about the matrices and the guide. "
        'Pick an answer, or type it. Say "skip" to pass, "explain" to hear more about the last answer, '
        'or "stop" to finish.'
    )
    return state, [intro]


def ask(knowledge: Knowledge, state: QuizState) -> tuple[QuizState, Reply]:
    """The question to show now: the one waiting for an answer, or a new one."""
    questions = all_questions(knowledge)
    if state.waiting and state.asked[-1] in questions:
        question = questions[state.asked[-1]]
    else:
        question = pick_next(knowledge, state)
        state = QuizState(state.seed, (*state.asked[: len(state.results)], question.id), state.results)
    number = len(state.asked)
    buttons = tuple(
        Button(option, intent_payload("quiz_choice", quiz_choice=str(index + 1)))
        for index, option in enumerate(question.options)
    ) + (Button("Skip", intent_payload("skip")),)
    lines = [f"Question {number} of {ROUND_LENGTH}. {question.prompt}"]
    lines += [f"{_LETTERS[i].upper()}. {option}" for i, option in enumerate(question.options)]
    return state, Reply(text="\n".join(lines), buttons=buttons)


def _words(text: str) -> list[str]:
    return re.sub(r"[^a-z0-9 ]", " ", (text or "").lower()).split()


def match_option(question: Question, text: str, choice: str | None = None) -> int | None:
    """Which option the learner chose: a button's number, a letter or number typed, or the option's words."""
    if choice and choice.isdigit() and 1 <= int(choice) <= len(question.options):
        return int(choice) - 1
    said = _words(text)
    if len(said) == 1 and said[0] in _LETTERS[: len(question.options)]:
        return _LETTERS.index(said[0])
    if len(said) == 1 and said[0].isdigit() and 1 <= int(said[0]) <= len(question.options):
        return int(said[0]) - 1
    if len(said) == 2 and said[0] in ("answer", "option") and said[1] in _LETTERS:
        return _LETTERS.index(said[1])
    phrase = " ".join(said)
    if not phrase:
        return None
    options = [" ".join(_words(option)) for option in question.options]
    exact = [i for i, option in enumerate(options) if option == phrase]
    if len(exact) == 1:
        return exact[0]
    containing = [i for i, option in enumerate(options) if re.search(rf"\b{re.escape(phrase)}\b", option)]
    return containing[0] if len(containing) == 1 and len(phrase) >= 4 else None


def _feedback(knowledge: Knowledge, question: Question, outcome: str) -> Reply:
    if outcome == RIGHT:
        opening = "Right!"
    elif outcome == WRONG:
        opening = f"Not quite. The answer is: {question.right_option}."
    else:
        opening = f"Skipped. The answer is: {question.right_option}."
    return Reply(text=f"{opening}\n{question.explanation}\n{render.source_line(knowledge, (question.source,))}")


def record(knowledge: Knowledge, state: QuizState, outcome: str) -> tuple[QuizState, list[Reply]]:
    """Mark the waiting question right, wrong or skipped and say why."""
    if not state.waiting:
        return state, []
    question = all_questions(knowledge).get(state.asked[-1])
    state = QuizState(state.seed, state.asked, (*state.results, outcome))
    return state, ([_feedback(knowledge, question, outcome)] if question else [])


def answer(knowledge: Knowledge, state: QuizState, text: str, choice: str | None = None
           ) -> tuple[QuizState, list[Reply], bool]:
    """Check an answer. Returns the new state, the replies, and whether the answer was understood."""
    question = all_questions(knowledge).get(state.asked[-1]) if state.waiting else None
    if question is None:
        return state, [], False
    index = match_option(question, text, choice)
    if index is None:
        hint = Reply(text="Sorry, I didn't catch which answer you chose. Pick one of the buttons, or type A, B, C "
                          'or D. Say "skip" to pass.')
        return state, [hint], False
    state, replies = record(knowledge, state, RIGHT if index == question.answer else WRONG)
    return state, replies, True


def explain_last(knowledge: Knowledge, state: QuizState) -> list[Reply]:
    """More about the last question answered: its explanation and where to read more."""
    answered = state.asked[: len(state.results)]
    questions = all_questions(knowledge)
    if not answered or answered[-1] not in questions:
        return [Reply(text="Each question is about the matrices or the guide. After you answer, I'll say why the "
                           'answer is right. Say "explain" then to hear more.')]
    question = questions[answered[-1]]
    topic = knowledge.topic(READ_NEXT[question.kind])
    return [
        Reply(
            text=f"About the last question (the answer was: {question.right_option}).\n{question.explanation}\n"
            f"{topic.title}: {topic.summary}\n{render.source_line(knowledge, (question.source, topic.source))}"
        )
    ]


def summary(knowledge: Knowledge, state: QuizState) -> list[Reply]:
    answered = len(state.results)
    if not answered:
        return [Reply(text="No questions answered this time. Say \"quiz me\" whenever you want to try.",
                      buttons=(Button("Quiz me", intent_payload("start_quiz")),))]
    missed = Counter(_kind(q) for q, r in zip(state.asked, state.results, strict=False) if r != RIGHT)
    lines = [f"You got {state.score} out of {answered}."]
    if state.results.count(SKIPPED):
        lines[0] += f" You skipped {state.results.count(SKIPPED)}."
    if missed:
        lines.append("Topics to look at again:")
        lines += [f"{render.BULLET} {KIND_TITLES[kind]}" for kind, _ in missed.most_common()]
        lines.append("Read next: " + ", ".join(KIND_READING[kind] for kind, _ in missed.most_common(3)) + ".")
        buttons = tuple(topic_button(knowledge.topic(READ_NEXT[kind]).title, READ_NEXT[kind])
                        for kind, _ in missed.most_common(3))
    else:
        lines.append("Well done: nothing to revisit. Try the tour of the matrix, or another round.")
        buttons = ()
    buttons += (Button("Another round", intent_payload("start_quiz")), Button("Tour of the matrix",
                                                                              intent_payload("start_tour")))
    return [Reply(text="\n".join(lines), buttons=buttons)]
