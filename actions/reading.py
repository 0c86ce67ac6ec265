"""Reads the latest message from the tracker: the entities the NLU found in it."""

from __future__ import annotations

from rasa_sdk import Tracker


def latest_entity(tracker: Tracker, name: str) -> str | None:
    """The value of entity ``name`` in the latest message, if any."""
    value = next(tracker.get_latest_entity_values(name), None)
    return value if isinstance(value, str) else None
