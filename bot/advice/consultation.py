"""Checks a consultation plan, described in free text, against the seven consultation criteria.

Each criterion gets one of three verdicts: it looks fine, it falls short, or the plan does not say. The criteria
come from the 2021 matrix (which took them from the 2008 national code); the answer always carries the knowledge
base's note that the code has been replaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.advice.reply import Reply, topic_button
from bot.knowledge import render
from bot.knowledge.query import Knowledge

CRITERIA_TOPIC = "consultation-criteria"
MIN_WEEKS = 12

FINE = "Looks fine"
SHORT = "Falls short"
UNSAID = "Not in your plan yet"

_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "sixteen": 16, "a": 1, "an": 1,
}
_DURATION = re.compile(
    r"\b(\d+(?:\.\d+)?|" + "|".join(_NUMBERS) + r")[\s-]*(week|wk|month|day)s?\b", re.IGNORECASE
)
# criterion id -> (words that show the plan meets it, words that show it falls short)
_SIGNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "when-to-consult": (
        ("options", "proposal", "before we decide", "before deciding", "draft", "still open", "can change",
         "early", "not yet decided", "shape"),
        ("already decided", "decision has been made", "decision is made", "done deal", "already agreed",
         "just to inform", "after the decision"),
    ),
    "clarity": (
        ("explain", "what we propose", "what is proposed", "costs", "benefits", "scope", "what can change",
         "consultation document", "summary of the proposal"),
        (),
    ),
    "accessibility": (
        ("easy read", "large print", "bsl", "sign language", "translat", "accessible", "alternative format",
         "paper cop", "drop-in", "drop in", "face to face", "face-to-face", "targeted", "outreach", "go to",
         "community groups", "interpreter", "audio"),
        ("online only", "only online", "online survey only", "online-only", "only on the website", "email only",
         "only by email"),
    ),
    "burden": (
        ("short survey", "short questionnaire", "few questions", "minutes", "brief", "quick", "short"),
        ("long questionnaire", "100 questions", "lots of questions", "several hours"),
    ),
    "responsiveness": (
        ("feedback", "feed back", "report back", "you said", "we did", "publish the results", "publish a report",
         "tell people what", "response report", "share the results"),
        ("no feedback", "won't feed back", "will not feed back", "no report"),
    ),
    "capacity": (
        ("training", "trained", "guidance", "advice", "consultation institute", "lessons learned", "learn",
         "expert", "support from"),
        (),
    ),
}


def weeks_in(text: str) -> float | None:
    """How many weeks a plan says the consultation runs, if it says (months and days are converted)."""
    match = _DURATION.search(text)
    if not match:
        return None
    raw, unit = match.group(1).lower(), match.group(2).lower()
    number = float(_NUMBERS.get(raw, raw)) if raw in _NUMBERS else float(raw)
    return round(number * {"week": 1.0, "wk": 1.0, "month": 52 / 12, "day": 1 / 7}[unit], 1)


def describes_a_plan(text: str) -> bool:
    """True when the text says something checkable (a length, or any sign for a criterion)."""
    lower = text.lower()
    return weeks_in(text) is not None or any(w in lower for good, bad in _SIGNS.values() for w in good + bad)


def _said(text: str, sign: str) -> str:
    """The words of ``text`` that hold ``sign``, whole: the sign "translat" quotes "translations"."""
    start = text.lower().find(sign)
    end = start + len(sign)
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end]


@dataclass(frozen=True)
class Verdict:
    criterion_id: str
    label: str
    criterion: str
    verdict: str
    note: str


def check_plan(knowledge: Knowledge, text: str) -> list[Verdict]:
    """A verdict for each of the seven criteria, in the source's order."""
    lower = text.lower()
    topic = knowledge.topic(CRITERIA_TOPIC)
    verdicts = []
    for item in topic.items:
        if item.id == "duration":
            weeks = weeks_in(text)
            if weeks is None:
                verdict, note = UNSAID, "Say how long it will run."
            elif weeks < MIN_WEEKS:
                verdict, note = SHORT, f"Your plan runs for about {weeks:g} weeks. The code asked for at least {MIN_WEEKS}."
            else:
                verdict, note = FINE, f"Your plan runs for about {weeks:g} weeks."
        else:
            good, bad = _SIGNS[item.id]
            against = next((word for word in bad if word in lower), None)
            meets = next((word for word in good if word in lower), None)
            if against:
                verdict, note = SHORT, f"Your plan says \"{_said(text, against)}\", which works against this."
            elif meets:
                verdict, note = FINE, f"Your plan covers this (it says \"{_said(text, meets)}\")."
            elif item.id == "responsiveness":
                verdict, note = SHORT, "No feedback is planned. Plan how you will tell people what happened."
            else:
                verdict, note = UNSAID, "Your plan does not say how you will do this."
        verdicts.append(Verdict(item.id, item.label, item.text, verdict, note))
    return verdicts


def consultation_replies(knowledge: Knowledge, text: str) -> list[Reply]:
    """The check as chat replies: what falls short first, then what is not covered, then what looks fine."""
    topic = knowledge.topic(CRITERIA_TOPIC)
    verdicts = check_plan(knowledge, text)
    lines = ["I checked your plan against the 7 consultation criteria."]
    for heading in (SHORT, UNSAID, FINE):
        group = [v for v in verdicts if v.verdict == heading]
        if group:
            lines.append(f"{heading}:")
            lines.extend(f"{render.BULLET} {v.label}: {v.note} The criterion: {v.criterion}" for v in group)
    lines.append(f"Please note: {topic.caveat}")
    lines.append(render.source_line(knowledge, (topic.source,)))
    return [Reply(text="\n".join(lines), buttons=(topic_button("The 7 criteria", CRITERIA_TOPIC),))]
