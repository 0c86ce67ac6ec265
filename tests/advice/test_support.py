"""Support and payment advice fits what is asked of people and who they are."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.advice.support import (
    COMMITMENTS,
    GROUPS,
    commitment_from_text,
    groups_from_text,
    recommend_support,
    support_replies,
)
from bot.knowledge import Knowledge, load

KB = load()


@pytest.mark.parametrize(
    "text,expected",
    [("a one-off survey", "one-off"), ("a series of workshops", "series"), ("a seat on our panel", "ongoing"),
     ("we're not sure", None)],
)
def test_commitment_is_read_from_everyday_words(text, expected):
    assert commitment_from_text(text) == expected


def test_groups_are_read_from_everyday_words():
    assert groups_from_text("Carers and Deaf people, some on Universal Credit") == ("carers", "deaf", "benefits")
    assert groups_from_text("none of these") == ()


def _ids(knowledge, commitment, groups):
    return [r.item_id for r in recommend_support(knowledge, commitment, groups)]


def test_everyone_gets_out_of_pocket_expenses(knowledge: Knowledge):
    assert _ids(knowledge, "one-off", ()) == ["out-of-pocket-expenses"]


def test_carers_get_replacement_care_and_deaf_people_get_bsl_and_a_hearing_loop(knowledge: Knowledge):
    ids = _ids(knowledge, "one-off", ("carers", "deaf"))
    assert {"replacement-care", "translation", "alternative-formats"} <= set(ids)


def test_a_panel_seat_adds_a_fee_and_training(knowledge: Knowledge):
    assert {"involvement-fee", "training"} <= set(_ids(knowledge, "ongoing", ()))
    assert "training" not in _ids(knowledge, "series", ())


def test_people_on_benefits_are_warned_about_the_effect_of_payments(knowledge: Knowledge):
    told = support_replies(knowledge, "series", ("benefits",))[1].text
    assert "This matters most for people on benefits" in told


def test_young_people_get_an_honest_note_that_the_guide_has_no_separate_advice(knowledge: Knowledge):
    assert "no separate payment advice" in support_replies(knowledge, "one-off", ("young",))[0].text


def test_one_off_surveys_suggest_a_prize_draw(knowledge: Knowledge):
    assert "Prize draws" in support_replies(knowledge, "one-off", ())[0].text


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(COMMITMENTS), st.sets(st.sampled_from(GROUPS)))
def test_every_plan_justifies_each_cost_beyond_expenses_and_has_a_checklist(commitment, groups):
    replies = support_replies(KB, commitment, tuple(sorted(groups)))
    checklist = replies[-1].text
    for r in recommend_support(KB, commitment, tuple(sorted(groups))):
        line = next(line for line in checklist.splitlines() if line.startswith(f"[ ] {r.label}"))
        assert ("say why:" in line) == r.beyond_expenses
    assert "Source:" in checklist
    assert "None" not in "".join(r.text for r in replies) and "  " not in "".join(r.text for r in replies)
