"""Replies on socket.io reach the browser's room, and custom payloads arrive in the shape web chat draws."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot.channels.socketio import RoomSocketIOOutput, metadata_of, session_id_of


class FakeServer:
    def __init__(self) -> None:
        self.emitted: list[tuple[str, Any, Any]] = []

    async def emit(self, event: str, data: Any = None, room: Any = None, **_: Any) -> None:
        self.emitted.append((event, data, room))


def test_custom_payloads_are_wrapped_for_web_chat():
    sio = FakeServer()
    output = RoomSocketIOOutput(sio, "bot_uttered", room="session-1")
    asyncio.run(output.send_custom_json("session-1", {"matrix": {"selected": {"stage": "plan"}}}))
    assert sio.emitted == [("bot_uttered", {"text": "", "custom": {"matrix": {"selected": {"stage": "plan"}}}},
                            "session-1")]


def test_replies_go_to_the_room_not_the_socket():
    sio = FakeServer()
    output = RoomSocketIOOutput(sio, "bot_uttered", room="session-1")
    asyncio.run(output.send_text_message("anything", "hello"))
    assert sio.emitted == [("bot_uttered", {"text": "hello"}, "session-1")]


@pytest.mark.parametrize(
    ("data", "expected"),
    [({"session_id": "abc123"}, "abc123"), ({"session_id": "x" * 129}, None), ({"session_id": 5}, None),
     ({"session_id": "a b"}, None), ("abc", None), (None, None), ([1], None)],
)
def test_only_plain_session_ids_are_used(data, expected):
    assert session_id_of(data) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [({"metadata": {"a": 1}}, {"a": 1}), ({"metadata": '{"a": 1}'}, {"a": 1}), ({"metadata": "{bad"}, None),
     ({"metadata": "[1]"}, None), ({}, None), ("text", None)],
)
def test_metadata_is_a_dict_or_nothing(data, expected):
    assert metadata_of(data, "metadata") == expected


def test_single_line_breaks_survive_markdown_and_paragraphs_stay_separate_messages():
    sio = FakeServer()
    output = RoomSocketIOOutput(sio, "bot_uttered", room="r")
    asyncio.run(output.send_text_message("r", "Ask yourself:\n• one\n• two\n\nNext part"))
    assert [data["text"] for _, data, _ in sio.emitted] == ["Ask yourself:  \n• one  \n• two", "Next part"]
