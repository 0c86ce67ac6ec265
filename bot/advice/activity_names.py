"""Which activity a person means by a name they type, and when to ask because a name fits several.

An activity "name group" is every matrix entry with the same name: "Mystery shopping" sits in both matrices, in
different cells, and is still one activity to the person asking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.advice.reply import Button, Reply, intent_payload
from bot.knowledge.model import Activity
from bot.knowledge.query import Knowledge, UnknownEntry
from bot.nlp.lemmas import content_lemmas, normalise

MAX_CHOICES = 8


@dataclass(frozen=True)
class NameMatch:
    """What a typed name matched: one name group (``activities``), several (``choices``), or nothing."""

    text: str
    activities: tuple[Activity, ...] = ()
    choices: tuple[Activity, ...] = ()  # one representative per name group

    @property
    def found(self) -> bool:
        return bool(self.activities)

    @property
    def ambiguous(self) -> bool:
        return bool(self.choices)

    @property
    def name(self) -> str:
        return self.activities[0].name if self.activities else self.text


def name_group(knowledge: Knowledge, activity: Activity) -> tuple[Activity, ...]:
    """Every entry with this activity's name, both matrices."""
    key = normalise(activity.name)
    return tuple(a for a in knowledge.kb.activities if normalise(a.name) == key)


def _distinct(activities: tuple[Activity, ...] | list[Activity]) -> list[Activity]:
    seen: dict[str, Activity] = {}
    for activity in activities:
        seen.setdefault(normalise(activity.name), activity)
    return list(seen.values())


def _same_idea_in_each_matrix(groups: list[Activity], text: str) -> bool:
    """True when the name groups are one per matrix and either sit in the same stage and level ("Project steering
    groups", "Young people on steering groups") or are both named by what was typed ("advisory panel": "Service user
    advisory panel", "Children's advisory panel"). The matrices word one idea two ways: show both, don't ask."""
    if len(groups) < 2 or len({a.audience for a in groups}) != len(groups):
        return False
    typed = set(content_lemmas(text))
    return (len({(a.stage, a.level) for a in groups}) == 1
            or bool(typed) and all(typed <= set(content_lemmas(a.name)) for a in groups))


def match_name(knowledge: Knowledge, text: str) -> NameMatch:
    """Resolve a typed name (or an activity id from a button) to one name group, several, or none."""
    text = text.strip()
    try:
        return NameMatch(text, activities=name_group(knowledge, knowledge.activity(text)))
    except UnknownEntry:
        pass
    matches = knowledge.activities_named(text)
    if not matches:
        hits = knowledge.search(text, limit=3, kinds={"activity"})
        matches = tuple(h.entry for h in hits if h.coverage >= 1.0)
    groups = _distinct(matches)
    if len(groups) == 1:
        return NameMatch(text, activities=name_group(knowledge, groups[0]))
    if _same_idea_in_each_matrix(groups, text):  # "steering group", "advisory panel": one per matrix
        return NameMatch(text, activities=tuple(a for group in groups for a in name_group(knowledge, group)))
    wanted = set(content_lemmas(text))
    # "citizens panel" is the name of one and a keyword of another: the name wins.
    by_name = [a for a in groups if set(content_lemmas(a.name)) == wanted]
    if len(by_name) == 1:
        return NameMatch(text, activities=name_group(knowledge, by_name[0]))
    return NameMatch(text, choices=tuple(groups[:MAX_CHOICES]))


def which_one(match: NameMatch, payload_for) -> Reply:
    """Ask which activity was meant; ``payload_for(activity)`` builds each button's payload."""
    buttons = tuple(Button(a.name, payload_for(a)) for a in match.choices)
    return Reply(
        text=f"\"{match.text}\" fits more than one activity in the matrices. Which one did you mean?",
        buttons=(*buttons, Button("None of these", "/help")),
    )


_WHERE = re.compile(
    r"^\s*(?:(?:so|and|ok|please)\s+)?(?:where|which (?:stage|level|cell)|what (?:stage|level))\s+"
    r"(?:does|do|would|should|is|are|can|could)?\s*(?:a |an |the )?",
    re.IGNORECASE,
)
_WHERE_TAIL = re.compile(
    r"\s+(?:fit|fits|sit|sits|go|goes|belong|belongs|come|comes|come in|appear|be)\b.*$|\s+in\s*[?.!]*\s*$"
    r"|\s*[?.!]+\s*$",
    re.IGNORECASE,
)


def located_name(text: str) -> str | None:
    """The activity named in a "where does X fit?" question, or None if the question has another shape."""
    if not _WHERE.match(text):
        return None
    name = _WHERE_TAIL.sub("", _WHERE.sub("", text, count=1)).strip(" ?'\"")
    return name or None


def locate_payload(activity: Activity) -> str:
    return intent_payload("ask_activity_location", activity=activity.id)
