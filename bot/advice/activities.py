"""Suggests engagement activities from the matrices: one cell, a whole stage, or where an activity sits."""

from __future__ import annotations

from dataclasses import replace

from bot.advice.reply import Button, Reply, intent_payload, topic_button
from bot.knowledge import render
from bot.knowledge.model import Activity, Cell
from bot.knowledge.query import Knowledge

CHOOSING_TOPIC = {"citizens": "choosing-activities-citizens", "cyp": "choosing-activities-cyp"}
SHOWN_FIRST = 5  # the issue asks for the best 3-5, with "show all" for the rest


def _activity_lines(cell: Cell, limit: int | None) -> list[str]:
    shown = cell.activities[:limit] if limit else cell.activities
    lines = [f"{render.BULLET} {a.name}: {a.description}" for a in shown]
    lines.extend(f"Note: {note.text}" for note in cell.notes)
    if not lines:
        lines.append("The matrix lists no activities for this combination. Try another level at this stage.")
    return lines


def matrix_payload(knowledge: Knowledge, cell: Cell) -> dict:
    """A custom payload for channels that can draw the stage x level grid with the chosen cell highlighted."""
    return {
        "matrix": {
            "audience": cell.audience.id,
            "audience_name": cell.audience.name,
            "stages": [{"id": s.id, "name": s.name} for s in knowledge.kb.stages],
            "levels": [{"id": lv.id, "name": lv.name, "short": lv.short} for lv in knowledge.kb.levels],
            "selected": {"stage": cell.stage.id, "level": cell.level.id},
            "counts": {
                f"{s.id}/{lv.id}": len(knowledge.cell(s.id, lv.id, cell.audience.id).activities)
                for s in knowledge.kb.stages
                for lv in knowledge.kb.levels
            },
        }
    }


def next_step_buttons(knowledge: Knowledge, stage: str, level: str, audience: str) -> tuple[Button, ...]:
    """What to do after seeing a cell: other levels at this stage, the whole stage, an invitation, payments and
    support, and the consultation criteria for consultation."""
    buttons = [
        Button(f"{other.name} at this stage", intent_payload("inform", stage=stage, level=other.id, audience=audience))
        for other in knowledge.kb.levels
        if other.id != level
    ]
    buttons.append(Button("The whole stage", intent_payload("ask_stage_activities", stage=stage, audience=audience)))
    buttons.append(Button("Draft an invitation", intent_payload("draft_invitation")))
    buttons.append(topic_button("Payments and support", "support-kinds"))
    if level == "consultation":
        buttons.append(topic_button("Consultation criteria", "consultation-criteria"))
    return tuple(buttons)


def suggest_activities(knowledge: Knowledge, stage: str, level: str, audience: str) -> list[Reply]:
    """The matrix cell as replies: an introduction, the first activities, then the questions to weigh them with the
    next steps.

    Raises:
        bot.knowledge.UnknownEntry: if ``stage``, ``level`` or ``audience`` is not a known id.
    """
    cell = knowledge.cell(stage, level, audience)
    source = knowledge.source(cell.activities[0].source.doc) if cell.activities else None
    intro = Reply(
        response="utter_activities_intro",
        values={
            "stage_name": cell.stage.name,
            "level_name": cell.level.name.lower(),
            "level_short": cell.level.short.lower(),
            "audience_name": cell.audience.name.lower(),
            "source_name": source.citation if source else "matrix",
        },
    )
    lines = _activity_lines(cell, SHOWN_FIRST)
    more = len(cell.activities) - SHOWN_FIRST
    body_buttons: tuple[Button, ...] = ()
    if more > 0:
        lines.append(f"There {'is' if more == 1 else 'are'} {more} more.")
        body_buttons = (Button(f"Show all {len(cell.activities)}", intent_payload("show_all_activities")),)
    body = Reply(text="\n".join(lines), buttons=body_buttons, custom=matrix_payload(knowledge, cell))

    checklist = knowledge.topic(CHOOSING_TOPIC[audience])
    weigh = "\n".join(f"{render.BULLET} {item.label}" for item in checklist.items)
    # The questions to weigh the activities and the next steps are one message: fewer bubbles in a chat window.
    return [intro, body, Reply(response="utter_activities_next", values={"checklist": weigh},
                               buttons=next_step_buttons(knowledge, stage, level, audience))]


def all_activities(knowledge: Knowledge, stage: str, level: str, audience: str) -> list[Reply]:
    """Every activity of one cell, with its source and the same next steps as the suggestions."""
    return [Reply(text=render.cell_text(knowledge, knowledge.cell(stage, level, audience)),
                  buttons=next_step_buttons(knowledge, stage, level, audience))]


def stage_overview(knowledge: Knowledge, stage: str, audience: str) -> list[Reply]:
    """A stage's whole row for one audience: the activity names under each level, and buttons to open a cell."""
    stage_entry = knowledge.stage(stage)
    audience_entry = knowledge.audience(audience)
    lines = [f"All the ideas for the {stage_entry.name} stage, for {audience_entry.name.lower()}:"]
    refs = []
    for cell in knowledge.stage_row(stage, audience):
        names = ", ".join(a.name for a in cell.activities) or "none listed"
        lines.append(f"{render.BULLET} {cell.level.name} ({cell.level.short.lower()}): {names}.")
        refs.extend(a.source for a in cell.activities)
    lines.append(render.source_line(knowledge, tuple(refs)))
    other = "citizens" if audience == "cyp" else "cyp"
    buttons = [
        Button(f"{level.name} ideas", intent_payload("inform", stage=stage, level=level.id, audience=audience))
        for level in knowledge.kb.levels
    ]
    buttons.append(
        Button(
            f"For {knowledge.audience(other).name.lower()}",
            intent_payload("ask_stage_activities", stage=stage, audience=other),
        )
    )
    return [Reply(text="\n".join(lines), buttons=tuple(buttons))]


def _where(knowledge: Knowledge, activity: Activity) -> str:
    return (
        f"{knowledge.stage(activity.stage).name} stage, {knowledge.level(activity.level).name.lower()} "
        f"({knowledge.level(activity.level).short.lower()})"
    )


def locate_activity(knowledge: Knowledge, text: str, unmatched: str | None = None) -> list[Reply] | None:
    """Where the activity named in ``text`` sits in each matrix, or None if no activity matches.

    ``unmatched``: the name asked about when no activity has it ("where does a citizens' jury fit?"). The closest
    activities are then offered as what they are, not as the thing asked about.
    """
    hits = knowledge.search(text, limit=12, kinds={"activity", "cell_note"})
    if not hits:
        return None
    best = hits[0].score
    notes = [h.entry for h in hits if h.kind == "cell_note" and h.score >= 0.75 * best]
    chosen = [h.entry for h in hits if h.kind == "activity" and h.score >= 0.75 * best]
    replies = located(knowledge, chosen, notes)
    if unmatched and all(h.coverage < 1.0 for h in hits):  # no activity or note has all its words
        lead = (f"I can't find \"{unmatched}\" in either matrix, so I can't say where it fits. "
                "These activities share some of its words:")
        replies = [replace(replies[0], text=f"{lead}\n{replies[0].text}"), *replies[1:]]
    return replies


def located(knowledge: Knowledge, chosen: list[Activity], notes: list | None = None) -> list[Reply]:
    """Where these activities (and matrix notes) sit, grouped by matrix, with the sources."""
    notes = notes or []
    lines = []
    refs = []
    for note in notes:
        lines.append(
            f"The matrix for {knowledge.audience(note.audience).name.lower()} mentions this as a note on the "
            f"{knowledge.stage(note.stage).name} stage, not as an activity in one cell: {note.text}"
        )
        refs.append(note.source)
    for audience in knowledge.kb.audiences:
        mine = [a for a in chosen if a.audience == audience.id]
        if not mine:
            continue
        lines.append(f"In the matrix for {audience.name.lower()}:")
        lines.extend(f"{render.BULLET} {a.name}: {_where(knowledge, a)}. {a.description}" for a in mine)
        refs.extend(a.source for a in mine)
    if _matrices_disagree(chosen):
        lines.append("The two matrices put this in different places. Each is shown as published.")
    lines.append(render.source_line(knowledge, tuple(refs)))
    buttons: tuple[Button, ...] = ()
    if chosen:
        first = chosen[0]
        buttons = (
            Button(
                "Ideas like this",
                intent_payload("inform", stage=first.stage, level=first.level, audience=first.audience),
            ),
        )
    return [Reply(text="\n".join(lines), buttons=buttons)]


def _matrices_disagree(activities: list[Activity]) -> bool:
    """True when the same activity name sits in different cells of the two matrices."""
    cells: dict[str, set[tuple[str, str, str]]] = {}
    for a in activities:
        cells.setdefault(a.name.lower(), set()).add((a.audience, a.stage, a.level))
    return any(
        len({aud for aud, _, _ in places}) > 1 and len({(st, lv) for _, st, lv in places}) > 1
        for places in cells.values()
    )
