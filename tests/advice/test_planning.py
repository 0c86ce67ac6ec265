"""Understanding short answers, and recommending a level when someone is not sure."""

from __future__ import annotations

import pytest

from bot.advice.planning import (
    FACTORS,
    help_to_choose,
    match_choice,
    names_a_plan,
    recommend_level,
    stage_from_context,
    supported_level,
    yes_or_no,
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
        ("review, consultation, adults", "review"),
        ("consultation, adults, do", "do"),
        ("we want to review, consult and plan", None),
        ("Do, review", None),
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


def test_not_sure_which_stage_explains_each_stage_from_the_knowledge_base(knowledge: Knowledge):
    text = help_to_choose(knowledge, "stage")
    for stage in knowledge.kb.stages:
        assert f"• {stage.name}: " in text
    assert "tender" in text and "Source: Institute of Public Care" in text


def test_not_sure_who_to_involve_explains_both_matrices_and_how_to_see_the_other(knowledge: Knowledge):
    text = help_to_choose(knowledge, "audience")
    assert "Citizens and adults who use services" in text and "Children, young people and families" in text
    assert "and for young people?" in text


def test_the_level_question_has_its_own_helper(knowledge: Knowledge):
    assert help_to_choose(knowledge, "level") is None and help_to_choose(knowledge, "") is None


@pytest.mark.parametrize(
    ("reply", "answer"),
    [
        ("not really, staff are stretched", False),
        ("definitely, the director is keen", True),
        ("Yes!", True),
        ("I don’t think so, the budget is gone", False),
        ("nah", False),
        ("not sure", None),  # "not sure" has its own intent, read as "not in place"
        ("kind of", None),
        ("yesterday we met them", None),
    ],
)
def test_a_yes_or_no_with_reasons_is_read_from_its_start(reply, answer):
    assert yes_or_no(reply) is answer
