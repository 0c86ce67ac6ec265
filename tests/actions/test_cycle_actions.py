"""The plan form, "show my plan", comparing, and handing over, through the actions with no server."""

from __future__ import annotations

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import ActionStop
from actions.cycle_plan import ActionShowPlan, ActionStartCyclePlan, ValidateCyclePlanForm
from actions.handover import ActionFeedback, ActionHandover, ActionSomethingElse
from actions.questions import ActionAnswerQuestion, ActionOutOfScope
from bot.knowledge import Knowledge
from bot.plans import builder
from bot.plans.model import EngagementPlan
from tests.actions.conftest import make_tracker


def run(action, tracker, dispatcher=None):
    dispatcher = dispatcher or CollectingDispatcher()
    return asyncio.run(action.run(dispatcher, tracker, {})), dispatcher.messages


def with_events(tracker: Tracker, events: list[dict]) -> Tracker:
    tracker.events = events
    return tracker


def user(text: str) -> dict:
    return {"event": "user", "text": text}


def slot_values(events: list[dict]) -> dict:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def test_starting_a_plan_reads_the_first_message(knowledge: Knowledge):
    tracker = make_tracker(intent="plan_whole_cycle", text="plan the rest of the project, the review stage is done",
                           entities=[{"entity": "stage", "value": "review"}, {"entity": "audience", "value": "cyp"}])
    events, _ = run(ActionStartCyclePlan(), tracker)
    plan = EngagementPlan.from_slot(slot_values(events)["engagement_plan"])
    assert plan.audience == "cyp" and plan.stages[3].skipped


def test_an_unfinished_plan_carries_on_where_it_was(knowledge: Knowledge):
    plan = builder.start(knowledge, "", audience="citizens")
    tracker = make_tracker(intent="plan_whole_cycle", text="plan the whole project",
                           slots={"engagement_plan": plan.to_slot()})
    events, messages = run(ActionStartCyclePlan(), tracker)
    assert messages[0]["text"] == "Let's carry on with your plan."
    assert slot_values(events)["engagement_plan"] == plan.to_slot()


def validate(tracker: Tracker) -> tuple[dict, list[dict]]:
    dispatcher = CollectingDispatcher()
    result = asyncio.run(ValidateCyclePlanForm().validate_plan_answer(
        tracker.latest_message["text"], dispatcher, tracker, {}))
    return result, dispatcher.messages


def test_the_form_takes_a_button_answer(knowledge: Knowledge):
    plan = builder.start(knowledge, "")
    tracker = make_tracker(intent="plan_choice", text='/plan_choice{"plan_choice":"audience:cyp"}',
                           entities=[{"entity": "plan_choice", "value": "audience:cyp"}],
                           slots={"engagement_plan": plan.to_slot()})
    result, _ = validate(tracker)
    assert result["plan_answer"] is None  # ask the next question
    assert EngagementPlan.from_slot(result["engagement_plan"]).audience == "cyp"


def test_a_question_mid_plan_is_answered_and_the_plan_is_unchanged(knowledge: Knowledge):
    plan = builder.settle(knowledge, EngagementPlan(audience="citizens", who=""))
    tracker = make_tracker(intent="ask_guidance", text="what does negotiation mean?",
                           entities=[{"entity": "level", "value": "negotiation"}],
                           slots={"engagement_plan": plan.to_slot()})
    result, messages = validate(tracker)
    assert "Negotiation" in messages[0]["text"]
    assert result["engagement_plan"] == plan.to_slot()


def test_stop_ends_the_form_and_start_again_keeps_the_plan(knowledge: Knowledge):
    plan = builder.settle(knowledge, EngagementPlan(audience="citizens", who=""))
    tracker = make_tracker(intent="stop", text="stop", slots={"engagement_plan": plan.to_slot()})
    result, _ = validate(tracker)
    assert result == {"plan_answer": "stopped"}
    events, _ = run(ActionStop(), make_tracker(intent="stop", text="start again",
                                               slots={"engagement_plan": plan.to_slot(), "stage": "do"}))
    assert events[-1] == {"event": "slot", "timestamp": None, "name": "engagement_plan", "value": plan.to_slot()}


def test_show_my_plan_with_and_without_a_plan(knowledge: Knowledge):
    _, messages = run(ActionShowPlan(), make_tracker(intent="show_plan", text="show my plan"))
    assert "You don't have a plan yet" in messages[0]["text"]
    plan = builder.settle(knowledge, EngagementPlan(audience="citizens", who="carers"))
    _, messages = run(ActionShowPlan(), make_tracker(intent="show_plan", slots={"engagement_plan": plan.to_slot()}))
    assert messages[0]["text"].startswith("# Engagement plan")
    assert messages[0]["custom"]["plan_export"]["markdown"] == messages[0]["text"]


def test_two_misses_in_a_row_hand_over_to_a_person(knowledge: Knowledge):
    first = with_events(make_tracker(intent="out_of_scope", text="what's the weather?"), [user("what's the weather?")])
    events, messages = run(ActionOutOfScope(), first)
    assert messages[0]["response"] == "utter_out_of_scope"
    second = with_events(make_tracker(intent="nlu_fallback", text="blorp", slots=slot_values(events)),
                         [user("what's the weather?"), user("blorp")])
    events, messages = run(ActionAnswerQuestion(), second)
    assert messages[0]["text"].startswith("I'm sorry I couldn't help with that.")
    assert "Summary of our conversation" in messages[1]["text"] and "what's the weather?" in messages[1]["text"]
    assert slot_values(events) == {"missed_turn": None}


def test_a_message_in_another_script_gets_english_only_and_no_handover(knowledge: Knowledge):
    text = "консультация с молодежью"
    tracker = with_events(make_tracker(intent="out_of_scope", text=text, slots={"missed_turn": 1}),
                          [user("blorp"), user(text)])
    events, messages = run(ActionOutOfScope(), tracker)
    assert [m["response"] for m in messages] == ["utter_english_only"]
    assert events == []  # not a miss: the count of misses is left as it was


def test_a_miss_then_a_good_answer_starts_counting_again(knowledge: Knowledge):
    tracker = with_events(make_tracker(text="will I be paid for taking part?", slots={"missed_turn": 0}),
                          [user("x"), user("will I be paid for taking part?")])
    events, messages = run(ActionAnswerQuestion(), tracker)
    assert slot_values(events) == {"missed_turn": None}
    assert any("feedback" in b["payload"] for b in messages[-1]["buttons"])


def test_low_confidence_offers_meanings(knowledge: Knowledge):
    tracker = make_tracker(intent="nlu_fallback", text="sort out the money side")
    tracker.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.45}, {"name": "plan_support", "confidence": 0.3},
        {"name": "draft_invitation", "confidence": 0.2}]
    _, messages = run(ActionAnswerQuestion(), tracker)
    assert messages[0]["text"].startswith("I'm not sure what you mean")
    assert [b["title"] for b in messages[0]["buttons"]][-1] == "Something else"


def test_handover_summary_names_the_choices_and_the_plan(knowledge: Knowledge, monkeypatch):
    monkeypatch.setenv("INVOLVE_CONTACT_TEAM", "Engagement Team")
    monkeypatch.setenv("INVOLVE_CONTACT_EMAIL", "engage@example.org")
    plan = builder.settle(knowledge, EngagementPlan(audience="citizens", who=""))
    tracker = with_events(
        make_tracker(intent="human_handoff", text="can I talk to a person",
                     slots={"stage": "plan", "audience": "citizens", "engagement_plan": plan.to_slot()}),
        [user("/greet"), user("we are planning a new day centre"), user("can I talk to a person")],
    )
    _, messages = run(ActionHandover(), tracker)
    assert "Engagement Team" in messages[0]["text"] and "engage@example.org" in messages[0]["text"]
    summary = messages[1]["text"]
    assert "we are planning a new day centre" in summary and "/greet" not in summary
    assert "can I talk to a person" not in summary  # the request itself is not part of the story
    assert "Stage: Plan" in summary and "0 of 4 stages planned" in summary


def test_something_else_and_feedback_replies():
    _, messages = run(ActionSomethingElse(), make_tracker(intent="something_else", text="/something_else"))
    assert "in other words" in messages[0]["text"]
    _, messages = run(ActionFeedback(), make_tracker(intent="feedback", entities=[
        {"entity": "helpful", "value": "no"}, {"entity": "feedback_on", "value": "support-kinds"}]))
    assert "sorry it didn't help" in messages[0]["text"]


def test_a_one_cell_request_mistaken_for_a_whole_plan_gets_the_activities(knowledge: Knowledge):
    entities = [{"entity": "level", "value": "participation"}, {"entity": "audience", "value": "cyp"}]
    tracker = make_tracker(intent="plan_whole_cycle", entities=entities,
                           text="we are planning a new youth club and want to work with teenagers as equals")
    events, messages = run(ActionStartCyclePlan(), tracker)
    assert messages[0]["response"] == "utter_activities_intro"
    assert slot_values(events)["stage"] == "plan" and "engagement_plan" not in slot_values(events)


def test_plan_activities_mistaken_for_show_my_plan_starts_planning():
    events, messages = run(ActionShowPlan(), make_tracker(intent="show_plan", text="I want to plan activities"))
    assert events == [{"event": "followup", "timestamp": None, "name": "planning_form"}] and messages == []


def test_show_compare_and_a_person_work_in_the_middle_of_the_plan(knowledge: Knowledge):
    plan = builder.settle(knowledge, EngagementPlan(audience="cyp", who=""))  # waiting for a level
    for intent, text, expected in (
        ("show_plan", "/show_plan", "# Engagement plan"),
        ("compare_activities", "compare mystery shopping and young inspectors", "side by side"),
        ("human_handoff", "I want to talk to someone", "Summary of our conversation"),
    ):
        tracker = with_events(make_tracker(intent=intent, text=text, slots={"engagement_plan": plan.to_slot()}),
                              [user(text)])
        result, messages = validate(tracker)
        assert result == {"plan_answer": None}, intent  # the plan is untouched and asked again
        assert expected in " ".join(m.get("text") or "" for m in messages), intent


def test_an_answer_naming_one_thing_is_an_answer_even_if_read_as_compare(knowledge: Knowledge):
    """"a one-off survey" answers "how much will you ask of people?"; it is not a request to compare two things."""
    plan = builder.start(knowledge, "")
    for answer in ("adults", "skip", "skip", "skip", "skip", "we want to work together as equals", "1", "no"):
        plan, _ = builder.hear(knowledge, plan, answer, None)
    assert plan.step == builder.COMMITMENT
    text = "a one-off survey"
    tracker = with_events(make_tracker(intent="compare_activities", text=text,
                                       slots={"engagement_plan": plan.to_slot()}), [user(text)])
    result, messages = validate(tracker)
    assert "Which two activities" not in " ".join(m.get("text") or "" for m in messages)
    assert EngagementPlan.from_slot(result["engagement_plan"]).commitment == "one-off"


def test_asking_for_a_person_mid_form_leaves_the_form_but_keeps_the_answers():
    tracker = make_tracker(intent="human_handoff", text="can I talk to a real person?", active_loop="planning_form",
                           slots={"level": "consultation", "audience": "cyp", "requested_slot": "stage"})
    events, messages = run(ActionHandover(), tracker)
    assert {"event": "active_loop", "timestamp": None, "name": None} in events
    assert not any(e.get("name") in ("level", "audience") for e in events if e["event"] == "slot")
    assert "Consultation" in messages[1]["text"]  # the summary keeps what was chosen


def test_asking_for_a_person_outside_a_form_changes_no_form():
    events, _ = run(ActionHandover(), make_tracker(intent="human_handoff", text="can I talk to a person"))
    assert not any(e["event"] == "active_loop" for e in events)


def test_a_word_the_sources_do_not_explain_gets_i_dont_know_not_other_meanings(knowledge: Knowledge):
    tracker = make_tracker(intent="ask_guidance", text="what is a market position statement?", confidence=0.9)
    _, messages = run(ActionAnswerQuestion(), tracker)
    assert messages[0]["response"] == "utter_dont_know"
