"""The hand-labelled entity gold standard is well formed, and the entity scorer counts as documented."""

from __future__ import annotations

from collections import Counter

import pytest
import yaml

from bench.entity_report import ENTITIES, GOLD_SETS, score, slot_values
from bot.knowledge import get_knowledge

# set name -> (at least this many messages, each value at least this often)
MINIMUMS = {"tuning": (200, 8), "held_out": (150, 6), "fresh": (160, 10), "fresh2": (160, 12), "fresh3": (160, 10),
            "fresh4": (150, 19)}


@pytest.fixture(scope="module", params=sorted(GOLD_SETS))
def gold_set(request) -> tuple[str, list[dict]]:
    return request.param, yaml.safe_load(GOLD_SETS[request.param].read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def gold(gold_set) -> list[dict]:
    return gold_set[1]


def _known_ids() -> dict[str, set[str]]:
    kb = get_knowledge().kb
    return {"stage": {s.id for s in kb.stages}, "level": {lv.id for lv in kb.levels},
            "audience": {a.id for a in kb.audiences}}


def test_gold_items_are_well_formed(gold_set, gold):
    known = _known_ids()
    assert isinstance(gold, list) and len(gold) >= MINIMUMS[gold_set[0]][0]
    texts = []
    for item in gold:
        assert isinstance(item, dict), item
        assert set(item) <= {"text", *ENTITIES}, item
        assert isinstance(item.get("text"), str) and item["text"].strip(), item
        for entity in ENTITIES:
            if entity in item:
                assert item[entity] in known[entity], f"{item['text']!r}: unknown {entity} {item[entity]!r}"
        texts.append(item["text"].strip().lower())
    duplicates = [text for text, n in Counter(texts).items() if n > 1]
    assert not duplicates, duplicates


def test_every_value_is_covered_many_times(gold_set, gold):
    counts = Counter((entity, item[entity]) for item in gold for entity in ENTITIES if entity in item)
    for entity, ids in _known_ids().items():
        for value in ids:
            assert counts[(entity, value)] >= MINIMUMS[gold_set[0]][1], f"{entity}={value} labelled only {counts[(entity, value)]} times"


def test_enough_messages_state_no_entity(gold):
    # they catch the ruler and the model finding values that are not there ("I need to plan my week")
    assert sum(1 for item in gold if not any(e in item for e in ENTITIES)) >= len(gold) / 10


GOLD_SAMPLE = [
    {"text": "we're tendering with teenagers", "stage": "do", "audience": "cyp"},
    {"text": "we want their views", "level": "consultation"},
    {"text": "will I be paid?"},
]


def test_score_perfect():
    result = score(GOLD_SAMPLE, [{"stage": "do", "audience": "cyp"}, {"level": "consultation"}, {}])
    assert result["micro"] == {"tp": 3, "fp": 0, "fn": 0, "support": 3, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert result["macro_f1"] == 1.0
    assert result["misses"] == []


def test_score_a_missed_entity_lowers_recall_only():
    result = score(GOLD_SAMPLE, [{"stage": "do"}, {"level": "consultation"}, {}])
    audience = result["per_entity"]["audience"]
    assert (audience["tp"], audience["fp"], audience["fn"]) == (0, 0, 1)
    assert (audience["precision"], audience["recall"], audience["f1"]) == (0.0, 0.0, 0.0)
    assert result["micro"]["precision"] == 1.0 and result["micro"]["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert result["macro_f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert result["misses"] == [{"text": "we're tendering with teenagers", "expected": {"stage": "do", "audience": "cyp"},
                                 "got": {"stage": "do"}, "wrong": ["audience"]}]


def test_score_a_false_positive_lowers_precision_only():
    result = score(GOLD_SAMPLE, [{"stage": "do", "audience": "cyp"}, {"level": "consultation"}, {"stage": "plan"}])
    stage = result["per_entity"]["stage"]
    assert (stage["tp"], stage["fp"], stage["fn"]) == (1, 1, 0)
    assert stage["precision"] == 0.5 and stage["recall"] == 1.0 and stage["f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert result["misses"][0]["got"] == {"stage": "plan"} and result["misses"][0]["expected"] == {}


def test_score_a_wrong_value_is_both_a_false_positive_and_a_miss():
    result = score(GOLD_SAMPLE[:1], [{"stage": "plan", "audience": "cyp"}])
    stage = result["per_entity"]["stage"]
    assert (stage["tp"], stage["fp"], stage["fn"]) == (0, 1, 1)
    assert result["per_entity"]["level"]["f1"] == 1.0  # nothing to find and nothing found


def test_score_needs_one_prediction_per_item():
    with pytest.raises(ValueError):
        score(GOLD_SAMPLE, [{}])


def test_the_last_value_of_an_entity_counts_like_a_slot():
    entities = [{"entity": "stage", "value": "plan"}, {"entity": "intent_x", "value": "y"},
                {"entity": "stage", "value": "do"}, {"entity": "audience", "value": "cyp"}]
    assert slot_values(entities) == {"stage": "do", "audience": "cyp"}
