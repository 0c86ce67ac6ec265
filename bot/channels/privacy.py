"""Masks personal details people type (emails, phone numbers, postcodes, "my name is ...") before anything is
stored or logged. The bot never asks for them; the organisation running an activity handles contact details.
"""

from __future__ import annotations

import re

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("[email]", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    # UK phone numbers: 07..., 01..., 02..., +44 ..., with spaces or dashes
    ("[phone number]", re.compile(r"(?<![\w])(?:\+44\s?\(?0?\)?|0)(?:\s?-?\d){9,10}(?![\w])")),
    ("[postcode]", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)),
    (
        "[name]",
        # "my name is Sarah Jones" -> "my name is [name]": the lead-in is kept, only the name goes
        re.compile(r"(?<=\bmy name is )[A-Z][\w'-]*(?: [A-Z][\w'-]*)?", re.IGNORECASE),
    ),
    ("[name]", re.compile(r"(?<=\bi'm called )[A-Z][\w'-]*(?: [A-Z][\w'-]*)?", re.IGNORECASE)),
    ("[name]", re.compile(r"(?<=\bi am called )[A-Z][\w'-]*(?: [A-Z][\w'-]*)?", re.IGNORECASE)),
    (
        "[address]",
        re.compile(r"\b\d{1,4}[a-z]? [A-Z][\w'-]*(?: [A-Z][\w'-]*)* (?:road|street|lane|avenue|close|drive|way|"
                   r"crescent|court|place|gardens|terrace)\b", re.IGNORECASE),
    ),
)


def mask_personal_data(text: str) -> tuple[str, bool]:
    """``text`` with personal details replaced by placeholders such as ``[email]``; and whether any were found."""
    found = False
    for placeholder, pattern in _PATTERNS:
        text, count = pattern.subn(placeholder, text)
        found = found or count > 0
    return text, found


PLACEHOLDERS = tuple(sorted({placeholder for placeholder, _ in _PATTERNS}))
PRIVACY_NOTE = (
    "I have not kept the personal details you typed, such as a name, email, phone number or address. "
    "I don't need them. The organisation running the activity will ask for contact details if it needs them."
)


def has_masked_data(text: str) -> bool:
    """True when a (masked) message holds a placeholder for personal details."""
    return any(placeholder in text for placeholder in PLACEHOLDERS)
