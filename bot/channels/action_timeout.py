"""How long the Rasa server waits for the action server: ``ACTION_TIMEOUT_S`` seconds (default 20), not Rasa's 5 min.

Rasa 3.6 hard-codes five minutes for every call to the action server. A person would stare at a silent chat for that
long if the action server hung. With a short limit the call fails, Rasa carries on without the action's messages,
and the guard (``guard.py``) tells the person to try again in a minute.
"""

from __future__ import annotations

import os

DEFAULT_TIMEOUT_S = 20.0


def timeout_seconds(env: dict[str, str] | None = None) -> float:
    """The limit from ``ACTION_TIMEOUT_S``; a value that is not a positive number falls back to the default."""
    raw = (os.environ if env is None else env).get("ACTION_TIMEOUT_S", "")
    try:
        value = float(raw)
    except ValueError:
        return DEFAULT_TIMEOUT_S
    return value if 0 < value <= 3600 else DEFAULT_TIMEOUT_S


def apply() -> float:
    """Set the limit Rasa's remote actions read at each call (a module constant in ``rasa.core.actions.action``)."""
    from rasa.core.actions import action

    action.DEFAULT_REQUEST_TIMEOUT = timeout_seconds()
    return action.DEFAULT_REQUEST_TIMEOUT
