"""Common misspellings of the stage, level and audience words, so that "consultaion" or "procurment" still counts.

People type fast in chat. Rather than correct every message, the entity ruler also gets the likely slips of each
long single-word name: one letter left out, doubled or swapped with its neighbour, or one vowel for another, and
a few sound-alike consonants ("negociation"). A slip is kept only when it is not a word in its own right: spaCy's
English word frequencies (spacy-lookups-data) say which strings are real words ("planing", "tener" stay out), and
a slip that two different values could produce is dropped as ambiguous.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from pathlib import Path

# Shorter words have too many real-word neighbours ("plan" -> "pan", "teen" -> "ten").
MIN_LETTERS = 6
# Log frequency above which a string is an English word, not a slip. "reveiw" (-18.1) and "negociation" (-18.4)
# are slips common enough to be in the table; "planing" (-14.3) and "patent" are words and stay out.
REAL_WORD_LOG_PROB = -16.0
_VOWELS = "aeiou"
_NAMED_BY = frozenset({"stage", "level"})
_SOUND_ALIKE = {"c": "sk", "s": "cz", "z": "s", "k": "c", "t": "c"}


def slips(word: str) -> set[str]:
    """Every one-edit slip of ``word`` that this module considers (not yet checked against real words)."""
    found: set[str] = set()
    first = 3 if word.startswith("co-") else 0  # the prefix is short and seldom mistyped: "co-desgin", not "cu-design"
    for i, letter in enumerate(word):
        if i < first or not letter.isalpha():
            continue
        if i > first:
            found.add(word[:i] + word[i + 1:])  # left out (never the first letter: people see that one)
        found.add(word[:i] + letter + word[i:])  # doubled
        if i + 1 < len(word) and word[i + 1].isalpha() and word[i + 1] != letter and i > first:
            found.add(word[:i] + word[i + 1] + letter + word[i + 2:])  # swapped with the next
        if i > first:
            others = _VOWELS if letter in _VOWELS else _SOUND_ALIKE.get(letter, "")
            found.update(word[:i] + other + word[i + 1:] for other in others if other != letter)
    found.discard(word)
    return {slip for slip in found if "--" not in slip and not slip.startswith("-") and not slip.endswith("-")}


@lru_cache(maxsize=1)
def _log_probs() -> dict[str, float]:
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def is_real_word(text: str) -> bool:
    """True when ``text`` is common enough in English to be meant, not mistyped."""
    return _log_probs().get(text, -100.0) > REAL_WORD_LOG_PROB


def _can_slip(phrase: str) -> bool:
    letters = phrase.replace("-", "")
    return letters.isalpha() and len(letters) >= MIN_LETTERS and phrase.count("-") <= 1


def _phrase_slips(phrase: str) -> set[str]:
    """Slips of a single word, or of the name in "<name> stage" / "<name> level" ("reveiw stage")."""
    if _can_slip(phrase):
        return slips(phrase)
    name, _, suffix = phrase.partition(" ")
    if suffix in _NAMED_BY and _can_slip(name):
        return {f"{slip} {suffix}" for slip in slips(name)}
    return set()


def with_slips(vocabulary: dict[str, dict[str, tuple[str, ...]]],
               skip: frozenset[str] = frozenset()) -> dict[str, dict[str, tuple[str, ...]]]:
    """``vocabulary`` with each value's likely misspellings added after its own phrases.

    ``skip``: phrases whose slips must not be added (words too common to tag on their own).
    """
    known = {phrase for values in vocabulary.values() for phrases in values.values() for phrase in phrases}
    makers: dict[str, set[tuple[str, str]]] = {}
    for entity, values in vocabulary.items():
        for value, phrases in values.items():
            for phrase in phrases:
                if phrase in skip:
                    continue
                for slip in _phrase_slips(phrase):
                    if slip not in known:
                        makers.setdefault(slip, set()).add((entity, value))
    added: dict[tuple[str, str], list[str]] = {}
    for slip, owners in sorted(makers.items()):
        word = slip.split(" ")[0]  # the slipped word: "reveiw" in "reveiw stage"
        if len(owners) == 1 and not is_real_word(word) and not is_real_word(word.replace("-", "")):
            added.setdefault(next(iter(owners)), []).append(slip)
    return {
        entity: {value: (*phrases, *added.get((entity, value), ())) for value, phrases in values.items()}
        for entity, values in vocabulary.items()
    }
