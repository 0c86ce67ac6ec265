"""Rasa's REST channel, hardened: any request shape gets a JSON answer, never a 500 or a dead server.

Registered in ``credentials.yml`` as ``bot.channels.rest.SafeRestInput``; it keeps the URL
``/webhooks/rest/webhook``.
"""

from __future__ import annotations

from typing import Any

from rasa.core.channels.rest import RestInput
from sanic.request import Request

from bot import settings
from bot.channels.guard import guarded
from bot.channels.hygiene import safe_message, safe_sender


def _body(request: Request) -> dict[str, Any]:
    """The JSON object in the request, or an empty one for anything else (bad JSON, a list, a number...)."""
    cached = getattr(request.ctx, "involve_body", None)
    if cached is not None:
        return cached
    try:
        body = request.json
    except Exception:  # noqa: BLE001 - sanic raises its own errors for malformed JSON
        body = None
    if not isinstance(body, dict):
        body = {}
    request.ctx.involve_body = body
    return body


class SafeRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Any) -> Any:
        return super().blueprint(guarded(on_new_message))

    async def _extract_sender(self, req: Request) -> str | None:
        return safe_sender(_body(req).get("sender"))

    def _extract_message(self, req: Request) -> str | None:
        return safe_message(_body(req).get("message"), settings.max_message_chars())

    def _extract_input_channel(self, req: Request) -> str:
        channel = _body(req).get("input_channel")
        return channel if isinstance(channel, str) and channel.isidentifier() else self.name()

    def get_metadata(self, request: Request) -> dict[str, Any] | None:
        metadata = _body(request).get("metadata")
        return metadata if isinstance(metadata, dict) else None
