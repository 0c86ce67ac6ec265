"""Reads the latest message from the tracker: its text and the entities the NLU found in it."""

from __future__ import annotations

from rasa_sdk import Tracker


def latest_entity(tracker: Tracker, name: str) -> str | None:
    """The value of entity ``name`` in the latest message, if any; the last one when it names several, as Rasa's
    slots do ("we did the needs stage, now it's the review" -> review)."""
    values = [value for value in tracker.get_latest_entity_values(name) if isinstance(value, str)]
    return values[-1] if values else None


def latest_text(tracker: Tracker) -> str:
    """What the person typed (or the button payload they sent) in the latest message; "" if nothing."""
    return str((tracker.latest_message or {}).get("text") or "")


def latest_intent(tracker: Tracker) -> str:
    """The intent the NLU gave the latest message; "" if none."""
    intent = (tracker.latest_message or {}).get("intent") or {}
    return str(intent.get("name") or "") if isinstance(intent, dict) else ""
