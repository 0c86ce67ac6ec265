"""Word forms: the vocabulary matches "co-producing" as well as "co-produce", and never invents words."""

from __future__ import annotations

from bot.nlp.lemmas import inflections, phrase_forms


def test_inflections_are_real_forms_of_the_word():
    assert {"analysed", "analysing"} <= set(inflections("analyse"))
    assert set(inflections("carers")) >= {"carer", "carers"}
    assert "planning" in inflections("plan") and "planned" in inflections("plan")
    assert "evaluationed" not in inflections("evaluation")


def test_only_the_ends_of_a_phrase_change():
    forms = phrase_forms("co-produce")
    assert forms[0] == "co-produce" and "co-producing" in forms
    assert "service user" in phrase_forms("service users")
    assert all(" the " in form for form in phrase_forms("awarding the contract"))
