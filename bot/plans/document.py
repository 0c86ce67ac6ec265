"""The engagement plan as a document: built once as sections and blocks, then written as Markdown or printable HTML.

Every description, checklist and source comes from the knowledge base; the plan itself only holds ids and the
person's own words. What the person has not decided is said plainly ("No activity chosen yet"), never filled in.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from bot.advice.activities import CHOOSING_TOPIC
from bot.advice.invitation import InvitationDetails, draft_invitation
from bot.advice.reply import Button, Reply, intent_payload
from bot.advice.support import budget_items, budget_rules, recommend_support
from bot.feedback.buttons import with_feedback
from bot.knowledge import render
from bot.knowledge.query import Knowledge, UnknownEntry
from bot.plans.builder import COMMITMENT_TITLES, GROUP_TITLES
from bot.plans.model import EngagementPlan, StagePlan

TITLE = "Engagement plan"
RESULTS_TOPIC = "using-results"
RESULTS_ITEMS = ("feedback", "we-asked-you-said-we-did", "thank-you")
FILENAME = FEEDBACK_TOPIC = "engagement-plan"


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Checklist:
    """Things to tick off; ``done`` marks the ones already decided."""

    items: tuple[str, ...]
    done: tuple[bool, ...] = ()


@dataclass(frozen=True)
class Preformatted:
    text: str


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: tuple[Paragraph | Bullets | Checklist | Preformatted, ...]


@dataclass(frozen=True)
class PlanDocument:
    title: str
    intro: tuple[Paragraph, ...]
    sections: tuple[Section, ...]


def _source(knowledge: Knowledge, *refs) -> Paragraph:
    return Paragraph(render.source_line(knowledge, tuple(refs)))


def _chosen_activities(knowledge: Knowledge, plan: EngagementPlan) -> list:
    found = []
    for stage_plan in plan.stages:
        for activity_id in stage_plan.activities:
            try:
                found.append(knowledge.activity(activity_id))
            except UnknownEntry:  # the knowledge base changed since the plan was made
                continue
    return found


def _stage_section(knowledge: Knowledge, plan: EngagementPlan, stage_plan: StagePlan) -> Section:
    stage = knowledge.stage(stage_plan.stage)
    names = " or ".join([stage.name, *stage.other_names[:1]])
    heading = f"Stage {stage.order}: {names}"
    if stage_plan.skipped:
        return Section(heading, (Paragraph("Done already. Not part of this plan."),))
    if stage_plan.level is None:
        return Section(heading, (Paragraph(stage.summary), Paragraph("Not planned yet.")))
    level = knowledge.level(stage_plan.level)
    blocks: list = [
        Paragraph(stage.summary),
        Paragraph(f"Level: {level.name} ({level.short.lower()}). Why: {level.meaning}"),
    ]
    thomas = next((t for t in knowledge.kb.thomas_levels if t.id == level.thomas_level), None)
    if thomas is not None:
        blocks.append(
            Paragraph(f"At its best this gives {thomas.positive.lower()}. Watch out for {thomas.negative.lower()}.")
        )
    activities = []
    refs = list(level.sources[:1])
    for activity_id in stage_plan.activities:
        try:
            activity = knowledge.activity(activity_id)
        except UnknownEntry:
            continue
        activities.append(f"{activity.name}: {activity.description}")
        refs.append(activity.source)
    blocks.append(Bullets(tuple(activities)) if activities else Paragraph("No activity chosen yet."))
    if thomas is not None:
        refs.append(thomas.source)
    blocks.append(_source(knowledge, *stage.sources[:1], *refs))
    return Section(heading, tuple(blocks))


def _questions_section(knowledge: Knowledge, plan: EngagementPlan) -> Section:
    topic = knowledge.topic(CHOOSING_TOPIC.get(plan.audience or "citizens", CHOOSING_TOPIC["citizens"]))
    return Section(
        "Questions to weigh for each activity",
        (
            Paragraph(f"{topic.summary} Tick each one when you have an answer."),
            Checklist(tuple(f"{item.label} {item.text}" for item in topic.items)),
            _source(knowledge, topic.source),
        ),
    )


def _support_section(knowledge: Knowledge, plan: EngagementPlan) -> Section:
    if plan.commitment is None:
        return Section("Support and payments", (Paragraph("Not decided yet."),))
    chosen = recommend_support(knowledge, plan.commitment, plan.groups)
    groups = ", ".join(GROUP_TITLES[g].lower() for g in plan.groups) or "none named"
    blocks: list = [
        Paragraph(f"How much you will ask of people: {COMMITMENT_TITLES[plan.commitment].lower()}. "
                  f"People with extra needs: {groups}."),
        Bullets(tuple(f"{r.label}: {r.what} Why: {r.why}" for r in chosen)),
        Paragraph("Budget checklist:"),
        Checklist(tuple(budget_items(chosen))),
        *(Paragraph(rule) for rule in budget_rules(knowledge)),
        _source(knowledge, knowledge.topic("support-kinds").source, knowledge.topic("payments-budget-rule").source),
    ]
    return Section("Support and payments", tuple(blocks))


def invitation_details(knowledge: Knowledge, plan: EngagementPlan) -> InvitationDetails:
    """What the plan already decides for the invitation; the rest stays a marked gap."""
    names = [a.name.lower() for a in _chosen_activities(knowledge, plan)]
    chosen = recommend_support(knowledge, plan.commitment, plan.groups) if plan.commitment else []
    payment = [r.label.lower() for r in chosen if r.item_id in ("out-of-pocket-expenses", "involvement-fee")]
    support = [r.label.lower() for r in chosen if r.item_id not in ("out-of-pocket-expenses", "involvement-fee")]
    return InvitationDetails(
        task=f"take part in {', '.join(names[:-1])} and {names[-1]}" if len(names) > 1
        else (f"take part in {names[0]}" if names else None),
        payment=f"we will pay {' and '.join(payment)}" if payment else None,
        support=f"we can offer {', '.join(support)}" if support else None,
    )


def _invitation_section(knowledge: Knowledge, plan: EngagementPlan) -> Section:
    draft = draft_invitation(knowledge, invitation_details(knowledge, plan))
    blocks: list = [Preformatted(draft.text)]
    if draft.gaps:
        blocks.append(Paragraph("Fill in the parts marked STILL TO FILL IN before you send it."))
    blocks.append(_source(knowledge, knowledge.topic("invitation-minimum-contents").source))
    return Section("Invitation draft", tuple(blocks))


def _feedback_section(knowledge: Knowledge) -> Section:
    topic = knowledge.topic(RESULTS_TOPIC)
    items = [topic.item(item_id) for item_id in RESULTS_ITEMS]
    return Section(
        "Feeding back: we asked, you said, we did",
        (
            Paragraph(topic.summary),
            Checklist(tuple(f"{i.label}: {i.text}" for i in items if i is not None)),
            _source(knowledge, topic.source),
        ),
    )


def build_document(knowledge: Knowledge, plan: EngagementPlan) -> PlanDocument:
    intro = []
    if plan.audience:
        who = f" ({plan.who})" if plan.who else ""
        intro.append(Paragraph(f"Who you are involving: {knowledge.audience(plan.audience).name}{who}."))
    if not plan.finished:
        intro.append(Paragraph("This plan is not finished yet. Say \"plan the whole project\" to carry on."))
    sections = [_stage_section(knowledge, plan, s) for s in plan.stages]
    sections += [
        _questions_section(knowledge, plan),
        _support_section(knowledge, plan),
        _invitation_section(knowledge, plan),
        _feedback_section(knowledge),
    ]
    return PlanDocument(TITLE, tuple(intro), tuple(sections))


# --- writers -----------------------------------------------------------------------------------------------------


def _markdown_block(block) -> str:
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, Bullets):
        return "\n".join(f"- {item}" for item in block.items)
    if isinstance(block, Checklist):
        done = block.done or (False,) * len(block.items)
        return "\n".join(f"- [{'x' if d else ' '}] {item}" for item, d in zip(block.items, done, strict=True))
    return "```text\n" + block.text + "\n```"


def to_markdown(document: PlanDocument) -> str:
    parts = [f"# {document.title}", *(p.text for p in document.intro)]
    for section in document.sections:
        parts.append(f"## {section.heading}")
        parts.extend(_markdown_block(block) for block in section.blocks if not _empty(block))
    return "\n\n".join(parts) + "\n"


def _empty(block) -> bool:
    return isinstance(block, Paragraph) and not block.text


def _html_block(block) -> str:
    esc = html.escape
    if isinstance(block, Paragraph):
        css = ' class="source"' if block.text.startswith("Source:") else ""
        return f"<p{css}>{esc(block.text)}</p>"
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{esc(item)}</li>" for item in block.items) + "</ul>"
    if isinstance(block, Checklist):
        done = block.done or (False,) * len(block.items)
        return '<ul class="checklist">' + "".join(
            f"<li>{'☑' if d else '☐'} {esc(item)}</li>" for item, d in zip(block.items, done, strict=True)
        ) + "</ul>"
    return f"<pre>{esc(block.text)}</pre>"


_PRINT_CSS = (
    "body{font-family:Arial,Helvetica,sans-serif;line-height:1.5;max-width:46em;margin:2em auto;padding:0 1em;"
    "color:#111}h1{font-size:1.8em}h2{font-size:1.3em;border-bottom:1px solid #999;margin-top:1.6em}"
    "pre{white-space:pre-wrap;border:1px solid #999;padding:1em;font-family:inherit}"
    ".checklist{list-style:none;padding-left:0}.source{font-size:.9em;color:#444}"
    "@media print{body{margin:0;max-width:none}h2{break-after:avoid}}"
)


def to_html(document: PlanDocument) -> str:
    """A stand-alone page to print or save: no scripts, no outside files, every text escaped."""
    body = [f"<h1>{html.escape(document.title)}</h1>", *(_html_block(p) for p in document.intro)]
    for section in document.sections:
        body.append(f"<h2>{html.escape(section.heading)}</h2>")
        body.extend(_html_block(block) for block in section.blocks if not _empty(block))
    return (
        '<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{html.escape(document.title)}</title><style>{_PRINT_CSS}</style></head>"
        "<body>" + "\n".join(body) + "</body></html>\n"
    )


def plan_replies(knowledge: Knowledge, plan: EngagementPlan) -> list[Reply]:
    """The plan in the chat as Markdown, with a payload the web chat page offers as downloads."""
    document = build_document(knowledge, plan)
    markdown = to_markdown(document)
    export = {"plan_export": {"filename": FILENAME, "markdown": markdown, "html": to_html(document)}}
    buttons = (
        Button("Change the plan", intent_payload("plan_whole_cycle")),
        Button("Draft the full invitation", intent_payload("draft_invitation")),
        Button("Talk to someone", intent_payload("human_handoff")),
    )
    return with_feedback([
        Reply(text=markdown, custom=export),
        Reply(
            text="You can copy this plan into your project documents. On the web chat page you can also download it.",
            buttons=buttons,
        ),
    ], FEEDBACK_TOPIC)


def no_plan_replies() -> list[Reply]:
    return [
        Reply(
            text="You don't have a plan yet. I can help you build one for the whole project, one stage at a time.",
            buttons=(Button("Plan the whole project", intent_payload("plan_whole_cycle")),),
        )
    ]
