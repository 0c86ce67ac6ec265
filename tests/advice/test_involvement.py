"""Members of the public: ways to take part that fit what they told us, what to expect, and support."""

from __future__ import annotations

import pytest

from bot.advice.involvement import (
    Preferences,
    interest_stated,
    involvement_replies,
    styles_in,
    support_needed,
    ways_to_take_part,
)
from bot.knowledge import Knowledge


@pytest.mark.parametrize(
    "answer,styles",
    [("online please", ("online",)), ("in person, in a group", ("in-person", "group")),
     ("just once, on my own", ("one-off", "alone")), ("skip", ())],
)
def test_how_someone_wants_to_take_part_is_understood(answer, styles):
    assert styles_in(answer) == styles


@pytest.mark.parametrize(
    "answer,kinds",
    [("I need BSL", ("translation",)), ("bus fares and I look after my mum", ("out-of-pocket-expenses", "replacement-care")),
     ("large print please", ("alternative-formats",)), ("nothing", ())],
)
def test_what_would_help_maps_to_the_guides_kinds_of_support(answer, kinds):
    assert support_needed(answer) == kinds


def test_online_answers_suggest_online_ways_first(knowledge: Knowledge):
    ways = ways_to_take_part(knowledge, Preferences(how="online"))
    assert any(w in ways[0].public_description.lower() for w in ("online", "questionnaire", "website"))


def test_ongoing_group_answers_suggest_panels_and_boards(knowledge: Knowledge):
    names = " ".join(a.name.lower() for a in ways_to_take_part(knowledge, Preferences(how="over time, in a group")))
    assert "panel" in names or "board" in names or "group" in names


def test_ways_never_include_communication_only_activities(knowledge: Knowledge):
    for how in ("online", "in person", "on my own", None):
        assert all(a.level != "communication" for a in ways_to_take_part(knowledge, Preferences(how=how)))


def test_young_people_get_ways_from_their_own_matrix(knowledge: Knowledge):
    assert all(a.audience == "cyp" for a in ways_to_take_part(knowledge, Preferences(), audience="cyp"))


def test_replies_cover_ways_what_to_expect_and_support_with_the_benefits_reminder(knowledge: Knowledge):
    replies = involvement_replies(knowledge, Preferences(help_needed="I'm a carer"))
    assert "ways to take part" in replies[0].text
    assert "what the decisions are" in replies[1].text and "not happy" in replies[1].text
    assert "Replacement care costs" in replies[2].text
    assert "affect any benefits" in replies[2].text and "how and when" in replies[2].text


@pytest.mark.parametrize(
    ("message", "interest"),
    [("hello, I'm a parent and want to have a say about my son's school transport", "my son's school transport"),
     ("im 16, i want to help with the youth club", "the youth club"),
     ("I want to give my views on bus routes in my village.", "bus routes in my village"),
     ("how do I get involved in the mental health service review?", "the mental health service review")],
)
def test_what_matters_said_while_asking_to_take_part_is_picked_up(message, interest):
    assert interest_stated(message) == interest


@pytest.mark.parametrize(
    "message",
    ["I want to get involved", "I'd like to have a say in local services", "can I get involved in shaping services",
     "I've had a bad experience and want to help change things", "how can I help the council make better decisions",
     # someone asking how others were involved is not saying what they care about
     "I am a councillor and I want to know how residents were involved in the library decision"],
)
def test_asking_to_take_part_without_saying_what_matters_leaves_the_question_to_be_asked(message):
    assert interest_stated(message) is None
