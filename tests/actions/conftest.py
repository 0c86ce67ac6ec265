"""Helpers for testing actions without any server: a tracker built from slots, intent and entities."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher


def make_tracker(
    slots: dict[str, Any] | None = None,
    intent: str = "ask_guidance",
    entities: list[dict[str, Any]] | None = None,
    text: str = "",
    sender_id: str = "test-user",
    active_loop: str | None = None,
    confidence: float = 1.0,
) -> Tracker:
    """A rasa_sdk Tracker whose latest message has ``text``, ``intent`` and ``entities``, in form ``active_loop``."""
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": confidence},
        "entities": entities or [],
    }
    return Tracker(
        sender_id=sender_id,
        slots=slots or {},
        latest_message=latest,
        events=[],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


@pytest.fixture
def domain() -> dict:
    return {}


@pytest.fixture(autouse=True)
def fresh_contact():
    """The contact route is read once per process; tests that set it through the environment need a fresh read."""
    from bot.advice.handover import configured_contact

    configured_contact.cache_clear()
    yield
    configured_contact.cache_clear()
