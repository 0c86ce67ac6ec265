"""Every section of every source document is cited by at least one knowledge entry."""

from __future__ import annotations

from bot.knowledge import Knowledge
from bot.knowledge.render import refs_of


def test_every_section_of_every_source_is_cited(knowledge: Knowledge):
    kb = knowledge.kb
    cited = {
        (ref.doc, ref.section)
        for group in (kb.stages, kb.levels, kb.audiences, kb.activities, kb.cell_notes, kb.topics, kb.glossary,
                      kb.thomas_levels, kb.ladder_rungs)
        for entry in group
        for ref in refs_of(entry)
    }
    uncited = [f"{s.id}/{sec.id}" for s in kb.sources for sec in s.sections if (s.id, sec.id) not in cited]
    assert uncited == []


def test_the_four_seed_documents_are_the_sources(knowledge: Knowledge):
    assert {s.id for s in knowledge.kb.sources} == {
        "ipc-citizen-matrix-2021", "ipc-cyp-matrix-2009", "norfolk-guide", "ipc-pcc-slides",
    }
