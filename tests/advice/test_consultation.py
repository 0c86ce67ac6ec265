"""The consultation check compares a plan with the seven criteria and flags what falls short."""

from __future__ import annotations

import pytest

from bot.advice.consultation import FINE, SHORT, UNSAID, check_plan, consultation_replies, describes_a_plan, weeks_in
from bot.knowledge import Knowledge


@pytest.mark.parametrize(
    "text,weeks",
    [("a six-week consultation", 6), ("12 weeks", 12), ("3 months", 13), ("a two week survey", 2), ("no length", None)],
)
def test_weeks_are_read_in_words_or_figures(text, weeks):
    assert weeks_in(text) == weeks


def _verdicts(knowledge, text):
    return {v.criterion_id: v.verdict for v in check_plan(knowledge, text)}


def test_a_six_week_consultation_falls_short_on_duration(knowledge: Knowledge):
    assert _verdicts(knowledge, "We're running a six-week consultation")["duration"] == SHORT


def test_no_feedback_planned_is_flagged(knowledge: Knowledge):
    assert _verdicts(knowledge, "a 12 week consultation")["responsiveness"] == SHORT


def test_a_good_plan_passes_what_it_covers(knowledge: Knowledge):
    verdicts = _verdicts(
        knowledge,
        "A 14 week consultation on draft proposals, with easy read papers and drop-in sessions, a short survey, "
        "and we will publish a you said, we did report. Staff have had training.",
    )
    assert verdicts == {
        "when-to-consult": FINE, "duration": FINE, "clarity": UNSAID, "accessibility": FINE, "burden": FINE,
        "responsiveness": FINE, "capacity": FINE,
    }


def test_online_only_falls_short_on_accessibility(knowledge: Knowledge):
    assert _verdicts(knowledge, "four weeks, online only")["accessibility"] == SHORT


def test_a_verdict_quotes_the_words_of_the_plan_it_rests_on(knowledge: Knowledge):
    notes = {v.criterion_id: v.note for v in check_plan(knowledge, "Four weeks, Online Only, with translations")}
    assert notes["accessibility"] == 'Your plan says "Online Only", which works against this.'
    assert 'it says "translations"' in check_plan(knowledge, "with translations")[3].note


def test_the_answer_quotes_the_criterion_and_flags_the_replaced_code(knowledge: Knowledge):
    text = consultation_replies(knowledge, "a six-week consultation")[0].text
    assert "at least 12 weeks" in text and "Consultation Principles" in text and "Source:" in text


def test_a_bare_request_is_not_taken_as_a_plan():
    assert not describes_a_plan("check my consultation plan")
    assert describes_a_plan("we're consulting for 8 weeks")
