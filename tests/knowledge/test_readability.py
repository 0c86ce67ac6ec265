"""Every text a user reads is plain: the bar from issue 9, measured with textstat 0.7.4."""

from __future__ import annotations

import statistics

from bot.knowledge.readability import (
    MAX_SENTENCE_WORDS,
    MIN_MEAN,
    MIN_SCORE,
    MIN_SHARE_AT_OR_ABOVE,
    knowledge_texts,
    long_sentences,
    report,
    response_texts,
    score_texts,
)
from tests.conftest import PROJECT_ROOT


def _knowledge_texts() -> list[tuple[str, str]]:
    return knowledge_texts(PROJECT_ROOT / "data" / "knowledge")


def _response_texts() -> list[tuple[str, str]]:
    return response_texts(PROJECT_ROOT / "domain")


def _assert_plain(texts: list[tuple[str, str]]) -> None:
    scored = score_texts(texts)
    print(report(scored))  # the worst ten, shown with -s or on failure
    share = sum(s.score >= MIN_SCORE for s in scored) / len(scored)
    assert share >= MIN_SHARE_AT_OR_ABOVE, report(scored)
    assert statistics.fmean(s.score for s in scored) >= MIN_MEAN, report(scored)


def test_knowledge_base_texts_are_plain():
    texts = _knowledge_texts()
    assert len(texts) > 400
    _assert_plain(texts)


def test_knowledge_base_sentences_are_short():
    too_long = [(where, s) for where, text in _knowledge_texts() for s in long_sentences(text)]
    assert too_long == [], f"sentences over {MAX_SENTENCE_WORDS} words"


def test_response_templates_are_plain():
    _assert_plain(_response_texts())


def test_a_hard_text_fails_the_bar():
    hard = "Notwithstanding organisational considerations, commissioning methodologies necessitate comprehensive stakeholder prioritisation."
    assert score_texts([("x", hard)])[0].score < MIN_SCORE
