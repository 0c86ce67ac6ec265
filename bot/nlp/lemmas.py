"""Lemmas for matching what people type against the knowledge base ("paying" finds "payments")."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from typing import Any

# A few words carry no meaning for search but are not in spaCy's stop list, or are in it but matter here.
_EXTRA_STOP = frozenset(
    {"s", "t", "want", "tell", "know", "like", "need", "thing", "please", "bot", "hi", "hello",
     "i'm", "i've", "i'd", "i'll", "we're", "we've", "we'd", "we'll", "you're", "it's", "that's", "there's",
     "don't", "doesn't", "didn't", "can't", "won't", "isn't", "aren't", "what's", "how's", "who's", "let's"}
)
_KEEP = frozenset({"do", "who", "when", "why", "how", "not", "top", "first", "same", "well"})
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)


@lru_cache(maxsize=1)
def blank_english() -> Any:
    """A blank English spaCy pipeline with the lookup lemmatizer (no model download needed)."""
    spacy = import_spacy()
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


def import_spacy() -> Any:
    """Import spaCy without letting thinc pull in TensorFlow (seconds of start-up and hundreds of MB).

    thinc probes for TensorFlow at import time, but our pipelines never use it. In a process that has already
    imported TensorFlow (the Rasa server) nothing changes.
    """
    import sys

    if "tensorflow" in sys.modules or "spacy" in sys.modules:
        import spacy

        return spacy
    sys.modules["tensorflow"] = None  # type: ignore[assignment]  # makes 'import tensorflow' raise ImportError
    try:
        import spacy
    finally:
        del sys.modules["tensorflow"]
    return spacy


def _stop_words() -> frozenset[str]:
    return (frozenset(blank_english().Defaults.stop_words) | _EXTRA_STOP) - _KEEP


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Words that search ignores."""
    return _stop_words()


@lru_cache(maxsize=4096)
def lemma_of(word: str) -> str:
    """The lemma of one lower-case word."""
    if not word.isalpha():
        return word
    nlp = blank_english()
    doc = nlp(word)
    lemma = doc[0].lemma_.lower() if len(doc) else word
    return lemma or word


def content_lemmas(text: str) -> list[str]:
    """Lower-case lemmas of the meaningful words in ``text``, in order, hyphens and apostrophes kept inside words."""
    stops = stop_words()
    out = []
    for match in _WORD.finditer(text.lower().replace("’", "'")):
        word = match.group(0)
        if word in stops or word.isdigit():
            continue
        for part in word.split("-") if "-" in word and not word.startswith("co-") else [word]:
            part = part.removesuffix("'s")
            if part and part not in stops:
                out.append(lemma_of(part))
    return out


def normalise(text: str) -> str:
    """Lower case, curly quotes straightened, whitespace collapsed: for phrase matching."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    return " ".join(re.findall(r"[^\W_]+(?:['-][^\W_]+)*", text))


def inflections(word: str) -> list[str]:
    """``word`` and the other forms of it that spaCy's lemma table knows: "analyse" -> analysed, analyses, analysing.

    Candidates come from regular English endings and are kept only when the lemma table maps them back to the same
    lemma, so no made-up word gets in.
    """
    base = lemma_of(word)
    candidates = {word, base}
    stems = {base, base[:-1]} if base.endswith("e") else {base}
    for stem in stems:
        candidates.update(stem + ending for ending in ("s", "es", "ed", "ing"))
    if base.endswith("y"):
        candidates.update({base[:-1] + "ies", base[:-1] + "ied"})
    if len(base) > 2 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou" and base[-3] not in "aeiou":
        candidates.update({base + base[-1] + "ing", base + base[-1] + "ed"})  # plan -> planning, planned
    return sorted(c for c in candidates if c == word or lemma_of(c) == base)


def phrase_forms(phrase: str) -> list[str]:
    """A phrase with its first and last words in each of their forms: "co-produce" -> co-producing, co-produced...

    Only the ends change: in "awarding the contract" or "service users" they carry the verb or the plural.
    """
    parts = re.split(r"([^a-z]+)", phrase)
    words = [i for i, part in enumerate(parts) if part.isalpha()]
    if not words:
        return [phrase]
    ends = {words[0], words[-1]}
    options = [inflections(part) if i in ends and len(part) > 2 else [part] for i, part in enumerate(parts)]
    forms = ["".join(combo) for combo in itertools.product(*options)]
    return [phrase, *sorted(f for f in forms if f != phrase)]
