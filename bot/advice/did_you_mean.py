"""When the NLU is unsure, offer the two or three likeliest meanings as buttons instead of a generic "sorry".

The meanings come from the NLU's own ranking of intents; a guidance question is offered as the knowledge-base
topics its words come nearest to, because "ask a question" is no help as a button.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.advice.reply import Button, Reply, intent_payload, topic_button
from bot.knowledge.query import Knowledge

MAX_OPTIONS = 3
MIN_INTENT_CONFIDENCE = 0.05
MIN_TOPIC_SCORE = 1.5
NEAR_BEST = 0.75

# Intents worth offering, with the button a person would recognise. Others (greet, affirm, stop...) never are.
MEANINGS: dict[str, tuple[str, str]] = {
    "plan_activities": ("Ideas to involve people in my project", intent_payload("plan_activities")),
    "plan_whole_cycle": ("A plan for the whole project", intent_payload("plan_whole_cycle")),
    "ask_stage_activities": ("Ideas for one stage", intent_payload("ask_stage_activities")),
    "compare_activities": ("Compare two activities", intent_payload("compare_activities")),
    "draft_invitation": ("Write an invitation", intent_payload("draft_invitation")),
    "plan_support": ("Payments and support for people", intent_payload("plan_support")),
    "check_consultation": ("Check my consultation", intent_payload("check_consultation")),
    # not "How I can get involved": a topic is called "How can I get involved?", and the buttons would look alike
    "get_involved": ("Help me find a way to take part", intent_payload("get_involved")),
    "plan_person_centred_conversation": ("A 'what matters to you' talk", intent_payload(
        "plan_person_centred_conversation")),
    "start_training": ("Learn the ideas", intent_payload("start_training")),
    "show_plan": ("Show my plan", intent_payload("show_plan")),
    "human_handoff": ("Talk to a person", intent_payload("human_handoff")),
    "help": ("What can you do?", intent_payload("help")),
}


def options(knowledge: Knowledge, text: str, ranking: Iterable[tuple[str, float]]) -> list[Button]:
    """Up to :data:`MAX_OPTIONS` likely meanings, likeliest first."""
    buttons: list[Button] = []

    def add(button: Button) -> None:
        if button not in buttons and len(buttons) < MAX_OPTIONS:
            buttons.append(button)

    def add_topics(limit: int) -> None:
        hits = knowledge.search(text, limit=limit, kinds={"topic"})
        for hit in hits:  # only the close runners-up of the best match
            if hit.score >= max(MIN_TOPIC_SCORE, NEAR_BEST * hits[0].score):
                add(topic_button(hit.entry.title, hit.id))

    for intent, confidence in ranking:
        if len(buttons) >= MAX_OPTIONS or confidence < MIN_INTENT_CONFIDENCE:
            break
        if intent == "ask_guidance":
            add_topics(2)
        elif intent in MEANINGS:
            add(Button(*MEANINGS[intent]))
    if len(buttons) < 2:  # the NLU has little to offer: the words themselves may still point to guidance
        add_topics(MAX_OPTIONS)
    return buttons


def did_you_mean(knowledge: Knowledge, text: str, ranking: Iterable[tuple[str, float]]) -> list[Reply] | None:
    """"Did you mean...?" with buttons and "Something else", or None when nothing is likely enough to offer."""
    found = options(knowledge, text, ranking)
    if not found:
        return None
    return [
        Reply(
            text="I'm not sure what you mean. Did you mean one of these?",
            buttons=(*found, Button("Something else", intent_payload("something_else"))),
        )
    ]


def something_else() -> list[Reply]:
    return [
        Reply(
            text="OK. Please tell me in other words what you need. Or I can put you in touch with a person.",
            buttons=(Button("Talk to a person", intent_payload("human_handoff")), Button("What can you do?", "/help")),
        )
    ]
