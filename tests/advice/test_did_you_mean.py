"""Low NLU confidence gets the likeliest meanings as buttons, not a generic "sorry"."""

from __future__ import annotations

from bot.advice.did_you_mean import MAX_OPTIONS, did_you_mean, options
from bot.knowledge import Knowledge


def test_the_likeliest_intents_become_buttons_in_order_with_something_else(knowledge: Knowledge):
    ranking = [("plan_support", 0.3), ("draft_invitation", 0.25), ("greet", 0.2), ("get_involved", 0.1)]
    reply = did_you_mean(knowledge, "money for the people", ranking)[0]
    titles = [b.title for b in reply.buttons]
    assert titles == ["Payments and support for people", "Write an invitation", "Help me find a way to take part",
                      "Something else"]
    assert reply.buttons[-1].payload == "/something_else"


def test_a_guidance_question_is_offered_as_the_nearest_topics(knowledge: Knowledge):
    buttons = options(knowledge, "barriers cost too much", [("ask_guidance", 0.4)])
    assert buttons and all(b.payload.startswith("/ask_guidance{") for b in buttons)
    assert len(buttons) <= MAX_OPTIONS


def test_nothing_likely_enough_means_no_offer(knowledge: Knowledge):
    assert did_you_mean(knowledge, "zzz", [("greet", 0.9), ("plan_activities", 0.01)]) is None
