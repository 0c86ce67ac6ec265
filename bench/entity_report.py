"""Entity precision, recall and F1 of the trained model against a hand-labelled gold standard.

Rasa's cross-validation reports nothing for the rule-based entity ruler, and the training examples' entity marks are
written by that same ruler, so they cannot measure it. ``tests/nlp/entity_gold.yml`` holds messages labelled by
meaning by a person; this script parses each with the newest model in models/ (the whole pipeline, synonym mapping
included) and compares. When a message yields several values for one entity the last one counts, as in the bot's
slots. Run ``.venv/bin/python bench/entity_report.py``; it writes bench/results/entity_eval.json.

Scoring, per entity: a predicted value equal to the gold value is a true positive; a predicted value that differs
from the gold one (or where gold has none) is a false positive; a gold value not predicted exactly is a false
negative (so a wrong value counts once each way). Micro figures pool the three entities; macro F1 is their mean.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot import settings  # noqa: E402

ROOT = settings.PROJECT_ROOT
GOLD = ROOT / "tests" / "nlp" / "entity_gold.yml"
# Six sets by six writers, in the order they were written:
# - tuning: its misses chose the synonyms added to the knowledge base and the context classifier's threshold, so
#   its figure is optimistic;
# - held_out: written without sight of the vocabulary or of the tuning set. It measured the first context classifier
#   (macro F1 0.939) and its misses then guided a second batch of training examples, so it is a tuning set now too;
# - fresh: written from the labelling rule alone. It measured the second classifier once (0.915); the third batch of
#   examples was written without sight of it, but its misses were read, so it is no longer untouched;
# - fresh2: written from the labelling rule alone. It measured the third classifier once (0.940); its misses were
#   then read and described (not copied) in the brief for the fourth batch of examples, so it is used now too;
# - fresh3: written from the labelling rule alone. Its first measure (0.948) is the last untouched figure; its misses
#   then pointed to four vocabulary fixes, so it is used now too;
# - fresh4 (2026-12-03): written from the labelling rule alone, after the classifier's lemma features and settings
#   were chosen on the five sets above. Its first measure, 0.980, is the untouched figure; its misses are not yet
#   acted on. The next set written from the rule alone should measure whatever they lead to.
GOLD_SETS = {"fresh4": ROOT / "tests" / "nlp" / "entity_gold_fresh4.yml",
             "fresh3": ROOT / "tests" / "nlp" / "entity_gold_fresh3.yml",
             "fresh2": ROOT / "tests" / "nlp" / "entity_gold_fresh2.yml",
             "fresh": ROOT / "tests" / "nlp" / "entity_gold_fresh.yml",
             "held_out": ROOT / "tests" / "nlp" / "entity_gold_heldout.yml", "tuning": GOLD}
RESULT = ROOT / "bench" / "results" / "entity_eval.json"
ENTITIES = ("stage", "level", "audience")


def load_gold(path: Path = GOLD) -> list[dict[str, str]]:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def gold_sha256(path: Path = GOLD) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _ratio(top: int, bottom: int, empty: float) -> float:
    return top / bottom if bottom else empty


def _figures(tp: int, fp: int, fn: int) -> dict[str, Any]:
    # With nothing predicted precision is vacuously 1 when there was nothing to find, else 0; likewise recall.
    precision = _ratio(tp, tp + fp, 1.0 if fn == 0 else 0.0)
    recall = _ratio(tp, tp + fn, 1.0 if fp == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "support": tp + fn, "precision": round(precision, 4),
            "recall": round(recall, 4), "f1": round(f1, 4)}


def score(gold: list[dict], predicted: list[dict], entities: tuple[str, ...] = ENTITIES) -> dict[str, Any]:
    """Compare gold items ``{text, stage?, level?, audience?}`` with predictions ``{entity: value}``, item by item.

    Returns per-entity and micro precision/recall/F1 with counts, the macro F1 over ``entities``, and the misses:
    ``{text, expected, got, wrong}`` for every item where some entity differs (``wrong`` names those entities).
    """
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold items but {len(predicted)} predictions")
    counts = {entity: {"tp": 0, "fp": 0, "fn": 0} for entity in entities}
    misses = []
    for item, guess in zip(gold, predicted, strict=True):
        wrong = []
        for entity in entities:
            want, got = item.get(entity), guess.get(entity)
            if want is not None and got == want:
                counts[entity]["tp"] += 1
                continue
            if got is not None:
                counts[entity]["fp"] += 1
            if want is not None:
                counts[entity]["fn"] += 1
            if got is not None or want is not None:
                wrong.append(entity)
        if wrong:
            misses.append({
                "text": item["text"],
                "expected": {e: item[e] for e in entities if item.get(e) is not None},
                "got": {e: guess[e] for e in entities if guess.get(e) is not None},
                "wrong": wrong,
            })
    per_entity = {entity: _figures(**c) for entity, c in counts.items()}
    micro = _figures(*(sum(c[k] for c in counts.values()) for k in ("tp", "fp", "fn")))
    macro_f1 = sum(p["f1"] for p in per_entity.values()) / len(per_entity) if per_entity else 0.0
    return {"items": len(gold), "per_entity": per_entity, "micro": micro, "macro_f1": round(macro_f1, 4),
            "misses": misses}


def slot_values(entities: list[dict], names: tuple[str, ...] = ENTITIES) -> dict[str, Any]:
    """Entity name -> value as the bot's slots would take it: the last value found for each entity."""
    values: dict[str, Any] = {}
    for entity in entities:
        if entity.get("entity") in names:
            values[entity["entity"]] = entity.get("value")
    return values


async def parse_all(model: Path, texts: list[str]) -> list[dict[str, Any]]:
    from rasa.core.agent import Agent
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)  # otherwise every parse is logged to stdout
    agent = Agent.load(str(model))
    return [await agent.parse_message(text) for text in texts]


def evaluate() -> dict[str, Any]:
    """Every gold set, parsed with one loaded model."""
    from bot.stack import newest_model

    os.chdir(ROOT)  # config.yml names the spaCy pipeline by a path relative to the project
    model = newest_model(ROOT / "models")
    golds = {name: load_gold(path) for name, path in GOLD_SETS.items() if path.exists()}
    start = time.monotonic()
    texts = [item["text"] for gold in golds.values() for item in gold]
    parsed_all = dict(zip(texts, asyncio.run(parse_all(model, texts)), strict=True))
    results = {}
    for name, gold in golds.items():
        parsed = [parsed_all[item["text"]] for item in gold]
        predicted = [slot_values(p.get("entities") or []) for p in parsed]
        result = score(gold, predicted)
        found = {p["text"]: [[e.get("entity"), e.get("text") or p["text"][e["start"]:e["end"]], e.get("value")]
                             for e in p.get("entities") or [] if e.get("entity") in ENTITIES] for p in parsed}
        for miss in result["misses"]:  # the spans behind each miss: [entity, words matched, value after synonyms]
            miss["spans"] = found.get(miss["text"], [])
        results[name] = {
            "gold_file": str(GOLD_SETS[name].relative_to(ROOT)),
            "gold_sha256": gold_sha256(GOLD_SETS[name]),
            "model": model.name,
            "items_without_entities": sum(1 for item in gold if not any(item.get(e) for e in ENTITIES)),
            **result,
        }
    return {"measured_at": time.strftime("%Y-%m-%d %H:%M"), "seconds": round(time.monotonic() - start, 1),
            "sets": results}


def summary(result: dict[str, Any], name: str = "") -> str:
    lines = [f"Entity evaluation{' (' + name + ')' if name else ''}: {result['items']} gold messages ({result['items_without_entities']} with none), "
             f"model {result['model']}, gold sha256 {result['gold_sha256'][:16]}", "",
             f"{'entity':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for name, fig in [*result["per_entity"].items(), ("micro", result["micro"])]:
        lines.append(f"{name:<10} {fig['precision']:>6.3f} {fig['recall']:>6.3f} {fig['f1']:>6.3f} "
                     f"{fig['tp']:>4} {fig['fp']:>4} {fig['fn']:>4}")
    lines += [f"macro F1 over {len(result['per_entity'])} entities: {result['macro_f1']:.3f}", "",
              f"{len(result['misses'])} messages with a miss (expected -> got):"]
    for miss in result["misses"]:
        lines.append(f"  {miss['text']!r}: {miss['expected']} -> {miss['got']}")
    return "\n".join(lines)


def save(result: dict[str, Any]) -> None:
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=2) + "\n")


def main() -> int:
    result = evaluate()
    save(result)
    for name, figures in result["sets"].items():
        print(summary(figures, name), end="\n\n")
    print(f"\nWrote {RESULT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
