"""Compares two engagement activities side by side, from the matrices only.

For each activity: where it sits (stage and level) in each matrix, who it is for, and what it gives. Where the
knowledge base has no fact for a point, the answer says so: the matrices say nothing about cost, time or group
size, so the bot never guesses them.
"""

from __future__ import annotations

import re

from bot.advice.activities import CHOOSING_TOPIC
from bot.advice.activity_names import NameMatch, match_name, which_one
from bot.advice.planning import match_choice
from bot.advice.reply import Button, Reply, intent_payload
from bot.feedback.buttons import with_feedback
from bot.knowledge import render
from bot.knowledge.model import Activity
from bot.knowledge.query import Knowledge

FEEDBACK_TOPIC = "compare-activities"
NOT_IN_SOURCES = (
    "The matrices do not say what each one costs, how long it takes or how many people it needs. "
    "So I can't compare those. Ask people who have run them, or your own organisation."
)
_LEAD = re.compile(
    r"^\s*(?:(?:can|could) you\s+)?(?:please\s+)?(?:compare|contrast|"
    r"(?:what(?:'s| is| are)|whats) the (?:difference|differences|diff) (?:between|of)|difference between|"
    r"which is (?:better|best)[,:]?|should (?:i|we) (?:use|do|pick|choose)|(?:is|are) it better to (?:use|do)|"
    r"how does|how do|how (?:is|are)(?=\s.+\sdiffer)|(?:is|are|isn't|aren't)(?=\s.+\s(?:the same|different|similar)\b))\s+",
    re.IGNORECASE,
)
_JOIN = re.compile(r"\s+(?:and|with|to|vs\.?|versus|v|or|against|compared (?:to|with)|over"
                   r"|the same (?:thing )?as|different (?:from|to))\s+", re.I)
_TAIL = re.compile(r"\s+(?:compare|differ)\b.*$|\s+for (?:young people|children|families|adults|citizens)\b.*$"
                   r"|\s+(?:the same(?: thing)?|similar|different)\s*[?.!]*\s*$|[?.!]+\s*$", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:a|an|the|our|some)\s+", re.IGNORECASE)


def _clean(name: str) -> str:
    return _ARTICLE.sub("", _TAIL.sub("", name.strip(" '\"?"))).strip(" '\"?,")


def split_candidates(text: str) -> list[tuple[str, str]]:
    """Every way "compare X and Y", "X vs Y", "difference between X and Y" can split into two names, in order.

    Names can hold "and" or "or" themselves ("Workshops or sounding boards"), so every joining word is a candidate.
    """
    body = _TAIL.sub("", _LEAD.sub("", text.strip(), count=1)).strip()
    candidates: list[tuple[str, str]] = []
    for m in _JOIN.finditer(body):
        left, right = body[: m.start()], body[m.end():]
        # "for young people, a youth forum or a panel": a side can carry words around a comma that name nothing
        for a, b in ((left, right), (left.rsplit(",", 1)[-1], right.split(",", 1)[0])):
            a, b = _clean(a), _clean(b)
            if a and b and (a, b) not in candidates:
                candidates.append((a, b))
    if not candidates and "," in body:  # "compare a citizens' panel, a focus group"
        a, b = (_clean(part) for part in body.split(",", 1))
        candidates = [(a, b)] if a and b else []
    return candidates


def best_split(knowledge: Knowledge, text: str) -> tuple[str, str] | None:
    """The two names asked about: the first split where both sides name an activity, else the first split."""
    candidates = split_candidates(text)
    for a, b in candidates:
        if match_name(knowledge, a).found and match_name(knowledge, b).found:
            return a, b
    return candidates[0] if candidates else None


def _places(knowledge: Knowledge, activities: tuple[Activity, ...], audience: str) -> str:
    cells = [a for a in activities if a.audience == audience]
    if not cells:
        return f"Not in the matrix for {knowledge.audience(audience).name.lower()}."
    return "; ".join(
        f"{knowledge.stage(a.stage).name} stage, {knowledge.level(a.level).name.lower()} "
        f"({knowledge.level(a.level).short.lower()})"
        for a in cells
    ) + "."


def _column(knowledge: Knowledge, match: NameMatch) -> list[str]:
    first = match.activities[0]
    lines = [f"{first.name}:"]
    for audience in knowledge.kb.audiences:
        lines.append(f"{render.BULLET} For {audience.name.lower()}: {_places(knowledge, match.activities, audience.id)}")
    lines.append(f"{render.BULLET} What it is: {first.description}")
    return lines


def _in_common(knowledge: Knowledge, a: NameMatch, b: NameMatch) -> str:
    cells_a = {(x.audience, x.stage, x.level) for x in a.activities}
    cells_b = {(x.audience, x.stage, x.level) for x in b.activities}
    shared_levels = {lv for _, _, lv in cells_a} & {lv for _, _, lv in cells_b}
    shared_stages = {st for _, st, _ in cells_a} & {st for _, st, _ in cells_b}
    if cells_a & cells_b:
        audience, stage, level = sorted(cells_a & cells_b)[0]
        return (f"In the matrix for {knowledge.audience(audience).name.lower()}, both sit in the same place: "
                f"{knowledge.stage(stage).name} stage, {knowledge.level(level).name.lower()}. So either could do "
                "the same job. Weigh them with the questions below.")
    parts = []
    if shared_stages:
        parts.append("both are used at the " + " and ".join(knowledge.stage(s).name for s in sorted(shared_stages))
                     + " stage")
    if shared_levels:
        parts.append("both work at the " + " and ".join(knowledge.level(lv).name.lower() for lv in sorted(shared_levels))
                     + " level")
    if not parts:
        return "They sit at different stages and levels, so they do different jobs."
    return "In common: " + ", and ".join(parts) + "."


def compare(knowledge: Knowledge, first: NameMatch, second: NameMatch) -> list[Reply]:
    """The side-by-side answer for two resolved name groups."""
    audiences = {a.audience for a in (*first.activities, *second.activities)}
    lines = [f"{first.name} and {second.name}, side by side:", *_column(knowledge, first), "",
             *_column(knowledge, second), "", _in_common(knowledge, first, second), NOT_IN_SOURCES]
    weigh = []
    refs = [a.source for a in (*first.activities, *second.activities)]
    for audience in sorted(audiences):
        topic = knowledge.topic(CHOOSING_TOPIC[audience])
        weigh = [item.label for item in topic.items] if not weigh else weigh
        refs.append(topic.source)
    lines.append("To choose between them, ask: " + " ".join(weigh))
    lines.append(render.source_line(knowledge, tuple(refs)))
    a, b = first.activities[0], second.activities[0]
    buttons = (
        Button(f"Ideas like {a.name}", intent_payload("inform", stage=a.stage, level=a.level, audience=a.audience)),
        Button(f"Ideas like {b.name}", intent_payload("inform", stage=b.stage, level=b.level, audience=b.audience)),
    )
    return with_feedback([Reply(text="\n".join(lines), buttons=buttons)], FEEDBACK_TOPIC)


def _term(knowledge: Knowledge, name: str, glossary: bool = True):
    """The glossary term, stage or level a name means, or None."""
    term = knowledge.glossary_term(name) if glossary else None
    if term is not None:
        return term
    for entity in ("level", "stage"):
        value = match_choice(knowledge, entity, name)
        if value:
            return knowledge.entry(value)
    return None


def compare_terms(knowledge: Knowledge, text: str, glossary: bool = True) -> list[Reply] | None:
    """"What's the difference between consultation and co-production?": both meanings, side by side; None when
    the question does not name two terms, stages or levels the knowledge base explains."""
    if not _LEAD.match(text) and not re.search(r"\b(?:vs\.?|versus|difference|differ|same as|the same|similar)\b", text, re.I):
        return None
    for a, b in split_candidates(text):
        first, second = (_term(knowledge, name, glossary) for name in (a, b))
        if first is not None and second is not None and first != second:
            parts = [f"{render.entry_title(first)} and {render.entry_title(second)}, side by side:"]
            parts += [render.entry_body(entry, knowledge) for entry in (first, second)]
            parts.append(render.source_line(knowledge, (*render.refs_of(first), *render.refs_of(second))))
            return with_feedback([Reply(text="\n\n".join(parts))], FEEDBACK_TOPIC)
    return None


def compare_payload(first: str, second: str) -> str:
    return intent_payload("compare_activities", activity=first, other_activity=second)


def _not_found(names: str) -> Reply:
    return Reply(
        text=f"I can't find {names} in the matrices, so I can't say how they compare. I only know the activities "
        "the two matrices list. Try another name, or ask me what the matrices suggest at a stage.",
        buttons=(Button("Plan engagement activities", intent_payload("plan_activities")),),
    )


def compare_activities(knowledge: Knowledge, text: str, first: str | None = None,
                       second: str | None = None) -> list[Reply]:
    """Answer a comparison question; ``first`` and ``second`` (ids or names) come from a "which one" button."""
    if not (first and second):
        names = best_split(knowledge, text)
        if names is None:
            return [Reply(
                text="Which two activities would you like to compare? For example: \"compare a citizens' panel "
                "and a focus group\".",
            )]
        first, second = names
    levels_or_stages = compare_terms(knowledge, f"compare {first} and {second}", glossary=False)
    if levels_or_stages:  # "consultation vs co-production": two levels, not activities with those words
        return levels_or_stages
    a, b = match_name(knowledge, first), match_name(knowledge, second)
    for match, other, other_text in ((a, b, second), (b, a, first)):
        if match.ambiguous:
            keep = other.activities[0].id if other.found else other_text
            if match is a:
                return [which_one(match, lambda act, keep=keep: compare_payload(act.id, keep))]
            return [which_one(match, lambda act, keep=keep: compare_payload(keep, act.id))]
    missing = [m.text for m in (a, b) if not m.found]
    if missing and (terms := compare_terms(knowledge, f"compare {first} and {second}")):
        return terms
    if missing:
        return [_not_found(" or ".join(f'"{name}"' for name in missing))]
    return compare(knowledge, a, b)
