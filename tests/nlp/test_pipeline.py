"""The spaCy pipeline built from the knowledge base finds stages, levels and audiences in everyday words."""

from __future__ import annotations

import pytest

from bot.knowledge import Knowledge
from bot.nlp.__main__ import main as nlp_cli
from bot.nlp.pipeline import build_pipeline, ruler_patterns
from bot.nlp.synonyms import synonyms_yaml


@pytest.fixture(scope="module")
def nlp(knowledge: Knowledge):
    return build_pipeline(knowledge)


def _entities(nlp, text: str) -> set[tuple[str, str]]:
    return {(ent.label_, ent.ent_id_) for ent in nlp(text).ents}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("we're at the review stage", {("stage", "review")}),
        ("We are tendering for home care", {("stage", "do")}),
        ("we want to co-produce it with teenagers", {("level", "participation"), ("audience", "cyp")}),
        ("a needs assessment with older people", {("stage", "understand"), ("audience", "citizens")}),
        ("we want their views", {("level", "consultation")}),
        # other forms of a listed word: "co-produce" -> "co-producing", "evaluate" -> "evaluating", plurals
        ("we are co-producing the new offer with residents", {("level", "participation"), ("audience", "citizens")}),
        ("evaluating the contract with a young carer", {("stage", "review"), ("audience", "cyp")}),
        ("analysing the JSNA", {("stage", "understand")}),
    ],
)
def test_ruler_finds_entities_in_everyday_words(nlp, text, expected):
    assert expected <= _entities(nlp, text)


def test_ambiguous_single_words_are_not_entities(nlp):
    assert _entities(nlp, "what do I do? help me plan") == set()
    # nor are their other forms
    assert _entities(nlp, "she reviewed my plans and designs, then we planned") == set()


def test_pipeline_lemmatises(nlp):
    assert [t.lemma_ for t in nlp("payments were made")][0] == "payment"


def test_patterns_come_from_the_knowledge_base(knowledge: Knowledge):
    patterns = ruler_patterns(knowledge)
    assert {"label": "stage", "pattern": "monitoring and review", "id": "review"} in patterns


def test_committed_synonyms_file_matches_the_knowledge_base(knowledge: Knowledge):
    assert nlp_cli(["check"]) == 0, "data/nlu/synonyms.yml is stale: run `python -m bot.nlp build`"
    assert "- synonym: participation" in synonyms_yaml(knowledge)


def test_nlu_entity_marks_agree_with_the_ruler(nlp):
    """Training examples are marked by the same ruler the bot runs, so `rasa test nlu` measures real behaviour.

    If this fails after a vocabulary change, run `python -m bot.nlp annotate --fresh data/nlu/*.yml`.
    """
    from bot.nlp.annotate import _EXAMPLE_LINE, annotate_example
    from tests.conftest import PROJECT_ROOT

    stale = []
    for path in sorted((PROJECT_ROOT / "data" / "nlu").glob("*.yml")):
        if path.name == "synonyms.yml":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            match = _EXAMPLE_LINE.match(line)
            if match and line.startswith("    - "):
                example = match.group(2)
                if annotate_example(nlp, example, fresh=True) != example:
                    stale.append(f"{path.name}: {example}")
    assert stale == []


def test_annotating_a_file_marks_intent_examples_and_leaves_synonym_lists_alone(nlp, tmp_path):
    from bot.nlp.annotate import annotate_file

    path = tmp_path / "nlu.yml"
    path.write_text('version: "3.1"\nnlu:\n- intent: inform\n  examples: |\n    - we want to consult parents\n'
                    "- synonym: consultation\n  examples: |\n    - consult\n", encoding="utf-8")
    assert annotate_file(nlp, path) == 1
    text = path.read_text(encoding="utf-8")
    assert '- we want to [consult]{"entity": "level", "value": "consultation"} [parents]' in text
    assert text.endswith("- synonym: consultation\n  examples: |\n    - consult\n")
