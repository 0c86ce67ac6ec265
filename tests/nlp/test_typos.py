"""Likely misspellings of the stage, level and audience words are understood; real words are never taken for them."""

from __future__ import annotations

import pytest

from bot.knowledge import Knowledge
from bot.nlp.pipeline import build_pipeline, entity_vocabulary
from bot.nlp.typos import is_real_word, slips, with_slips


def test_slips_are_one_letter_left_out_doubled_swapped_or_changed():
    made = slips("consultation")
    assert {"consultaion", "consulation", "consultattion", "consultaiton", "consultetion"} <= made
    assert "onsultation" not in made  # the first letter is seen, so never dropped
    assert "consultation" not in made


def test_the_co_prefix_is_left_alone():
    made = slips("co-design")
    assert "co-desgin" in made
    assert not any(slip.startswith(("cu-", "c-", "oc-")) for slip in made)


def test_real_words_are_not_slips():
    assert is_real_word("planing") and is_real_word("patent")
    assert not is_real_word("consultaion")


def test_a_slip_two_values_could_make_is_dropped():
    vocabulary = {"level": {"a": ("abcdefg",), "b": ("abcdefh",)}}
    added = with_slips(vocabulary)
    assert "abcdef" not in added["level"]["a"] + added["level"]["b"]  # both lose their last letter to it
    assert "abcdeffg" in added["level"]["a"]


def test_skipped_and_short_phrases_get_no_slips():
    vocabulary = {"stage": {"plan": ("planning", "plan")}, "level": {"x": ("tell them",)}}
    assert with_slips(vocabulary, skip=frozenset({"planning"})) == vocabulary


@pytest.fixture(scope="module")
def nlp(knowledge: Knowledge):
    return build_pipeline(knowledge)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("negociation", ("level", "negotiation")),
        ("participaton", ("level", "participation")),
        ("cyp consultaion for the new youth offer", ("level", "consultation")),
        ("procurment for dom care", ("stage", "do")),
        ("we r co-desgining the pathway w patients", ("stage", "plan")),
        ("keepin resdents up to date", ("audience", "citizens")),
        ("a questionaire for pupils", ("level", "consultation")),
    ],
)
def test_the_ruler_understands_common_misspellings(nlp, text, expected):
    assert expected in {(ent.label_, ent.ent_id_) for ent in nlp(text).ents}


@pytest.mark.parametrize("text", ["planing the wood", "I was kidding", "we're buying in a befriending service"])
def test_real_words_and_other_senses_are_not_entities(nlp, text):
    found = {(ent.label_, ent.ent_id_) for ent in nlp(text).ents}
    assert not {("stage", "plan"), ("audience", "cyp"), ("level", "negotiation")} & found


def test_every_slip_maps_to_its_value_in_rasas_synonyms(knowledge: Knowledge):
    vocabulary = entity_vocabulary(knowledge)
    assert "negociation" in vocabulary["level"]["negotiation"]
    assert "negociation" not in knowledge.vocabulary()["level"]["negotiation"]


def test_a_slip_in_a_stage_or_level_name_is_understood_before_the_word_stage(knowledge: Knowledge):
    vocabulary = entity_vocabulary(knowledge)
    assert "reveiw stage" in vocabulary["stage"]["review"]
    assert "reveiw" not in vocabulary["stage"]["review"]  # "review" alone is too common to tag, and so are its slips
