"""A crashed action must still leave the user with a helpful reply and the conversation intact."""

from __future__ import annotations

import functools
import logging
import traceback
from collections.abc import Awaitable, Callable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

logger = logging.getLogger(__name__)

SORRY = "Sorry, something went wrong on my side while looking that up. Please try again, or ask me something else."

Run = Callable[..., Awaitable[list[dict[str, Any]]]]


def friendly_on_error(run: Run) -> Run:
    """Wrap an action's ``run`` so an exception becomes an apology, logged with the conversation id only."""

    @functools.wraps(run)
    async def wrapper(self: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Any) -> list:
        try:
            return await run(self, dispatcher, tracker, domain)
        except Exception as error:  # noqa: BLE001 - any failure must still answer the user
            # The exception's message is left out: it can quote what the person typed. Type and frames are enough.
            logger.error(
                "action %s failed in conversation %s: %s\n%s",
                self.name(),
                tracker.sender_id,
                type(error).__name__,
                "".join(traceback.format_tb(error.__traceback__)),
            )
            dispatcher.messages.clear()
            dispatcher.utter_message(text=SORRY)
            return []

    return wrapper
