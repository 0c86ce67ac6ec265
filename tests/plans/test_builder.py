"""Building a whole-cycle plan one answer at a time: buttons, everyday words, skipped stages, stop and resume."""

from __future__ import annotations

from bot.knowledge import Knowledge
from bot.plans import builder
from bot.plans.model import (
    ACTIVITY,
    ANOTHER,
    AUDIENCE,
    COMMITMENT,
    DONE,
    GROUPS_STEP,
    LEVEL,
    WHO,
    EngagementPlan,
)


def answer(knowledge: Knowledge, plan: EngagementPlan, text: str = "", choice: str | None = None):
    new_plan, _ = builder.hear(knowledge, plan, text, choice)
    return new_plan


def test_the_first_message_fills_the_audience_and_skips_stages_already_done(knowledge: Knowledge):
    plan = builder.start(knowledge, "we've already done the analyse stage, plan the rest with young people",
                         stages_named=("understand",))
    assert plan.audience == "cyp"
    assert [s.skipped for s in plan.stages] == [True, False, False, False]
    assert plan.step == WHO


def test_naming_a_stage_without_saying_it_is_done_skips_nothing(knowledge: Knowledge):
    plan = builder.start(knowledge, "plan engagement from the review stage onwards", stages_named=("review",))
    assert not any(s.skipped for s in plan.stages) and plan.step == AUDIENCE


def test_a_whole_plan_by_buttons(knowledge: Knowledge):
    plan = builder.start(knowledge, "help me plan the whole project")
    plan = answer(knowledge, plan, choice="audience:citizens")
    plan = answer(knowledge, plan, choice=builder.SKIP)
    assert plan.who == "" and plan.step == LEVEL and plan.current == 0
    for stage in ("understand", "plan", "do", "review"):
        plan = answer(knowledge, plan, choice="level:consultation")
        first = knowledge.cell(stage, "consultation", "citizens").activities[0]
        plan = answer(knowledge, plan, choice=f"activity:{first.id}")
        assert plan.step == ANOTHER
        plan = answer(knowledge, plan, choice=builder.NONE)
    assert plan.step == COMMITMENT
    plan = answer(knowledge, plan, choice="commitment:series")
    plan = answer(knowledge, plan, choice="group:carers")
    assert plan.step == GROUPS_STEP and plan.groups == ("carers",)
    plan = answer(knowledge, plan, choice=builder.GROUPS_DONE)
    assert plan.finished and all(len(s.activities) == 1 for s in plan.stages)


def test_everyday_words_work_as_well_as_buttons(knowledge: Knowledge):
    plan = builder.start(knowledge, "full engagement plan please")
    plan = answer(knowledge, plan, "teenagers and their parents")
    assert plan.audience == "cyp"
    plan = answer(knowledge, plan, "young carers")
    assert plan.who == "young carers"
    plan = answer(knowledge, plan, "we've done that already")
    assert plan.stages[0].skipped and plan.current == 1
    plan = answer(knowledge, plan, "we want their views")
    assert plan.stages[1].level == "consultation" and plan.step == ACTIVITY
    plan = answer(knowledge, plan, "2")
    second = knowledge.cell("plan", "consultation", "cyp").activities[1]
    assert plan.stages[1].activities == (second.id,)
    plan = answer(knowledge, plan, "interactive websites")
    assert len(plan.stages[1].activities) == 2 and plan.current == 2  # two is the most, so on to the next stage
    plan = answer(knowledge, plan, "skip")
    plan = answer(knowledge, plan, "co-produce it")
    assert plan.stages[3].level == "participation"
    plan = answer(knowledge, plan, "none of these")
    assert plan.stages[3].complete and plan.stages[3].activities == ()
    plan = answer(knowledge, plan, "a seat on our panel")
    assert plan.commitment == "ongoing"
    plan = answer(knowledge, plan, "carers and deaf people")
    assert plan.groups == ("carers", "deaf") and plan.step == DONE


def test_an_answer_not_understood_changes_nothing_and_says_so(knowledge: Knowledge):
    plan = builder.start(knowledge, "plan the whole project", audience="citizens")
    plan = answer(knowledge, plan, "skip")
    same, replies = builder.hear(knowledge, plan, "purple elephants")
    assert same == plan and "didn't get that" in replies[0].text


def test_not_sure_explains_the_levels_from_the_knowledge_base(knowledge: Knowledge):
    plan = answer(knowledge, builder.start(knowledge, "", audience="citizens"), "skip")
    same, replies = builder.hear(knowledge, plan, "not sure")
    assert same == plan
    for level in knowledge.kb.levels:
        assert level.meaning in replies[0].text


def test_an_empty_cell_offers_other_levels(knowledge: Knowledge, monkeypatch):
    # Both matrices fill every cell today; a future edition might not.
    plan = answer(knowledge, builder.start(knowledge, "", audience="citizens"), "skip")
    plan = answer(knowledge, plan, choice="level:communication")
    monkeypatch.setattr(builder, "_cell_activities", lambda *args: ())
    reply = builder.prompt(knowledge, plan)
    assert "lists no communication activities" in reply.text
    assert [b.title for b in reply.buttons] == ["Consultation", "Negotiation", "Participation", "Move on"]


def test_every_question_has_buttons_except_the_end(knowledge: Knowledge):
    plan = builder.start(knowledge, "")
    seen = set()
    choices = iter(["audience:cyp", builder.SKIP, "level:negotiation", None, builder.NONE])
    while plan.step not in (COMMITMENT, DONE):
        seen.add(plan.step)
        reply = builder.prompt(knowledge, plan)
        assert reply.buttons, plan.step
        choice = next(choices, None)
        if plan.step == ACTIVITY:
            choice = reply.buttons[0].payload.split('"plan_choice":"')[1].rstrip('"}')
        elif plan.step in (LEVEL,) and choice is None:
            choice = builder.SKIP
        plan = answer(knowledge, plan, choice=choice or builder.SKIP)
    assert {AUDIENCE, WHO, LEVEL, ACTIVITY, ANOTHER} <= seen


def test_the_plan_survives_the_slot_round_trip_and_rejects_anything_else(knowledge: Knowledge):
    plan = answer(knowledge, builder.start(knowledge, "", audience="cyp"), "young carers")
    assert EngagementPlan.from_slot(plan.to_slot()) == plan
    for bad in (None, "plan", {"stages": "x"}, {"stages": [{"stage": "review"}]}, {"stages": [1, 2, 3, 4]}):
        assert EngagementPlan.from_slot(bad) is None
    tampered = plan.to_slot() | {"audience": "aliens", "step": "hack", "groups": ["carers", "x"]}
    restored = EngagementPlan.from_slot(tampered)
    assert restored.audience is None and restored.step == AUDIENCE and restored.groups == ("carers",)


def test_a_whole_project_request_is_told_from_a_one_cell_one():
    for text in ("help me plan engagement for the whole project", "build me an engagement plan",
                 "plan involvement across all four stages", "we've done the analyse stage, plan the rest"):
        assert builder.asks_for_whole_project(text), text
    assert not builder.asks_for_whole_project("we are planning a new youth club and want to work with teens as equals")


def test_seeing_a_plan_is_told_from_planning():
    for text in ("show my plan", "/show_plan", "what's in my plan so far", "download the plan", "export it"):
        assert builder.asks_to_see_a_plan(text), text
    for text in ("I want to plan activities", "plan activities", "plan engagement activities"):
        assert not builder.asks_to_see_a_plan(text), text
