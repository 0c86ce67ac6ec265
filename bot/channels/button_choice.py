"""A typed choice of a button the bot just offered: "the second one", "2", "option 3", "the last one", or a button's
own words typed out ("get their views").

People answer a question with buttons by typing as often as by pressing. The words "the second one" carry no meaning
the NLU could learn: they mean whatever the second button was. So the channel remembers the buttons of each
conversation's last turn and, when the next message only picks one of them, hands Rasa that button's payload, exactly
as if it had been pressed. Pure functions and a bounded memory, no Rasa imports.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

# Buttons that are a way out rather than one of the answers ("Not sure", "Skip", "👍 This helped"): they are not
# counted, so "the last one" is the last answer listed in the question.
_NOT_COUNTED = ("/feedback", "/not_sure", "/skip")
_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
    "5th": 5, "sixth": 6, "6th": 6, "top": 1,
}
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_LEAD = r"(?:(?:i'?ll|i will|i'?d|i would|let'?s|we'?ll)\s+)?(?:go\s+(?:with|for)|pick|choose|take|want|like|say)?\s*"
_ORDINAL_REPLY = re.compile(
    rf"^{_LEAD}(?:the\s+)?(?P<word>{'|'.join(_ORDINALS)}|last|bottom)"
    r"(?:\s+(?:one|option|button|choice|answer))?(?:\s+(?:please|pls|thanks|thank you))?$"
)
_NUMBER_REPLY = re.compile(
    rf"^{_LEAD}(?:(?:option|number|no|choice|button)\s*)?#?(?P<number>\d|{'|'.join(_NUMBERS)})"
    r"(?:\s+(?:please|pls|thanks|thank you))?$"
)
_PUNCTUATION = re.compile(r"[^\w'#\s]+")
MAX_CONVERSATIONS = 20_000


@dataclass(frozen=True)
class OfferedButton:
    title: str
    payload: str
    by_position: bool = True  # False when the message numbers its own list


def _plain(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", text.lower().replace("’", "'")).split())


def _counted(buttons: Iterable[OfferedButton]) -> list[OfferedButton]:
    return [b for b in buttons if not b.payload.startswith(_NOT_COUNTED)]


def position_chosen(text: str, how_many: int, titles_have_numbers: bool = False) -> int | None:
    """The 0-based position a reply picks among ``how_many`` answers, or None when it picks none.

    A bare number ("2") is read as a position only when no button has a number in its title, where "2" could be
    the title itself.
    """
    plain = _plain(text)
    found = _ORDINAL_REPLY.match(plain)
    if found:
        word = found["word"]
        position = how_many if word in ("last", "bottom") else _ORDINALS[word]
    else:
        found = _NUMBER_REPLY.match(plain)
        if not found or titles_have_numbers:
            return None
        number = found["number"]
        position = int(number) if number.isdigit() else _NUMBERS[number]
    return position - 1 if 1 <= position <= how_many else None


def chosen_payload(text: str, buttons: Iterable[OfferedButton]) -> str | None:
    """The payload of the button a typed reply picks, or None: by its title typed out, or by its position."""
    offered = list(buttons)
    if not offered or not isinstance(text, str) or text.startswith("/"):
        return None
    plain = _plain(text)
    for button in offered:
        if plain and plain == _plain(button.title):
            return button.payload
    counted = _counted(offered)
    if not all(b.by_position for b in counted):
        return None
    position = position_chosen(text, len(counted), any(ch.isdigit() for b in counted for ch in b.title))
    return counted[position].payload if position is not None else None


_NUMBERED_LINE = re.compile(r"(?m)^\s*1[.)]\s")


def buttons_of(message: Mapping[str, Any]) -> list[OfferedButton]:
    """The buttons of one outgoing message, as Rasa hands it to a channel (malformed ones left out).

    A message that numbers its own list ("1. Review panels ...") may show fewer buttons than items, so "5" there
    is the bot's to read: only typing a button's words counts, which the button's title alone carries.
    """
    numbered = isinstance(message.get("text"), str) and bool(_NUMBERED_LINE.search(message["text"]))
    found = []
    for button in message.get("buttons") or ():
        if isinstance(button, Mapping):
            title, payload = button.get("title"), button.get("payload")
            if isinstance(title, str) and isinstance(payload, str) and payload:
                found.append(OfferedButton(title, payload, by_position=not numbered))
    return found


class OfferedButtons:
    """The buttons each conversation was last offered, for the most recent ``limit`` conversations."""

    def __init__(self, limit: int = MAX_CONVERSATIONS) -> None:
        self.limit = limit
        self._offered: OrderedDict[str, tuple[OfferedButton, ...]] = OrderedDict()

    def remember(self, sender_id: str, buttons: Iterable[OfferedButton]) -> None:
        """Keep the buttons of a turn's last message that had any; a turn with none forgets the old ones."""
        chosen = tuple(buttons)
        self._offered.pop(sender_id, None)
        if chosen:
            self._offered[sender_id] = chosen
            while len(self._offered) > self.limit:
                self._offered.popitem(last=False)

    def offered(self, sender_id: str) -> tuple[OfferedButton, ...]:
        return self._offered.get(sender_id, ())

    def resolve(self, sender_id: str, text: str) -> str:
        """The payload a reply picks from this conversation's last buttons, else the text unchanged."""
        return chosen_payload(text, self.offered(sender_id)) or text
