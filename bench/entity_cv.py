"""5-fold cross-validation of the stage, level and audience entities, scored by meaning.

``rasa test nlu --cross-validation`` cannot measure our entities (see bench/nlu_report.py), so this runs the same
path outside Rasa: the entity ruler (fixed: it is built from the knowledge base, not trained), then the context
model trained on four fifths of the messages labelled by meaning in ``data/entities/`` with config.yml's settings,
scored on the fifth it did not see, against the labels people gave. Those messages are Rasa's NLU examples
(``nlu_examples/``, the set ``rasa test nlu --cross-validation`` folds, labelled by people) and ``meaning.yml``
(written for the context model, deliberately heavy on values stated only by context); figures are given for all
of them and for each set. Scoring is bench/entity_report.py's (last value counts).

    .venv/bin/python bench/entity_cv.py      # about a minute; writes bench/results/entity_cv.json
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.entity_report import ENTITIES, score, slot_values  # noqa: E402
from bot import settings  # noqa: E402

ROOT = settings.PROJECT_ROOT
EXAMPLES = ROOT / "data" / "entities"
RESULT = ROOT / "bench" / "results" / "entity_cv.json"
FOLDS = 5


def component_config() -> dict[str, Any]:
    """The context classifier's settings as config.yml gives them, over its defaults."""
    import yaml

    from rasa_plugins.context_entities import NAME, ContextEntityClassifier

    pipeline = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))["pipeline"]
    given = next((step for step in pipeline if str(step.get("name", "")).endswith(NAME)), {})
    return {**ContextEntityClassifier.get_default_config(), **{k: v for k, v in given.items() if k != "name"}}


def ruler_values(texts: list[str]) -> list[dict[str, list[str]]]:
    """Per text, entity -> the values the ruler finds, in order (the spaCy pipeline `make train` builds)."""
    import spacy

    nlp = spacy.load(ROOT / "build" / "spacy_involve")
    found = []
    for doc in nlp.pipe(texts):
        values: dict[str, list[str]] = {}
        for ent in doc.ents:
            if ent.label_ in ENTITIES:
                values.setdefault(ent.label_, []).append(ent.ent_id_)
        found.append(values)
    return found


def _labelled_by_set() -> tuple[list[Any], list[str]]:
    """Every labelled message once, and the set it belongs to: "nlu_examples" or "meaning"."""
    from bot.knowledge.query import get_knowledge
    from bot.nlp.context_entities import load_all_labelled_from

    vocabulary = get_knowledge().vocabulary()
    found = load_all_labelled_from(EXAMPLES, {entity: set(vocabulary[entity]) for entity in ENTITIES})
    messages = [message for message, _ in found]
    sets = [path.parent.name if path.parent != EXAMPLES else path.stem for _, path in found]
    return messages, sets


def cross_validate(folds: int = FOLDS, seed: int = 2021) -> dict[str, Any]:
    from sklearn.model_selection import KFold

    from bot.nlp.context_entities import combine, train
    from bot.nlp.sentence_vectors import encoder

    start = time.monotonic()
    config = component_config()
    messages, sets = _labelled_by_set()
    texts = [m.text for m in messages]
    gold = [{"text": m.text, **m.values} for m in messages]
    by_ruler = ruler_values(texts)
    vectors = encoder().encode_with_middle(texts)
    predicted: list[dict[str, Any]] = [{} for _ in messages]
    for train_rows, test_rows in KFold(folds, shuffle=True, random_state=seed).split(texts):
        model = train([messages[i] for i in train_rows], encoder(), c=float(config["C"]),
                      vector_weight=float(config["vector_weight"]), vectors=vectors[train_rows])
        picks = model.predict([texts[i] for i in test_rows], encoder(), float(config["threshold"]),
                              found=[by_ruler[i] for i in test_rows], vectors=vectors[test_rows],
                              margin=float(config["margin"]), overrule=float(config["overrule"]),
                              veto=float(config["veto"]))
        for i, pick in zip(test_rows, picks, strict=True):
            predicted[i] = slot_values([{"entity": e, "value": v} for e, v in combine(by_ruler[i], pick)])
    ruler_only = [slot_values([{"entity": e, "value": v} for e, values in found.items() for v in values])
                  for found in by_ruler]
    result = score(gold, predicted)
    by_set = {}
    for name in sorted(set(sets)):
        rows = [i for i, s in enumerate(sets) if s == name]
        part = score([gold[i] for i in rows], [predicted[i] for i in rows])
        by_set[name] = {"examples": len(rows), "macro_f1": part["macro_f1"],
                        "per_entity_f1": {e: part["per_entity"][e]["f1"] for e in ENTITIES},
                        "ruler_alone_macro_f1": score([gold[i] for i in rows],
                                                      [ruler_only[i] for i in rows])["macro_f1"]}
    return {
        "measured_at": time.strftime("%Y-%m-%d %H:%M"), "seconds": round(time.monotonic() - start, 1),
        "folds": folds, "examples": len(messages), "examples_from": str(EXAMPLES.relative_to(ROOT)),
        "ruler_alone_macro_f1": score(gold, ruler_only)["macro_f1"],
        "macro_f1": result["macro_f1"], "per_entity": result["per_entity"], "micro": result["micro"],
        "by_set": by_set, "misses": result["misses"],
    }


def save(result: dict[str, Any]) -> None:
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=2) + "\n")


def main() -> int:
    result = cross_validate()
    save(result)
    print(f"Entity {result['folds']}-fold cross-validation on {result['examples']} messages labelled by meaning "
          f"({result['seconds']} s)")
    for name, fig in [*result["per_entity"].items(), ("micro", result["micro"])]:
        print(f"  {name:<10} P {fig['precision']:.3f}  R {fig['recall']:.3f}  F1 {fig['f1']:.3f}")
    print(f"  macro F1 {result['macro_f1']:.3f} (ruler alone {result['ruler_alone_macro_f1']:.3f})")
    for name, part in result["by_set"].items():
        entities = "  ".join(f"{e} {f1:.3f}" for e, f1 in part["per_entity_f1"].items())
        print(f"  {name:<13} {part['examples']:>5} messages  macro F1 {part['macro_f1']:.3f}  ({entities}; "
              f"ruler alone {part['ruler_alone_macro_f1']:.3f})")
    print(f"Wrote {RESULT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
