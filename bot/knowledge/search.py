"""Free-text search over the whole knowledge base, ranked by lemma overlap weighted by rarity.

Each entry becomes a document with weighted fields: its name and keywords count most, its summary next, its items
and longer texts least. A query's lemmas score by inverse document frequency; a whole keyword or synonym phrase in
the query (compared as lemmas, so "conflicts of interest" matches "conflict of interest") adds a bonus. Results come in a stable order (score, then id).
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
LENGTH_B = 0.75  # how strongly prose matches are damped for long entries (BM25's b)
# On equal scores, guidance answers a question better than a single activity or a word's meaning.
KIND_ORDER = {"topic": 0, "glossary": 1, "stage": 2, "level": 2, "audience": 3, "activity": 4}


@dataclass(frozen=True)
class SearchHit:
    """One ranked result: the entry itself, its kind (``topic``, ``activity``...) and its score."""

    kind: str
    entry: Any
    score: float
    coverage: float = 1.0  # share of the question's word weight this entry matched (unknown words count fully)

    @property
    def id(self) -> str:
        return str(self.entry.id)


def entry_fields(entry: Any) -> tuple[list[str], list[str], list[str], list[str]]:
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


def searchable_entries(kb: KnowledgeBase) -> list[Any]:
    """Every entry a question can be answered with, in the order search breaks ties."""
    return [*kb.topics, *kb.glossary, *kb.stages, *kb.levels, *kb.audiences, *kb.activities, *kb.cell_notes,
            *kb.thomas_levels, *kb.ladder_rungs]


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
        self._entries = searchable_entries(kb)
        self._postings: dict[str, dict[int, float]] = defaultdict(dict)
        # phrase form -> entries it names, keyed by the form's first word so a query only checks likely phrases
        self._phrases: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
        self._phrase_ids: list[int] = []
        fields = [entry_fields(entry) for entry in self._entries]
        text_lemmas = [
            {lemma for text in summaries + bodies if text for lemma in content_lemmas(text)}
            for _, _, summaries, bodies in fields
        ]
        average = max(sum(map(len, text_lemmas)) / max(len(text_lemmas), 1), 1.0)
        for index, (titles, keywords, summaries, bodies) in enumerate(fields):
            # Long entries (a topic listing five barriers) match many words by chance: damp their prose matches
            # the way BM25 does, but never their names and keywords.
            damping = average / (LENGTH_B * len(text_lemmas[index]) + (1 - LENGTH_B) * average)
            weights: Counter[str] = Counter()
            for texts, weight in (
                (titles, TITLE_WEIGHT),
                (keywords, KEYWORD_WEIGHT),
                (summaries, SUMMARY_WEIGHT * damping),
                (bodies, BODY_WEIGHT * damping),
            ):
                for lemma in {lemma for text in texts if text for lemma in content_lemmas(text)}:
                    weights[lemma] = max(weights[lemma], weight)
            for lemma, weight in weights.items():
                self._postings[lemma][index] = weight
            for phrase in [*titles, *keywords]:
                words = normalise(phrase)
                lemmas = " ".join(content_lemmas(phrase))
                # "whats in it for me" finds "what's in it for me": people often leave the apostrophe out
                forms = {form for form in (words, lemmas, words.replace("'", "")) if form and (" " in form or len(form) > 3)}
                if forms:
                    phrase_id = len(self._phrase_ids)
                    self._phrase_ids.append(index)
                    for form in forms:
                        self._phrases[form.split(" ", 1)[0]].append((form, phrase_id, index))
        total = max(len(self._entries), 1)
        self._idf = {lemma: math.log((total + 1) / (len(docs) + 0.5)) for lemma, docs in self._postings.items()}
        self._max_idf = max(self._idf.values(), default=1.0)

    def search(self, text: str, limit: int = 5, kinds: Iterable[str] | None = None) -> list[SearchHit]:
        """Entries that best match ``text``, best first. ``kinds`` restricts the result (e.g. ``{"topic"}``)."""
        wanted = set(kinds) if kinds else None
        scores: Counter[int] = Counter()
        asked = set(content_lemmas(text))
        lemmas = {lemma for lemma in asked if lemma in self._idf}
        # Words the knowledge base has never seen ("boiler") weigh as much as its rarest word: a question mostly
        # about something else should not look answered because one common word matched.
        unknown_weight = self._max_idf * len(asked - lemmas)
        matched: Counter[int] = Counter()
        for lemma in lemmas:
            for index, weight in self._postings[lemma].items():
                scores[index] += weight * self._idf[lemma]
                matched[index] += self._idf[lemma]
        total_idf = sum(self._idf[lemma] for lemma in lemmas)
        asked_weight = total_idf + unknown_weight
        if len(lemmas) > 1 and total_idf > 0:  # entries matching more of the question's rare words rank higher
            for index in scores:
                scores[index] *= 0.5 + 0.5 * matched[index] / total_idf
        words = normalise(text).split()
        query_lemmas = content_lemmas(text)
        padded_words, padded_lemmas = f" {' '.join(words)} ", f" {' '.join(query_lemmas)} "
        bonus: dict[tuple[int, int], float] = {}  # (phrase, entry) -> bonus: each phrase counts once
        for first in set(words) | set(query_lemmas):
            for form, phrase_id, index in self._phrases.get(first, ()):
                if f" {form} " in padded_words or f" {form} " in padded_lemmas:
                    key = (phrase_id, index)
                    bonus[key] = max(bonus.get(key, 0.0), PHRASE_BONUS * (1 + form.count(" ")))
        for (_, index), extra in bonus.items():
            scores[index] += extra
        hits = []
        for index, score in scores.items():
            entry = self._entries[index]
            kind = KIND_OF[type(entry)]
            if wanted is None or kind in wanted:
                coverage = matched[index] / asked_weight if asked_weight else 1.0
                hits.append(SearchHit(kind, entry, round(score, 6), round(coverage, 3)))
        hits.sort(key=lambda h: (-h.score, KIND_ORDER.get(h.kind, 5), h.id))
        return hits[:limit]
