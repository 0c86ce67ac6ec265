"""Messages the bot cannot read at all: written in a script other than the Latin alphabet.

The NLU and the knowledge base are English only. A message in Cyrillic, Arabic or Chinese would otherwise get
"Sorry, I can't help with that", and after two of them a handover written in English. Saying plainly that the
bot reads English only is more use to the person.
"""

from __future__ import annotations

import unicodedata

from bot.advice.reply import Reply

ENGLISH_ONLY = Reply(response="utter_english_only")


def in_another_script(text: str) -> bool:
    """True when most of the letters in ``text`` are not Latin letters ("консультация с молодежью", "مرحبا")."""
    letters = [char for char in text if char.isalpha()]
    if len(letters) < 2:
        return False
    latin = sum(1 for char in letters if unicodedata.name(char, "").startswith("LATIN"))
    return latin < len(letters) / 2
