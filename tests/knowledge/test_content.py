"""The knowledge base holds both matrices in full, as published, and the structure the rest of the code needs."""

from __future__ import annotations

import pytest

from bot.knowledge import Knowledge

# Activities per cell, counted by hand from the source documents (../shared/seeds/).
# Order of each tuple: communication, consultation, negotiation, participation.
CITIZENS_2021 = {
    "understand": (2, 5, 4, 4),
    "plan": (2, 6, 4, 4),
    "do": (2, 3, 3, 4),
    "review": (1, 3, 4, 3),
}
CYP_2009 = {
    "understand": (2, 5, 3, 3),
    "plan": (2, 3, 4, 4),
    "do": (2, 2, 2, 2),
    "review": (1, 3, 2, 3),
}
LEVELS = ("communication", "consultation", "negotiation", "participation")


@pytest.mark.parametrize(
    "audience,counts,doc",
    [("citizens", CITIZENS_2021, "ipc-citizen-matrix-2021"), ("cyp", CYP_2009, "ipc-cyp-matrix-2009")],
)
def test_every_cell_of_both_matrices_has_its_published_activities(knowledge: Knowledge, audience, counts, doc):
    for stage, per_level in counts.items():
        for level, expected in zip(LEVELS, per_level, strict=False):
            cell = knowledge.cell(stage, level, audience)
            assert len(cell.activities) == expected, f"{audience} {stage} x {level}"
            assert all(a.source.doc == doc and a.source.section == f"matrix-{stage}" for a in cell.activities)


def test_the_matrices_disagree_where_the_sources_do(knowledge: Knowledge):
    mystery = knowledge.where_is("mystery shopping")
    assert {(a.stage, a.level) for a in mystery["citizens"]} == {("review", "negotiation")}
    assert {(a.stage, a.level) for a in mystery["cyp"]} == {("review", "participation")}


def test_participatory_budgeting_is_a_note_on_the_citizens_do_stage(knowledge: Knowledge):
    notes = knowledge.cell("do", "negotiation", "citizens").notes
    assert len(notes) == 1 and "participatory budgeting" in notes[0].text.lower()
    assert knowledge.cell("do", "negotiation", "cyp").notes == ()


def test_stages_carry_all_their_names(knowledge: Knowledge):
    assert [s.id for s in knowledge.kb.stages] == ["understand", "plan", "do", "review"]
    names = {s.id: {n.lower() for n in (s.name, *s.other_names)} for s in knowledge.kb.stages}
    assert {"analyse", "needs and market analysis"} <= names["understand"]
    assert "service design and planning" in names["plan"]
    assert "implementation and market management" in names["do"]
    assert "monitoring and review" in names["review"]


def test_levels_carry_the_names_the_sources_use(knowledge: Knowledge):
    names = {lv.id: " ".join((lv.name, *lv.other_names)).lower() for lv in knowledge.kb.levels}
    assert "inform" in names["communication"]
    assert "consult" in names["consultation"]
    assert "engagement" in names["negotiation"] and "agreement" in names["negotiation"]
    assert "co-production" in names["participation"] and "working together" in names["participation"]


def test_choosing_questions_are_six_for_citizens_and_seven_for_cyp(knowledge: Knowledge):
    citizens = knowledge.topic("choosing-activities-citizens")
    cyp = knowledge.topic("choosing-activities-cyp")
    assert len(citizens.items) == 6
    assert len(cyp.items) == 7
    assert cyp.item("ethical") is not None and citizens.item("ethical") is None


def test_consultation_criteria_are_seven_and_flag_the_replaced_code(knowledge: Knowledge):
    criteria = knowledge.topic("consultation-criteria")
    assert [i.id for i in criteria.items] == [
        "when-to-consult", "duration", "clarity", "accessibility", "burden", "responsiveness", "capacity",
    ]
    assert "12 weeks" in criteria.item("duration").text
    for phrase in ("2008", "2012", "Consultation Principles", "proportionate", "two and twelve weeks"):
        assert phrase in criteria.caveat


def test_payments_and_support_lists_are_complete(knowledge: Knowledge):
    assert len(knowledge.topic("payment-principles").items) == 4
    assert [i.id for i in knowledge.topic("support-kinds").items] == [
        "out-of-pocket-expenses", "involvement-fee", "personal-supporter", "translation",
        "replacement-care", "alternative-formats", "training",
    ]
    tell = knowledge.topic("payments-what-to-tell-people")
    assert tell.item("benefits-impact") is not None and tell.item("how-when-paid") is not None


def test_invitations_and_key_messages_have_every_minimum_item(knowledge: Knowledge):
    assert [i.id for i in knowledge.topic("invitation-minimum-contents").items] == [
        "what", "why", "who-else", "payment", "access-support", "contact",
    ]
    assert len(knowledge.topic("key-messages").items) == 13


def test_ladders_have_hart_eight_rungs_and_thomas_four_faces(knowledge: Knowledge):
    assert [r.number for r in knowledge.kb.ladder_rungs] == list(range(1, 9))
    faces = {t.name.lower(): t.negative.lower() for t in knowledge.kb.thomas_levels}
    assert any("manipulation" in v for v in faces.values())
    assert any("tokenism" in v for v in faces.values())
    assert any("appeasement" in v for v in faces.values())
    assert any("abdication" in v for v in faces.values())


@pytest.mark.parametrize(
    "term",
    ["commissioning", "co-production", "reference group", "sounding board", "open book contracting",
     "outcome-based contract", "participatory budgeting", "pledge-banking", "mystery shopper",
     "direct payments", "personal budgets", "time credits", "SLA", "advocacy", "CYP"],
)
def test_glossary_explains_the_newcomer_terms(knowledge: Knowledge, term):
    assert knowledge.glossary_term(term) is not None, term


def test_every_source_has_a_name_and_status(knowledge: Knowledge):
    for source in knowledge.kb.sources:
        assert source.title and source.publisher and source.status in ("current", "replaced", "historical")
