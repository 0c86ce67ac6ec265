"""Makes any incoming sender id and message safe before Rasa sees it. Pure functions, no Rasa imports.

Stock Rasa stops serving for good when a sender id holds a lone UTF-16 surrogate (the SQL tracker store cannot
encode it), and a very long message holds up every conversation while NLU works through it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import uuid
from typing import Any

from bot.channels.privacy import mask_personal_data

MAX_SENDER_CHARS = 128
TOO_LONG_INTENT = "/message_too_long"
EMPTY_INTENT = "/empty_message"
# Short commands people type, and the intent each one means.
COMMANDS = {"/plan": "/show_plan", "/plan.md": "/show_plan", "/export": "/show_plan"}
_SAFE_SENDER = re.compile(r"[^A-Za-z0-9._:@+=-]")


def _without_unencodable(text: str) -> str:
    """Drop lone surrogates and other code points that cannot be stored as UTF-8."""
    return text.encode("utf-8", "ignore").decode("utf-8")


def clean_text(text: str) -> str:
    """Remove control characters (keeping new lines and tabs) and unencodable code points."""
    text = _without_unencodable(text)
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")


def safe_sender(raw: Any) -> str:
    """A sender id that is always a short, storable string.

    Ids that are already simple are kept as they are, so conversations continue. Anything else (other scripts,
    control characters, surrogates, huge ids, non-strings) maps to a stable hash of it, so the same odd id still
    reaches the same conversation. A missing id gets a new random one.
    """
    if raw is None or raw == "":
        return f"anon-{uuid.uuid4().hex}"
    text = raw if isinstance(raw, str) else repr(raw)
    if len(text) <= MAX_SENDER_CHARS and not _SAFE_SENDER.search(text):
        return text
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"id-{digest}"


def safe_message(raw: Any, max_chars: int) -> str:
    """The message text to hand to Rasa: cleaned, personal details masked, and special intents for empty and
    over-long messages."""
    if raw is None:
        return EMPTY_INTENT
    text = raw if isinstance(raw, str) else str(raw)
    if len(text) > max_chars:
        return TOO_LONG_INTENT
    text = clean_text(text).strip()
    if text.startswith("/"):  # a button payload or a typed command: no free text to mask
        return COMMANDS.get(text.lower(), text)
    return mask_personal_data(text)[0] or EMPTY_INTENT
