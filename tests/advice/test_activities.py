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
    cyp = suggest_activities(knowledge, "plan", "negotiation", "cyp")[2]
    citizens = suggest_activities(knowledge, "plan", "negotiation", "citizens")[2]
    assert cyp.response == "utter_activities_next"  # the questions come with the next steps, in one message
    assert cyp.values["checklist"].count("•") == 7 and citizens.values["checklist"].count("•") == 6


def test_next_steps_offer_the_other_levels_and_consultation_criteria_for_consultation(knowledge: Knowledge):
    buttons = suggest_activities(knowledge, "do", "consultation", "citizens")[-1].buttons
    titles = [b.title for b in buttons]
    assert "Communication at this stage" in titles and "Consultation at this stage" not in titles
    assert "Consultation criteria" in titles
    assert '"level":"participation"' in next(b.payload for b in buttons if b.title.startswith("Participation"))


def test_do_stage_note_about_participatory_budgeting_is_shown(knowledge: Knowledge):
    text = suggest_activities(knowledge, "do", "negotiation", "citizens")[1].text
    assert "participatory budgeting" in text.lower()


def test_a_big_cell_shows_five_first_and_offers_show_all(knowledge: Knowledge):
    body = suggest_activities(knowledge, "plan", "consultation", "citizens")[1]
    assert body.text.count("•") == 5
    assert body.buttons[0].title == "Show all 6"
    assert body.custom["matrix"]["selected"] == {"stage": "plan", "level": "consultation"}


def test_show_all_lists_every_activity_with_its_source(knowledge: Knowledge):
    from bot.advice.activities import all_activities

    reply = all_activities(knowledge, "plan", "consultation", "citizens")[0]
    assert reply.text.count("•") == 6 and "Source:" in reply.text
    titles = [button.title for button in reply.buttons]
    assert "The whole stage" in titles and "Consultation criteria" in titles  # the next steps, as after suggestions


def test_stage_overview_lists_every_level_and_offers_the_other_audience(knowledge: Knowledge):
    from bot.advice.activities import stage_overview

    reply = stage_overview(knowledge, "review", "citizens")[0]
    for level in ("Communication", "Consultation", "Negotiation", "Participation"):
        assert f"• {level}" in reply.text
    assert any("children" in b.title for b in reply.buttons)


def test_locating_mystery_shopping_shows_both_matrices_and_says_they_differ(knowledge: Knowledge):
    from bot.advice.activities import locate_activity

    text = locate_activity(knowledge, "where does mystery shopping fit?")[0].text
    assert "negotiation" in text and "participation" in text
    assert "different places" in text


def test_participatory_budgeting_is_located_as_a_do_stage_note(knowledge: Knowledge):
    from bot.advice.activities import locate_activity

    text = locate_activity(knowledge, "where does participatory budgeting go?")[0].text
    assert "note on the Do stage" in text


def test_every_cell_answer_names_that_cells_activities(knowledge: Knowledge):
    for audience in knowledge.kb.audiences:
        for stage in knowledge.kb.stages:
            for level in knowledge.kb.levels:
                cell = knowledge.cell(stage.id, level.id, audience.id)
                body = suggest_activities(knowledge, stage.id, level.id, audience.id)[1].text
                for activity in cell.activities[:5]:
                    assert activity.name in body, (stage.id, level.id, audience.id)


def test_a_name_in_neither_matrix_is_said_to_be_missing_before_the_nearest_activities(knowledge: Knowledge):
    from bot.advice.activities import locate_activity

    text = locate_activity(knowledge, "where does a citizens jury fit?", unmatched="citizens jury")[0].text
    assert text.startswith('I can\'t find "citizens jury" in either matrix')
    note = locate_activity(knowledge, "where does participatory budgeting go?", unmatched="participatory budgeting")
    assert "can't find" not in note[0].text  # the matrix has it, as a note
