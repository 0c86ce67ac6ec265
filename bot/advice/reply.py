"""What a composer hands back: channel-neutral text, buttons and (optionally) a custom payload."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class Reply:
    """One bot message. ``response`` names a domain response to utter (with ``values``) instead of ``text``."""

    text: str = ""
    buttons: tuple[Button, ...] = ()
    response: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    custom: dict[str, Any] | None = None


def intent_payload(intent: str, **entities: str) -> str:
    """A button payload that triggers ``intent`` with entities, e.g. ``/inform{"stage":"do"}``."""
    if not entities:
        return f"/{intent}"
    return f"/{intent}{json.dumps(entities, separators=(',', ':'))}"


def topic_button(title: str, topic_id: str) -> Button:
    """A button that asks for one knowledge-base topic by id."""
    return Button(title, intent_payload("ask_guidance", topic=topic_id))
