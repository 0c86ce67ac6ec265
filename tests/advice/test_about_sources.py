"""Where the answers come from: said from the knowledge base's list of sources."""

from __future__ import annotations

import pytest

from bot.advice.about_sources import asks_about_sources, sources_replies
from bot.knowledge import Knowledge


@pytest.mark.parametrize("question", ["how up to date is this?", "who wrote the guide?", "what are your sources?",
                                      "where does your information come from?", "is the matrix still current?"])
def test_questions_about_the_documents_are_recognised(question):
    assert asks_about_sources(question)


@pytest.mark.parametrize("question", ["what sources of funding are there?", "what is the plan stage?",
                                      "how do we keep people up to date?"])
def test_other_questions_are_left_alone(question):
    assert not asks_about_sources(question)


def test_every_source_is_named_with_its_date_and_note(knowledge: Knowledge):
    text = sources_replies(knowledge)[0].text
    for source in knowledge.kb.sources:
        assert source.title in text and source.note in text
    assert "(2009)" in text and "It is an older document." in text and "no date given" in text
