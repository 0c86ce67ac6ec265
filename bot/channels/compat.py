"""A fix for Sanic 21.12 (pinned by Rasa 3.6) on Python 3.11: its websockets could not receive a message.

Sanic's ``WebsocketImplProtocol.recv`` passes the coroutine ``assembler.get()`` to ``asyncio.wait``, which Python
3.11 refuses ("Passing coroutines is forbidden"). Every socket.io client that upgrades to a websocket (rasa-webchat
does) then sees its connection fail. Python 3.10 wrapped the coroutine in a task itself; this does the same, once.
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any


def patch_sanic_websocket_receive() -> bool:
    """Make ``WebsocketFrameAssembler.get`` return a task. Returns True if the patch is (now) in place."""
    try:
        from sanic.server.websockets.frame import WebsocketFrameAssembler
    except ImportError:  # a Sanic without this module has a different websocket layer
        return False
    if sys.version_info < (3, 11) or getattr(WebsocketFrameAssembler.get, "_involve_task", False):
        return getattr(WebsocketFrameAssembler.get, "_involve_task", False)
    original = WebsocketFrameAssembler.get

    def get_as_task(self: Any, timeout: float | None = None) -> asyncio.Future:
        return asyncio.ensure_future(original(self, timeout))

    get_as_task._involve_task = True  # type: ignore[attr-defined]
    WebsocketFrameAssembler.get = get_as_task  # type: ignore[method-assign]
    return True
