"""The Sanic websocket fix: receiving works on Python 3.11 the way it did on 3.10."""

from __future__ import annotations

import asyncio

from sanic.server.websockets.frame import WebsocketFrameAssembler

from bot.channels.compat import patch_sanic_websocket_receive


def test_the_patch_is_idempotent():
    assert patch_sanic_websocket_receive()
    patched = WebsocketFrameAssembler.get
    assert patch_sanic_websocket_receive()
    assert WebsocketFrameAssembler.get is patched


def test_get_can_be_passed_to_asyncio_wait():
    patch_sanic_websocket_receive()

    class Protocol:
        def resume_frames(self) -> None: ...
        def pause_frames(self) -> None: ...

    async def receive_nothing() -> set:
        assembler = WebsocketFrameAssembler(Protocol())
        done, pending = await asyncio.wait((assembler.get(timeout=0),), timeout=1)
        return done

    assert len(asyncio.run(receive_nothing())) == 1
