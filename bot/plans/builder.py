"""The questions that build a whole-cycle engagement plan, one at a time, and how each answer changes the plan.

Pure functions over :class:`EngagementPlan`: :func:`start` reads the first message, :func:`prompt` asks the next
question, :func:`hear` takes an answer (a button's choice or the person's own words) and says what it understood.
The next question is worked out from what is still missing, so an answer can never leave the plan stuck.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.advice.planning import match_choice
from bot.advice.reply import Button, Reply, intent_payload
from bot.advice.skipping import is_skip
from bot.advice.support import COMMITMENTS, GROUPS, commitment_from_text, groups_from_text
from bot.knowledge import render
from bot.knowledge.model import Activity
from bot.knowledge.query import Knowledge
from bot.nlp.lemmas import content_lemmas, normalise
from bot.plans.model import (
    ACTIVITY,
    ANOTHER,
    AUDIENCE,
    COMMITMENT,
    DONE,
    GROUPS_STEP,
    LEVEL,
    MAX_ACTIVITIES_PER_STAGE,
    MAX_WHO_CHARS,
    WHO,
    EngagementPlan,
    StagePlan,
)

CHOICE_ENTITY = "plan_choice"
SKIP, UNSURE, NONE, NEXT, GROUPS_DONE = "skip", "unsure", "none", "next", "groups-done"
SHOWN_ACTIVITIES = 8  # buttons; the rest can be typed
COMMITMENT_TITLES = {
    "one-off": "A one-off (a survey or one event)",
    "series": "A series (a few meetings or workshops)",
    "ongoing": "Ongoing (a panel or board)",
}
GROUP_TITLES = {
    "carers": "Carers",
    "disabled": "Disabled people",
    "deaf": "Deaf people or BSL users",
    "benefits": "People on benefits",
    "young": "Children or young people",
}
_DONE_WORDS = re.compile(r"\b(?:done|did|finished|completed|already)\b", re.IGNORECASE)
_NO_MORE = re.compile(
    r"^\s*(?:no+|nope|none|no more|no thanks?|that'?s (?:all|it|fine)|next|next stage|move on|carry on|nothing else|"
    r"none of (?:these|them|those)|just (?:that|the one|one)|done|finished)\b",
    re.IGNORECASE,
)
_UNSURE = re.compile(r"^\s*(?:i'?m )?(?:not sure|unsure|no idea|don'?t know|help me (?:choose|decide))\b", re.I)


_WHOLE_PROJECT = re.compile(
    r"\b(?:whole|all|every|each|full|entire|complete|overall|the rest|cycle|start to finish|end to end|"
    r"beginning to end|(?:engagement|involvement|participation) plan|plan (?:for|of) (?:the|our|my) (?:project|work))\b",
    re.IGNORECASE,
)


def asks_for_whole_project(text: str) -> bool:
    """True when a message asks for a plan across the project, not for one stage and level ("the whole project",
    "all four stages", "an engagement plan", "plan the rest")."""
    return bool(_WHOLE_PROJECT.search(text))


_SEE_PLAN = re.compile(
    r"^\s*/|\b(?:my|the|our|this|that|your)\s+(?:\w+\s+)?plan\b|\b(?:show|see|view|export|download|print|copy|"
    r"send|get|open|display|markdown|pdf|html)\b",
    re.IGNORECASE,
)


def asks_to_see_a_plan(text: str) -> bool:
    """True when a message asks to see or export a plan ("show my plan", "/plan", "download it"), as opposed to
    asking to plan something ("plan activities")."""
    return bool(_SEE_PLAN.search(text))


def choice_button(title: str, value: str) -> Button:
    return Button(title, intent_payload("plan_choice", plan_choice=value))


# --- where the plan goes next ------------------------------------------------------------------------------------


def _has_more_activities(knowledge: Knowledge, plan: EngagementPlan, stage_plan: StagePlan) -> bool:
    return len(_cell_activities(knowledge, plan, stage_plan)) > len(stage_plan.activities)


def settle(knowledge: Knowledge, plan: EngagementPlan) -> EngagementPlan:
    """Move to the first question that still needs an answer."""
    if plan.audience is None:
        return replace(plan, step=AUDIENCE)
    if plan.who is None:
        return replace(plan, step=WHO)
    for index, stage_plan in enumerate(plan.stages):
        if stage_plan.skipped or stage_plan.complete:
            continue
        if stage_plan.level is None:
            return replace(plan, step=LEVEL, current=index)
        if not stage_plan.activities:
            return replace(plan, step=ACTIVITY, current=index)
        if len(stage_plan.activities) < MAX_ACTIVITIES_PER_STAGE and _has_more_activities(knowledge, plan, stage_plan):
            return replace(plan, step=ANOTHER, current=index)
        plan = plan.with_stage(replace(stage_plan, complete=True))
    if plan.commitment is None:
        return replace(plan, step=COMMITMENT)
    if not plan.groups_done:
        return replace(plan, step=GROUPS_STEP)
    return replace(plan, step=DONE)


def _phrase_in(knowledge: Knowledge, entity: str, text: str) -> str | None:
    """The value of ``entity`` named anywhere in ``text`` ("young people leaving care" -> "cyp")."""
    exact = match_choice(knowledge, entity, text)
    if exact:
        return exact
    padded = f" {normalise(text)} "
    for value, phrases in knowledge.vocabulary().get(entity, {}).items():
        if any(f" {phrase} " in padded for phrase in phrases if len(phrase) > 3):
            return value
    return None


def start(knowledge: Knowledge, text: str, audience: str | None = None,
          stages_named: tuple[str, ...] = ()) -> EngagementPlan:
    """A new plan from the message that asked for it: "we've done the analyse stage, plan the rest for carers"."""
    plan = EngagementPlan(audience=audience or _phrase_in(knowledge, "audience", text))
    if stages_named and _DONE_WORDS.search(text):
        for stage_plan in plan.stages:
            if stage_plan.stage in stages_named:
                plan = plan.with_stage(replace(stage_plan, skipped=True))
    return settle(knowledge, plan)


# --- the questions -----------------------------------------------------------------------------------------------


def _cell_activities(knowledge: Knowledge, plan: EngagementPlan, stage_plan: StagePlan) -> tuple[Activity, ...]:
    if stage_plan.level is None or plan.audience is None:
        return ()
    return knowledge.cell(stage_plan.stage, stage_plan.level, plan.audience).activities


def _stage_heading(knowledge: Knowledge, plan: EngagementPlan) -> str:
    stage = knowledge.stage(plan.current_stage.stage)
    return f"Stage {stage.order} of 4: {stage.name}."


def prompt(knowledge: Knowledge, plan: EngagementPlan) -> Reply:
    """The question for the plan's current step, with buttons for the usual answers."""
    if plan.step == AUDIENCE:
        return Reply(
            text="Let's build a plan for the whole project, one stage at a time. First, who are you involving?",
            buttons=tuple(choice_button(a.name, f"audience:{a.id}") for a in knowledge.kb.audiences),
        )
    if plan.step == WHO:
        return Reply(
            text="Tell me a bit more about who they are, in a few words. For example: \"carers of older people\" "
            "or \"young people leaving care\". Or say skip.",
            buttons=(choice_button("Skip", SKIP),),
        )
    if plan.step == LEVEL:
        stage = knowledge.stage(plan.current_stage.stage)
        buttons = [choice_button(f"{lv.name}: {lv.short.lower()}", f"level:{lv.id}") for lv in knowledge.kb.levels]
        buttons.append(choice_button("Done already, skip it", SKIP))
        buttons.append(choice_button("Not sure", UNSURE))
        return Reply(
            text=f"{_stage_heading(knowledge, plan)} {stage.summary} What do you want from people at this stage?",
            buttons=tuple(buttons),
        )
    if plan.step in (ACTIVITY, ANOTHER):
        return _activity_prompt(knowledge, plan)
    if plan.step == COMMITMENT:
        return Reply(
            text="Now support and payments. Overall, how much will you ask of people?",
            buttons=tuple(choice_button(COMMITMENT_TITLES[c], f"commitment:{c}") for c in COMMITMENTS),
        )
    if plan.step == GROUPS_STEP:
        left = [g for g in GROUPS if g not in plan.groups]
        chosen = ", ".join(GROUP_TITLES[g].lower() for g in plan.groups)
        text = (
            f"So far: {chosen}. Anyone else?" if plan.groups
            else "Will any of these people take part? Pick one at a time, or say none."
        )
        buttons = [choice_button(GROUP_TITLES[g], f"group:{g}") for g in left]
        buttons.append(choice_button("That's all" if plan.groups else "None of these", GROUPS_DONE))
        return Reply(text=text, buttons=tuple(buttons))
    return Reply(text="Your plan is ready.", buttons=(Button("Show my plan", intent_payload("show_plan")),))


def _activity_prompt(knowledge: Knowledge, plan: EngagementPlan) -> Reply:
    stage_plan = plan.current_stage
    level = knowledge.level(stage_plan.level or "")
    stage = knowledge.stage(stage_plan.stage)
    offered = [a for a in _cell_activities(knowledge, plan, stage_plan) if a.id not in stage_plan.activities]
    if not offered and plan.step == ACTIVITY:
        return Reply(
            text=f"The matrix lists no {level.name.lower()} activities at the {stage.name} stage for this group. "
            "Pick another level, or move on.",
            buttons=(*(choice_button(lv.name, f"level:{lv.id}") for lv in knowledge.kb.levels if lv.id != level.id),
                     choice_button("Move on", NONE)),
        )
    lines = [
        f"{level.name} ideas for the {stage.name} stage. Which one will you use? Type its number or name."
        if plan.step == ACTIVITY
        else "Would you like a second activity for this stage? You can have up to two."
    ]
    lines.extend(f"{n}. {a.name}: {a.description}" for n, a in enumerate(offered, start=1))
    buttons = [choice_button(a.name, f"activity:{a.id}") for a in offered[:SHOWN_ACTIVITIES]]
    buttons.append(choice_button("None of these" if plan.step == ACTIVITY else "No, next stage", NONE))
    return Reply(text="\n".join(lines), buttons=tuple(buttons))


# --- the answers -------------------------------------------------------------------------------------------------


def _not_understood(what: str) -> list[Reply]:
    return [Reply(text=f"Sorry, I didn't get that. Please pick {what} from the buttons, or type it in your own words.")]


def _activity_from(knowledge: Knowledge, plan: EngagementPlan, text: str, choice: str | None) -> Activity | None:
    offered = [a for a in _cell_activities(knowledge, plan, plan.current_stage)
               if a.id not in plan.current_stage.activities]
    if choice and choice.startswith("activity:"):
        return next((a for a in offered if a.id == choice.split(":", 1)[1]), None)
    number = re.fullmatch(r"\s*(?:number\s+|no\.?\s*)?(\d{1,2})\s*[.)]?\s*", text)
    if number:
        index = int(number.group(1)) - 1
        return offered[index] if 0 <= index < len(offered) else None
    wanted = normalise(text)
    exact = next((a for a in offered if normalise(a.name) == wanted), None)
    if exact:
        return exact
    lemmas = set(content_lemmas(text))
    matches = [a for a in offered if lemmas and lemmas <= set(content_lemmas(" ".join([a.name, *a.keywords])))]
    return matches[0] if len(matches) == 1 else None


def level_help(knowledge: Knowledge) -> Reply:
    """What each level gives, from the knowledge base, for someone not sure which to pick."""
    depends = knowledge.topic("engagement-it-depends")
    lines = ["Here is what each level means:"]
    lines.extend(f"{render.BULLET} {lv.name} ({lv.short.lower()}): {lv.meaning}" for lv in knowledge.kb.levels)
    lines.append(depends.summary)
    lines.append(render.source_line(knowledge, (*knowledge.kb.levels[0].sources, depends.source)))
    return Reply(text="\n".join(lines))


def hear(knowledge: Knowledge, plan: EngagementPlan, text: str,
         choice: str | None = None) -> tuple[EngagementPlan, list[Reply]]:
    """The plan after one answer, and what the bot says about it (the next question is asked separately)."""
    step = plan.step
    if step == AUDIENCE:
        audience = choice.split(":", 1)[1] if choice and choice.startswith("audience:") else None
        audience = audience or _phrase_in(knowledge, "audience", text)
        if audience is None or audience not in {a.id for a in knowledge.kb.audiences}:
            return plan, _not_understood("who you are involving")
        plan = replace(plan, audience=audience)
        return settle(knowledge, plan), [Reply(text=f"Got it: {knowledge.audience(audience).name.lower()}.")]
    if step == WHO:
        who = "" if choice == SKIP or is_skip(text) else " ".join(text.split())[:MAX_WHO_CHARS]
        return settle(knowledge, replace(plan, who=who)), []
    if step == LEVEL:
        return _hear_level(knowledge, plan, text, choice)
    if step in (ACTIVITY, ANOTHER):
        return _hear_activity(knowledge, plan, text, choice)
    if step == COMMITMENT:
        commitment = choice.split(":", 1)[1] if choice and choice.startswith("commitment:") else None
        commitment = commitment or commitment_from_text(text)
        if commitment not in COMMITMENTS:
            return plan, _not_understood("how much you will ask of people")
        return settle(knowledge, replace(plan, commitment=commitment)), []
    if step == GROUPS_STEP:
        if choice and choice.startswith("group:") and choice.split(":", 1)[1] in GROUPS:
            group = choice.split(":", 1)[1]
            groups = plan.groups if group in plan.groups else (*plan.groups, group)
            done = set(groups) == set(GROUPS)
            return settle(knowledge, replace(plan, groups=groups, groups_done=done)), []
        if choice == GROUPS_DONE or _NO_MORE.match(text):
            return settle(knowledge, replace(plan, groups_done=True)), []
        named = groups_from_text(text)
        if not named:
            return plan, _not_understood("the people taking part")
        groups = tuple(dict.fromkeys((*plan.groups, *named)))
        return settle(knowledge, replace(plan, groups=groups, groups_done=True)), []
    return plan, []


def _hear_level(knowledge: Knowledge, plan: EngagementPlan, text: str,
                choice: str | None) -> tuple[EngagementPlan, list[Reply]]:
    stage_plan = plan.current_stage
    stage = knowledge.stage(stage_plan.stage)
    if choice == UNSURE or (choice is None and _UNSURE.match(text)):
        return plan, [level_help(knowledge)]
    level = choice.split(":", 1)[1] if choice and choice.startswith("level:") else None
    if choice is None and not is_skip(text):
        level = _phrase_in(knowledge, "level", text)
    if choice == SKIP or (choice is None and level is None and (is_skip(text) or _DONE_WORDS.search(text))):
        plan = plan.with_stage(replace(stage_plan, skipped=True, level=None, activities=()))
        return settle(knowledge, plan), [Reply(text=f"OK, the {stage.name} stage is done. I'll leave it out.")]
    if level is None or level not in {lv.id for lv in knowledge.kb.levels}:
        return plan, _not_understood("what you want from people")
    plan = plan.with_stage(replace(stage_plan, level=level, activities=(), skipped=False))
    return settle(knowledge, plan), []


def _hear_activity(knowledge: Knowledge, plan: EngagementPlan, text: str,
                   choice: str | None) -> tuple[EngagementPlan, list[Reply]]:
    stage_plan = plan.current_stage
    if choice and choice.startswith("level:"):  # the cell was empty and another level was picked
        return _hear_level(knowledge, plan, text, choice)
    activity = _activity_from(knowledge, plan, text, choice)
    if activity is not None:
        plan = plan.with_stage(replace(stage_plan, activities=(*stage_plan.activities, activity.id)))
        return settle(knowledge, plan), [Reply(text=f"Added: {activity.name}.")]
    if choice == NONE or (choice is None and (_NO_MORE.match(text) or is_skip(text))):
        return settle(knowledge, plan.with_stage(replace(stage_plan, complete=True))), []
    return plan, _not_understood("an activity")
