"""Pure helpers for the quick-start questions: understanding short answers, and "not sure which level?".

The level advice follows the IPC "Which level of engagement? It depends..." slide: there are no absolute rights and
wrongs, and the higher levels need a positive context, positive motivation, enough capacity and enough assurances.
The slide sets Alain Thomas's four levels beside ours, each with a good and a bad face; when the factors are missing,
the advice names the bad face the wanted level risks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.advice.answers import starts_like_a_question
from bot.knowledge.query import Knowledge
from bot.nlp.lemmas import normalise

# The four "it depends" factors, in the slide's order. Each maps to an item id of the engagement-it-depends topic.
FACTORS = ("context", "motivation", "capacity", "assurances")
IT_DEPENDS_TOPIC = "engagement-it-depends"

_FILLER = frozenset(
    {"the", "a", "an", "stage", "level", "please", "its", "it's", "it", "is", "we", "we're", "were", "are", "at",
     "in", "for", "with", "our", "to", "i", "think", "probably", "one", "just", "ok", "okay", "um", "er", "that",
     "about", "what", "how", "and", "instead", "then", "now"}
)


# How a yes/no answer starts when people add their reasons: "not really, staff are stretched", "definitely, the
# director is keen". The words after it are not the answer, so the start alone decides.
_STARTS_NO = re.compile(r"^(?:no|nope|nah|not really|not yet|not at all|not much|not at the moment|not right now|"
                        r"i don'?t think so|hardly|definitely not|absolutely not)\b")
_STARTS_YES = re.compile(r"^(?:yes|yeah|yep|yup|definitely|absolutely|certainly|of course|i think so|very much|"
                         r"mostly yes)\b")


def yes_or_no(text: str) -> bool | None:
    """True or False when a reply starts with a clear yes or no, whatever reasons follow; None otherwise."""
    start = " ".join(normalise(text or "").replace("’", "'").split())
    if _STARTS_NO.match(start):
        return False
    return True if _STARTS_YES.match(start) else None


def match_choice(knowledge: Knowledge, entity: str, text: str) -> str | None:
    """The id a short answer means, for one entity ("stage", "level" or "audience"), or None.

    Unlike the entity ruler, this also accepts the bare names that are too common to tag in a sentence
    ("do", "plan", "review"), because here the person is answering that very question.
    """
    words = [w for w in normalise(text).split() if w not in _FILLER]
    if not words:
        return None
    wanted = " ".join(words)
    for value, phrases in knowledge.vocabulary().get(entity, {}).items():
        if wanted == value or wanted in phrases:
            return value
    return None


# Stage words too common to tag on their own ("help me plan"), read as a stage only in a clear context:
# "we're planning a new youth club", "designing the service", "at the planning stage", "understand what people need".
_STAGE_CONTEXTS = (
    ("plan", re.compile(r"\b(?:planning|designing|design|plan)\s+(?:a|an|the|our|their|some|new)\b(?!\s+(?:conversation|quiz|tour))"
                        r"|\b(?:planning|plan|design)\s+(?:stage|phase)\b", re.IGNORECASE)),
    ("understand", re.compile(r"\b(?:understand(?:ing)?|find(?:ing)? out)\s+(?:what|the)\s+(?:people|residents|"
                              r"children|young people|families|users|service users|local)?\s*(?:need|needs)\b"
                              r"|\bunderstand(?:ing)?\s+(?:stage|phase)\b", re.IGNORECASE)),
    ("review", re.compile(r"\breview(?:ing)?\s+(?:stage|phase)\b", re.IGNORECASE)),
    ("do", re.compile(r"\b(?:do|doing)\s+(?:stage|phase)\b", re.IGNORECASE)),
)


# A stage's bare name as one item of a list: "review, consultation, adults", "plan; young people; work together".
_LISTED_STAGES = tuple(
    (stage, re.compile(rf"(?:^|[,;])\s*(?:the\s+)?(?:{words})(?:\s+(?:stage|phase))?\s*(?=[,;]|$)", re.IGNORECASE))
    for stage, words in (("understand", "understand|understanding|analyse|analysing"), ("plan", "plan|planning"),
                         ("do", "do|doing"), ("review", "review|reviewing"))
)


def _one_stage(patterns: tuple[tuple[str, re.Pattern[str]], ...], text: str) -> str | None:
    found = {stage for stage, pattern in patterns if pattern.search(text or "")}
    return found.pop() if len(found) == 1 else None


def stage_listed(text: str) -> str | None:
    """The stage a message names as one item of a list ("review, consultation, adults"), or None. As plain as
    a button, so it may change a stage already chosen."""
    return _one_stage(_LISTED_STAGES, text)


def stage_from_context(text: str) -> str | None:
    """The stage a sentence clearly means through a common word the entity ruler leaves alone, or None."""
    return _one_stage(_STAGE_CONTEXTS + _LISTED_STAGES, text)


def understood_so_far(knowledge: Knowledge, stage: str | None, level: str | None, audience: str | None) -> str | None:
    """What the planning questions already know, said back before the next question, so that a misreading shows
    at once ("So far: the Do stage, for citizens and adults who use services."). None when nothing is known yet."""
    parts = []
    if stage:
        parts.append(f"the {knowledge.stage(stage).name} stage")
    if level:
        chosen = knowledge.level(level)
        parts.append(f"{chosen.name.lower()} ({chosen.short.lower()})")
    if audience:
        parts.append(f"for {knowledge.audience(audience).name.lower()}")
    return f"So far: {', '.join(parts)}." if parts else None


def help_to_choose(knowledge: Knowledge, asking: str) -> str | None:
    """What the options of the stage or audience question mean, for someone who is not sure which to pick; None
    for other questions (the level has its own helper, which asks about their situation)."""
    if asking == "stage":
        lines = ["Not sure which stage? Pick the one your project is at now:"]
        for stage in knowledge.kb.stages:
            example = f" For example: {stage.examples[0][0].lower()}{stage.examples[0][1:]}" if stage.examples else ""
            lines.append(f"• {stage.name}: {stage.summary[0].lower()}{stage.summary[1:]}{example}")
        refs = [ref for stage in knowledge.kb.stages for ref in stage.sources]
    elif asking == "audience":
        lines = ["Not sure who to pick? There is one set of ideas for each group:"]
        lines += [f"• {audience.name}: {audience.description}" for audience in knowledge.kb.audiences]
        lines.append("If you are involving both, pick one now. Then say \"and for young people?\" or \"and for adults?\" "
                     "to see the other.")
        refs = [ref for audience in knowledge.kb.audiences for ref in audience.sources]
    else:
        return None
    lines.append("Source: " + "; ".join(list(dict.fromkeys(knowledge.citation(ref) for ref in refs))[:2]))
    return "\n".join(lines)


def names_a_plan(text: str, stage: str | None, level: str | None, audience: str | None = None) -> bool:
    """True when a message the NLU was unsure of (or thought off-topic) names two of stage, level and audience and is
    not a question: a plan to suggest activities for ("we're at the review stage and want to co-produce with young
    people", "we are planning a new youth club and want to work with teenagers as equals")."""
    named = sum(1 for value in (stage, level, audience) if value)
    return named >= 2 and "?" not in (text or "") and not starts_like_a_question(text or "")


@dataclass(frozen=True)
class LevelAdvice:
    """A recommended level and the reasons, in plain words."""

    level: str
    wanted: str
    missing: tuple[str, ...]
    text: str


def supported_level(knowledge: Knowledge, factors: dict[str, bool]) -> str:
    """The highest level the factors support.

    Communication needs none of them in place; working together as equals needs all four. Each factor beyond the
    first supports one step up (a rule of thumb read from the slide, which sets the factors against the levels).
    """
    in_place = sum(1 for name in FACTORS if factors.get(name))
    levels = [level.id for level in knowledge.kb.levels]
    return levels[max(0, min(in_place - 1, len(levels) - 1))]


def recommend_level(knowledge: Knowledge, wanted: str, factors: dict[str, bool]) -> LevelAdvice:
    """Recommend a level from what the person wants and the four "it depends" factors.

    The recommendation is what they want, unless the factors do not yet support it: then it is the highest level
    they do support, with the missing factors and the risk named.
    """
    levels = [level.id for level in knowledge.kb.levels]
    supported = supported_level(knowledge, factors)
    level_id = wanted if levels.index(wanted) <= levels.index(supported) else supported
    topic = knowledge.topic(IT_DEPENDS_TOPIC)
    missing = tuple(name for name in FACTORS if not factors.get(name))
    wanted_level = knowledge.level(wanted)
    chosen = knowledge.level(level_id)

    lines = []
    if level_id == wanted:
        lines.append(f"I suggest {chosen.name.lower()}: {chosen.short.lower()}. It is what you want from people.")
        if not missing:
            lines.append("All four things that help are in place, so this level should work.")
    else:
        lines.append(
            f"You want {wanted_level.name.lower()} ({wanted_level.short.lower()}). For now I suggest "
            f"{chosen.name.lower()} ({chosen.short.lower()})."
        )
        if wanted_level.thomas_level:
            thomas = knowledge.entry(wanted_level.thomas_level)
            lines.append(
                f"Higher levels need more in place. Without it, {wanted_level.name.lower()} can slide into "
                f"{thomas.negative.lower()} instead of {thomas.positive.lower()}."
            )
    if missing:
        labels = [item.label for item in topic.items if item.id in missing]
        lines.append("Not yet in place: " + ", ".join(label.lower() for label in labels) + ".")
        if level_id != wanted:
            lines.append("Work on these, and you may be able to move up a level later.")
    lines.append(
        "This is a rule of thumb: the more of these four things are in place, the higher the level can go. "
        "There are no absolute rights and wrongs, and every level has good and bad sides."
    )
    source = knowledge.citation(topic.source)
    lines.append(f"Source: {source}")
    return LevelAdvice(level=level_id, wanted=wanted, missing=missing, text="\n".join(lines))
