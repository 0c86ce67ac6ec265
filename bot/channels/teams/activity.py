"""Reads what the user said out of an incoming Bot Framework activity (a plain dict, any shape)."""

from __future__ import annotations

import html
import re
from typing import Any

GREET = "/greet"
_AT_TAG = re.compile(r"<at>[^<]{0,200}</at>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]{0,200}>")


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _id(value: Any) -> str | None:
    found = _dict(value).get("id")
    return found if isinstance(found, str) and found else None


def bot_id(activity: dict[str, Any]) -> str | None:
    return _id(activity.get("recipient"))


def sender_id(activity: dict[str, Any]) -> str | None:
    return _id(activity.get("from"))


def conversation_id(activity: dict[str, Any]) -> str | None:
    return _id(activity.get("conversation"))


def _without_bot_mentions(text: str, activity: dict[str, Any]) -> str:
    me = bot_id(activity)
    entities = activity.get("entities") if isinstance(activity.get("entities"), list) else []
    for entity in entities:
        entity = _dict(entity)
        if entity.get("type") == "mention" and _id(entity.get("mentioned")) == me:
            mention = entity.get("text")
            if isinstance(mention, str) and mention:
                text = text.replace(mention, " ")
    # Teams wraps every mention in <at> tags; any left (other people) are just names, so keep the name.
    text = _AT_TAG.sub(lambda match: match.group(0)[4:-5], text)
    return html.unescape(_TAG.sub(" ", text))


def user_text(activity: dict[str, Any]) -> str | None:
    """The text to give the bot, or None if the activity is not something the user said or did.

    A message's text (without @mentions of the bot, tags or HTML escapes), or the payload of an Adaptive Card button;
    the greeting when the bot has just been added to a conversation.
    """
    kind = activity.get("type")
    if kind == "message":
        text = activity.get("text")
        if isinstance(text, str) and text.strip():
            return " ".join(_without_bot_mentions(text, activity).split())
        payload = _dict(activity.get("value")).get("payload")
        return payload if isinstance(payload, str) and payload else None
    if kind == "conversationUpdate":
        added = activity.get("membersAdded") if isinstance(activity.get("membersAdded"), list) else []
        if bot_id(activity) and any(_id(member) == bot_id(activity) for member in added):
            return GREET
    return None
