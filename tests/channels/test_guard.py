"""The guard around every channel: a silent turn gets a friendly reply saying whether the action server is down
or just too slow."""

from __future__ import annotations

import asyncio

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels import guard
from bot.channels.action_timeout import DEFAULT_TIMEOUT_S, timeout_seconds
from bot.channels.replies import ACTIONS_DOWN, ACTIONS_SLOW


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


def test_a_silent_turn_with_the_action_server_up_says_it_was_too_slow(monkeypatch):
    assert run_turn(monkeypatch, [], action_server_up=True) == [ACTIONS_SLOW]


@pytest.mark.parametrize(("bot_says", "up"), [(["It depends."], False), (["Hello"], True)])
def test_otherwise_the_bot_speaks_for_itself(monkeypatch, bot_says, up):
    assert run_turn(monkeypatch, bot_says, action_server_up=up) == bot_says


@pytest.mark.parametrize(("raw", "seconds"), [("", DEFAULT_TIMEOUT_S), ("7.5", 7.5), ("0", DEFAULT_TIMEOUT_S),
                                              ("-3", DEFAULT_TIMEOUT_S), ("soon", DEFAULT_TIMEOUT_S)])
def test_the_action_timeout_comes_from_the_environment(raw, seconds):
    assert timeout_seconds({"ACTION_TIMEOUT_S": raw}) == seconds


def test_rasa_reads_the_shorter_timeout(monkeypatch):
    from rasa.core.actions import action

    from bot.channels import action_timeout

    monkeypatch.setenv("ACTION_TIMEOUT_S", "9")
    monkeypatch.setattr(action, "DEFAULT_REQUEST_TIMEOUT", action.DEFAULT_REQUEST_TIMEOUT)
    assert action_timeout.apply() == 9 and action.DEFAULT_REQUEST_TIMEOUT == 9
