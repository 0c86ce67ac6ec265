"""Every Rasa NLU example carries a label by meaning in data/entities/nlu_examples/, so the entity figures of the
cross-validation (bench/entity_cv.py) cover the same messages as `rasa test nlu --cross-validation`, and the context
model learns from them. A new example without a label, or a label whose example was reworded, fails here."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.knowledge import get_knowledge
from bot.nlp.annotate import strip_annotations
from bot.nlp.context_entities import ENTITIES, labelled_files, load_labelled

ROOT = Path(__file__).resolve().parents[2]
NLU = ROOT / "data" / "nlu"
LABELS = ROOT / "data" / "entities" / "nlu_examples"
NLU_FILES = sorted(p for p in NLU.glob("*.yml") if p.name != "synonyms.yml")


def _examples(path: Path) -> list[str]:
    texts = []
    for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
        if "intent" in block:
            texts.extend(line.strip()[2:].strip() for line in block["examples"].splitlines()
                         if line.strip().startswith("- "))
    return texts


def _label_texts(path: Path) -> list[str]:
    return [entry["text"] for entry in yaml.safe_load(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("nlu_file", NLU_FILES, ids=lambda p: p.name)
def test_every_nlu_example_has_one_label_in_order(nlu_file: Path):
    labels = LABELS / nlu_file.name
    assert labels.is_file(), f"label the examples of {nlu_file.name} by meaning in {labels}"
    wanted = [strip_annotations(t) for t in _examples(nlu_file)]
    have = [strip_annotations(t) for t in _label_texts(labels)]
    missing = [t for t in wanted if t not in set(have)]
    stale = [t for t in have if t not in set(wanted)]
    assert (missing, stale) == ([], []), "add labels for new examples, drop those of removed ones"
    assert len(have) == len(wanted)


def test_the_same_message_is_never_labelled_two_ways():
    vocabulary = get_knowledge().vocabulary()
    allowed = {entity: set(vocabulary[entity]) for entity in ENTITIES}
    seen: dict[str, tuple[dict[str, str], str]] = {}
    conflicts = []
    for path in labelled_files(ROOT / "data" / "entities"):
        for message in load_labelled(path, allowed):
            key = " ".join(message.text.lower().split())
            if key in seen and seen[key][0] != message.values:
                conflicts.append((message.text, seen[key], (message.values, path.name)))
            seen.setdefault(key, (message.values, path.name))
    assert conflicts == []


def test_mixed_entries_teach_nothing(tmp_path: Path):
    path = tmp_path / "labels.yml"
    path.write_text('- {text: "consult or co-produce?", mixed: true}\n- {text: "[kids]{\\"entity\\": \\"audience\\"}", '
                    'audience: cyp}\n', encoding="utf-8")
    messages = load_labelled(path, {"audience": {"cyp"}})
    assert [(m.text, m.values) for m in messages] == [("kids", {"audience": "cyp"})]
