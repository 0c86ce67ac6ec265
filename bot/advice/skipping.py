"""Recognises answers that mean "skip this question" in the forms that allow skipping."""

from __future__ import annotations

import re

SKIPPED = "__skipped__"
_SKIP = re.compile(
    r"^\s*(?:/?skip(?: it| this| for now)?|pass|next|n/?a|tbc|tbd|later|not yet|"
    r"(?:i )?(?:don'?t|do not) know(?: yet)?|not sure(?: yet)?|no idea(?: yet)?|unknown|none yet|"
    r"/finish_early|/skip)\s*[.!]*\s*$",
    re.IGNORECASE,
)


def is_skip(text: str) -> bool:
    """True when ``text`` means the person wants to skip the question."""
    return bool(_SKIP.match(text))
