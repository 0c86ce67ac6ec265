"""Builds the project's own spaCy pipeline, which Rasa's ``SpacyNLP`` loads from disk.

No pretrained English pipeline can be downloaded here, so we assemble one: a blank English tokenizer, the lookup
lemmatizer (tables from spacy-lookups-data, saved inside the pipeline) and an entity ruler whose patterns are the
knowledge base's stage, level and audience names and synonyms. The NLU vocabulary is therefore generated from the
knowledge base, never typed twice.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.knowledge.query import Knowledge
from bot.nlp.lemmas import import_spacy, lemma_of
from bot.nlp.typos import with_slips

# Single words that are too common to mean a stage by themselves ("what do I do?", "help me plan").
AMBIGUOUS_WORDS = frozenset(
    {
        "do", "plan", "planning", "understand", "inform", "agree", "review", "design", "people", "community",
        "communities", "engagement", "information", "performance", "contracts", "research", "view",
    }
)


@lru_cache(maxsize=1)
def _ambiguous_lemmas() -> frozenset[str]:
    return AMBIGUOUS_WORDS | {lemma_of(word) for word in AMBIGUOUS_WORDS}


def _taggable(knowledge: Knowledge, phrase: str) -> bool:
    if phrase in AMBIGUOUS_WORDS:
        return False
    # a generated "reviewed" or "plans" alone means no stage ("reviewing" is listed)
    return knowledge.listed(phrase) or not phrase.isalpha() or lemma_of(phrase) not in _ambiguous_lemmas()


@lru_cache(maxsize=2)  # one build asks three times: the fingerprint, the ruler and the synonyms file
def entity_vocabulary(knowledge: Knowledge) -> dict[str, dict[str, tuple[str, ...]]]:
    """The knowledge base's vocabulary plus the likely misspellings of the words the ruler tags (bot.nlp.typos)."""
    vocabulary = knowledge.vocabulary()
    untaggable = frozenset(
        phrase for values in vocabulary.values() for phrases in values.values() for phrase in phrases
        if not _taggable(knowledge, phrase)
    )
    return with_slips(vocabulary, skip=untaggable)


def ruler_patterns(knowledge: Knowledge) -> list[dict[str, Any]]:
    """Entity ruler patterns: one phrase pattern per name, synonym or slip, labelled with the entity, id = value."""
    return [
        {"label": entity, "pattern": phrase, "id": value}
        for entity, values in entity_vocabulary(knowledge).items()
        for value, phrases in values.items()
        for phrase in phrases
        if _taggable(knowledge, phrase)
    ]


def fingerprint(knowledge: Knowledge) -> str:
    """Changes whenever the patterns change, so the build can be skipped when nothing did."""
    text = json.dumps(ruler_patterns(knowledge), sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def build_pipeline(knowledge: Knowledge) -> Any:
    """The spaCy ``Language`` object (not saved)."""
    spacy = import_spacy()
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    nlp.initialize()
    ruler.add_patterns(ruler_patterns(knowledge))
    nlp.meta["name"] = "involve"
    nlp.meta["description"] = "Blank English + lookup lemmas + entity ruler generated from Involve's knowledge base"
    return nlp


def save_pipeline(knowledge: Knowledge, directory: Path) -> bool:
    """Build and save the pipeline unless an identical one is there already. Returns True if it (re)built."""
    stamp = directory / "involve-fingerprint.txt"
    wanted = fingerprint(knowledge)
    if stamp.is_file() and stamp.read_text().strip() == wanted:
        return False
    if directory.exists():
        shutil.rmtree(directory)
    directory.parent.mkdir(parents=True, exist_ok=True)
    build_pipeline(knowledge).to_disk(directory)
    stamp.write_text(wanted + "\n")
    return True
