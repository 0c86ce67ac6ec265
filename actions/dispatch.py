"""Sends the core's channel-neutral replies through rasa_sdk's dispatcher."""

from __future__ import annotations

from collections.abc import Iterable

from rasa_sdk.executor import CollectingDispatcher

from bot.advice.reply import Reply


def send(dispatcher: CollectingDispatcher, replies: Iterable[Reply]) -> None:
    """Utter each reply: a domain response with values, or text, with buttons and any custom payload."""
    for reply in replies:
        buttons = [{"title": b.title, "payload": b.payload} for b in reply.buttons]
        kwargs = {"buttons": buttons} if buttons else {}
        if reply.custom is not None:
            kwargs["json_message"] = reply.custom
        if reply.response:
            dispatcher.utter_message(response=reply.response, **reply.values, **kwargs)
        else:
            dispatcher.utter_message(text=reply.text, **kwargs)
