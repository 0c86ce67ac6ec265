"""Counts the feedback people gave, per topic, from the tracker store (SQLite by default, or any SQLAlchemy URL).

Reads Rasa's ``events`` table directly: each press of a feedback button is a user event with intent ``feedback``
and the entities ``helpful`` and ``feedback_on``.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.feedback.buttons import HELPFUL, INTENT, NOT_HELPFUL

QUERY = "SELECT sender_id, data FROM events WHERE type_name = 'user' AND intent_name = :intent ORDER BY id"


@dataclass(frozen=True)
class TopicFeedback:
    topic: str
    helped: int
    not_helped: int
    conversations: int


def feedback_of(data: str) -> tuple[str, str] | None:
    """(topic, yes/no) from one stored user event, or None if it carries no usable feedback."""
    try:
        event = json.loads(data)
    except (TypeError, ValueError):
        return None
    entities = {e.get("entity"): e.get("value") for e in (event.get("parse_data") or {}).get("entities") or []
                if isinstance(e, dict)}
    helpful, topic = entities.get("helpful"), entities.get("feedback_on")
    if helpful not in (HELPFUL, NOT_HELPFUL) or not isinstance(topic, str) or not topic:
        return None
    return topic, helpful


def tally(rows: Iterable[tuple[str, str]]) -> list[TopicFeedback]:
    """Per topic: how many said it helped, how many said not, in how many conversations; most feedback first.

    Only a conversation's last word on a topic counts, so pressing a button twice is not two votes.
    """
    last: dict[tuple[str, str], str] = {}
    for sender, data in rows:
        found = feedback_of(data)
        if found:
            last[(sender, found[0])] = found[1]
    counts: dict[str, Counter] = {}
    for (_, topic), helpful in last.items():
        counts.setdefault(topic, Counter())[helpful] += 1
    result = [TopicFeedback(t, c[HELPFUL], c[NOT_HELPFUL], c[HELPFUL] + c[NOT_HELPFUL]) for t, c in counts.items()]
    return sorted(result, key=lambda f: (-f.conversations, f.topic))


def read_rows(db: str) -> list[tuple[str, str]]:
    """The feedback events from a SQLite file path or a SQLAlchemy URL (e.g. ``postgresql://...``)."""
    if "://" not in db:
        if not Path(db).exists():
            raise FileNotFoundError(f"no tracker store at {db}")
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
            return connection.execute(QUERY.replace(":intent", "?"), (INTENT,)).fetchall()
    import sqlalchemy  # only needed for server databases

    engine = sqlalchemy.create_engine(db)
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(sqlalchemy.text(QUERY), {"intent": INTENT})]


def render(rows: list[TopicFeedback]) -> str:
    if not rows:
        return "No feedback yet."
    width = max(len("Topic"), *(len(r.topic) for r in rows))
    lines = [f"{'Topic':<{width}}  Helped  Not helped", f"{'-' * width}  ------  ----------"]
    lines.extend(f"{r.topic:<{width}}  {r.helped:>6}  {r.not_helped:>10}" for r in rows)
    lines.append(f"{'Total':<{width}}  {sum(r.helped for r in rows):>6}  {sum(r.not_helped for r in rows):>10}")
    return "\n".join(lines)
