"""Reads the latest message from the tracker: the entities the NLU found in it."""

from __future__ import annotations

from rasa_sdk import Tracker


def latest_entity(tracker: Tracker, name: str) -> str | None:
    """The value of entity ``name`` in the latest message, if any; the last one when it names several, as Rasa's
    slots do ("we did the needs stage, now it's the review" -> review)."""
    values = [value for value in tracker.get_latest_entity_values(name) if isinstance(value, str)]
    return values[-1] if values else None
