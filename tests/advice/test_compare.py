"""Comparing activities side by side from the matrices, asking which one when a name fits several."""

from __future__ import annotations

import pytest

from bot.advice.activity_names import located_name, match_name
from bot.advice.compare import NOT_IN_SOURCES, best_split, compare_activities, compare_terms
from bot.knowledge import Knowledge


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("compare a citizens' panel and a focus group", ("citizens' panel", "focus group")),
        ("what's the difference between mystery shopping and young inspectors?", ("mystery shopping",
                                                                                   "young inspectors")),
        ("questionnaires vs theatre groups", ("questionnaires", "theatre groups")),
        ("which is better, a world cafe or an open space event", ("world cafe", "open space event")),
        # the name itself holds "or": the split that names two activities wins
        ("compare workshops or sounding boards with questionnaires", ("workshops or sounding boards",
                                                                      "questionnaires")),
        ("which is better for young people, a youth forum or a young people's panel?", ("youth forum",
                                                                                        "young people's panel")),
        ("compare a citizens panel, a focus group", ("citizens panel", "focus group")),
    ],
)
def test_the_two_names_are_found_in_everyday_questions(knowledge: Knowledge, question, names):
    assert best_split(knowledge, question) == names


def test_a_comparison_shows_both_matrices_and_says_what_the_sources_do_not(knowledge: Knowledge):
    replies = compare_activities(knowledge, "compare mystery shopping and young inspectors")
    text = replies[0].text
    assert "Mystery shopping" in text and "Young inspectors" in text
    assert "Not in the matrix for citizens and adults who use services." in text  # young inspectors: CYP only
    assert "Review stage, negotiation" in text and "Review stage, participation" in text
    assert NOT_IN_SOURCES in text  # cost, time and size are not in the sources: said, not guessed
    assert "Source:" in text
    assert any("feedback" in b.payload for b in replies[0].buttons)


def test_activities_in_the_same_matrix_cell_are_said_to_do_the_same_job(knowledge: Knowledge):
    text = compare_activities(knowledge, "compare citizen focus groups with questionnaires on service design")[0].text
    assert "both sit in the same place: Plan stage, consultation" in text


def test_a_name_that_fits_several_activities_gets_a_which_one_question(knowledge: Knowledge):
    replies = compare_activities(knowledge, "compare a citizens panel and a focus group")
    assert "Which one did you mean?" in replies[0].text
    titles = [b.title for b in replies[0].buttons]
    assert "Citizen focus groups" in titles and "Young people run focus groups" in titles
    # the side already known travels with each button, so one press finishes the comparison
    first = knowledge.activities_named("citizens' panel")[0].id
    assert all(f'"activity":"{first}"' in b.payload for b in replies[0].buttons[:-1])


def test_a_which_one_button_completes_the_comparison(knowledge: Knowledge):
    a = knowledge.activities_named("citizens' panel")[0].id
    b = knowledge.activities_named("Citizen focus groups")[0].id
    text = compare_activities(knowledge, "/compare_activities", a, b)[0].text
    assert text.startswith("Citizens' panel and Citizen focus groups, side by side")


def test_unknown_activities_are_named_and_not_guessed(knowledge: Knowledge):
    text = compare_activities(knowledge, "which is better, a world cafe or an open space event")[0].text
    assert "I can't find \"world cafe\" or \"open space event\" in the matrices" in text


def test_without_two_names_the_bot_asks_for_them(knowledge: Knowledge):
    assert "Which two activities" in compare_activities(knowledge, "compare")[0].text


@pytest.mark.parametrize(
    ("text", "found", "ambiguous"),
    [("mystery shopping", True, False), ("citizens panel", True, False), ("panel", False, True),
     ("world cafe", False, False),
     ("steering group", True, False),  # one per matrix, same cell: nothing to choose
     ("advisory panel", True, False)],  # one per matrix, both named by the words typed: nothing to choose
)
def test_names_resolve_to_one_activity_several_or_none(knowledge: Knowledge, text, found, ambiguous):
    match = match_name(knowledge, text)
    assert (match.found, match.ambiguous) == (found, ambiguous)


def test_one_idea_worded_two_ways_by_the_two_matrices_is_located_in_both(knowledge: Knowledge):
    from bot.advice.activities import located

    text = located(knowledge, list(match_name(knowledge, "steering group").activities))[0].text
    assert "Project steering groups: Plan stage, negotiation" in text
    assert "Young people on steering groups: Plan stage, negotiation" in text
    text = located(knowledge, list(match_name(knowledge, "advisory panel").activities))[0].text
    assert "Service user advisory panel: Do stage, consultation" in text
    assert "Children's advisory panel: Do stage, negotiation" in text


@pytest.mark.parametrize("question", ["is co-production the same as consultation?",
                                      "are consultation and co-production the same thing?",
                                      "how is consultation different from co-production?"])
def test_asking_whether_two_terms_are_the_same_explains_both(knowledge: Knowledge, question):
    text = compare_terms(knowledge, question)[0].text
    assert "side by side" in text and knowledge.level("consultation").meaning in text


def test_the_name_in_a_where_question():
    assert located_name("where does mystery shopping fit?") == "mystery shopping"
    assert located_name("Which stage is theatre groups in?") == "theatre groups"
    assert located_name("where would a citizens panel go") == "citizens panel"
    assert located_name("what is mystery shopping?") is None


def test_two_levels_or_two_stages_are_explained_side_by_side(knowledge: Knowledge):
    text = compare_activities(knowledge, "what's the difference between consultation and co-production?")[0].text
    assert text.startswith("Consultation and Participation, side by side")
    assert knowledge.level("consultation").meaning in text and knowledge.level("participation").meaning in text
    stages = compare_terms(knowledge, "difference between the plan stage and the do stage")[0].text
    assert stages.startswith("Plan and Do, side by side")


def test_a_question_about_two_glossary_terms_gets_both_meanings(knowledge: Knowledge):
    replies = compare_terms(knowledge, "what is the difference between a citizens panel and a focus group")
    assert "Citizens' panel" in replies[0].text and "Focus group" in replies[0].text
    assert compare_terms(knowledge, "will I be paid?") is None
    assert compare_terms(knowledge, "how is the review stage going?") is None
