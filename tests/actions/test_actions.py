"""Actions translate between Rasa and the core: slots and message in, messages and events out."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, AllSlotsReset, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import ActionGoodbyeInForm, ActionStop
from actions.invitation import SLOTS, ValidateInvitationForm
from actions.planning import NOT_ANSWERS, ActionShowAllActivities, ActionSuggestActivities, ValidatePlanningForm
from actions.questions import ActionAnswerQuestion, ActionOutOfScope
from actions.safety import SORRY
from bot.advice.skipping import SKIPPED
from bot.knowledge import get_knowledge
from tests.actions.conftest import make_tracker
from tests.conftest import PROJECT_ROOT


def run(action, dispatcher, tracker, domain):
    return asyncio.run(action.run(dispatcher, tracker, domain))


def test_suggest_activities_sends_intro_activities_checklist_and_next_steps(dispatcher, domain):
    tracker = make_tracker(slots={"stage": "review", "level": "participation", "audience": "cyp"})
    events = run(ActionSuggestActivities(), dispatcher, tracker, domain)
    assert events == [SlotSet("asking", None)]  # the planning questions are over
    assert dispatcher.messages[0]["response"] == "utter_activities_intro"
    assert dispatcher.messages[0]["stage_name"] == "Review"
    assert "mystery" in dispatcher.messages[1]["text"].lower()
    assert dispatcher.messages[-1]["buttons"]


def test_show_all_before_any_plan_asks_the_planning_questions(dispatcher, domain):
    events = run(ActionShowAllActivities(), dispatcher, make_tracker(slots={"stage": "review"}), domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_cell_needed"]
    assert events == [FollowupAction("planning_form")]


def test_answer_question_uses_the_message_text(dispatcher, domain):
    tracker = make_tracker(text="will it affect my benefits?")
    run(ActionAnswerQuestion(), dispatcher, tracker, domain)
    assert "benefit" in dispatcher.messages[0]["text"].lower()


def test_answer_question_explains_a_stage_named_in_a_definition_question(dispatcher, domain):
    tracker = make_tracker(
        text="what is the do stage",
        intent="ask_guidance",
        entities=[{"entity": "stage", "value": "do"}],
    )
    run(ActionAnswerQuestion(), dispatcher, tracker, domain)
    assert "Implementation and market management" in dispatcher.messages[0]["text"]


def test_answer_question_opens_a_topic_asked_for_by_button(dispatcher, domain):
    tracker = make_tracker(text="/ask_guidance", entities=[{"entity": "topic", "value": "key-messages"}])
    run(ActionAnswerQuestion(), dispatcher, tracker, domain)
    assert dispatcher.messages[0]["text"].count("•") == 13


def test_a_crashing_action_apologises_instead_of_failing(dispatcher, domain, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("knowledge base unavailable")

    monkeypatch.setattr("actions.questions.find_answer", boom)
    events = run(ActionAnswerQuestion(), dispatcher, make_tracker(text="anything"), domain)
    assert events == [] and [m["text"] for m in dispatcher.messages] == [SORRY]


def test_stop_resets_slots_and_leaves_any_form(dispatcher, domain):
    events = run(ActionStop(), dispatcher, make_tracker(slots={"stage": "do"}), domain)
    assert events == [ActiveLoop(None), AllSlotsReset()]
    assert dispatcher.messages[0]["response"] == "utter_stopped"


def test_goodbye_in_a_form_says_goodbye_and_leaves_it_keeping_the_plan(dispatcher, domain):
    tracker = make_tracker(slots={"stage": "do", "engagement_plan": {"stages": {}}}, intent="goodbye", text="bye",
                           active_loop="person_centred_form")
    events = run(ActionGoodbyeInForm(), dispatcher, tracker, domain)
    assert events == [ActiveLoop(None), AllSlotsReset(), SlotSet("engagement_plan", {"stages": {}})]
    assert [m["response"] for m in dispatcher.messages] == ["utter_goodbye"]


@pytest.mark.parametrize("text, confidence", [
    ("Seeing my grandchildren and getting out to the shops on my own", 0.95),  # a long answer is an answer
    ("cheerio then", 0.45),  # not sure enough to throw the answers away
])
def test_an_answer_that_only_looks_like_goodbye_goes_back_to_the_form(text, confidence, dispatcher):
    tracker = make_tracker(slots={"requested_slot": "ci_cares"}, intent="goodbye", text=text, confidence=confidence,
                           active_loop="involvement_form")
    domain = {"slots": {"ci_cares": {"type": "text", "mappings": [{"type": "from_text", "not_intent": ["goodbye"]}]}}}
    events = run(ActionGoodbyeInForm(), dispatcher, tracker, domain)
    assert events == [SlotSet("ci_cares", text), FollowupAction("involvement_form")] and dispatcher.messages == []


def test_a_form_that_wants_a_choice_takes_any_goodbye_as_one(dispatcher):
    tracker = make_tracker(slots={"requested_slot": "stage"}, intent="goodbye", text="ok that's me done for today",
                           confidence=0.55, active_loop="planning_form")
    domain = {"slots": {"stage": {"type": "text", "mappings": [{"type": "from_entity", "entity": "stage"}]}}}
    events = run(ActionGoodbyeInForm(), dispatcher, tracker, domain)
    assert events[0] == ActiveLoop(None) and [m["response"] for m in dispatcher.messages] == ["utter_goodbye"]


def test_form_validation_keeps_known_values_and_rejects_others(dispatcher, domain):
    form = ValidatePlanningForm()
    tracker = make_tracker()
    assert form.validate_stage("review", dispatcher, tracker, domain) == {"stage": "review"}
    assert form.validate_level(["consultation", "participation"], dispatcher, tracker, domain) == {
        "level": "participation"
    }
    assert form.validate_audience("dogs", dispatcher, tracker, domain) == {"audience": None}
    assert dispatcher.messages[-1]["response"] == "utter_not_understood_slot"


def _all_cells():
    kb = get_knowledge().kb
    return [(s.id, lv.id, a.id) for a in kb.audiences for s in kb.stages for lv in kb.levels]


@pytest.mark.parametrize("stage,level,audience", _all_cells())
def test_every_cell_of_both_matrices_is_answered_with_its_activities(stage, level, audience, domain):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots={"stage": stage, "level": level, "audience": audience})
    run(ActionSuggestActivities(), dispatcher, tracker, domain)
    body = dispatcher.messages[1]["text"]
    for activity in get_knowledge().cell(stage, level, audience).activities[:5]:
        assert activity.name in body


def test_draft_it_now_skips_every_question_not_yet_answered(dispatcher):

    slots = {"requested_slot": "inv_why", "inv_project": "a new day service", "inv_why": "just give me the draft"}
    tracker = Tracker(
        "s", slots, {"text": "just give me the draft", "intent": {"name": "finish_early", "confidence": 0.97}, "entities": []},
        [{"event": "slot", "name": "inv_why", "value": "just give me the draft"}], False, None,
        {"name": "invitation_form"}, "action_listen",
    )
    domain = {"forms": {"invitation_form": {"required_slots": list(SLOTS)}}, "slots": {}}
    events = asyncio.run(ValidateInvitationForm().run(dispatcher, tracker, domain))
    set_now = {e["name"]: e["value"] for e in events}
    assert set_now["inv_why"] == SKIPPED
    assert all(set_now[slot] == SKIPPED for slot in SLOTS if slot not in ("inv_project", "inv_why"))
    assert "inv_project" not in set_now


def _invitation_payment_turn(dispatcher, text, intent, confidence=1.0):
    """The invitation form's validation of ``text`` typed at the payment question; the slot events it returns."""
    tracker = Tracker(
        "s", {"requested_slot": "inv_payment"},
        {"text": text, "intent": {"name": intent, "confidence": confidence}, "entities": []},
        [{"event": "slot", "name": "inv_payment", "value": text}], False, None,
        {"name": "invitation_form"}, "action_listen",
    )
    domain = {"forms": {"invitation_form": {"required_slots": list(SLOTS)}}, "slots": {}}
    events = asyncio.run(ValidateInvitationForm().run(dispatcher, tracker, domain))
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


@pytest.mark.parametrize(
    ("question", "intent", "answer_mentions"),
    [("will it affect their benefits?", "ask_guidance", "benefit"),
     ("where does mystery shopping fit?", "ask_activity_location", "mystery"),
     # read as a request to plan payments, but typed as a question: answered, not kept as the answer
     ("how much should we pay young people for their time?", "plan_support", "payment")],
)
def test_a_question_typed_instead_of_an_invitation_answer_is_answered_and_asked_again(
    dispatcher, question, intent, answer_mentions
):
    assert _invitation_payment_turn(dispatcher, question, intent)["inv_payment"] is None
    assert answer_mentions in dispatcher.messages[0]["text"].lower()


def test_an_off_topic_question_in_the_invitation_gets_i_dont_know_and_is_not_kept(dispatcher):
    assert _invitation_payment_turn(dispatcher, "what's the weather like in Leeds?", "out_of_scope")["inv_payment"] is None
    assert dispatcher.messages[0]["response"] == "utter_dont_know"


def test_what_do_you_mean_gets_the_question_again(dispatcher):
    assert _invitation_payment_turn(dispatcher, "what do you mean?", "help", 0.98)["inv_payment"] is None
    assert [m["response"] for m in dispatcher.messages] == ["utter_ask_again"]


def test_an_answer_is_kept_even_when_it_mentions_paying(dispatcher):
    said = "£20 an hour, paid the same day"
    assert _invitation_payment_turn(dispatcher, said, "plan_support", 0.9)["inv_payment"] == said
    assert dispatcher.messages == []


def test_a_reset_is_not_taken_as_a_skipped_answer(dispatcher):
    tracker = Tracker(
        "s", {"requested_slot": None}, {"text": "draft an invitation", "intent": {"name": "draft_invitation"}},
        [{"event": "slot", "name": slot, "value": None} for slot in SLOTS], False, None,
        {"name": "invitation_form"}, "action_reset_invitation",
    )
    domain = {"forms": {"invitation_form": {"required_slots": list(SLOTS)}}, "slots": {}}
    events = asyncio.run(ValidateInvitationForm().run(dispatcher, tracker, domain))
    assert all(e["value"] is None for e in events if e["event"] == "slot")


def test_the_action_server_registers_every_action_the_domain_names():
    import yaml
    from rasa_sdk.executor import ActionExecutor

    from tests.conftest import PROJECT_ROOT

    executor = ActionExecutor()
    executor.register_package("actions")
    named = set()
    for path in (PROJECT_ROOT / "domain").glob("*.yml"):
        named.update((yaml.safe_load(path.read_text()) or {}).get("actions") or [])
    assert named <= set(executor.actions)


def test_person_centred_form_asks_the_knowledge_base_questions_in_order():
    import yaml

    from actions.community import PERSON_CENTRED_QUESTIONS, pc_slot
    from bot.advice.person_centred import question_ids
    from tests.conftest import PROJECT_ROOT

    assert PERSON_CENTRED_QUESTIONS == question_ids(get_knowledge())
    domain = yaml.safe_load((PROJECT_ROOT / "domain" / "community.yml").read_text())
    assert domain["forms"]["person_centred_form"]["required_slots"] == [pc_slot(q) for q in PERSON_CENTRED_QUESTIONS]


def test_each_person_centred_question_is_asked_with_its_tip(dispatcher, domain):
    from actions.community import ASK_ACTIONS

    run(ASK_ACTIONS[0](), dispatcher, make_tracker(), domain)
    assert dispatcher.messages[0]["text"].startswith("Question 1 of 8: What matters to you?")


def test_involvement_suggestions_fit_what_the_person_said(dispatcher, domain):
    from actions.community import ActionSuggestInvolvement

    slots = {"ci_cares": "mental health", "ci_good_at": "__skipped__", "ci_how": "online", "ci_help": "BSL"}
    events = run(ActionSuggestInvolvement(), dispatcher, make_tracker(slots=slots), domain)
    text = "\n".join(m["text"] for m in dispatcher.messages)
    assert "online" in text.lower() and "British Sign Language" in text and "benefits" in text
    assert all(e["value"] is None for e in events)


def test_a_free_text_answer_the_nlu_mistakes_for_an_intent_is_still_kept(dispatcher):
    from actions.community import ValidatePersonCentredForm

    answer = "Seeing my grandchildren every week"
    tracker = Tracker(
        "s", {"requested_slot": "pc_what_matters"},
        {"text": answer, "intent": {"name": "finish_early", "confidence": 0.9}, "entities": []},
        [{"event": "slot", "name": "pc_what_matters", "value": answer}], False, None,
        {"name": "person_centred_form"}, "action_listen",
    )
    domain = {"forms": {"person_centred_form": {"required_slots": ["pc_what_matters"]}}, "slots": {}}
    events = asyncio.run(ValidatePersonCentredForm().run(dispatcher, tracker, domain))
    assert events[0]["value"] == answer


def test_an_unsure_message_that_describes_a_plan_gets_suggestions(dispatcher, domain):
    entities = [{"entity": "stage", "value": "review"}, {"entity": "level", "value": "participation"},
                {"entity": "audience", "value": "cyp"}]
    tracker = make_tracker(intent="nlu_fallback", entities=entities,
                           text="we're at the review stage and want to co-produce with young people")
    events = run(ActionAnswerQuestion(), dispatcher, tracker, domain)
    assert {"event": "slot", "timestamp": None, "name": "audience", "value": "cyp"} in events
    assert dispatcher.messages[0]["response"] == "utter_activities_intro"


def test_off_topic_stays_off_topic_but_a_plan_is_recognised(dispatcher, domain):
    tracker = make_tracker(intent="out_of_scope", text="what's the weather like?")
    # the miss is remembered (at turn 0 here), so a second one in a row hands over to a person
    assert run(ActionOutOfScope(), dispatcher, tracker, domain) == [
        {"event": "slot", "timestamp": None, "name": "missed_turn", "value": 0}
    ]
    assert dispatcher.messages[0]["response"] == "utter_out_of_scope"
    entities = [{"entity": "level", "value": "participation"}, {"entity": "audience", "value": "cyp"}]
    tracker = make_tracker(intent="out_of_scope", entities=entities,
                           text="we are planning a new youth club and want to work with teenagers as equals")
    other = CollectingDispatcher()
    events = run(ActionOutOfScope(), other, tracker, domain)
    assert {"event": "slot", "timestamp": None, "name": "stage", "value": "plan"} in events
    assert other.messages[0]["response"] == "utter_activities_intro"


def test_without_an_audience_the_planning_form_asks(dispatcher, domain):
    entities = [{"entity": "stage", "value": "review"}, {"entity": "level", "value": "participation"}]
    tracker = make_tracker(intent="nlu_fallback", entities=entities, text="review stage, co-production")
    events = run(ActionAnswerQuestion(), dispatcher, tracker, domain)
    assert events[-1] == {"event": "followup", "timestamp": None, "name": "planning_form"}
    assert dispatcher.messages == []


def test_the_action_server_refuses_to_start_with_a_broken_knowledge_base(tmp_path):
    broken = PROJECT_ROOT / "tests" / "knowledge" / "fixtures" / "broken" / "missing_field"
    env = {**os.environ, "INVOLVE_KNOWLEDGE_DIR": str(broken), "PYTHONPATH": str(PROJECT_ROOT)}
    result = subprocess.run([sys.executable, "-c", "import actions"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "cannot start" in result.stderr and ".yml" in result.stderr


def test_a_crash_is_logged_with_the_conversation_id_but_never_the_message(dispatcher, domain, monkeypatch, caplog):
    typed = "my name is Jo Bloggs and my daughter has autism"

    def boom(knowledge, text, **kwargs):
        raise ValueError(f"could not parse {text!r}")  # an error message that quotes the user

    monkeypatch.setattr("actions.questions.find_answer", boom)
    with caplog.at_level("DEBUG", logger="actions.safety"):
        run(ActionAnswerQuestion(), dispatcher, make_tracker(text=typed, sender_id="conv-42"), domain)
    assert "conv-42" in caplog.text and "ValueError" in caplog.text
    assert "Jo Bloggs" not in caplog.text and "autism" not in caplog.text
    assert [m["text"] for m in dispatcher.messages] == [SORRY]


def _in_form(form: str, slot: str, text: str, intent: str, confidence: float) -> Tracker:
    """A tracker in ``form`` asking ``slot``, whose latest message is ``text`` read as ``intent``."""
    return Tracker(
        "s", {"requested_slot": slot},
        {"text": text, "intent": {"name": intent, "confidence": confidence}, "entities": []},
        [{"event": "slot", "name": slot, "value": text}], False, None, {"name": form}, "action_listen",
    )


@pytest.mark.parametrize(
    ("form", "slot", "validator", "text", "intent"),
    [("invitation_form", "inv_project", "actions.invitation.ValidateInvitationForm",
      "actually let's plan activities for the review stage instead", "plan_activities"),
     ("person_centred_form", "pc_what_matters", "actions.community.ValidatePersonCentredForm",
      "can you help me write an invitation instead?", "draft_invitation"),
     ("involvement_form", "ci_cares", "actions.community.ValidateInvolvementForm",
      "never mind, can I talk to a person?", "human_handoff")],
)
def test_a_change_of_task_leaves_the_form_instead_of_becoming_its_answer(
    dispatcher, form, slot, validator, text, intent
):
    import importlib

    module, name = validator.rsplit(".", 1)
    action = getattr(importlib.import_module(module), name)()
    domain = {"forms": {form: {"required_slots": [slot]}}, "slots": {}}
    events = asyncio.run(action.run(dispatcher, _in_form(form, slot, text, intent, 0.93), domain))
    # rejected for this turn: the dialogue rules then start the new task, and no answer is stored
    assert [e["event"] for e in events] == ["action_execution_rejected"]
    assert events[0]["name"] == form


@pytest.mark.parametrize(
    ("text", "intent", "confidence"),
    [("co-designing the new youth service with young people", "plan_activities", 0.95),  # no word of change
     ("actually it's a new day service", "plan_activities", 0.5),  # not sure it is a task at all
     ("let's say a new invitation for the parents' forum", "draft_invitation", 0.95)],  # the form's own task
)
def test_an_answer_that_only_sounds_like_a_task_is_kept(dispatcher, text, intent, confidence):
    domain = {"forms": {"invitation_form": {"required_slots": ["inv_project"]}}, "slots": {}}
    events = asyncio.run(ValidateInvitationForm().run(
        dispatcher, _in_form("invitation_form", "inv_project", text, intent, confidence), domain))
    assert {"event": "slot", "timestamp": None, "name": "inv_project", "value": text} in events


def _support_turn(text: str, intent: str, slot: str | None, slots: dict | None = None) -> Tracker:
    """The support form's validation for ``text``: a reply to ``slot``, or with ``slot`` None the opening request."""
    events = [{"event": "slot", "name": slot, "value": text}] if slot else []
    return Tracker("s", {"requested_slot": slot, **(slots or {})},
                   {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": []},
                   events, False, None, {"name": "support_form"}, "action_listen")


SUPPORT_DOMAIN = {"forms": {"support_form": {"required_slots": ["sup_commitment", "sup_people"]}}, "slots": {}}


def test_the_request_that_opens_the_support_form_fills_what_it_already_says(dispatcher):
    from actions.support import ValidateSupportForm

    tracker = _support_turn("how much should we pay carers for a focus group?", "plan_support", None)
    events = asyncio.run(ValidateSupportForm().run(dispatcher, tracker, SUPPORT_DOMAIN))
    assert {(e["name"], e["value"]) for e in events} == {("sup_commitment", "one-off"), ("sup_people", "carers")}


def test_a_question_typed_in_the_support_form_is_answered_and_asked_again(dispatcher):
    from actions.support import ValidateSupportForm

    tracker = _support_turn("do people on benefits lose money if we pay them?", "ask_guidance", "sup_commitment")
    events = asyncio.run(ValidateSupportForm().run(dispatcher, tracker, SUPPORT_DOMAIN))
    assert [(e["name"], e["value"]) for e in events] == [("sup_commitment", None)]
    assert "benefit" in dispatcher.messages[0]["text"].lower()
    assert "didn't follow" not in " ".join(str(m.get("response")) for m in dispatcher.messages)


def test_a_support_answer_with_a_question_mark_is_still_an_answer(dispatcher):
    from actions.support import ValidateSupportForm

    tracker = _support_turn("carers and deaf people?", "inform", "sup_people")
    events = asyncio.run(ValidateSupportForm().run(dispatcher, tracker, SUPPORT_DOMAIN))
    assert [(e["name"], e["value"]) for e in events] == [("sup_people", "carers,deaf")]


def test_a_planning_question_comes_after_what_is_known_so_far(dispatcher, domain):
    from actions.planning import ASK_PLANNING_ACTIONS

    ask_stage = next(a for a in ASK_PLANNING_ACTIONS if a().name() == "action_ask_stage")()
    run(ask_stage, dispatcher, make_tracker(slots={"level": "consultation", "audience": "cyp", "stage": "nonsense"}),
        domain)
    assert dispatcher.messages[0]["text"] == (
        "So far: consultation (getting feedback), for children, young people and families.")
    assert dispatcher.messages[1]["response"] == "utter_ask_stage"


def test_the_first_planning_question_has_nothing_to_say_back(dispatcher, domain):
    from actions.planning import ASK_PLANNING_ACTIONS

    run(ASK_PLANNING_ACTIONS[0](), dispatcher, make_tracker(), domain)
    assert [m.get("response") for m in dispatcher.messages] == ["utter_ask_stage"]


def test_each_planning_question_says_which_one_it_is_for_the_rules(dispatcher, domain):
    from actions.planning import ASK_PLANNING_ACTIONS

    asked = [run(action(), dispatcher, make_tracker(), domain) for action in ASK_PLANNING_ACTIONS]
    assert asked == [[SlotSet("asking", slot)] for slot in ("stage", "level", "audience")]


def test_not_sure_at_the_stage_question_explains_the_stages(dispatcher, domain):
    from actions.planning import ActionHelpToChoose

    assert run(ActionHelpToChoose(), dispatcher, make_tracker(slots={"asking": "stage"}), domain) == []
    assert dispatcher.messages[0]["text"].startswith("Not sure which stage?")


def test_a_factor_answer_with_reasons_is_read_from_its_first_words(dispatcher, domain):
    from actions.planning import ValidateLevelAdviceForm

    form = ValidateLevelAdviceForm()
    tracker = make_tracker(slots={"requested_slot": "factor_capacity"}, text="not really, staff are stretched")
    assert asyncio.run(form.extract_factor_capacity(dispatcher, tracker, domain)) == {"factor_capacity": False}
    assert asyncio.run(form.extract_factor_context(dispatcher, tracker, domain)) == {}  # not the question asked


@pytest.mark.parametrize(
    ("text", "intent", "hint"),
    [("adults", "inform", True),  # neither yes nor no: the hint and the question again, the advice goes on
     ("yes", "affirm", False),  # the domain's mapping fills it
     ("what does capacity mean?", "ask_guidance", False),  # a rule answers it, then the form asks again
     ("can we pay them?", "plan_support", False),  # a question: left to the rules
     ("stop", "stop", False)],
)
def test_a_reply_to_a_factor_question_that_is_neither_yes_nor_no(dispatcher, domain, text, intent, hint):
    from actions.planning import ValidateLevelAdviceForm

    tracker = make_tracker(slots={"requested_slot": "factor_context"}, text=text, intent=intent)
    extracted = asyncio.run(ValidateLevelAdviceForm().extract_factor_context(dispatcher, tracker, domain))
    if intent == "affirm":
        assert extracted == {"factor_context": True}
    else:
        assert extracted == ({"factor_context": None} if hint else {})
    assert [m["response"] for m in dispatcher.messages] == (["utter_yes_no_hint"] if hint else [])


def test_planning_form_refuses_the_same_intents_as_the_domain():
    """The form's own extractors and the domain's entity mappings must agree on which intents are not answers."""
    slots = yaml.safe_load((PROJECT_ROOT / "domain" / "planning.yml").read_text())["slots"]
    for name in ("stage", "level", "audience"):
        for mapping in slots[name]["mappings"]:
            if mapping.get("type") == "from_entity":
                assert set(mapping["not_intent"]) == NOT_ANSWERS, name


def test_what_matters_said_in_the_first_message_is_noted_instead_of_asked(dispatcher, domain):
    from actions.community import ValidateInvolvementForm

    said = "I'm a parent and want to have a say about my son's school transport"
    opening = make_tracker(text=said, intent="get_involved")
    form = ValidateInvolvementForm()
    assert asyncio.run(form.extract_ci_cares(dispatcher, opening, domain)) == {"ci_cares": "my son's school transport"}
    assert dispatcher.messages[0]["response"] == "utter_noted_interest"
    # Later answers are the form's own questions: the first message's rule does not apply to them.
    later = make_tracker(slots={"requested_slot": "ci_good_at"}, text="I'm good at listening", intent="get_involved")
    assert asyncio.run(form.extract_ci_cares(dispatcher, later, domain)) == {}


@pytest.mark.parametrize(
    ("text", "intent", "leaves"),
    [("I'd like to talk to a real person", "human_handoff", True),
     ("actually, let's plan activities for the review stage instead", "plan_activities", True),
     # answers that only sound like another task stay answers
     ("I need someone with me", "human_handoff", False),
     ("someone to talk to", "human_handoff", False),
     ("co-designing the new youth service with young people", "plan_activities", False)],
)
def test_a_free_text_form_is_left_only_for_a_plain_change_of_task(text, intent, leaves):
    from rasa_sdk.events import ActionExecutionRejected

    from actions.free_text import switch_of_task

    tracker = make_tracker(slots={"requested_slot": "ci_help"}, text=text, intent=intent, confidence=0.98,
                           active_loop="involvement_form")
    assert switch_of_task(tracker, "get_involved") == ([ActionExecutionRejected("involvement_form")] if leaves else None)


@pytest.mark.parametrize(
    ("text", "starts"),
    [("consultation criteria", "The 7 consultation criteria"),  # a topic, though the NLU read an activity
     ("mystery shopping", "In the matrix"),  # an activity: where it sits
     ("where does mystery shopping fit?", "In the matrix")],
)
def test_an_activity_question_that_names_a_topic_gets_the_topic(dispatcher, domain, text, starts):
    from actions.planning import ActionLocateActivity

    run(ActionLocateActivity(), dispatcher, make_tracker(text=text, intent="ask_activity_location"), domain)
    assert dispatcher.messages[0]["text"].startswith(starts)
