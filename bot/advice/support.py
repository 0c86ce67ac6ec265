"""Recommends support and payments for the people taking part, with the reasons and a budget checklist.

Everything comes from the guide's "Payments, other support and incentives" section: base the decision on the
commitment asked, on getting the right people, on no one being out of pocket, and decide it jointly; budget for it,
and say why for anything beyond out-of-pocket expenses; tell people how and when they will be paid, give them easy
claim forms and warn them a payment could affect their benefits.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.advice.reply import Button, Reply, intent_payload
from bot.knowledge import render
from bot.knowledge.query import Knowledge

COMMITMENTS = ("one-off", "series", "ongoing")
GROUPS = ("carers", "disabled", "deaf", "benefits", "young")

COMMITMENT_WORDS = {
    "one-off": ("one-off", "one off", "once", "single", "survey", "questionnaire", "one meeting", "one event",
                "focus group", "an event", "interview"),
    "series": ("series", "workshops", "several", "few meetings", "a number of", "sessions", "focus groups"),
    "ongoing": ("panel", "board", "seat", "ongoing", "regular", "steering group", "long term", "long-term", "a year"),
}
GROUP_WORDS = {
    "carers": ("carer", "caring"),
    "disabled": ("disabled", "disability", "disabilities", "wheelchair", "learning disab", "blind", "sight"),
    "deaf": ("deaf", "hard of hearing", "hearing", "bsl", "sign language"),
    "benefits": ("benefit", "universal credit", "low income", "unemployed"),
    "young": ("young", "children", "teen", "kids", "youth", "pupils", "students"),
}


def commitment_from_text(text: str) -> str | None:
    """The commitment a free-text answer describes ("a seat on our panel" -> "ongoing"), or None."""
    lower = text.lower()
    for commitment in ("ongoing", "series", "one-off"):
        if any(word in lower for word in COMMITMENT_WORDS[commitment]):
            return commitment
    return None


def groups_from_text(text: str) -> tuple[str, ...]:
    """The groups a free-text answer names ("carers and Deaf people" -> ("carers", "deaf"))."""
    lower = text.lower()
    return tuple(group for group in GROUPS if any(word in lower for word in GROUP_WORDS[group]))


@dataclass(frozen=True)
class Recommendation:
    """One kind of support, with why it fits."""

    item_id: str
    label: str
    what: str
    why: str
    beyond_expenses: bool


def recommend_support(knowledge: Knowledge, commitment: str, groups: tuple[str, ...]) -> list[Recommendation]:
    """The kinds of support that fit what is asked of people and who they are, in the guide's order."""
    kinds = knowledge.topic("support-kinds")
    reasons: dict[str, str] = {"out-of-pocket-expenses": "No one should be out of pocket because they took part."}
    if commitment in ("series", "ongoing"):
        reasons["involvement-fee"] = (
            "You are asking for a lot of people's time, effort and know-how. The guide says to base payment on that."
        )
    if commitment == "ongoing":
        reasons["training"] = "People who take an active part, such as on a panel, should sometimes be offered training."
    if "carers" in groups:
        reasons["replacement-care"] = "Carers may need someone else to give care while they take part."
    if "disabled" in groups:
        reasons["personal-supporter"] = "Some disabled people need a supporter with them to take part."
        reasons["alternative-formats"] = "Papers in a form that suits each person, or equipment, help people take part."
    if "deaf" in groups:
        reasons["translation"] = "Deaf people who use British Sign Language (BSL) need an interpreter."
        reasons.setdefault(
            "alternative-formats", "Equipment such as a hearing loop helps people who use hearing aids."
        )
    return [
        Recommendation(
            item_id=item.id,
            label=item.label,
            what=item.text,
            why=reasons[item.id],
            beyond_expenses=item.id != "out-of-pocket-expenses",
        )
        for item in kinds.items
        if item.id in reasons
    ]


BUDGET_COSTS = ("Staff time", "Venues", "Handling expenses claims", "Survey analysis")  # the guide's plan step


def budget_items(chosen: list[Recommendation]) -> list[str]:
    """The things to budget for: each kind of support chosen (with why, when beyond expenses) and the running costs."""
    items = [r.label + (f" - say why: {r.why}" if r.beyond_expenses else "") for r in chosen]
    return items + list(BUDGET_COSTS)


def budget_rules(knowledge: Knowledge) -> list[str]:
    """The guide's budgeting rule and its project-plan step on budgets."""
    rules = [f"Rule: {knowledge.topic('payments-budget-rule').summary}"]
    plan_step = knowledge.topic("how-project-plan").item("budget")
    if plan_step is not None:
        rules.append(plan_step.text)
    return rules


def support_replies(knowledge: Knowledge, commitment: str, groups: tuple[str, ...]) -> list[Reply]:
    """The recommendation, incentives, principles, what to tell people, and a budget checklist to copy."""
    chosen = recommend_support(knowledge, commitment, groups)
    lines = ["Support to offer, and why:"]
    lines.extend(f"{render.BULLET} {r.label}: {r.what} Why: {r.why}" for r in chosen)
    if "young" in groups:
        lines.append(
            "The guide gives no separate payment advice for children and young people. "
            "Use the same principles, and ask them and their families what would help."
        )
    incentives = knowledge.topic("incentives")
    if commitment == "one-off":
        prize = incentives.item("prize-draws")
        lines.append(f"An incentive could help: {prize.label}. {prize.text}")
    else:
        credits = incentives.item("time-credits")
        lines.append(f"You could also think about {credits.label.lower()}. {credits.text}")

    principles = knowledge.topic("payment-principles")
    lines.append("Decide it on these principles:")
    lines.extend(f"{render.BULLET} {i.label}: {i.text}" for i in principles.items)

    tell = knowledge.topic("payments-what-to-tell-people")
    told = ["Tell everyone taking part:"]
    for item in tell.items:
        stress = " This matters most for people on benefits." if item.id == "benefits-impact" and "benefits" in groups else ""
        told.append(f"{render.BULLET} {item.label}: {item.text}{stress}")

    checklist = ["Budget checklist (copy into your plan):"]
    checklist.extend(f"[ ] {line}" for line in budget_items(chosen))
    checklist.extend(budget_rules(knowledge))

    refs = (principles.source, knowledge.topic("payments-budget-rule").source, tell.source)
    if any(r.item_id == "training" for r in chosen):
        refs += (knowledge.topic("who-skills-confidence").source,)
    return [
        Reply(text="\n".join(lines)),
        Reply(text="\n".join(told)),
        Reply(
            text="\n".join(checklist) + "\n" + render.source_line(knowledge, refs),
            buttons=(Button("Change an answer", intent_payload("change_answer")),),
        ),
    ]
