"""The context entity model: its examples file is checked, it learns meaning from examples, it round-trips as JSON,
and it fills what the ruler missed, chooses when the ruler found two values, and overrules the ruler only when sure."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import get_knowledge
from bot.nlp.context_entities import (
    ENTITIES,
    NONE,
    ContextEntityModel,
    LabelledMessage,
    LabelledMessagesError,
    combine,
    load_labelled,
    train,
)
from bot.nlp.sentence_vectors import encoder

ROOT = Path(__file__).resolve().parents[2]
ALLOWED = {"stage": {"understand", "plan", "do", "review"}, "level": {"communication", "consultation"},
           "audience": {"citizens", "cyp"}}


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "meaning.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("content", "named"), [
    ("- {text: fine}\n- {stage: review}\n", "entry 2, field 'text'"),
    ("- {text: fine, stage: later}\n", "entry 1, field 'stage': 'later' is not one of"),
    ("- {text: fine, colour: red}\n", "entry 1, field 'colour': unknown"),
    ("- just a string\n", "entry 1: expected a mapping"),
    ("text: not a list\n", "expected a list"),
    ("- {text: [unclosed\n", "cannot be read as YAML"),
])
def test_a_broken_examples_file_names_the_file_entry_and_field(tmp_path, content, named):
    path = _write(tmp_path, content)
    with pytest.raises(LabelledMessagesError) as error:
        load_labelled(path, ALLOWED)
    assert str(path) in str(error.value) and named in str(error.value)


def test_the_projects_examples_load_and_use_only_knowledge_base_values():
    vocabulary = get_knowledge().vocabulary()
    messages = load_labelled(ROOT / "data" / "entities" / "meaning.yml",
                             {entity: set(vocabulary[entity]) for entity in ENTITIES})
    assert len(messages) >= 1000
    texts = [m.text.strip().lower() for m in messages]
    assert len(set(texts)) == len(texts), "duplicate messages"
    # every value is taught many times, and many messages teach "no value"
    for entity in ENTITIES:
        for value in vocabulary[entity]:
            assert sum(m.values.get(entity) == value for m in messages) >= 50, (entity, value)
    assert sum(not m.values for m in messages) >= 200


TOY = [
    LabelledMessage("looking back at how the first year went", {"stage": "review"}),
    LabelledMessage("is the service working now it has run for a while", {"stage": "review"}),
    LabelledMessage("checking how well the contract performed", {"stage": "review"}),
    LabelledMessage("finding out what people need before anything else", {"stage": "understand"}),
    LabelledMessage("working out what is missing in our area", {"stage": "understand"}),
    LabelledMessage("mapping what support already exists", {"stage": "understand"}),
    LabelledMessage("hello there", {}),
    LabelledMessage("thanks a lot", {}),
    LabelledMessage("what time is it", {}),
]


@pytest.fixture(scope="module")
def toy_model() -> ContextEntityModel:
    return train(TOY, encoder(), min_count=1)


def test_it_learns_a_stage_from_words_it_has_never_seen_together(toy_model):
    found = toy_model.predict(["how did year one go, looking back?", "good morning"], encoder(), threshold=0.4)
    assert found[0]["stage"][0] == "review"
    assert "stage" not in found[1]


def test_entities_without_examples_are_not_guessed(toy_model):
    assert set(toy_model.classes) == {"stage"}
    assert toy_model.predict(["looking back at the first year"], encoder(), threshold=0.0)[0].keys() <= {"stage"}


def test_a_value_the_ruler_found_is_kept_unless_the_model_is_very_sure(toy_model):
    text = ["looking back at how the first year went"]
    assert toy_model.predict(text, encoder(), threshold=0.0, found=[{"stage": ["review"]}]) == [{}]
    # the ruler's "understand" stands below the overrule confidence, and falls above it
    assert toy_model.predict(text, encoder(), threshold=0.0, found=[{"stage": ["understand"]}], overrule=1.01) == [{}]
    overruled = toy_model.predict(text, encoder(), threshold=0.0, found=[{"stage": ["understand"]}], overrule=0.5)
    assert overruled[0]["stage"][0] == "review"


def test_a_value_the_ruler_found_is_dropped_only_when_the_model_is_very_sure_nothing_is_stated(toy_model):
    text = ["thanks a lot"]  # as if the ruler had taken an everyday word for a stage
    assert toy_model.predict(text, encoder(), threshold=0.0, found=[{"stage": ["review"]}]) == [{}]
    vetoed = toy_model.predict(text, encoder(), threshold=0.0, found=[{"stage": ["review"]}], veto=0.3)
    assert vetoed[0]["stage"][0] == NONE
    assert combine({"stage": ["review"], "audience": ["cyp"]}, vetoed[0]) == [("audience", "cyp")]
    # with nothing found there is nothing to drop
    assert toy_model.predict(text, encoder(), threshold=0.0, veto=0.3) == [{}]


def test_the_models_values_come_after_the_rulers():
    assert combine({"stage": ["plan"], "level": ["consultation"]}, {"stage": ("do", 0.7)}) == [
        ("stage", "plan"), ("level", "consultation"), ("stage", "do")]


def test_when_the_ruler_found_two_values_the_model_chooses_between_them(toy_model):
    text = ["looking back at how the first year went"]
    # the slots take the last value found: the model's choice is added only when it differs from that one
    chosen = toy_model.predict(text, encoder(), threshold=0.9, found=[{"stage": ["review", "understand"]}])
    assert chosen[0]["stage"][0] == "review"
    assert toy_model.predict(text, encoder(), threshold=0.9, found=[{"stage": ["understand", "review"]}]) == [{}]
    # and only when it rates its choice clearly higher than the last value
    assert toy_model.predict(text, encoder(), threshold=0.9, found=[{"stage": ["review", "understand"]}],
                             margin=1e6) == [{}]


def test_a_high_threshold_turns_guesses_into_silence(toy_model):
    assert toy_model.predict(["looking back at how it went"], encoder(), threshold=0.999) == [{}]


def test_the_model_round_trips_through_json_with_the_same_answers(toy_model):
    texts = ["looking back at year one", "what needs are out there", "bye"]
    again = ContextEntityModel.from_json(toy_model.to_json())
    before = toy_model.probabilities(texts, encoder())["stage"]
    after = again.probabilities(texts, encoder())["stage"]
    assert abs(before - after).max() < 1e-4
