"""Every generated quiz question has exactly one right option, and the knowledge base confirms it."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from bot.knowledge import Knowledge
from bot.training.questions import KIND_TITLES, Question, all_questions


@pytest.fixture(scope="module")
def questions(knowledge: Knowledge) -> dict[str, Question]:
    return all_questions(knowledge)


def _activity(knowledge: Knowledge, question: Question):
    return knowledge.activity(question.id.split(":", 1)[1])


def test_every_kind_of_question_is_generated(questions):
    assert set(Counter(q.kind for q in questions.values())) == set(KIND_TITLES)


def test_options_are_four_distinct_choices_with_a_valid_answer(questions):
    for question in questions.values():
        assert len(question.options) == 4, question.id
        assert len({o.lower() for o in question.options}) == 4, question.id
        assert 0 <= question.answer < 4


def test_activity_level_questions(knowledge, questions):
    for question in (q for q in questions.values() if q.kind == "activity-level"):
        activity = _activity(knowledge, question)
        assert activity.name in question.prompt
        assert knowledge.audience(activity.audience).name.lower() in question.prompt, "names the matrix"
        levels_of_name = {a.level for a in knowledge.kb.activities
                          if a.audience == activity.audience and a.name.lower() == activity.name.lower()}
        assert levels_of_name == {activity.level}
        names = {lv.name: lv.id for lv in knowledge.kb.levels}
        assert [names[o] == activity.level for o in question.options].count(True) == 1
        assert names[question.right_option] == activity.level


def test_activity_stage_questions(knowledge, questions):
    for question in (q for q in questions.values() if q.kind == "activity-stage"):
        activity = _activity(knowledge, question)
        stages_of_name = {a.stage for a in knowledge.kb.activities
                          if a.audience == activity.audience and a.name.lower() == activity.name.lower()}
        assert stages_of_name == {activity.stage}
        names = {s.name: s.id for s in knowledge.kb.stages}
        assert names[question.right_option] == activity.stage
        assert sum(names[o] == activity.stage for o in question.options) == 1


def test_activity_for_goal_questions_have_one_option_from_the_cell(knowledge, questions):
    for question in (q for q in questions.values() if q.kind == "activity-for-goal"):
        activity = _activity(knowledge, question)
        cell = knowledge.cell(activity.stage, activity.level, activity.audience)
        in_cell = {a.name for a in cell.activities}
        assert [o in in_cell for o in question.options].count(True) == 1, question.id
        assert question.right_option == activity.name


def test_consultation_length_comes_from_the_criteria(knowledge, questions):
    (question,) = [q for q in questions.values() if q.kind == "consultation-length"]
    duration = next(i for i in knowledge.topic("consultation-criteria").items if i.id == "duration")
    weeks = re.search(r"at least (\d+) weeks", duration.text).group(1)
    assert question.right_option == f"At least {weeks} weeks"
    assert sum(weeks in re.findall(r"\d+", o) for o in question.options) == 1


def test_invitation_questions_have_one_thing_the_guide_lists(knowledge, questions):
    listed = {i.label for i in knowledge.topic("invitation-minimum-contents").items}
    for question in (q for q in questions.values() if q.kind == "invitation-contents"):
        assert [o in listed for o in question.options].count(True) == 1
        assert question.right_option in listed


def test_support_questions_describe_exactly_one_kind(knowledge, questions):
    items = {i.label: i.text for i in knowledge.topic("support-kinds").items}
    for question in (q for q in questions.values() if q.kind == "support-kind"):
        assert [items[o] in question.prompt for o in question.options].count(True) == 1
        assert items[question.right_option] in question.prompt


def test_ladder_questions_describe_exactly_one_rung(knowledge, questions):
    rungs = {r.name: r.meaning for r in knowledge.kb.ladder_rungs}
    for question in (q for q in questions.values() if q.kind == "ladder-rung"):
        assert [rungs[o] in question.prompt for o in question.options].count(True) == 1
        assert rungs[question.right_option] in question.prompt


def test_pitfall_questions_match_the_thomas_levels(knowledge, questions):
    thomas = {t.id: t for t in knowledge.kb.thomas_levels}
    for question in (q for q in questions.values() if q.kind == "level-pitfall"):
        level = knowledge.level(question.id.split(":", 1)[1])
        assert question.right_option == thomas[level.thomas_level].negative
        assert set(question.options) == {t.negative for t in thomas.values()}


def test_questions_are_the_same_every_time(knowledge):
    assert all_questions(knowledge) == all_questions(knowledge)
