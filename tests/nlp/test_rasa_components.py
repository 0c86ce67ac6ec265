"""Our Rasa NLU components, on hand-made messages (no training): what features the classifier sees, and how the
sentence vector travels from the featurizer to the context entity classifier."""

from __future__ import annotations

import numpy as np
import scipy.sparse
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.sentence_vectors import DIMENSIONS, encoder
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
    both = encoder().encode_with_middle(["much obliged"])[0]
    assert np.allclose(both[:DIMENSIONS], encoder().encode(["much obliged"])[0], atol=1e-6)
    assert np.allclose(sentence.features[0], both[:DIMENSIONS] * 2.0, atol=1e-6)  # middle_weight 0: left out
    assert np.allclose(message.get(SENTENCE_VECTOR), both, atol=1e-6)  # the entity classifier reads both


def test_the_featurizer_adds_the_middle_layer_at_its_own_weight():
    featurizer = SentenceFeaturizer({**SentenceFeaturizer.get_default_config(), "weight": 2.0, "middle_weight": 0.5},
                                    "sentence")
    message = Message(data={TEXT: "much obliged"})
    featurizer.process([message])
    _, sentence = message.get_dense_features(TEXT)
    both = encoder().encode_with_middle(["much obliged"])[0]
    assert np.allclose(sentence.features[0], np.hstack([both[:DIMENSIONS] * 2.0, both[DIMENSIONS:] * 0.5]), atol=1e-6)
    assert np.allclose(np.linalg.norm(both[DIMENSIONS:]), 1.0, atol=1e-5)


def _toy_examples() -> list[Message]:
    """Six messages of two intents, each with one count block and a sentence vector that separates them."""
    examples = []
    for i, (intent, vector) in enumerate([("greet", [1.0, 0.1]), ("greet", [0.9, 0.2]), ("greet", [1.0, 0.0]),
                                          ("goodbye", [0.1, 1.0]), ("goodbye", [0.2, 0.9]), ("goodbye", [0.0, 1.0])]):
        message = Message(data={TEXT: f"message {i}", "intent": intent})
        counts = scipy.sparse.csr_matrix([[1.0, float(i % 2)]])
        message.add_features(Features(counts, FEATURE_TYPE_SENTENCE, TEXT, "words"))
        message.add_features(Features(np.array([vector]), FEATURE_TYPE_SENTENCE, TEXT, "sentence"))
        examples.append(message)
    return examples


def test_the_classifier_blends_both_models_and_reloads_the_same(tmp_path):
    from rasa.engine.graph import ExecutionContext, GraphSchema
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource
    from rasa.shared.nlu.training_data.training_data import TrainingData

    storage, resource = LocalModelStorage(tmp_path), Resource("intents")
    config = {**ScaledLogisticRegressionClassifier.get_default_config(), "C": 30, "svm_weight": 0.5}
    trained = ScaledLogisticRegressionClassifier(config, "intents", storage, resource)
    trained.train(TrainingData(_toy_examples()))
    assert trained.svm is not None
    probe = _toy_examples()[:1]
    expected = (trained.clf.predict_proba(trained._create_X(probe)) + trained.svm.predict_proba(
        trained._vectors(probe))) / 2
    trained.process(probe)
    ranking = {item["name"]: item["confidence"] for item in probe[0].get("intent_ranking")}
    assert np.allclose([ranking[name] for name in trained.clf.classes_], expected[0])

    context = ExecutionContext(GraphSchema({}), "test")
    loaded = ScaledLogisticRegressionClassifier.load(config, storage, resource, context)
    again = _toy_examples()[:1]
    loaded.process(again)
    assert loaded.svm is not None and again[0].get("intent_ranking") == probe[0].get("intent_ranking")


def test_an_svm_weight_of_zero_leaves_the_logistic_regression_alone(tmp_path):
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource
    from rasa.shared.nlu.training_data.training_data import TrainingData

    config = {**ScaledLogisticRegressionClassifier.get_default_config(), "C": 30, "svm_weight": 0}
    classifier = ScaledLogisticRegressionClassifier(config, "intents", LocalModelStorage(tmp_path), Resource("i"))
    classifier.train(TrainingData(_toy_examples()))
    probe = _toy_examples()[3:4]
    classifier.process(probe)
    assert classifier.svm is None
    assert np.isclose(probe[0].get("intent")["confidence"],
                      classifier.clf.predict_proba(classifier._create_X(probe)).max())


def test_the_context_classifier_fingerprints_without_its_defaults():
    from rasa_plugins.context_entities import ContextEntityClassifier

    # Rasa can pass only the settings config.yml gives; the examples file must still reach the cache key.
    assert ContextEntityClassifier.fingerprint_addon({"threshold": 0.6}) == ContextEntityClassifier.fingerprint_addon(
        ContextEntityClassifier.get_default_config())
