"""Rasa's logistic regression intent classifier, with each feature block scaled to unit length and C exposed.

Why not the stock one: it stacks the raw counts of every featurizer, so a long message's thousands of character
n-grams drown its few word counts and the sentence vector, and it fixes C (how hard the fit may follow the training
examples) at 1. Scaling each block to length 1 gives every featurizer an equal voice, whatever the message length;
on our data that and C = 10 took 5-fold intent macro F1 from 0.931 to 0.941 (``make bench-nlu``).
"""

from __future__ import annotations

import sys
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.message import Message
from scipy.sparse import csr_matrix, hstack, vstack
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize

from rasa_plugins import source_fingerprint


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class ScaledLogisticRegressionClassifier(LogisticRegressionClassifier):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # binary: count a word or piece once however often it appears, so "no no no" is read like "no"
        return {**LogisticRegressionClassifier.get_default_config(), "C": 1.0, "binary": True}

    def __init__(self, config: dict[str, Any], name: str, model_storage: ModelStorage, resource: Resource) -> None:
        super().__init__(config, name, model_storage, resource)
        self.clf = LogisticRegression(
            C=float(self.config["C"]), solver=self.config["solver"], max_iter=self.config["max_iter"],
            class_weight="balanced", tol=self.config["tol"], random_state=self.config["random_state"],
        )

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> ScaledLogisticRegressionClassifier:
        return cls(config, execution_context.node_name, model_storage, resource)

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str:
        return source_fingerprint(sys.modules[__name__])

    def _row(self, message: Message) -> csr_matrix:
        """The message's sentence features, one block per featurizer in a fixed order; count blocks at length 1."""
        blocks = sorted((f for f in message.features if f.type == FEATURE_TYPE_SENTENCE and f.attribute == TEXT),
                        key=lambda f: str(f.origin))
        parts = []
        for feature in blocks:
            if feature.is_sparse():
                counts = csr_matrix(feature.features, dtype=np.float64)
                if self.config["binary"]:
                    counts.data = np.minimum(counts.data, 1.0)
                parts.append(normalize(counts))
            else:
                # Dense blocks (the sentence vector) arrive at the length their featurizer chose on purpose.
                parts.append(csr_matrix(feature.features, dtype=np.float64))
        return hstack(parts).tocsr()

    def _create_X(self, messages: list[Message]) -> csr_matrix:
        return vstack([self._row(message) for message in messages]).tocsr()
