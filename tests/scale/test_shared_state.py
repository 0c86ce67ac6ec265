"""One conversation served by two Rasa servers in turn: its state lives in PostgreSQL, so either server carries on
where the other stopped, and restarting one loses nothing."""

from __future__ import annotations

import time

from bot.knowledge import get_knowledge
from tests.scale.conftest import Cluster, report
from tests.scale.turns import interleaving, turns


def assert_names_the_cell(answer: str, stage: str, level: str, audience: str) -> None:
    cell = get_knowledge().cell(stage, level, audience)
    assert f"{cell.stage.name} stage at the {cell.level.name.lower()} level" in answer, answer
    assert cell.audience.name.lower() in answer
    shown = [activity.name for activity in cell.activities if activity.name in answer]
    assert len(shown) >= min(3, len(cell.activities)), (shown, answer)


def test_a_planning_conversation_alternating_between_two_servers_reaches_the_right_cell(cluster: Cluster):
    sender = "scale-alternating"
    steps = [("A", "I want to plan activities"), ("B", "review"), ("A", "get their views"), ("B", "young people")]
    started = time.monotonic()
    answers = [cluster.texts(instance, sender, message) for instance, message in steps]
    report(f"alternating: {len(steps)} turns of one conversation sent A, B, A, B in "
           f"{time.monotonic() - started:.2f} s")
    # Each server asked the question that follows the answer the other server took.
    assert "Which stage" in answers[0]
    assert "What do you want from people?" in answers[1]
    assert "Who are you involving?" in answers[2]
    assert_names_the_cell(answers[3], "review", "consultation", "cyp")
    assert [turn.user_text for turn in turns(cluster.events(sender))] == [message for _, message in steps]


def test_restarting_one_server_mid_conversation_loses_nothing(cluster: Cluster):
    sender = "scale-restart"
    assert "Which stage" in cluster.texts("B", sender, "suggest engagement activities")
    assert "What do you want from people?" in cluster.texts("B", sender, "plan")
    stored_before = cluster.events(sender)
    seconds = cluster.restart("B")
    report(f"restart: server B killed and back in {seconds:.0f} s mid-form; {len(stored_before)} stored events kept")
    assert cluster.events(sender) == stored_before
    assert "Who are you involving?" in cluster.texts("B", sender, "work with them as equals")
    assert_names_the_cell(cluster.texts("A", sender, "adults"), "plan", "participation", "citizens")
    events = cluster.events(sender)
    assert events[: len(stored_before)] == stored_before and not interleaving(events)
    assert len(turns(events)) == 4
