"""Our Rasa NLU components, on hand-made messages (no training): what features the classifier sees, and how the
sentence vector travels from the featurizer to the context entity classifier."""

from __future__ import annotations

import numpy as np
import scipy.sparse
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.sentence_vectors import encoder
from rasa_plugins.intent_classifier import ScaledLogisticRegressionClassifier
from rasa_plugins.sentence_featurizer import SENTENCE_VECTOR, SentenceFeaturizer


def _classifier(**config) -> ScaledLogisticRegressionClassifier:
    full = {**ScaledLogisticRegressionClassifier.get_default_config(), "C": 30, **config}
    return ScaledLogisticRegressionClassifier(full, "classifier", None, None)  # type: ignore[arg-type]


def _message_with_blocks() -> Message:
    message = Message(data={TEXT: "no no no"})
    message.add_features(Features(scipy.sparse.csr_matrix([[3.0, 0.0, 1.0]]), FEATURE_TYPE_SENTENCE, TEXT, "words"))
    message.add_features(Features(scipy.sparse.csr_matrix([[0.0, 4.0]]), FEATURE_TYPE_SENTENCE, TEXT, "pieces"))
    message.add_features(Features(np.array([[0.6, 0.8]]), FEATURE_TYPE_SENTENCE, TEXT, "sentence"))
    return message


def test_each_count_block_has_length_one_and_the_dense_block_is_kept_as_given():
    row = _classifier()._row(_message_with_blocks()).toarray()[0]
    # blocks in order of their featurizer's name: pieces, sentence, words
    pieces, sentence, words = row[:2], row[2:4], row[4:]
    assert np.allclose(pieces, [0, 1]) and np.allclose(sentence, [0.6, 0.8])
    assert np.allclose(words, [1 / np.sqrt(2), 0, 1 / np.sqrt(2)])  # binary: "no" x3 counts once


def test_counts_are_kept_when_binary_is_off():
    words = _classifier(binary=False)._row(_message_with_blocks()).toarray()[0][4:]
    assert np.allclose(words, np.array([3, 0, 1]) / np.sqrt(10))


def test_the_featurizer_adds_a_weighted_vector_and_keeps_the_plain_one_for_later_components():
    featurizer = SentenceFeaturizer({**SentenceFeaturizer.get_default_config(), "weight": 2.0}, "sentence")
    message = Message(data={TEXT: "much obliged"})
    featurizer.process([message, Message(data={})])  # a message without text is left alone
    _, sentence = message.get_dense_features(TEXT)
    plain = encoder().encode(["much obliged"])[0]
    assert np.allclose(sentence.features[0], plain * 2.0, atol=1e-6)
    assert np.allclose(message.get(SENTENCE_VECTOR), plain, atol=1e-6)
