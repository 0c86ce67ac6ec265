"""Faults: the action server dies mid-conversation; the person is told, and carries on when it is back."""

from __future__ import annotations

from bot.channels.replies import ACTIONS_DOWN
from tests.servers.conftest import RestClient


def test_action_server_down_gets_a_helpful_reply_and_the_conversation_carries_on(client: RestClient, stack):
    sender = "fault-actions-down"
    assert client.texts(sender, "hello")
    stack.stop_one("actions")
    try:
        assert client.texts(sender, "will I be paid?") == [ACTIONS_DOWN]
    finally:
        stack.start_actions()
        stack.wait_ready()
    answer = " ".join(client.texts(sender, "will I be paid?"))
    assert ACTIONS_DOWN not in answer and "paid" in answer.lower()
