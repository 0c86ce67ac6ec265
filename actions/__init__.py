"""Thin rasa_sdk adapters: read slots and the message, call one function in ``bot/``, dispatch what it returns.

The knowledge base is loaded when the action server imports this package: a broken one stops the server at once
with the loader's full report (file, entry and field), rather than failing every conversation later. The same goes
for the contact settings used when someone asks for a person.
"""

from __future__ import annotations

import sys

from bot.advice.handover import ContactSettingsError, configured_contact
from bot.knowledge import KnowledgeBaseError, get_knowledge


def _load_knowledge_or_exit() -> None:
    try:
        get_knowledge().prepare_meaning()  # phrase vectors loaded now, not on the first person's question
    except KnowledgeBaseError as error:
        print("The action server cannot start: the knowledge base has problems.", file=sys.stderr)
        print(error.report(), file=sys.stderr, flush=True)
        raise SystemExit(1) from None


def _check_contact_or_exit() -> None:
    """A broken contact file would leave people who ask for a person with nowhere to go: refuse to start."""
    try:
        configured_contact()
    except ContactSettingsError as error:
        print(f"The action server cannot start: the contact settings have a problem. {error}", file=sys.stderr,
              flush=True)
        raise SystemExit(1) from None


_load_knowledge_or_exit()
_check_contact_or_exit()
