"""Understanding short answers, and recommending a level when someone is not sure."""

from __future__ import annotations

import pytest

from bot.advice.planning import (
    FACTORS,
    match_choice,
    names_a_plan,
    recommend_level,
    stage_from_context,
    supported_level,
)
from bot.knowledge import Knowledge

ALL_IN_PLACE = dict.fromkeys(FACTORS, True)
NONE_IN_PLACE = dict.fromkeys(FACTORS, False)


@pytest.mark.parametrize(
    "entity,text,expected",
    [
        ("stage", "do", "do"),
        ("stage", "the review stage please", "review"),
        ("stage", "Plan", "plan"),
        ("stage", "we're buying it", "do"),
        ("level", "co-produce", "participation"),
        ("audience", "kids", "cyp"),
        ("audience", "parents", "cyp"),
        ("stage", "banana", None),
        ("stage", "", None),
    ],
)
def test_short_answers_are_understood(knowledge: Knowledge, entity, text, expected):
    assert match_choice(knowledge, entity, text) == expected


def test_each_factor_in_place_supports_one_more_level(knowledge: Knowledge):
    assert supported_level(knowledge, NONE_IN_PLACE) == "communication"
    assert supported_level(knowledge, {"context": True, "motivation": True}) == "consultation"
    assert supported_level(knowledge, ALL_IN_PLACE) == "participation"


def test_what_people_want_is_recommended_when_the_factors_support_it(knowledge: Knowledge):
    advice = recommend_level(knowledge, "consultation", ALL_IN_PLACE)
    assert advice.level == "consultation" and advice.missing == ()
    assert "Source:" in advice.text and "It depends" in advice.text


def test_a_lower_level_is_recommended_when_capacity_and_assurances_are_missing(knowledge: Knowledge):
    factors = {"context": True, "motivation": True, "capacity": False, "assurances": False}
    advice = recommend_level(knowledge, "participation", factors)
    assert advice.level == "consultation"
    assert advice.missing == ("capacity", "assurances")
    assert "abdication of responsibility" in advice.text.lower()  # Thomas's bad face of citizen control


def test_never_recommends_a_higher_level_than_wanted(knowledge: Knowledge):
    assert recommend_level(knowledge, "communication", ALL_IN_PLACE).level == "communication"


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("we are planning a new youth club", "plan"),
        ("we're designing the service with carers", "plan"),
        ("we're at the planning stage", "plan"),
        ("we want to understand what young people need", "understand"),
        ("we are in the review phase", "review"),
        ("help me plan", None),
        ("planning to review day services", None),
        ("what do I do?", None),
    ],
)
def test_common_stage_words_count_only_in_a_clear_context(text, stage):
    assert stage_from_context(text) == stage


@pytest.mark.parametrize(
    ("text", "stage", "level", "audience", "expected"),
    [
        ("we are planning a new youth club and want to work with teenagers as equals", "plan", "participation",
         "cyp", True),
        ("co-production with young people", None, "participation", "cyp", True),
        ("what is co-production with young people?", None, "participation", "cyp", False),
        ("how do we consult parents", None, "consultation", "cyp", False),
        ("the review stage", "review", None, None, False),
    ],
)
def test_a_plan_names_two_of_stage_level_and_audience_and_is_not_a_question(text, stage, level, audience, expected):
    assert names_a_plan(text, stage, level, audience) is expected


def test_what_the_planning_questions_know_is_said_back_in_plain_words(knowledge: Knowledge):
    from bot.advice.planning import understood_so_far

    assert understood_so_far(knowledge, "do", None, "citizens") == (
        "So far: the Do stage, for citizens and adults who use services.")
    assert understood_so_far(knowledge, None, "consultation", None) == "So far: consultation (getting feedback)."
    assert understood_so_far(knowledge, None, None, None) is None
