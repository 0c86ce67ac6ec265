"""The NumPy sentence encoder gives the same tokens and vectors as the reference implementation.

``sentence_vectors_reference.json`` was made with sentence-transformers 6.2.0 (PyTorch) loading the same weights
from the same package; ids must match exactly and every vector value to within 1e-5.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from bot.nlp.sentence_vectors import DIMENSIONS, basic_words, encoder

REFERENCE = json.loads((Path(__file__).parent / "sentence_vectors_reference.json").read_text(encoding="utf-8"))
SENTENCES = REFERENCE["sentences"]


@pytest.mark.parametrize("item", SENTENCES, ids=[s["text"][:30] or "empty" for s in SENTENCES])
def test_word_pieces_match_the_reference_tokenizer(item):
    assert encoder().tokenizer.ids(item["text"], REFERENCE["max_seq_length"]) == item["input_ids"]


def test_vectors_match_the_reference_one_by_one_and_in_a_batch():
    expected = np.array([s["embedding"] for s in SENTENCES])
    alone = np.vstack([encoder().encode([s["text"]]) for s in SENTENCES])
    together = encoder().encode([s["text"] for s in SENTENCES])
    assert np.abs(alone - expected).max() < 1e-5
    assert np.abs(together - expected).max() < 1e-5


def test_every_vector_has_unit_length_even_for_empty_or_huge_text():
    vectors = encoder().encode(["", "   ", "ok " * 5000, "🙂🙂", "\x00\x07 control"])
    assert vectors.shape == (5, DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_long_text_is_cut_to_the_models_limit():
    ids = encoder().tokenizer.ids("word " * 1000, REFERENCE["max_seq_length"])
    assert len(ids) == REFERENCE["max_seq_length"]


def test_basic_words_split_punctuation_and_drop_accents():
    assert basic_words("Café's co-production!") == ["cafe", "'", "s", "co", "-", "production", "!"]


def test_paraphrases_are_closer_than_unrelated_messages():
    thanks, obliged, pancakes = encoder().encode(["thank you very much", "much obliged", "how do I make pancakes"])
    assert thanks @ obliged > thanks @ pancakes + 0.3
