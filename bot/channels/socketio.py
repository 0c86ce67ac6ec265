"""Rasa's socket.io channel (web chat) with the same protection as the REST channel (see guard.py).

Registered in ``credentials.yml`` as ``bot.channels.socketio.SafeSocketIOInput``; it keeps the name ``socketio``.
"""

from __future__ import annotations

from typing import Any

from rasa.core.channels.socketio import SocketIOInput

from bot.channels.guard import guarded


class SafeSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Any) -> Any:
        return super().blueprint(guarded(on_new_message))
