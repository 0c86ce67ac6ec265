"""The one way the rest of the code asks the knowledge base questions.

:class:`Knowledge` wraps a loaded :class:`KnowledgeBase` with lookups built once, so each query is a dictionary access
or a short scan. :func:`get_knowledge` loads the project's knowledge base once per process.
"""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Iterable
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from bot import settings
from bot.knowledge import model
from bot.knowledge.loader import load_knowledge_base
from bot.knowledge.meaning import MeaningIndex
from bot.knowledge.model import Activity, Cell, KnowledgeBase
from bot.knowledge.search import SearchHit, SearchIndex, searchable_entries
from bot.nlp.lemmas import content_lemmas, normalise, phrase_forms

logger = logging.getLogger(__name__)

# Entity names used by the NLU (entity ruler labels and Rasa slots).
ENTITY_STAGE = "stage"
ENTITY_LEVEL = "level"
ENTITY_AUDIENCE = "audience"


class UnknownEntry(LookupError):
    """Asked for an id the knowledge base does not have."""


class Knowledge:
    """Query API over one :class:`KnowledgeBase`."""

    def __init__(self, kb: KnowledgeBase, meaning_cache: Path | None = None):
        """``meaning_cache``: where to save the phrase vectors of :meth:`closeness` (None: kept in memory only)."""
        self.kb = kb
        self._meaning_cache = meaning_cache
        self._by_id: dict[str, Any] = {}
        for group in (
            kb.sources,
            kb.stages,
            kb.levels,
            kb.audiences,
            kb.activities,
            kb.cell_notes,
            kb.topics,
            kb.glossary,
            kb.thomas_levels,
            kb.ladder_rungs,
        ):
            for entry in group:
                self._by_id[entry.id] = entry
        self._cells: dict[tuple[str, str, str], list[Activity]] = {}
        for activity in kb.activities:
            self._cells.setdefault((activity.stage, activity.level, activity.audience), []).append(activity)

    # --- single entries -------------------------------------------------------------------------------------
    def entry(self, entry_id: str) -> Any:
        """Any entry by id. Raises :class:`UnknownEntry`."""
        try:
            return self._by_id[entry_id]
        except KeyError:
            raise UnknownEntry(entry_id) from None

    def _typed(self, entry_id: str, kind: type) -> Any:
        entry = self.entry(entry_id)
        if not isinstance(entry, kind):
            raise UnknownEntry(f"{entry_id} is not a {kind.__name__}")
        return entry

    def stage(self, stage_id: str) -> model.Stage:
        return self._typed(stage_id, model.Stage)

    def level(self, level_id: str) -> model.Level:
        return self._typed(level_id, model.Level)

    def audience(self, audience_id: str) -> model.Audience:
        return self._typed(audience_id, model.Audience)

    def topic(self, topic_id: str) -> model.Topic:
        return self._typed(topic_id, model.Topic)

    def activity(self, activity_id: str) -> model.Activity:
        return self._typed(activity_id, model.Activity)

    def source(self, source_id: str) -> model.Source:
        return self._typed(source_id, model.Source)

    def citation(self, ref: model.SourceRef) -> str:
        """Human-readable citation of a source reference: document, year and section title."""
        source = self.source(ref.doc)
        section = source.section(ref.section)
        return f"{source.citation}, {section.title if section else ref.section}"

    # --- the matrices ---------------------------------------------------------------------------------------
    def cell(self, stage: str, level: str, audience: str) -> Cell:
        """The activities (and notes) one matrix gives for a stage, level and audience, in published order."""
        notes = tuple(
            n
            for n in self.kb.cell_notes
            if n.stage == stage and n.audience == audience and n.level in (None, level)
        )
        return Cell(
            stage=self.stage(stage),
            level=self.level(level),
            audience=self.audience(audience),
            activities=tuple(self._cells.get((stage, level, audience), ())),
            notes=notes,
        )

    def stage_row(self, stage: str, audience: str) -> tuple[Cell, ...]:
        """A stage's whole row of the matrix for one audience: one cell per level, in level order."""
        return tuple(self.cell(stage, level.id, audience) for level in self.kb.levels)

    def activities_named(self, text: str) -> tuple[Activity, ...]:
        """Activities whose name, id or keywords match ``text``, across both matrices.

        An exact name match wins; otherwise every activity whose name or keywords share all of the text's lemmas.
        """
        wanted = normalise(text)
        exact = tuple(a for a in self.kb.activities if normalise(a.name) == wanted or a.id == text)
        if exact:
            return exact
        lemmas = set(content_lemmas(text))
        if not lemmas:
            return ()
        return tuple(
            a
            for a in self.kb.activities
            if lemmas <= set(content_lemmas(" ".join([a.name, *a.keywords])))
        )

    def where_is(self, text: str) -> dict[str, tuple[Activity, ...]]:
        """Where activities matching ``text`` sit, grouped by audience (both matrices)."""
        found: dict[str, tuple[Activity, ...]] = {}
        for audience in self.kb.audiences:
            matches = tuple(a for a in self.activities_named(text) if a.audience == audience.id)
            if matches:
                found[audience.id] = matches
        return found

    # --- guidance and search --------------------------------------------------------------------------------
    def topics_in(self, category: str, audience: str | None = None) -> tuple[model.Topic, ...]:
        return tuple(
            t for t in self.kb.topics if t.category == category and (audience is None or t.audience in (None, audience))
        )

    def glossary_term(self, text: str, close: bool = False) -> model.GlossaryTerm | None:
        """The glossary entry whose term or a synonym equals ``text`` (case and punctuation ignored).

        With ``close``, a near miss counts too when it is near only one entry: "coprodution", "sounding bored".
        """
        wanted = normalise(text)
        for term in self.kb.glossary:
            if wanted in {normalise(term.term), *map(normalise, term.synonyms)}:
                return term
        if not close or len(wanted) < 6:
            return None
        names = self._glossary_names
        near = {names[name].id: names[name] for name in difflib.get_close_matches(wanted, names, n=5, cutoff=0.85)
                if _slips_only(wanted, name)}
        return next(iter(near.values())) if len(near) == 1 else None

    @cached_property
    def _glossary_names(self) -> dict[str, model.GlossaryTerm]:
        return {normalise(name): term for term in self.kb.glossary for name in (term.term, *term.synonyms)}

    @cached_property
    def _index(self) -> SearchIndex:
        return SearchIndex(self.kb)

    def search(self, text: str, limit: int = 5, kinds: Iterable[str] | None = None) -> list[SearchHit]:
        """Free-text search over everything, best first (spaCy lemmas, ranked by rarity and phrase matches)."""
        return self._index.search(text, limit=limit, kinds=kinds)

    @cached_property
    def _meaning(self) -> MeaningIndex | None:
        from bot.nlp.sentence_vectors import SentenceModelMissing, encoder, model_dir

        try:
            encode = encoder().encode
        except SentenceModelMissing as error:
            logger.warning("Questions are matched by their words only: %s", error)
            return None
        return MeaningIndex(searchable_entries(self.kb), encode, self._meaning_cache, model=str(model_dir()))

    def prepare_meaning(self) -> bool:
        """Loads (or computes and saves) the phrase vectors now, so the first question does not wait for them.
        False when the sentence model is not installed."""
        return self._meaning is not None

    def closeness(self, text: str) -> dict[str, float]:
        """Entry id -> how close ``text`` is to it in meaning (cosine similarity of sentence vectors, -1 to 1).
        Empty when the sentence model is not installed: the callers then go by words alone."""
        index = self._meaning
        return index.closeness(text) if index is not None else {}

    # --- vocabulary for the NLU -----------------------------------------------------------------------------
    def vocabulary(self) -> dict[str, dict[str, tuple[str, ...]]]:
        """Entity -> canonical value -> the phrases that mean it. Feeds the entity ruler and Rasa's synonyms."""
        return self._vocabulary

    def listed(self, phrase: str) -> bool:
        """True when ``phrase`` is a name or synonym as written in the knowledge base, not a generated word form."""
        return normalise(phrase) in self._listed_phrases

    def _names(self) -> list[tuple[str, str, list[str]]]:
        """(entity, value, names as written) for every stage, level and audience, with "X stage" forms added."""
        found = []
        for entity, entries in (
            (ENTITY_STAGE, self.kb.stages),
            (ENTITY_LEVEL, self.kb.levels),
            (ENTITY_AUDIENCE, self.kb.audiences),
        ):
            for entry in entries:
                official = [entry.name, *getattr(entry, "other_names", ())]
                names = [*official, *entry.synonyms]
                if getattr(entry, "co_name", ""):
                    names.append(entry.co_name)
                suffix = {ENTITY_STAGE: "stage", ENTITY_LEVEL: "level"}.get(entity)
                if suffix:  # "the do stage", "consultation level": unambiguous even when the name alone is not
                    names.extend(
                        f"{name} {suffix}"
                        for name in [*official, *(s for s in entry.synonyms if " " not in s)]
                        if not name.lower().endswith(suffix)
                    )
                found.append((entity, entry.id, names))
        return found

    @cached_property
    def _listed_phrases(self) -> frozenset[str]:
        return frozenset(normalise(name) for _, _, names in self._names() for name in names)

    @cached_property
    def _vocabulary(self) -> dict[str, dict[str, tuple[str, ...]]]:
        vocab: dict[str, dict[str, tuple[str, ...]]] = {}
        for entity, value, names in self._names():
            phrases: list[str] = []
            for name in names:
                # "co-producing", "evaluating", "residents": every form of a name means the same value
                for phrase in phrase_forms(normalise(name)):
                    if phrase and phrase not in phrases and not _verb_form_of_noun(entity, name, phrase):
                        phrases.append(phrase)
            vocab.setdefault(entity, {})[value] = tuple(phrases)
        return vocab


_VERB_ENDING = re.compile(r"(?:ing|ed)$")


def _slips_only(typed: str, name: str) -> bool:
    """True when ``typed`` is ``name`` with a slip in its words, not other words: "sounding bored" is a slip for
    "sounding board", but "types of commissioning" is not "stages of commissioning" (0.86 alike as a whole)."""
    if typed.count(" ") != name.count(" "):
        return len(typed.split()) == 1 or len(name.split()) == 1  # "coprodution" for "co-production"
    return all(difflib.SequenceMatcher(None, a, b).ratio() >= 0.75 for a, b in zip(typed.split(), name.split(),
                                                                                   strict=True))


def _verb_form_of_noun(entity: str, name: str, phrase: str) -> bool:
    """True for a generated verb form of an audience noun: "kidding", "caring leavers", "disabling people"."""
    if entity != ENTITY_AUDIENCE:
        return False
    return any(new != old and _VERB_ENDING.search(new)
               for new, old in zip(phrase.split(), normalise(name).split(), strict=False))


def load(directory: str | None = None) -> Knowledge:
    """Load a knowledge base folder (default: the project's ``data/knowledge``) into a :class:`Knowledge`."""
    if directory is None:  # the project's own knowledge base: its phrase vectors are worth saving between runs
        return Knowledge(load_knowledge_base(settings.knowledge_dir()), settings.meaning_vectors_file())
    return Knowledge(load_knowledge_base(directory))


@lru_cache(maxsize=1)
def get_knowledge() -> Knowledge:
    """The project's knowledge base, loaded and checked once per process on first use."""
    return load()
