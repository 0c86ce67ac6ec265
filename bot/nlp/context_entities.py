"""Stage, level and audience read from a whole message, for what the entity ruler's word lists cannot see.

The ruler (``bot.nlp.pipeline``) finds names: "needs assessment", "co-produce", "young people". It is nearly always
right when it finds something (precision 0.97 on the held-out gold set) but misses meaning carried by context:
"looking back at how year one went" is the review stage, "just letting them know" is communication. This model
fills those gaps: for each entity it is a logistic regression over the message's words, word pieces and sentence
vector, trained on the messages labelled by meaning in ``data/entities/`` (see its README; many state no value).
The bot asks it about the entities the ruler did not find, and uses its answer only when it is confident; it
second-guesses the ruler's own values only when it is very sure.

Everything here is plain data and NumPy, so the trained model is saved as JSON (no pickles to trust) and tested
without Rasa.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from bot.nlp.annotate import strip_annotations
from bot.nlp.lemmas import lemma_of
from bot.nlp.sentence_vectors import SentenceEncoder

ENTITIES = ("stage", "level", "audience")
NONE = "none"  # the class for "this message does not state a value"
_WORD = re.compile(r"(?u)\b\w\w+\b")


class LabelledMessagesError(ValueError):
    """The labelled messages file is wrong; the message names the file, the entry and the field."""


@dataclass(frozen=True)
class LabelledMessage:
    text: str
    values: dict[str, str] = field(default_factory=dict)


def load_labelled(path: Path, allowed: dict[str, set[str]]) -> list[LabelledMessage]:
    """The file's messages, checked: each needs a non-empty ``text`` and only known entities and values.

    An entry marked ``mixed: true`` names two values of one entity ("consult or co-produce?"): it teaches nothing
    about which one is meant, so it is checked and left out.
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise LabelledMessagesError(f"{path}: cannot be read as YAML ({error})") from error
    if not isinstance(data, list) or not data:
        raise LabelledMessagesError(f"{path}: expected a list of {{text, stage?, level?, audience?}} entries")
    messages = []
    for number, entry in enumerate(data, start=1):
        where = f"{path}, entry {number}"
        if not isinstance(entry, dict):
            raise LabelledMessagesError(f"{where}: expected a mapping like {{text: ..., stage: ...}}")
        text = entry.get("text")
        if not isinstance(text, str) or not text.strip():
            raise LabelledMessagesError(f"{where}, field 'text': missing or empty")
        if "mixed" in entry:
            if entry["mixed"] is not True or len(entry) != 2:
                raise LabelledMessagesError(f"{where}, field 'mixed': use 'mixed: true' alone, with no values")
            continue
        values = {}
        for key, value in entry.items():
            if key == "text":
                continue
            if key not in allowed:
                raise LabelledMessagesError(f"{where}, field '{key}': unknown; use {', '.join(sorted(allowed))}")
            if value not in allowed[key]:
                raise LabelledMessagesError(
                    f"{where}, field '{key}': '{value}' is not one of {', '.join(sorted(allowed[key]))}")
            values[key] = value
        messages.append(LabelledMessage(strip_annotations(text), values))  # label files copy NLU examples' marks
    return messages


def labelled_files(location: Path) -> list[Path]:
    """The label files at ``location``: the file itself, or every ``.yml`` under the folder, in a stable order."""
    return sorted(location.rglob("*.yml")) if location.is_dir() else [location]


def load_all_labelled_from(location: Path, allowed: dict[str, set[str]]) -> list[tuple[LabelledMessage, Path]]:
    """Every labelled message at ``location`` (a file or a folder) with its file, each text once: the first file
    wins."""
    seen: set[str] = set()
    found = []
    for path in labelled_files(location):
        for message in load_labelled(path, allowed):
            key = " ".join(message.text.lower().split())
            if key not in seen:
                seen.add(key)
                found.append((message, path))
    return found


def load_all_labelled(location: Path, allowed: dict[str, set[str]]) -> list[LabelledMessage]:
    """Every labelled message at ``location`` (a file or a folder), each text once."""
    return [message for message, _ in load_all_labelled_from(location, allowed)]


# --- features ----------------------------------------------------------------------------------------------------

def _with_pairs(tokens: list[str]) -> list[str]:
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]


def _words(text: str) -> list[str]:
    return _with_pairs(_WORD.findall(text.lower()))


def _lemmas(text: str) -> list[str]:
    # "reviewing", "reviewed" and "reviews" teach one thing; 5-fold F1 0.898 -> 0.907 with C and vector_weight
    # retuned (bench/entity_cv.py).
    return _with_pairs([lemma_of(word) for word in _WORD.findall(text.lower())])


def _pieces(text: str) -> list[str]:
    pieces = []
    for word in text.lower().split():
        padded = f" {word} "
        pieces += [padded[i: i + n] for n in range(2, 6) for i in range(len(padded) - n + 1)]
    return pieces


_ANALYSERS = {"words": _words, "lemmas": _lemmas, "pieces": _pieces}


def _unit_block(grams: list[str], vocabulary: dict[str, int]) -> np.ndarray:
    """Which known grams the text has (each once), scaled to length 1 so long and short messages weigh the same."""
    row = np.zeros(len(vocabulary), dtype=np.float32)
    for gram in grams:
        index = vocabulary.get(gram)
        if index is not None:
            row[index] = 1.0
    norm = np.linalg.norm(row)
    return row / norm if norm else row


@dataclass
class ContextEntityModel:
    vocabularies: dict[str, dict[str, int]]
    vector_weight: float
    # per entity: class names, and the logistic regression's weights (classes x features) and intercepts
    classes: dict[str, list[str]]
    weights: dict[str, np.ndarray]
    intercepts: dict[str, np.ndarray]

    def features(self, texts: list[str], encoder: SentenceEncoder, vectors: np.ndarray | None = None) -> np.ndarray:
        """``vectors``: the texts' ``encode_with_middle`` vectors when the caller has them already (they cost ~10 ms
        each). The middle layer's mean, beside the sentence vector, raised 5-fold F1 from 0.908 to 0.914."""
        vectors = (encoder.encode_with_middle(texts) if vectors is None else vectors) * self.vector_weight
        rows = []
        for text, vector in zip(texts, vectors, strict=True):
            blocks = [_unit_block(_ANALYSERS[name](text), vocab) for name, vocab in sorted(self.vocabularies.items())]
            rows.append(np.concatenate([*blocks, vector]))
        return np.vstack(rows)

    def probabilities(self, texts: list[str], encoder: SentenceEncoder,
                      vectors: np.ndarray | None = None) -> dict[str, np.ndarray]:
        x = self.features(texts, encoder, vectors)
        out = {}
        for entity in self.classes:
            scores = x @ self.weights[entity].T + self.intercepts[entity]
            scores = np.exp(scores - scores.max(1, keepdims=True))
            out[entity] = scores / scores.sum(1, keepdims=True)
        return out

    def predict(self, texts: list[str], encoder: SentenceEncoder, threshold: float,
                found: list[dict[str, list[str]]] | None = None, vectors: np.ndarray | None = None,
                margin: float = 2.0, overrule: float = 1.01,
                veto: float = 1.01) -> list[dict[str, tuple[str, float]]]:
        """For each text, the entities to add: entity -> (value, confidence). The caller adds them after the ruler's,
        except a value of ``NONE``, which tells the caller to drop what the ruler found for that entity.

        ``found`` holds, per text, the values the ruler found for each entity, in order (the slots take the last):
        - none found: the model's value, if it is stated with at least ``threshold`` confidence;
        - different values found ("shaping the service before we go out to tender": plan, then do): the one the
          model rates highest, if that is not the last and is rated ``margin`` times higher than the last;
        - one value found: another value only if the model is at least ``overrule`` sure of it, or ``NONE`` if it is
          at least ``veto`` sure the message states no value ("I'm signing off now", "consult my diary").
        """
        if not texts:
            return []
        probabilities = self.probabilities(texts, encoder, vectors)
        chosen: list[dict[str, tuple[str, float]]] = [{} for _ in texts]
        for entity, rows in probabilities.items():
            for i, row in enumerate(rows):
                by_ruler = (found[i] if found else {}).get(entity) or []
                pick = _choose(self.classes[entity], row, by_ruler, threshold, margin, overrule, veto)
                if pick:
                    chosen[i][entity] = pick
        return chosen

    def to_json(self) -> str:
        return json.dumps({
            "vocabularies": self.vocabularies, "vector_weight": self.vector_weight, "classes": self.classes,
            # 6 decimals keep every prediction the same and the file a third of the size
            "weights": {k: np.round(v, 6).tolist() for k, v in self.weights.items()},
            "intercepts": {k: np.round(v, 6).tolist() for k, v in self.intercepts.items()},
        })

    @classmethod
    def from_json(cls, text: str) -> ContextEntityModel:
        data: dict[str, Any] = json.loads(text)
        return cls(
            vocabularies=data["vocabularies"], vector_weight=float(data["vector_weight"]), classes=data["classes"],
            weights={k: np.asarray(v, dtype=np.float32) for k, v in data["weights"].items()},
            intercepts={k: np.asarray(v, dtype=np.float32) for k, v in data["intercepts"].items()},
        )


def combine(found: dict[str, list[str]], picks: dict[str, tuple[str, float]]) -> list[tuple[str, str]]:
    """(entity, value) pairs in the order the slots read them: the ruler's values, less those the model vetoed,
    then the model's own."""
    return [*((entity, value) for entity, values in found.items() if picks.get(entity, ("",))[0] != NONE
              for value in values),
            *((entity, value) for entity, (value, _) in picks.items() if value != NONE)]


def _choose(classes: list[str], row: np.ndarray, by_ruler: list[str], threshold: float, margin: float,
            overrule: float, veto: float = 1.01) -> tuple[str, float] | None:
    if len(set(by_ruler)) > 1:
        rated = {value: float(row[classes.index(value)]) for value in by_ruler if value in classes}
        best = max(rated, key=rated.__getitem__)
        last = by_ruler[-1]
        return (best, rated[best]) if best != last and rated[best] >= margin * rated.get(last, 0.0) else None
    top = int(row.argmax())
    value, confidence = classes[top], float(row[top])
    if value == NONE and by_ruler and confidence >= veto:
        return value, confidence
    if value == NONE or confidence < (overrule if by_ruler else threshold) or (by_ruler and value == by_ruler[-1]):
        return None
    return value, confidence


def train(messages: list[LabelledMessage], encoder: SentenceEncoder, c: float = 100.0, vector_weight: float = 1.0,
          min_count: int = 2, vectors: np.ndarray | None = None) -> ContextEntityModel:
    """Fits one multinomial logistic regression per entity; "none" is a class like the values.

    Grams seen in fewer than ``min_count`` messages are left out: they halve the model and change no prediction on
    the tuning set.
    """
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    texts = [m.text for m in messages]
    vocabularies = {}
    for name, analyse in _ANALYSERS.items():
        counts: dict[str, int] = {}
        for text in texts:
            for gram in set(analyse(text)):
                counts[gram] = counts.get(gram, 0) + 1
        kept = sorted(gram for gram, count in counts.items() if count >= min_count)
        vocabularies[name] = {gram: index for index, gram in enumerate(kept)}
    model = ContextEntityModel(vocabularies, vector_weight, {}, {}, {})
    # Sparse: the word and piece blocks are mostly zeros, and the solver is about ten times faster on them.
    x = sparse.csr_matrix(model.features(texts, encoder, vectors))
    for entity in ENTITIES:
        labels = [m.values.get(entity, NONE) for m in messages]
        if len(set(labels)) < 2:
            continue  # nothing to learn for an entity no message states
        fitted = LogisticRegression(C=c, max_iter=3000, class_weight="balanced", random_state=2021).fit(x, labels)
        weights, intercepts = fitted.coef_, fitted.intercept_
        if len(fitted.classes_) == 2:  # sklearn keeps one row for two classes; the softmax above wants both
            weights = np.vstack([-weights[0] / 2, weights[0] / 2])
            intercepts = np.array([-intercepts[0] / 2, intercepts[0] / 2])
        model.classes[entity] = [str(c) for c in fitted.classes_]
        model.weights[entity] = weights.astype(np.float32)
        model.intercepts[entity] = intercepts.astype(np.float32)
    return model
