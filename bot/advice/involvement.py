"""For members of the public: ways to take part that fit them, what to expect, and the support to ask about.

The ways to take part are the matrix activities, described for a member of the public (``public_description``).
They are matched to what the person told us by plain word lists; what to expect and the support come from the
"getting involved" answers in the knowledge base.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.advice.reply import Button, Reply, topic_button
from bot.knowledge import render
from bot.knowledge.model import Activity
from bot.knowledge.query import Knowledge
from bot.nlp.lemmas import content_lemmas

SHOWN = 4

# "I want to have a say about my son's school transport", "I'd like to help with the youth club": what the person
# cares about, said while asking to take part, so the bot need not ask "what matters to you?" again.
_INTEREST = re.compile(
    r"\b(?:a say|my say|(?:get|getting|be|being|become|stay) involved|take part|taking part|help(?:ing)?|views?|ideas?"
    r"|opinions?|feedback|thoughts|comments?)\s+"
    r"(?:about|on|in|with|into|for)\s+(?P<topic>[^.?!]{3,120}?)\s*[.?!]*\s*$",
    re.IGNORECASE,
)
# Words that say nothing about what matters to someone: "get involved in local services", "help with things".
_VAGUE = frozenset({
    "service", "services", "local", "thing", "things", "council", "area", "community", "nhs", "decision",
    "decisions", "make", "making", "shape", "shaping", "design", "designing", "improve", "improving", "change",
    "changing", "plan", "planning", "project", "projects", "stuff", "way", "ways", "people", "public", "health",
    "care", "social", "commissioning", "involve", "involved", "get", "take", "part", "help", "better", "future",
    "new", "current", "existing",
})

# How someone would like to take part -> words that describe activities that suit it.
STYLE_WORDS: dict[str, tuple[str, ...]] = {
    "online": ("online", "website", "web", "questionnaire", "survey", "social networking", "video"),
    "in-person": ("meeting", "meet", "panel", "workshop", "group", "forum", "visit", "board", "council"),
    "one-off": ("questionnaire", "survey", "focus group", "workshop", "feedback", "comment"),
    "ongoing": ("panel", "board", "steering group", "regular", "council", "team", "member"),
    "group": ("group", "panel", "forum", "workshop", "team", "board", "council"),
    "alone": ("questionnaire", "survey", "mystery", "feedback", "interview", "comment"),
}
STYLE_ANSWERS: dict[str, tuple[str, ...]] = {
    "online": ("online", "internet", "computer", "from home", "email", "web", "zoom", "teams", "video"),
    "in-person": ("in person", "face to face", "face-to-face", "meet", "meetings"),
    "one-off": ("one-off", "one off", "once", "not much time", "little time", "busy", "short"),
    "ongoing": ("ongoing", "regular", "long term", "long-term", "over time", "every month", "weekly", "more time"),
    "group": ("group", "with others", "together", "team"),
    "alone": ("on my own", "alone", "by myself", "individually", "one to one"),
}
# What would help someone take part -> the support kinds (knowledge base ids) to mention.
HELP_ANSWERS: dict[str, tuple[str, ...]] = {
    "out-of-pocket-expenses": ("travel", "bus", "train", "taxi", "parking", "fare", "cost", "money"),
    "replacement-care": ("carer", "caring", "care for", "look after", "childcare", "my mum", "my dad", "my son",
                         "my daughter", "my partner", "my wife", "my husband"),
    "translation": ("bsl", "sign language", "deaf", "interpreter", "translat", "language", "english is not"),
    "alternative-formats": ("large print", "easy read", "braille", "hearing loop", "hearing", "blind", "sight",
                            "format", "audio", "dyslexi"),
    "personal-supporter": ("supporter", "support worker", "someone with me", "bring someone", "advocate",
                           "wheelchair", "disab", "access", "mobility"),
    "training": ("training", "confidence", "first time", "never done", "nervous", "new to this"),
}


@dataclass(frozen=True)
class Preferences:
    """What a member of the public told us. Every answer may be missing (skipped)."""

    cares_about: str | None = None
    good_at: str | None = None
    how: str | None = None
    help_needed: str | None = None


def interest_stated(text: str) -> str | None:
    """What someone cares about, when they say it while asking to take part, else None.

    ``"I want to have a say about my son's school transport"`` -> ``"my son's school transport"``; ``"how can I get
    involved in local services?"`` -> None (that says nothing about what matters to them, so the bot still asks).
    """
    found = _INTEREST.search(text or "")
    if found is None:
        return None
    topic = found.group("topic").strip(" ,;:-")
    return topic if any(word not in _VAGUE for word in content_lemmas(topic)) else None


def styles_in(text: str | None) -> tuple[str, ...]:
    """The ways of taking part an answer asks for ("online, on my own" -> ("online", "alone"))."""
    lower = (text or "").lower()
    return tuple(style for style, words in STYLE_ANSWERS.items() if any(w in lower for w in words))


def support_needed(text: str | None) -> tuple[str, ...]:
    """The support kinds an answer points to, in the guide's order of support kinds."""
    lower = (text or "").lower()
    return tuple(kind for kind, words in HELP_ANSWERS.items() if any(w in lower for w in words))


def _score(activity: Activity, styles: tuple[str, ...], interests: set[str]) -> float:
    described = " ".join([activity.name, activity.public_description, *activity.keywords]).lower()
    score = sum(1.0 for style in styles if any(w in described for w in STYLE_WORDS[style]))
    score += 0.5 * len(interests & set(content_lemmas(described)))
    return score


def ways_to_take_part(knowledge: Knowledge, prefs: Preferences, audience: str = "citizens") -> list[Activity]:
    """Matrix activities a member of the public can join, best fit first (ties keep the matrix's order).

    Communication activities are left out: they share information but ask nothing of people.
    """
    styles = styles_in(prefs.how)
    interests = set(content_lemmas(" ".join(filter(None, (prefs.cares_about, prefs.good_at)))))
    candidates = [
        a for a in knowledge.kb.activities
        if a.audience == audience and a.level != "communication" and a.public_description
    ]
    ranked = sorted(enumerate(candidates), key=lambda pair: (-_score(pair[1], styles, interests), pair[0]))
    return [activity for _, activity in ranked[:SHOWN]]


def involvement_replies(knowledge: Knowledge, prefs: Preferences, audience: str = "citizens") -> list[Reply]:
    """Ways to take part, what to expect, and the support and payments to ask about."""
    ways = ways_to_take_part(knowledge, prefs, audience)
    lines = ["Thank you. Here are some ways to take part that could suit you:"]
    lines.extend(f"{render.BULLET} {a.name}: {a.public_description}" for a in ways)
    start = knowledge.topic("involved-how-to-get-involved")
    lines.append(start.summary)

    expect = knowledge.topic("involved-what-will-i-do")
    expect_lines = ["What to expect. Before you start, you should be told:"]
    expect_lines.extend(f"{render.BULLET} {i.text}" for i in expect.items if i.id in ("task", "decisions", "when"))
    for topic_id in ("involved-hear-back", "involved-not-happy"):
        topic = knowledge.topic(topic_id)
        expect_lines.append(f"{render.BULLET} {topic.title} {topic.summary}")

    kinds = knowledge.topic("support-kinds")
    # Caring for someone may come up in any answer ("I'm good at caring for my son"), so read them all.
    wanted = support_needed(" ".join(filter(None, (prefs.help_needed, prefs.good_at, prefs.cares_about))))
    support_lines = ["Support and payments you can ask about:"]
    support_lines.extend(f"{render.BULLET} {i.label}: {i.text}" for i in kinds.items if i.id in wanted)
    paid = knowledge.topic("involved-will-i-be-paid")
    support_lines.append(paid.summary)
    for item_id in ("what-you-should-be-told", "benefits"):
        item = paid.item(item_id)
        if item is not None:
            support_lines.append(item.text)
    refs = tuple(a.source for a in ways) + (expect.source, kinds.source, paid.source)
    support_lines.append(render.source_line(knowledge, refs))

    buttons = (
        topic_button("Will I be paid?", "involved-will-i-be-paid"),
        topic_button("What if I'm not happy?", "involved-not-happy"),
        topic_button("Can I bring someone?", "involved-bring-someone"),
        Button("Start again", "/stop"),
    )
    return [
        Reply(text="\n".join(lines)),
        Reply(text="\n".join(expect_lines)),
        Reply(text="\n".join(support_lines), buttons=buttons),
    ]
