"""Closeness in meaning between a question and the knowledge base's entries (bot.knowledge.meaning).

A fake encoder stands in for the sentence model here: it maps a text to the unit vector of its letter counts, which
is enough to tell the closest phrase, and it records what it was asked to encode so the saved vectors can be seen
to be reused.
"""

from __future__ import annotations

import numpy as np
import pytest

from bot.knowledge.meaning import MeaningIndex, entry_phrases
from bot.knowledge.model import GlossaryTerm, SourceRef


class LetterEncoder:
    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.calls.append(list(texts))
        rows = np.zeros((len(texts), 26), dtype=np.float32)
        for row, text in zip(rows, texts, strict=True):
            for char in text.lower():
                if "a" <= char <= "z":
                    row[ord(char) - ord("a")] += 1
        return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)


def _glossary(entry_id: str, term: str, *synonyms: str) -> GlossaryTerm:
    return GlossaryTerm(id=entry_id, term=term, meaning=f"What {term} means.", synonyms=synonyms,
                        source=SourceRef("norfolk-guide", "definitions"))


@pytest.fixture
def entries() -> list[GlossaryTerm]:
    return [_glossary("term-zebra", "zebra", "zebras"), _glossary("term-apple", "apple", "apples and pears")]


def test_an_entry_is_as_close_as_its_nearest_phrase(entries):
    index = MeaningIndex(entries, LetterEncoder())
    close = index.closeness("zebra")
    assert close["term-zebra"] == pytest.approx(1.0)
    assert close["term-zebra"] > close["term-apple"]


def test_the_phrases_are_names_keywords_and_the_first_summary(entries):
    assert entry_phrases(entries[0]) == ["zebra", "zebras", "What zebra means."]


def test_saved_vectors_are_reused_while_the_phrases_stay_the_same(tmp_path, entries):
    cache = tmp_path / "vectors.npz"
    MeaningIndex(entries, LetterEncoder(), cache)
    assert cache.exists()
    again = LetterEncoder()
    index = MeaningIndex(entries, again, cache)
    assert again.calls == []  # nothing encoded but questions from now on
    index.closeness("apple")
    assert again.calls == [["apple"]]


def test_changed_phrases_are_encoded_again(tmp_path, entries):
    cache = tmp_path / "vectors.npz"
    MeaningIndex(entries, LetterEncoder(), cache)
    changed = LetterEncoder()
    MeaningIndex([*entries, _glossary("term-kiwi", "kiwi")], changed, cache)
    assert "kiwi" in changed.calls[0]


def test_a_damaged_or_unwritable_cache_only_costs_time(tmp_path, entries):
    damaged = tmp_path / "vectors.npz"
    damaged.write_bytes(b"not numpy")
    assert MeaningIndex(entries, LetterEncoder(), damaged).closeness("zebra")["term-zebra"] == pytest.approx(1.0)
    blocked = tmp_path / "a-file" / "vectors.npz"
    (tmp_path / "a-file").write_text("a file where a folder should be")
    assert MeaningIndex(entries, LetterEncoder(), blocked).closeness("apple")["term-apple"] == pytest.approx(1.0)


def test_an_empty_question_is_close_to_nothing(entries):
    assert MeaningIndex(entries, LetterEncoder()).closeness("   ") == {}


def test_vectors_saved_from_another_model_are_not_reused(tmp_path, entries):
    cache = tmp_path / "vectors.npz"
    MeaningIndex(entries, LetterEncoder(), cache, model="model-a")
    other = LetterEncoder()
    MeaningIndex(entries, other, cache, model="model-b")
    assert other.calls  # encoded again
