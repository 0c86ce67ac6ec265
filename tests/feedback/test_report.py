"""Feedback counts per topic, read from a real SQLite tracker store written the way Rasa writes it."""

from __future__ import annotations

import json
import sqlite3

from bot.advice.reply import Reply
from bot.feedback.__main__ import main
from bot.feedback.buttons import feedback_buttons, with_feedback
from bot.feedback.report import read_rows, tally


def user_event(helpful: str, topic: str) -> str:
    entities = [{"entity": "helpful", "value": helpful}, {"entity": "feedback_on", "value": topic}]
    return json.dumps({"event": "user", "text": "/feedback", "parse_data": {"intent": {"name": "feedback"},
                                                                            "entities": entities}})


def tracker_store(path, rows):
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255), type_name VARCHAR(255), "
                   "timestamp FLOAT, intent_name VARCHAR(255), action_name VARCHAR(255), data TEXT)")
        db.executemany("INSERT INTO events (sender_id, type_name, intent_name, data) VALUES (?, 'user', ?, ?)", rows)


def test_counts_per_topic_with_one_vote_per_conversation(tmp_path, capsys):
    path = tmp_path / "tracker.db"
    tracker_store(path, [
        ("a", "feedback", user_event("yes", "support-kinds")),
        ("a", "feedback", user_event("no", "support-kinds")),  # changed their mind: the last press counts
        ("b", "feedback", user_event("yes", "support-kinds")),
        ("b", "feedback", user_event("no", "engagement-plan")),
        ("c", "feedback", "not json"),
        ("c", "greet", user_event("yes", "ignored")),
    ])
    result = tally(read_rows(str(path)))
    assert [(r.topic, r.helped, r.not_helped) for r in result] == [("support-kinds", 1, 1),
                                                                    ("engagement-plan", 0, 1)]
    assert main(["report", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "support-kinds" in out and "Total" in out


def test_a_missing_database_is_one_plain_line(tmp_path, capsys):
    assert main(["report", "--db", str(tmp_path / "missing.db")]) == 1
    assert "Could not read feedback" in capsys.readouterr().err


def test_feedback_buttons_go_after_the_answer_buttons():
    replies = with_feedback([Reply(text="a"), Reply(text="b", buttons=feedback_buttons("x")[:1])], "topic-id")
    payloads = [b.payload for b in replies[-1].buttons]
    assert len(payloads) == 3 and '"feedback_on":"topic-id"' in payloads[-1]
