"""Answers questions in people's own words from the knowledge base, or says plainly that it does not know.

The order of attempts: a topic asked for by id (buttons), a glossary term or a stage / level named in a "what is"
question, then search by words and by meaning (``bot.knowledge.search`` and ``bot.knowledge.meaning``). A weak best
match is not an answer: then the bot says it does not know and points to who can help.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.advice.reply import Button, Reply, intent_payload, topic_button
from bot.knowledge import render
from bot.knowledge.model import GlossaryTerm
from bot.knowledge.query import Knowledge, UnknownEntry
from bot.knowledge.search import KIND_OF, SearchHit
from bot.nlp.lemmas import content_lemmas, normalise

MIN_SCORE = 4.0
MIN_COVERAGE = 0.5  # the best match must cover at least half of what was asked
# A long question covers less of any entry ("we've had 400 responses to the library survey, what do we do with them
# now?"): a quarter is enough when the best word match is also the entry closest in meaning, at least this close.
# On 150 new users' questions this answered 7 more correctly and 1 wrongly; activities are left out, because a
# long question that names an activity in passing is rarely about where that activity sits.
MIN_AGREED_COVERAGE = 0.25
MIN_AGREED_CLOSENESS = 0.55
# A question no word search answers is still answered by an entry at least this close in meaning: "I use a
# wheelchair, will the venue be ok?" is 0.62 from "Can I take part if I have access needs?"; "what if nobody turns
# up?" (not in the sources) is at most 0.44 from anything.
MIN_CLOSENESS = 0.6
# An answer the words found must still be somewhat about the question in meaning.
MIN_RELEVANCE = 0.35
# How much the word search counts beside meaning (see rank_by_words_and_meaning). On 130 answerable blind questions
# (bench/answers_report.py) 0.2 gave 90 right, 18 wrong, 22 missed; 0.4 gives 93, 13, 24 ("what if people disagree
# with our decision?" now finds who decides, not how to use the guide). 0.6 was no different from 0.4.
WORDS_WEIGHT = 0.4
WORD_SCORE_SCALE = 20.0
CANDIDATES = 10
MEANING_KINDS = frozenset({"topic", "glossary"})
WHO_CAN_HELP_TOPIC = "who-can-help"
# Entries written to community members ("Can I claim travel costs?"). Staff asking about the people they involve
# ("do I need an interpreter for a deaf participant?") are better served by the entry written for staff on the same
# subject, when there is one about as good: the community entry then ranks this much lower.
COMMUNITY_CATEGORY = "getting-involved"
STAFF_VOICE_PENALTY = 0.08
# "should we pay her for her time?": staff who pay, offer or cover something speak as organisers.
_THIRD_PARTY = re.compile(
    r"\b(?:participants?|attendees?|service users?|people|someone|anyone|residents|members of the public)\b"
    r"|\bwe\s+(?:pay|offer|give|provide|cover|reimburse|refund)\b",
    re.IGNORECASE)
_QUESTION_WORDS = re.compile(
    r"^\s*(?:please\s+)?(?:(?:can you\s+)?(?:explain|define|describe)|what(?:'s| is| are| does| do)?(?: you mean by)?"
    r"|meaning of|tell me about|whats)\s+(?:the\s+|a\s+|an\s+)?",
    re.IGNORECASE,
)
_QUESTION_START = re.compile(r"^\s*(?:what|how|why|where|when|which|who|is|are|can|could|does|do|should)\b",
                             re.IGNORECASE)
_ASKS_ABOUT_STAGE_OR_LEVEL = re.compile(r"\b(?:stage|level)\b", re.IGNORECASE)
# "explain co-production simply", "what is negotiation, in plain English, please?": the term is what comes before
_PLAINLY = (r"(?:\s*,?\s+(?:to me|for me|please|simply|briefly|again|in short|in a nutshell|for a beginner"
            r"|in (?:simple|plain|easy|everyday) (?:words|terms|english|language)))*")
_TRAILING = re.compile(r"(?:\s+(?:mean|means|stand for|is|are))?" + _PLAINLY + r"\s*[?.!]*\s*$", re.IGNORECASE)
_DEFINITION = re.compile(
    r"^\s*(?:please\s+)?(?:(?:can you\s+)?(?:define|explain)\s|(?:what|wat)(?:'s|s| is| are|’s)\s"
    r"|what do you mean by\s|what is meant by\s|meaning of\s|(?:the\s+)?definition of\s)"
    r"|\b(?:mean|means|stand for|stands for)\s*[?.!]*\s*$",
    re.IGNORECASE,
)


def asked_term(text: str) -> str:
    """The term in a "what is X?" question: ``"What does co-production mean?"`` -> ``"co-production"``."""
    stripped = _QUESTION_WORDS.sub("", text, count=1)
    return _TRAILING.sub("", stripped).strip(" '\"")


def starts_like_a_question(text: str) -> bool:
    """True when ``text`` opens with a question word: "what...", "how...", "can...", "should..."."""
    return bool(_QUESTION_START.match(text))


def asks_definition(text: str) -> bool:
    """True when ``text`` asks what something is or means: "what is X", "what does X mean", "define X",
    "meaning of X", "what does X stand for". The answer then tries the glossary before searching."""
    return bool(_DEFINITION.search(text))


def _names_entity(knowledge: Knowledge, term: str, entity_id: str) -> bool:
    """True when ``term`` is one of the names of stage or level ``entity_id`` ("negotiation", "analyse")."""
    wanted = normalise(term)
    return any(wanted in phrases.get(entity_id, ()) for phrases in knowledge.vocabulary().values())


def _names_term(text: str, term: Any) -> bool:
    """True when ``text`` holds every meaningful word of the term or of one of its synonyms, in any form."""
    said = set(content_lemmas(text))
    return any(words and set(words) <= said
               for words in (content_lemmas(name) for name in (term.term, *term.synonyms)))


def asks_about_others(text: str) -> bool:
    """True when the question is about the people someone involves, not the asker's own taking part: "can
    participants bring a supporter?", "what if someone complains?" (but not "can I bring my carer?")."""
    return bool(_THIRD_PARTY.search(text))


def who_can_help(knowledge: Knowledge) -> str:
    """One sentence pointing to people who can help, from the knowledge base."""
    try:
        return knowledge.topic(WHO_CAN_HELP_TOPIC).summary
    except UnknownEntry:
        return "Please ask the organisation running the project."


def dont_know(knowledge: Knowledge) -> list[Reply]:
    return [
        Reply(
            response="utter_dont_know",
            values={"who_can_help": who_can_help(knowledge)},
            buttons=(Button("What can you do?", "/help"),),
        )
    ]


def entry_replies(knowledge: Knowledge, entry: Any, related: list[SearchHit]) -> list[Reply]:
    # The entry's own links first (a topic's related topics, a glossary term's "see also": chosen by whoever wrote
    # it), then other good search matches.
    ids: list[str] = [*getattr(entry, "related", ()), *getattr(entry, "see_also", ())]
    ids.extend(hit.id for hit in related if hit.kind == "topic" and hit.id not in ids)
    buttons = tuple(topic_button(render.entry_title(knowledge.entry(entry_id)), entry_id) for entry_id in ids[:4])
    replies = [Reply(text=render.entry_text(knowledge, entry), buttons=buttons)]
    if getattr(entry, "stage", None) and getattr(entry, "level", None) and getattr(entry, "audience", None):
        replies[0] = Reply(
            text=render.entry_text(knowledge, entry),
            buttons=(
                Button(
                    "More ideas like this",
                    intent_payload("inform", stage=entry.stage, level=entry.level, audience=entry.audience),
                ),
                *buttons[:2],
            ),
        )
    return replies


def find_answer(
    knowledge: Knowledge,
    text: str,
    *,
    definition: bool = False,
    topic_id: str | None = None,
    stage: str | None = None,
    level: str | None = None,
) -> tuple[Any | None, list[SearchHit]]:
    """The knowledge-base entry that answers ``text`` (None if none is good enough) and other good matches.

    Args:
        knowledge: the knowledge base.
        text: what the person typed.
        definition: True when the question asks what something means (see :func:`asks_definition`).
        topic_id: an entry id asked for directly (from a button).
        stage, level: entities found in the message, used for "what is the do stage?".
    """
    if topic_id:
        try:
            return knowledge.entry(topic_id), []
        except UnknownEntry:
            pass
    named = stage or level
    if definition:
        term = knowledge.glossary_term(asked_term(text), close=True)
        if term is not None:
            return term, []
    if named and (
        _ASKS_ABOUT_STAGE_OR_LEVEL.search(text) or (definition and _names_entity(knowledge, asked_term(text), named))
    ):
        # "what happens at the review stage?", "what does negotiation mean?": the stage or level itself is the
        # answer, not a topic that mentions it ("what are the consultation criteria?" is searched)
        return knowledge.entry(named), []
    # A glossary entry answers a question that names it. Otherwise a shared everyday word is all it has in common
    # ("can I stop taking part?" is not about services that stop problems early).
    def may_answer(entry: Any) -> bool:
        return not isinstance(entry, GlossaryTerm) or definition or _names_term(text, entry)

    hits = [hit for hit in knowledge.search(text, limit=CANDIDATES) if may_answer(hit.entry)]
    ranked = rank_by_words_and_meaning(knowledge, text, hits, may_answer)
    by_words = bool(hits) and hits[0].score >= MIN_SCORE and (
        hits[0].coverage >= MIN_COVERAGE or _words_and_meaning_agree(hits[0], ranked))
    if not ranked or not (by_words or (ranked[0].closeness >= MIN_CLOSENESS and ranked[0].hit.kind in MEANING_KINDS)):
        return None, hits[:4]
    if ranked[0].closeness and ranked[0].closeness < MIN_RELEVANCE:
        return None, hits[:4]  # the words matched by chance: "what's 17 times 23?" is not about barriers of time
    return ranked[0].hit.entry, [choice.hit for choice in ranked[1:4]]


def _words_and_meaning_agree(best_by_words: SearchHit, ranked: list[Choice]) -> bool:
    """The best word match covers a fair part of the question and is also the closest entry in meaning."""
    return (best_by_words.coverage >= MIN_AGREED_COVERAGE and best_by_words.kind in MEANING_KINDS and bool(ranked)
            and ranked[0].hit.id == best_by_words.id and ranked[0].closeness >= MIN_AGREED_CLOSENESS)


@dataclass(frozen=True)
class Choice:
    hit: SearchHit
    closeness: float  # of the question to the entry in meaning, -1 to 1 (0 when unknown)
    rank: float


def rank_by_words_and_meaning(knowledge: Knowledge, text: str, hits: list[SearchHit],
                              may_answer: Callable[[Any], bool]) -> list[Choice]:
    """The word-search hits and the entries closest in meaning, best first.

    Meaning leads and words break near ties: an entry scores its closeness plus ``WORDS_WEIGHT`` times its word
    score relative to the best (at least ``WORD_SCORE_SCALE``, so weak word matches count for little). On the
    everyday questions in tests/advice this ranks the intended answer first more often than either alone. Without
    the sentence model the word search order stands.
    """
    close = knowledge.closeness(text)
    if not close:
        return [Choice(hit, 0.0, hit.score) for hit in hits]
    scale = max([WORD_SCORE_SCALE, *(hit.score for hit in hits)])
    pool = {hit.id: hit for hit in hits}
    # Only guidance and meanings join by meaning alone, and only when close: an activity or a stage is asked about
    # by name ("what's on at the theatre?" is not about theatre groups as an activity).
    for entry_id in sorted(close, key=close.__getitem__, reverse=True)[:CANDIDATES]:
        entry = knowledge.entry(entry_id)
        kind = KIND_OF[type(entry)]
        if entry_id not in pool and kind in MEANING_KINDS and close[entry_id] >= MIN_CLOSENESS and may_answer(entry):
            pool[entry_id] = SearchHit(kind, entry, 0.0, 0.0)
    about_others = asks_about_others(text)

    def voice(hit: SearchHit) -> float:
        return STAFF_VOICE_PENALTY if about_others and getattr(hit.entry, "category", "") == COMMUNITY_CATEGORY else 0.0

    choices = [Choice(hit, close.get(hit.id, 0.0),
                      close.get(hit.id, 0.0) + WORDS_WEIGHT * hit.score / scale - voice(hit))
               for hit in pool.values()]
    return sorted(choices, key=lambda choice: (-choice.rank, choice.hit.id))


def answer(knowledge: Knowledge, text: str, **how: Any) -> list[Reply]:
    """Replies answering ``text`` (see :func:`find_answer` for the options), or "I don't know" and who can help."""
    entry, related = find_answer(knowledge, text, **how)
    return dont_know(knowledge) if entry is None else entry_replies(knowledge, entry, related)
