"""A guided tour of the matrix: what it is, then the four stages and the four levels, one step at a time.

The learner moves with "next" and "back", asks for "more about this", or stops. Every step is written from the
knowledge base: a stage's summary and example, a level's meaning, and an activity from the citizens' matrix.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from bot.advice.reply import Button, Reply, intent_payload
from bot.knowledge import model, render
from bot.knowledge.query import Knowledge

EXAMPLE_AUDIENCE = "citizens"
NEXT, BACK, MORE, STOP = "next", "back", "more", "stop"
_WORDS = {
    NEXT: ("next", "continue", "go on", "carry on", "ok", "okay", "yes", "forward", "onward", "ready"),
    BACK: ("back", "previous", "go back", "last one", "before"),
    MORE: ("more", "explain", "tell me more", "why", "detail", "details", "example"),
    STOP: ("stop", "end", "quit", "exit", "finish", "done", "enough"),
}


@dataclass(frozen=True)
class Step:
    title: str
    text: str
    more: str
    sources: tuple[model.SourceRef, ...]


def _example_activity(knowledge: Knowledge, stage: str | None = None, level: str | None = None) -> model.Activity:
    for activity in knowledge.kb.activities:
        if activity.audience == EXAMPLE_AUDIENCE and stage in (None, activity.stage) and level in (None, activity.level):
            return activity
    raise LookupError(f"no activity for stage {stage} level {level}")


def _first_sentences(text: str, count: int = 2) -> str:
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    return " ".join(sentences[:count])


@functools.lru_cache(maxsize=8)
def steps(knowledge: Knowledge) -> tuple[Step, ...]:
    stages, levels = knowledge.kb.stages, knowledge.kb.levels
    stages_topic, levels_topic = knowledge.topic("stages-overview"), knowledge.topic("levels-overview")
    tour = [
        Step(
            "The matrix",
            f"The matrix is a grid that suggests ways to involve people. Down the side are the {len(stages)} stages "
            f"of commissioning. Across the top are {len(levels)} levels: how much say people have. Each box lists "
            "activities. There is one matrix for citizens and adults, and one for children, young people and "
            "families.",
            f"{stages_topic.summary} {levels_topic.summary}",
            (stages_topic.source, levels_topic.source),
        )
    ]
    for stage in stages:
        activity = _example_activity(knowledge, stage=stage.id, level="consultation")
        tour.append(
            Step(
                f"Stage {stage.order} of {len(stages)}: {stage.name}",
                f"{stage.summary}\nFor example: {stage.examples[0] if stage.examples else stage.what_happens}\n"
                f"One way to involve people here: {activity.name}. {activity.description}",
                f"{stage.what_happens}\nPeople can help by:\n"
                + "\n".join(f"{render.BULLET} {item}" for item in stage.involve_in),
                (*stage.sources, activity.source),
            )
        )
    thomas = {t.id: t for t in knowledge.kb.thomas_levels}
    for level in levels:
        activity = _example_activity(knowledge, level=level.id)
        face = thomas.get(level.thomas_level or "")
        tour.append(
            Step(
                f"Level {level.order} of {len(levels)}: {level.name} ({level.short.lower()})",
                f"{_first_sentences(level.meaning)}\nFor example: {activity.name}. {activity.description}",
                f"{level.meaning}" + (f"\n{face.explanation}" if face else ""),
                (*level.sources, activity.source, *((face.source,) if face else ())),
            )
        )
    return tuple(tour)


def heard(text: str, intent: str | None = None) -> str | None:
    """What the learner asked for: next, back, more or stop; None if it is not clear."""
    said = " ".join(re.sub(r"[^a-z ]", " ", (text or "").lower()).split())
    for move in (STOP, BACK, MORE, NEXT):  # "more" before "next": "tell me more" is not a step forward
        if any(re.search(rf"\b{re.escape(word)}\b", said) for word in _WORDS[move]):
            return move
    # The words come first: the NLU once read "back" as "stop".
    return {"stop": STOP, "affirm": NEXT}.get(intent or "")


def show(knowledge: Knowledge, position: int) -> Reply:
    tour = steps(knowledge)
    step = tour[position]
    buttons = [Button("Next", "next")] if position < len(tour) - 1 else [Button("Finish", "next")]
    if position > 0:
        buttons.append(Button("Back", "back"))
    buttons += [Button("More about this", "more"), Button("Stop the tour", intent_payload("stop"))]
    return Reply(text=f"{step.title}\n{step.text}\n{render.source_line(knowledge, step.sources)}",
                 buttons=tuple(buttons))


def more(knowledge: Knowledge, position: int) -> Reply:
    step = steps(knowledge)[position]
    return Reply(text=f"More about {step.title.split(': ', 1)[-1]}:\n{step.more}")


def move(knowledge: Knowledge, position: int, text: str, intent: str | None = None) -> tuple[int | None, list[Reply]]:
    """The new position after the learner's reply (None when the tour is over) and anything to say first."""
    last = len(steps(knowledge)) - 1
    wanted = heard(text, intent)
    if wanted == MORE:
        return position, [more(knowledge, position)]
    if wanted == BACK:
        return max(position - 1, 0), []
    if wanted == NEXT:
        return (position + 1 if position < last else None), []
    if wanted == STOP:
        return None, []
    return position, [Reply(text='Say "next" to go on, "back" to go back, "more" to hear more, or "stop".')]


def finished() -> Reply:
    return Reply(
        text="That's the end of the tour. You have seen the four stages and the four levels. "
        "Want to test yourself?",
        buttons=(Button("Quiz me", intent_payload("start_quiz")),
                 Button("Plan engagement activities", intent_payload("plan_activities"))),
    )


def stopped() -> Reply:
    return Reply(
        text="OK, we'll stop the tour here. You can start it again at any time.",
        buttons=(Button("Tour of the matrix", intent_payload("start_tour")),
                 Button("Quiz me", intent_payload("start_quiz"))),
    )
