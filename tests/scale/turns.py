"""Reading a stored conversation as turns: each user message, then the bot's actions, then ``action_listen``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Event:
    kind: str  # Rasa's event type name: user, bot, action, slot, ...
    action: str | None
    timestamp: float
    text: str | None


@dataclass(frozen=True)
class Turn:
    user_text: str
    bot_texts: tuple[str, ...]
    started: float
    finished: float | None  # None: no action_listen after it, the turn never finished


def turns(events: list[Event]) -> list[Turn]:
    found: list[Turn] = []
    current: Event | None = None
    replies: list[str] = []
    for event in events:
        if event.kind == "user":
            if current is not None:
                found.append(Turn(current.text or "", tuple(replies), current.timestamp, None))
            current, replies = event, []
        elif current is not None and event.kind == "bot":
            replies.append(event.text or "")
        elif current is not None and event.kind == "action" and event.action == "action_listen":
            found.append(Turn(current.text or "", tuple(replies), current.timestamp, event.timestamp))
            current = None
    if current is not None:
        found.append(Turn(current.text or "", tuple(replies), current.timestamp, None))
    return found


def interleaving(events: list[Event]) -> list[str]:
    """What shows that two turns ran at once: a user message stored before the previous turn finished, a turn with
    no reply, or a turn that started before the one stored ahead of it had finished."""
    problems = []
    found = turns(events)
    for n, turn in enumerate(found):
        if turn.finished is None:
            problems.append(f"turn {n} ({turn.user_text!r}) has no action_listen before the next message")
        if not turn.bot_texts:
            problems.append(f"turn {n} ({turn.user_text!r}) has no bot reply")
        if n and found[n - 1].finished is not None and turn.started < found[n - 1].finished:
            problems.append(f"turn {n} ({turn.user_text!r}) started before turn {n - 1} finished")
    return problems
