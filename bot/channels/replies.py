"""Makes sure a turn never ends in silence because the action server is down or slow.

Rasa logs a failed custom action and carries on without its messages, so the person would see nothing. The guard
counts what the bot sends in a turn; when it sent nothing, the person gets a short "try again in a minute", which
says whether the action server is down or just too slow. Their conversation is untouched, so it carries on when the
action server is back.
"""

from __future__ import annotations

import os
from typing import Any

import aiohttp
from rasa.core.channels.channel import OutputChannel

from bot.channels.button_choice import OfferedButton, buttons_of

ACTIONS_DOWN = "Sorry, I can't look that up right now. Please try again in a minute."
# The action server is up but did not answer in time (see bot/channels/action_timeout.py), or gave nothing back.
ACTIONS_SLOW = "Sorry, that took too long to look up. Please try again in a minute."
HEALTH_TIMEOUT = aiohttp.ClientTimeout(total=2)


class CountingOutputChannel(OutputChannel):
    """Passes every message on to the real channel, counts them and keeps the buttons offered."""

    def __init__(self, inner: OutputChannel) -> None:
        self.inner = inner
        self.sent = 0
        self.buttons: list[OfferedButton] = []  # of the last message that had any

    def name(self) -> str:  # type: ignore[override]  # Rasa records the real channel's name
        return self.inner.name()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        self.sent += 1
        self.buttons = buttons_of(message) or self.buttons
        await self.inner.send_response(recipient_id, message)


def _health_url() -> str | None:
    url = os.environ.get("ACTION_SERVER_URL", "")
    return url.rsplit("/webhook", 1)[0] + "/health" if url.endswith("/webhook") else None


async def action_server_answers() -> bool:
    url = _health_url()
    if url is None:
        return True  # no action server configured: nothing to report
    try:
        async with aiohttp.ClientSession(timeout=HEALTH_TIMEOUT) as session, session.get(url) as response:
            return response.status == 200
    except (aiohttp.ClientError, OSError, TimeoutError):
        return False
