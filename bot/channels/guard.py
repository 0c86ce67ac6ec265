"""Wraps Rasa's message handler so every channel gets the same protection before and after a message is processed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage

from bot import settings
from bot.channels import action_timeout, speedups
from bot.channels.button_choice import OfferedButtons
from bot.channels.hygiene import safe_message, safe_sender
from bot.channels.privacy import PRIVACY_NOTE, has_masked_data
from bot.channels.replies import ACTIONS_DOWN, ACTIONS_SLOW, CountingOutputChannel, action_server_answers

Handler = Callable[[UserMessage], Awaitable[Any]]

# Every channel goes through this module, so the server-wide fixes found by profiling are switched on here.
speedups.apply()
action_timeout.apply()
OFFERED = OfferedButtons()


def guarded(on_new_message: Handler) -> Handler:
    """A handler that cleans the sender id and text, masks personal details (and says so when it did), and reads
    a typed choice of the last buttons offered as that button pressed."""

    async def handle(message: UserMessage) -> Any:
        message.sender_id = safe_sender(message.sender_id)
        # "the second one" after a question with buttons is that button pressed.
        message.text = OFFERED.resolve(message.sender_id, safe_message(message.text, settings.max_message_chars()))
        channel = message.output_channel
        counting = CountingOutputChannel(channel)
        message.output_channel = counting
        result = await on_new_message(message)
        OFFERED.remember(message.sender_id, counting.buttons)
        if counting.sent == 0:
            down = not await action_server_answers()
            await channel.send_text_message(message.sender_id, ACTIONS_DOWN if down else ACTIONS_SLOW)
        if has_masked_data(message.text):
            await channel.send_text_message(message.sender_id, PRIVACY_NOTE)
        return result

    return handle
