"""The guided tour: the matrix, four stages and four levels, at the learner's pace."""

from __future__ import annotations

import pytest

from bot.knowledge import Knowledge
from bot.training import tour


def test_the_tour_covers_the_matrix_every_stage_and_every_level(knowledge: Knowledge):
    titles = [step.title for step in tour.steps(knowledge)]
    assert len(titles) == 1 + len(knowledge.kb.stages) + len(knowledge.kb.levels)
    for entry in (*knowledge.kb.stages, *knowledge.kb.levels):
        assert any(entry.name in title for title in titles)


def test_each_step_has_an_example_and_a_source(knowledge: Knowledge):
    for position in range(1, len(tour.steps(knowledge))):
        text = tour.show(knowledge, position).text
        assert "For example:" in text and "Source:" in text


@pytest.mark.parametrize(
    ("said", "intent", "expected"),
    [("next", None, tour.NEXT), ("ok, go on", None, tour.NEXT), ("yes", "affirm", tour.NEXT),
     ("back", None, tour.BACK), ("go back please", None, tour.BACK), ("more about this", None, tour.MORE),
     ("tell me more", None, tour.MORE), ("stop", None, tour.STOP), ("/stop", "stop", tour.STOP),
     ("back", "stop", tour.BACK), ("please", "stop", tour.STOP),
     ("banana", None, None)],
)
def test_moves_are_understood(said, intent, expected):
    assert tour.heard(said, intent) == expected


def test_moving_through_the_tour(knowledge: Knowledge):
    last = len(tour.steps(knowledge)) - 1
    assert tour.move(knowledge, 0, "next")[0] == 1
    assert tour.move(knowledge, 0, "back")[0] == 0
    assert tour.move(knowledge, 3, "back")[0] == 2
    position, replies = tour.move(knowledge, 2, "more about this")
    assert position == 2 and replies[0].text.startswith("More about")
    assert tour.move(knowledge, last, "next")[0] is None
    assert tour.move(knowledge, 4, "stop")[0] is None
    position, replies = tour.move(knowledge, 4, "what?")
    assert position == 4 and "next" in replies[0].text


def test_the_first_step_has_no_back_button_and_the_last_says_finish(knowledge: Knowledge):
    first = [b.title for b in tour.show(knowledge, 0).buttons]
    last = [b.title for b in tour.show(knowledge, len(tour.steps(knowledge)) - 1).buttons]
    assert "Back" not in first and "Next" in first
    assert "Finish" in last and "Back" in last
