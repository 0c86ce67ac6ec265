"""The query API: cells, rows, where an activity sits, topics, search and the NLU vocabulary."""

from __future__ import annotations

import pytest

from bot.knowledge import Knowledge, UnknownEntry


def test_cell_lists_activities_in_published_order(knowledge: Knowledge):
    cell = knowledge.cell("review", "participation", "cyp")
    names = [a.name.lower() for a in cell.activities]
    assert any("mystery" in n for n in names)
    assert cell.stage.name == "Review" and cell.level.name == "Participation"


def test_stage_row_has_one_cell_per_level_in_level_order(knowledge: Knowledge):
    row = knowledge.stage_row("plan", "citizens")
    assert [c.level.id for c in row] == ["communication", "consultation", "negotiation", "participation"]
    assert sum(len(c.activities) for c in row) == 16


def test_where_is_finds_an_activity_in_both_matrices(knowledge: Knowledge):
    found = knowledge.where_is("mystery shopping")
    assert set(found) == {"citizens", "cyp"}


def test_where_is_returns_nothing_for_an_unknown_name(knowledge: Knowledge):
    assert knowledge.where_is("underwater basket weaving") == {}


def test_unknown_ids_raise_a_clear_error(knowledge: Knowledge):
    with pytest.raises(UnknownEntry):
        knowledge.cell("buying", "consultation", "citizens")
    with pytest.raises(UnknownEntry):
        knowledge.topic("c21-understand-consultation-questionnaires")  # an activity, not a topic


def test_topic_by_id_and_citation_names_document_year_and_section(knowledge: Knowledge):
    topic = knowledge.topic("consultation-criteria")
    citation = knowledge.citation(topic.source)
    assert "Citizen Involvement Matrix (2021)" in citation and "consultation criteria" in citation


@pytest.mark.parametrize(
    "question,expected",
    [
        ("will it affect my benefits", "involved-benefits"),
        ("how and when payments are made", "payments-what-to-tell-people"),
        ("how long should a consultation last", "consultation-criterion-duration"),
        ("it costs too much", "barrier-cost"),
        ("what should an invitation include", "invitation-minimum-contents"),
        ("ladder of participation", "ladder-of-participation"),
        ("important to you vs important for you", "important-to-and-for"),
        ("which level of engagement should I use", "engagement-it-depends"),
    ],
)
def test_search_ranks_the_answering_entry_first(knowledge: Knowledge, question, expected):
    assert knowledge.search(question)[0].id == expected


def test_search_uses_lemmas_so_word_forms_match(knowledge: Knowledge):
    assert knowledge.search("paying expenses")[0].id == knowledge.search("pay expense")[0].id


def test_search_finds_nothing_for_off_topic_words(knowledge: Knowledge):
    assert knowledge.search("weather forecast football") == []


def test_search_can_be_limited_to_kinds(knowledge: Knowledge):
    hits = knowledge.search("panel", limit=20, kinds={"activity"})
    assert hits and all(h.kind == "activity" for h in hits)


def test_search_results_are_stable(knowledge: Knowledge):
    assert [h.id for h in knowledge.search("focus groups")] == [h.id for h in knowledge.search("focus groups")]


def test_vocabulary_maps_everyday_words_to_ids(knowledge: Knowledge):
    vocab = knowledge.vocabulary()
    assert "needs and market analysis" in vocab["stage"]["understand"]
    assert "the do stage" not in vocab["stage"]["do"]  # articles are the ruler's job, not the vocabulary's
    assert "do stage" in vocab["stage"]["do"]
    assert "co-production" in vocab["level"]["participation"]
    assert "young people" in vocab["audience"]["cyp"]


def test_vocabulary_never_gives_one_phrase_two_meanings(knowledge: Knowledge):
    seen: dict[str, str] = {}
    for entity, values in knowledge.vocabulary().items():
        for value, phrases in values.items():
            for phrase in phrases:
                assert seen.setdefault(phrase, f"{entity}:{value}") == f"{entity}:{value}", phrase


def test_the_search_command_shows_words_and_meaning(capsys):
    from bot.knowledge.__main__ import main as cli

    assert cli(["search", "will", "I", "get", "paid", "for", "coming", "to", "a", "meeting"]) == 0
    shown = capsys.readouterr().out
    assert "by words" in shown and "by meaning" in shown
    nearest = shown.split("by meaning")[1].splitlines()[1]
    assert nearest.split()[-1] == "involved-will-i-be-paid"


def test_a_near_miss_is_a_slip_in_the_words_not_other_words(knowledge: Knowledge):
    assert knowledge.glossary_term("sounding bored", close=True).id == "term-sounding-board"
    assert knowledge.glossary_term("partisipatory budgeting", close=True).id == "term-participatory-budgeting"
    assert knowledge.glossary_term("types of commissioning", close=True) is None  # not "stages of commissioning"
