"""Free-text search over the whole knowledge base, ranked by lemma overlap weighted by rarity.

Each entry becomes a document with weighted fields: its name and keywords count most, its summary next, its items
and longer texts least. A query's lemmas score by inverse document frequency; a whole keyword or synonym phrase in
the query adds a bonus. Results come in a stable order (score, then id).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bot.knowledge import model
from bot.knowledge.model import KnowledgeBase
from bot.nlp.lemmas import content_lemmas, normalise

TITLE_WEIGHT = 3.0
KEYWORD_WEIGHT = 3.0
SUMMARY_WEIGHT = 1.5
BODY_WEIGHT = 1.0
PHRASE_BONUS = 4.0
# On equal scores, guidance answers a question better than a single activity or a word's meaning.
KIND_ORDER = {"topic": 0, "glossary": 1, "stage": 2, "level": 2, "audience": 3, "activity": 4}


@dataclass(frozen=True)
class SearchHit:
    """One ranked result: the entry itself, its kind (``topic``, ``activity``...) and its score."""

    kind: str
    entry: Any
    score: float

    @property
    def id(self) -> str:
        return str(self.entry.id)


def _fields(entry: Any) -> tuple[list[str], list[str], list[str], list[str]]:
    """Titles, keyword phrases, summaries and body texts of one entry."""
    if isinstance(entry, model.Topic):
        return (
            [entry.title],
            list(entry.keywords),
            [entry.summary],
            [f"{i.label} {i.text}" for i in entry.items] + [entry.caveat],
        )
    if isinstance(entry, model.Activity):
        return [entry.name], list(entry.keywords), [entry.description], [entry.public_description]
    if isinstance(entry, model.GlossaryTerm):
        return [entry.term], list(entry.synonyms), [entry.meaning], []
    if isinstance(entry, model.Stage):
        return (
            [entry.name, *entry.other_names],
            list(entry.synonyms) + [entry.co_name],
            [entry.summary, entry.what_happens],
            list(entry.examples) + list(entry.involve_in),
        )
    if isinstance(entry, model.Level):
        return [entry.name, *entry.other_names], list(entry.synonyms), [entry.short, entry.meaning], []
    if isinstance(entry, model.Audience):
        return [entry.name], list(entry.synonyms), [entry.description], []
    if isinstance(entry, model.ThomasLevel):
        return [entry.name], [entry.negative, entry.positive], [entry.explanation], []
    if isinstance(entry, model.LadderRung):
        return [entry.name], [], [entry.meaning], []
    if isinstance(entry, model.CellNote):
        return [], [], [entry.text], []
    return [], [], [], []


KIND_OF = {
    model.Topic: "topic",
    model.Activity: "activity",
    model.GlossaryTerm: "glossary",
    model.Stage: "stage",
    model.Level: "level",
    model.Audience: "audience",
    model.ThomasLevel: "thomas_level",
    model.LadderRung: "ladder_rung",
    model.CellNote: "cell_note",
}


class SearchIndex:
    """An inverted index of lemma -> {entry index: weight}, built once per knowledge base."""

    def __init__(self, kb: KnowledgeBase):
        self._entries: list[Any] = [
            *kb.topics,
            *kb.glossary,
            *kb.stages,
            *kb.levels,
            *kb.audiences,
            *kb.activities,
            *kb.cell_notes,
            *kb.thomas_levels,
            *kb.ladder_rungs,
        ]
        self._postings: dict[str, dict[int, float]] = defaultdict(dict)
        self._phrases: list[tuple[str, int]] = []
        for index, entry in enumerate(self._entries):
            titles, keywords, summaries, bodies = _fields(entry)
            weights: Counter[str] = Counter()
            for texts, weight in (
                (titles, TITLE_WEIGHT),
                (keywords, KEYWORD_WEIGHT),
                (summaries, SUMMARY_WEIGHT),
                (bodies, BODY_WEIGHT),
            ):
                for lemma in {lemma for text in texts if text for lemma in content_lemmas(text)}:
                    weights[lemma] = max(weights[lemma], weight)
            for lemma, weight in weights.items():
                self._postings[lemma][index] = weight
            for phrase in [*titles, *keywords]:
                norm = normalise(phrase)
                if norm and (" " in norm or len(norm) > 3):
                    self._phrases.append((norm, index))
        total = max(len(self._entries), 1)
        self._idf = {lemma: math.log(1 + total / len(docs)) for lemma, docs in self._postings.items()}

    def search(self, text: str, limit: int = 5, kinds: Iterable[str] | None = None) -> list[SearchHit]:
        """Entries that best match ``text``, best first. ``kinds`` restricts the result (e.g. ``{"topic"}``)."""
        wanted = set(kinds) if kinds else None
        scores: Counter[int] = Counter()
        lemmas = set(content_lemmas(text))
        matched: dict[int, int] = Counter()
        for lemma in lemmas:
            for index, weight in self._postings.get(lemma, {}).items():
                scores[index] += weight * self._idf[lemma]
                matched[index] += 1
        if len(lemmas) > 1:  # entries matching more of the question's words rank higher
            for index in scores:
                scores[index] *= 0.5 + 0.5 * matched[index] / len(lemmas)
        padded = f" {normalise(text)} "
        for phrase, index in self._phrases:
            if f" {phrase} " in padded:
                scores[index] += PHRASE_BONUS * (1 + phrase.count(" "))
        hits = []
        for index, score in scores.items():
            entry = self._entries[index]
            kind = KIND_OF[type(entry)]
            if wanted is None or kind in wanted:
                hits.append(SearchHit(kind, entry, round(score, 6)))
        hits.sort(key=lambda h: (-h.score, KIND_ORDER.get(h.kind, 5), h.id))
        return hits[:limit]
