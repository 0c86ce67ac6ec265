"""Rasa's socket.io channel (web chat) with the same protection as the REST channel (see guard.py).

Registered in ``credentials.yml`` as ``bot.channels.socketio.SafeSocketIOInput``; it keeps the name ``socketio``.
Rasa's own session and message handlers are replaced: with python-socketio 5.18 they forget to await
``enter_room`` (so replies never reach the browser), and they fail on messages that are not JSON objects.
"""

from __future__ import annotations

import inspect
import json
import logging
import re
import uuid
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from socketio import AsyncServer

from bot.channels.compat import patch_sanic_websocket_receive
from bot.channels.guard import guarded

patch_sanic_websocket_receive()
logger = logging.getLogger(__name__)

_SINGLE_NEWLINE = re.compile(r"(?<!\n)\n(?!\n)")
_SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{1,128}$")
LOST_SESSION = "Sorry, I lost track of this chat. Please refresh the page to start again."


def session_id_of(data: Any) -> str | None:
    """The session id the page sent, if it is a plain short id; anything else counts as none."""
    value = data.get("session_id") if isinstance(data, dict) else None
    return value if isinstance(value, str) and _SESSION_ID.match(value) else None


def metadata_of(data: Any, key: str) -> dict[str, Any] | None:
    value = data.get(key) if isinstance(data, dict) else None
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return None
    return value if isinstance(value, dict) else None


def markdown_lines(text: str) -> str:
    """Keep the bot's line breaks: web chat renders Markdown, which would run single lines together."""
    return _SINGLE_NEWLINE.sub("  \n", text) if isinstance(text, str) else text


class RoomSocketIOOutput(SocketIOOutput):
    """Sends every reply to the browser's room, and custom payloads in a shape web chat can draw.

    Rasa's own ``send_custom_json`` spreads the payload into ``emit``'s keyword arguments, which breaks for any
    payload without a ``data`` key; web chat expects ``{"text": ..., "custom": {...}}`` instead.
    """

    def __init__(self, sio: AsyncServer, bot_message_evt: str, room: str) -> None:
        super().__init__(sio, bot_message_evt)
        self.room = room

    async def _send_message(self, socket_id: str, response: Any) -> None:
        await super()._send_message(self.room, response)

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        await self._send_message(recipient_id, {"text": "", "custom": json_message})

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await super().send_text_message(recipient_id, markdown_lines(text), **kwargs)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await super().send_text_with_buttons(recipient_id, markdown_lines(text), buttons, **kwargs)


class SafeSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Any) -> Any:
        blueprint = super().blueprint(on_new_message)  # Rasa's routes, connect and disconnect handlers
        sio = self.sio
        handle = guarded(on_new_message)

        async def session_request(sid: str, data: Any = None) -> None:
            session_id = session_id_of(data) or uuid.uuid4().hex
            if self.session_persistence:
                entered = sio.enter_room(sid, session_id)
                if inspect.isawaitable(entered):
                    await entered
            await sio.emit("session_confirm", session_id, room=sid)

        async def user_message(sid: str, data: Any = None) -> None:
            if self.session_persistence:
                sender = session_id_of(data)
                if sender is None:
                    logger.info("A web chat message came without a usable session id; asked the page to refresh")
                    await sio.emit(self.bot_message_evt, {"text": LOST_SESSION}, room=sid)
                    return
            else:
                sender = sid
            text = data.get("message") if isinstance(data, dict) else None
            message = UserMessage(
                text,
                RoomSocketIOOutput(sio, self.bot_message_evt, room=sender),
                sender,
                input_channel=self.name(),
                metadata=metadata_of(data, self.metadata_key),
            )
            await handle(message)

        sio.on("session_request", session_request, namespace=self.namespace)
        sio.on(self.user_message_evt, user_message, namespace=self.namespace)
        return blueprint
