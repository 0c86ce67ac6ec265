"""The guard around every channel: a silent turn with the action server down gets a friendly reply."""

from __future__ import annotations

import asyncio

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels import guard
from bot.channels.replies import ACTIONS_DOWN


def run_turn(monkeypatch, bot_says: list[str], action_server_up: bool) -> list[str]:
    async def answers() -> bool:
        return action_server_up

    monkeypatch.setattr(guard, "action_server_answers", answers)

    async def rasa(message: UserMessage) -> None:
        assert message.output_channel.name() == "collector"
        for text in bot_says:
            await message.output_channel.send_response(message.sender_id, {"text": text})

    collector = CollectingOutputChannel()
    asyncio.run(guard.guarded(rasa)(UserMessage("will I be paid?", collector, "person-1")))
    return [m.get("text") for m in collector.messages]


def test_a_silent_turn_with_the_action_server_down_says_try_again(monkeypatch):
    assert run_turn(monkeypatch, [], action_server_up=False) == [ACTIONS_DOWN]


@pytest.mark.parametrize(("bot_says", "up"), [(["It depends."], False), ([], True), (["Hello"], True)])
def test_otherwise_the_bot_speaks_for_itself(monkeypatch, bot_says, up):
    assert run_turn(monkeypatch, bot_says, action_server_up=up) == bot_says
