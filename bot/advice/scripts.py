"""Messages the bot cannot read at all: written in a script other than the Latin alphabet, or in another language.

The NLU and the knowledge base are English only. A message in Cyrillic, Arabic or Chinese, or in Polish or French,
would otherwise get "Sorry, I can't help with that", and after two of them a handover written in English. Saying
plainly that the bot reads English only is more use to the person. Only messages the bot could not help with are
checked (actions/misses.py), so an English message with a foreign name in it is never turned away.
"""

from __future__ import annotations

import re
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


# Everyday words of the languages most spoken in England after English, among them those the guide's readers
# mention (Polish, Romanian, Portuguese, Lithuanian), that are not English words: "Bonjour, je voudrais participer",
# "Chciałbym wziąć udział", "Quero participar, como posso ajudar?".
_OTHER_LANGUAGE_WORDS = frozenset("""
    je voudrais bonjour merci comment peux suis nous vous avec pour participer aider oui les des une est pas
    hola quiero puedo cómo como gracias ayuda necesito estoy soy los las una por
    olá quero posso obrigado obrigada não preciso sou estou ajudar
    cześć dzień dobry chcę chciałbym chciałabym jak mogę się nie jest czy dziękuję pomoc proszę wziąć udział
    bună buna vreau doresc să este mulțumesc ajutor particip
    labas noriu kaip galiu ačiū aciu prašau dalyvauti
    ciao voglio grazie aiuto sono
    ich möchte bitte danke hilfe nicht und kann
""".split())
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def in_another_language(text: str) -> bool:
    """True when at least two words, and at least 40% of them, are everyday words of another language written in
    Latin letters ("Bonjour, je voudrais participer"); English with a borrowed word or a name is not."""
    words = [word.lower() for word in _WORD.findall(text)]
    foreign = sum(1 for word in words if word in _OTHER_LANGUAGE_WORDS)
    return foreign >= 2 and foreign >= 0.4 * len(words)


def not_in_english(text: str) -> bool:
    """True when the bot cannot read ``text``: another script, or another language in Latin letters."""
    return in_another_script(text) or in_another_language(text)
