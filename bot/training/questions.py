"""Quiz questions generated from the knowledge base, each with exactly one right option.

Every generator only asks what the sources settle: an activity's level or stage is asked only when the activity's
name sits at one level (or stage) in that audience's matrix; the wrong options for "which activity fits" come from
cells at another stage and another level. The questions name the audience, because the two matrices differ.
"""

from __future__ import annotations

import functools
import random
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from bot.knowledge import model
from bot.knowledge.query import Knowledge

OPTIONS = 4


@dataclass(frozen=True)
class Question:
    id: str  # stable: "<kind>:<key>", so a round can be rebuilt from the ids alone
    kind: str
    prompt: str
    options: tuple[str, ...]
    answer: int  # index into options
    explanation: str
    source: model.SourceRef

    @property
    def right_option(self) -> str:
        return self.options[self.answer]


KIND_TITLES = {
    "activity-level": "the level of an activity",
    "activity-stage": "the stage of an activity",
    "activity-for-goal": "choosing an activity for a goal",
    "consultation-length": "how long a consultation lasts",
    "invitation-contents": "what an invitation should say",
    "support-kind": "kinds of support",
    "ladder-rung": "the ladder of participation",
    "level-pitfall": "what goes wrong at each level",
}
KIND_READING = {
    "activity-level": "levels",
    "activity-stage": "stages",
    "activity-for-goal": "choosing activities",
    "consultation-length": "the 7 consultation criteria",
    "invitation-contents": "what an invitation should say",
    "support-kind": "kinds of support",
    "ladder-rung": "the ladder of participation",
    "level-pitfall": "what goes wrong at each level",
}


def _shuffled(right: str, wrong: list[str], rng: random.Random) -> tuple[tuple[str, ...], int]:
    options = [right, *wrong[: OPTIONS - 1]]
    rng.shuffle(options)
    return tuple(options), options.index(right)


def _rng(key: str) -> random.Random:
    # The same question always shows its options in the same order, on every server and in every test.
    return random.Random(key)


def _audience_phrase(knowledge: Knowledge, audience: str) -> str:
    return f"the matrix for {knowledge.audience(audience).name.lower()}"


def _unique_placements(knowledge: Knowledge, attribute: str) -> Iterator[tuple[model.Activity, str]]:
    """Activities whose name sits at one value of ``attribute`` (stage or level) in their audience's matrix."""
    values: dict[tuple[str, str], set[str]] = defaultdict(set)
    for activity in knowledge.kb.activities:
        values[(activity.audience, activity.name.lower())].add(getattr(activity, attribute))
    seen: set[tuple[str, str]] = set()
    for activity in knowledge.kb.activities:
        key = (activity.audience, activity.name.lower())
        if len(values[key]) == 1 and key not in seen:
            seen.add(key)
            yield activity, getattr(activity, attribute)


def activity_level_questions(knowledge: Knowledge) -> Iterator[Question]:
    for activity, level_id in _unique_placements(knowledge, "level"):
        level = knowledge.level(level_id)
        qid = f"activity-level:{activity.id}"
        options, answer = _shuffled(level.name, [lv.name for lv in knowledge.kb.levels if lv.id != level_id],
                                    _rng(qid))
        yield Question(
            qid, "activity-level",
            f"In {_audience_phrase(knowledge, activity.audience)}, at which level is this activity?\n"
            f"\"{activity.name}\"",
            options, answer,
            f"{activity.name} is at the {level.name.lower()} level ({level.short.lower()}), "
            f"at the {knowledge.stage(activity.stage).name} stage. {activity.description}",
            activity.source,
        )


def activity_stage_questions(knowledge: Knowledge) -> Iterator[Question]:
    for activity, stage_id in _unique_placements(knowledge, "stage"):
        stage = knowledge.stage(stage_id)
        qid = f"activity-stage:{activity.id}"
        options, answer = _shuffled(stage.name, [s.name for s in knowledge.kb.stages if s.id != stage_id], _rng(qid))
        yield Question(
            qid, "activity-stage",
            f"In {_audience_phrase(knowledge, activity.audience)}, at which stage of commissioning is this "
            f"activity?\n\"{activity.name}\"",
            options, answer,
            f"{activity.name} is at the {stage.name} stage. {stage.summary}",
            activity.source,
        )


def activity_for_goal_questions(knowledge: Knowledge) -> Iterator[Question]:
    for activity in knowledge.kb.activities:
        cell = knowledge.cell(activity.stage, activity.level, activity.audience)
        in_cell = {a.name.lower() for a in cell.activities}
        wrong_pool = sorted(
            {
                other.name
                for other in knowledge.kb.activities
                if other.audience == activity.audience
                and other.stage != activity.stage
                and other.level != activity.level
                and other.name.lower() not in in_cell
            }
        )
        if len(wrong_pool) < OPTIONS - 1:
            continue
        qid = f"activity-for-goal:{activity.id}"
        rng = _rng(qid)
        options, answer = _shuffled(activity.name, rng.sample(wrong_pool, OPTIONS - 1), rng)
        yield Question(
            qid, "activity-for-goal",
            f"You are at the {cell.stage.name} stage and your aim is {cell.level.short.lower()} "
            f"({cell.level.name.lower()}). Which activity does {_audience_phrase(knowledge, activity.audience)} "
            "suggest?",
            options, answer,
            f"{activity.name}: {activity.description} The other three sit at other stages and levels.",
            activity.source,
        )


def consultation_length_questions(knowledge: Knowledge) -> Iterator[Question]:
    criteria = knowledge.topic("consultation-criteria")
    for item in criteria.items:
        match = re.search(r"at least (\d+) weeks", item.text)
        if not match:
            continue
        weeks = int(match.group(1))
        qid = "consultation-length:weeks"
        wrong = [f"At least {n} weeks" for n in (weeks // 3, weeks // 2, weeks * 2) if n and n != weeks]
        options, answer = _shuffled(f"At least {weeks} weeks", wrong, _rng(qid))
        yield Question(
            qid, "consultation-length",
            "How long should a formal consultation normally last?",
            options, answer, item.text, criteria.source,
        )


def _labels_outside(knowledge: Knowledge, topic_id: str, avoid: set[str]) -> list[str]:
    return [item.label for item in knowledge.topic(topic_id).items if item.label.lower() not in avoid]


def invitation_contents_questions(knowledge: Knowledge) -> Iterator[Question]:
    contents = knowledge.topic("invitation-minimum-contents")
    labels = {item.label.lower() for item in contents.items}
    # The wrong options are tests of a good consultation: useful ideas, but not what the guide says to put in an
    # invitation.
    wrong_pool = _labels_outside(knowledge, "consultation-criteria", labels)
    for item in contents.items:
        yield _name_it(
            "invitation-contents", item.id, item.label, wrong_pool,
            "Which of these does the guide say every invitation should tell people about?",
            f"{item.label}: {item.text}", contents.source,
        )


def _name_it(kind: str, key: str, right: str, others: list[str], prompt: str, explanation: str,
             source: model.SourceRef) -> Question:
    """A question whose right option is one name and whose wrong options are three of its siblings' names."""
    qid = f"{kind}:{key}"
    rng = _rng(qid)
    options, answer = _shuffled(right, rng.sample(others, OPTIONS - 1), rng)
    return Question(qid, kind, prompt, options, answer, explanation, source)


def support_kind_questions(knowledge: Knowledge) -> Iterator[Question]:
    support = knowledge.topic("support-kinds")
    for item in support.items:
        yield _name_it(
            "support-kind", item.id, item.label, [other.label for other in support.items if other.id != item.id],
            f"Which kind of support is this?\n\"{item.text}\"", f"This is {item.label.lower()}. {item.text}",
            support.source,
        )


def ladder_rung_questions(knowledge: Knowledge) -> Iterator[Question]:
    rungs = knowledge.kb.ladder_rungs
    for rung in rungs:
        yield _name_it(
            "ladder-rung", rung.id, rung.name, [other.name for other in rungs if other.id != rung.id],
            f"On the ladder of participation, which rung is this?\n\"{rung.meaning}\"",
            f"Rung {rung.number}, {rung.name}: {rung.meaning}", rung.source,
        )


def level_pitfall_questions(knowledge: Knowledge) -> Iterator[Question]:
    thomas = {t.id: t for t in knowledge.kb.thomas_levels}
    for level in knowledge.kb.levels:
        face = thomas.get(level.thomas_level or "")
        if face is None:
            continue
        qid = f"level-pitfall:{level.id}"
        others = [t.negative for t in thomas.values() if t.id != face.id]
        options, answer = _shuffled(face.negative, others, _rng(qid))
        yield Question(
            qid, "level-pitfall",
            f"What can go wrong at the {level.name.lower()} level ({level.short.lower()}) when it is done badly?",
            options, answer, face.explanation, face.source,
        )


GENERATORS: tuple[Callable[[Knowledge], Iterator[Question]], ...] = (
    activity_level_questions,
    activity_stage_questions,
    activity_for_goal_questions,
    consultation_length_questions,
    invitation_contents_questions,
    support_kind_questions,
    ladder_rung_questions,
    level_pitfall_questions,
)


@functools.lru_cache(maxsize=8)
def all_questions(knowledge: Knowledge) -> Mapping[str, Question]:
    """Every question the knowledge base supports, by id (built once per knowledge base)."""
    return MappingProxyType({question.id: question for generate in GENERATORS for question in generate(knowledge)})
