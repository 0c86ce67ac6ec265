"""Suggests engagement activities for a stage, level and audience, straight from the matrix."""

from __future__ import annotations

from bot.advice.reply import Button, Reply, intent_payload, topic_button
from bot.knowledge import render
from bot.knowledge.query import Knowledge

CHOOSING_TOPIC = {"citizens": "choosing-activities-citizens", "cyp": "choosing-activities-cyp"}


def suggest_activities(knowledge: Knowledge, stage: str, level: str, audience: str) -> list[Reply]:
    """The matrix cell as replies: an introduction, the activities, the questions to weigh them, next steps.

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
    lines = [f"{render.BULLET} {a.name}: {a.description}" for a in cell.activities]
    lines.extend(f"Note: {note.text}" for note in cell.notes)
    if not lines:
        lines.append("The matrix lists no activities for this combination. Try another level at this stage.")
    body = Reply(text="\n".join(lines))

    checklist = knowledge.topic(CHOOSING_TOPIC[audience])
    weigh = Reply(
        text="Before you choose, ask yourself:\n"
        + "\n".join(f"{render.BULLET} {item.label}" for item in checklist.items)
    )

    buttons = [
        Button(
            f"{other.name} at this stage",
            intent_payload("inform", stage=stage, level=other.id, audience=audience),
        )
        for other in knowledge.kb.levels
        if other.id != level
    ]
    buttons.append(topic_button("Invitation wording", "invitation-minimum-contents"))
    buttons.append(topic_button("Payments and support", "support-kinds"))
    if level == "consultation":
        buttons.append(topic_button("Consultation criteria", "consultation-criteria"))
    return [intro, body, weigh, Reply(response="utter_activities_next", buttons=tuple(buttons))]
