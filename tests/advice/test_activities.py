"""Suggesting activities: the cell's activities, the questions to weigh them, and next steps."""

from __future__ import annotations

from bot.advice.activities import suggest_activities
from bot.knowledge import Knowledge


def test_review_participation_for_cyp_suggests_mystery_shopping(knowledge: Knowledge):
    replies = suggest_activities(knowledge, "review", "participation", "cyp")
    assert "mystery" in replies[1].text.lower()


def test_intro_names_stage_level_audience_and_source(knowledge: Knowledge):
    intro = suggest_activities(knowledge, "plan", "negotiation", "citizens")[0]
    assert intro.response == "utter_activities_intro"
    assert intro.values["stage_name"] == "Plan"
    assert intro.values["level_name"] == "negotiation"
    assert "2021" in intro.values["source_name"]


def test_cyp_checklist_has_the_seventh_question(knowledge: Knowledge):
    cyp = suggest_activities(knowledge, "plan", "negotiation", "cyp")[2].text
    citizens = suggest_activities(knowledge, "plan", "negotiation", "citizens")[2].text
    assert cyp.count("•") == 7 and citizens.count("•") == 6


def test_next_steps_offer_the_other_levels_and_consultation_criteria_for_consultation(knowledge: Knowledge):
    buttons = suggest_activities(knowledge, "do", "consultation", "citizens")[-1].buttons
    titles = [b.title for b in buttons]
    assert "Communication at this stage" in titles and "Consultation at this stage" not in titles
    assert "Consultation criteria" in titles
    assert '"level":"participation"' in next(b.payload for b in buttons if b.title.startswith("Participation"))


def test_do_stage_note_about_participatory_budgeting_is_shown(knowledge: Knowledge):
    text = suggest_activities(knowledge, "do", "negotiation", "citizens")[1].text
    assert "participatory budgeting" in text.lower()
