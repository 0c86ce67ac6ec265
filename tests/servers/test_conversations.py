"""Real answers over the REST channel, from the running servers: the knowledge reaches the user."""

from __future__ import annotations

import uuid

import pytest

from tests.servers.conftest import RestClient, button_titles, joined


def new_sender() -> str:
    return f"test-{uuid.uuid4().hex[:12]}"


def test_hello_gets_the_greeting_with_the_main_jobs(client: RestClient):
    messages = client.messages(new_sender(), "hello")
    assert "I'm Involve" in joined(messages)
    assert {"Plan engagement activities", "Payments and support"} <= set(button_titles(messages))


def test_what_can_you_do_lists_the_jobs(client: RestClient):
    assert "Here is what I can help with" in joined(client.messages(new_sender(), "what can you do?"))


def test_planning_in_one_message_suggests_activities_from_the_matrix(client: RestClient):
    messages = client.messages(
        new_sender(), "we're at the review stage and want to co-produce with young people"
    )
    text = joined(messages)
    assert "Review stage" in text and "children, young people and families" in text
    assert "Mystery" in text  # 2009 matrix: review x participation
    assert "Is it right, legal and fair for everyone?" in text  # the seventh question, CYP only


def test_planning_a_new_service_is_the_plan_stage(client: RestClient):
    text = joined(client.messages(new_sender(), "we are planning a new youth club and want to work with teenagers as equals"))
    assert "Plan stage at the participation level" in text and "children, young people and families" in text


def test_planning_form_asks_only_for_what_is_missing(client: RestClient):
    sender = new_sender()
    first = joined(client.messages(sender, "I need ideas for engaging older people while we are tendering"))
    assert "What do you want from people?" in first
    answer = joined(client.messages(sender, "/inform{\"level\":\"consultation\"}"))
    assert "Do stage at the consultation level" in answer
    assert "Consultation criteria" in button_titles(client.messages(sender, "/inform{\"level\":\"consultation\"}"))


def test_a_question_mid_form_is_answered_and_the_form_resumes(client: RestClient):
    sender = new_sender()
    assert "Which stage" in joined(client.messages(sender, "suggest engagement activities"))
    reply = joined(client.messages(sender, "what does co-production mean?"))
    assert "Source:" in reply and "Which stage" in reply


def test_will_i_be_paid_is_answered_from_the_guide(client: RestClient):
    text = joined(client.messages(new_sender(), "will I be paid for taking part?"))
    assert "Source: Norfolk County Council" in text
    assert "benefit" in text.lower() or "out of pocket" in text.lower()


def test_definition_comes_from_the_glossary(client: RestClient):
    text = joined(client.messages(new_sender(), "what does participatory budgeting mean?"))
    assert "Participatory budgeting" in text and "Source:" in text


def test_consultation_length_flags_the_replaced_code(client: RestClient):
    text = joined(client.messages(new_sender(), "how long should a consultation last?"))
    assert "12 weeks" in text and "Consultation Principles" in text


def test_off_topic_question_gets_a_friendly_redirect(client: RestClient):
    text = joined(client.messages(new_sender(), "what's the weather like tomorrow?"))
    assert "sorry" in text.lower() and "involve people" in text.lower()


def test_cancel_mid_form_starts_again(client: RestClient):
    sender = new_sender()
    client.messages(sender, "suggest engagement activities")
    assert "start again" in joined(client.messages(sender, "cancel")).lower()


@pytest.mark.parametrize("start, reply", [
    ("how can I get involved?", "goodbye"),
    ("help me write an invitation", "goodbye"),
    ("quiz me", "no questions answered"),  # the quiz reads every reply itself: a goodbye ends the round
])
def test_bye_mid_form_ends_it_and_is_not_kept_as_an_answer(client: RestClient, start, reply):
    sender = new_sender()
    client.messages(sender, start)
    assert reply in joined(client.messages(sender, "bye")).lower()
    assert "I'm Involve" in joined(client.messages(sender, "hello"))  # the form is over: a fresh start


@pytest.mark.parametrize("start, switch, new_task", [
    ("help me write an invitation", "actually let's plan activities for the review stage instead",
     "What do you want from people?"),
    ("how can I get involved?", "never mind, can I talk to a real person?", "Summary of our conversation"),
    # asking for a person plainly, with no "never mind": not the answer to "what is the project?"
    ("help me write an invitation", "I'd like to talk to a real person", "Summary of our conversation"),
])
def test_a_change_of_task_mid_form_starts_it_instead_of_becoming_an_answer(
    client: RestClient, start, switch, new_task
):
    sender = new_sender()
    client.messages(sender, start)
    assert new_task in joined(client.messages(sender, switch))


def test_asking_for_a_person_mid_form_ends_the_form(client: RestClient):
    sender = new_sender()
    client.messages(sender, "we want to consult young people")
    assert "Level: Consultation" in joined(client.messages(sender, "can I talk to a real person?"))
    assert "Which stage" not in joined(client.messages(sender, "thanks"))  # no question from the left form


def test_how_up_to_date_is_this_names_the_documents(client: RestClient):
    text = joined(client.messages(new_sender(), "how up to date is this?"))
    assert "My answers come from 4 documents" in text and "(2009)" in text


def test_bare_stage_name_answers_the_stage_question(client: RestClient):
    sender = new_sender()
    client.messages(sender, "suggest engagement activities")
    assert "What do you want from people?" in joined(client.messages(sender, "review"))


def test_not_sure_which_level_gets_a_recommendation_and_the_plan_goes_on(client: RestClient):
    sender = new_sender()
    client.messages(sender, "engagement ideas for the procurement stage with young people")
    assert "five short questions" in joined(client.messages(sender, "I'm not sure"))
    client.messages(sender, '/inform{"level":"participation"}')
    client.messages(sender, "yes")
    client.messages(sender, "yes")
    client.messages(sender, "no")
    final = joined(client.messages(sender, "no"))
    assert "For now I suggest consultation" in final
    assert "Do stage at the consultation level" in final


def test_a_reply_that_is_not_yes_or_no_gets_the_level_question_again(client: RestClient):
    sender = new_sender()
    client.messages(sender, "engagement ideas for the procurement stage with young people")
    client.messages(sender, "I'm not sure")
    assert "Context:" in joined(client.messages(sender, '/inform{"level":"participation"}'))
    reply = joined(client.messages(sender, "adults"))
    assert "I need a yes or a no" in reply and "Context:" in reply
    assert "Motivation:" in joined(client.messages(sender, "yes"))


def test_not_sure_which_stage_says_what_each_stage_means_and_asks_again(client: RestClient):
    sender = new_sender()
    client.messages(sender, "help me find ways to involve adults")
    reply = joined(client.messages(sender, "not sure"))
    assert "Not sure which stage?" in reply and "Which stage of commissioning" in reply
    assert "five short questions" not in reply  # the level helper is for the level question


def test_not_sure_who_to_involve_explains_both_groups_and_keeps_the_level(client: RestClient):
    sender = new_sender()
    client.messages(sender, "we're at the plan stage and want to work together as equals")
    reply = joined(client.messages(sender, "both really"))
    assert "Children, young people and families" in reply and "Who are you involving?" in reply
    final = joined(client.messages(sender, "the second one"))
    assert "Plan stage at the participation level" in final and "children, young people and families" in final


def test_a_payments_question_mid_form_is_answered_and_the_plan_is_kept(client: RestClient):
    sender = new_sender()
    client.messages(sender, "suggest engagement activities")
    reply = joined(client.messages(sender, "how much should we pay young people?"))
    assert "Source: Norfolk County Council" in reply and "Which stage" in reply
    assert "What do you want from people?" in joined(client.messages(sender, "review"))


def test_a_parent_who_started_the_planning_questions_is_shown_how_to_take_part(client: RestClient):
    sender = new_sender()
    client.messages(sender, "suggest engagement activities")
    reply = joined(client.messages(sender, "sorry I'm actually a parent, I want to help design the youth centre"))
    assert "find a way to take part" in reply and "Which stage" not in reply


def test_a_typed_number_picks_that_button(client: RestClient):
    sender = new_sender()
    client.messages(sender, "suggest engagement activities")
    assert "So far: the Plan stage" in joined(client.messages(sender, "the second one"))
    assert "So far: the Plan stage, consultation" in joined(client.messages(sender, "2"))


@pytest.mark.parametrize(("first", "then", "expected"), [
    ("we're at the review stage and want to co-produce with young people", "what about the plan stage instead?",
     ("Plan stage at the participation level", "children, young people")),
    # a comma list changes the stage too, though "review" alone is too common a word to tag in a sentence
    ("we're at the plan stage and want to work together with young people", "review, consultation, adults",
     ("Review stage at the consultation level", "citizens and adults")),
])
def test_change_of_mind_re_answers_with_the_values_changed(client: RestClient, first, then, expected):
    sender = new_sender()
    client.messages(sender, first)
    text = joined(client.messages(sender, then))
    assert all(part in text for part in expected)


def test_show_all_after_suggestions_lists_the_whole_cell(client: RestClient):
    sender = new_sender()
    client.messages(sender, "ideas to consult residents at the design stage")
    assert joined(client.messages(sender, "/show_all_activities")).count("•") == 6


def test_whole_stage_and_where_an_activity_sits(client: RestClient):
    stage = joined(client.messages(new_sender(), "what could we do at the review stage?"))
    assert "All the ideas for the Review stage" in stage
    where = joined(client.messages(new_sender(), "where does mystery shopping fit?"))
    assert "different places" in where


def test_an_invitation_is_drafted_with_gaps_marked(client: RestClient):
    sender = new_sender()
    assert "draft your invitation" in joined(client.messages(sender, "help me write an invitation"))
    client.messages(sender, "the new carers strategy")
    client.messages(sender, "skip")
    client.messages(sender, "two meetings in May")
    text = joined(client.messages(sender, "just give me the draft"))
    assert "We would like your help with the new carers strategy." in text
    assert "How much time it takes: two meetings in May." in text
    assert "[STILL TO FILL IN: what people are invited to do]" in text
    assert "Still to fill in:" in text and "Invite everyone at the same time" in text


def test_support_advice_fits_the_commitment_and_the_people(client: RestClient):
    sender = new_sender()
    assert "What are you asking people to do?" in joined(client.messages(sender, "what support should we offer?"))
    client.messages(sender, "a seat on a panel or board")
    text = joined(client.messages(sender, "carers and Deaf people"))
    assert "Replacement care costs" in text and "Translation support" in text and "Involvement fee" in text
    assert "Budget checklist" in text


def test_a_question_in_the_support_questions_is_answered_and_the_first_request_counts(client: RestClient):
    sender = new_sender()
    first = joined(client.messages(sender, "how much should we pay people for a focus group?"))
    assert "Who are the people taking part?" in first  # a focus group is a one-off: not asked again
    reply = joined(client.messages(sender, "do people on benefits lose money if we pay them?"))
    assert "benefits" in reply and "Source:" in reply and "Who are the people taking part?" in reply


def test_a_six_week_consultation_is_flagged(client: RestClient):
    text = joined(client.messages(new_sender(), "we're running a six-week consultation"))
    assert "Falls short" in text and "at least 12 weeks" in text


def test_check_my_consultation_plan_asks_for_the_plan_first(client: RestClient):
    sender = new_sender()
    assert "Tell me about your consultation" in joined(client.messages(sender, "check my consultation plan"))
    text = joined(client.messages(sender, "it runs for 14 weeks with easy read papers and we will feed back"))
    assert "Duration: Your plan runs for about 14 weeks." in text


def test_changing_one_answer_re_asks_only_that_question_and_gives_a_new_result(client: RestClient):
    sender = new_sender()
    client.messages(sender, "what support should we offer?")
    client.messages(sender, "a one-off survey or event")
    first = joined(client.messages(sender, "none of these"))
    assert "Replacement care costs" not in first
    assert "Who are the people taking part?" in joined(client.messages(sender, '/change_answer{"part":"sup_people"}'))
    assert "Replacement care costs" in joined(client.messages(sender, "carers"))


def test_filling_in_a_gap_after_the_draft_redrafts_it(client: RestClient):
    sender = new_sender()
    client.messages(sender, "help me write an invitation")
    client.messages(sender, "a new youth club")
    client.messages(sender, "draft it now")
    assert "By what date" in joined(client.messages(sender, '/change_answer{"part":"inv_reply_by"}'))
    text = joined(client.messages(sender, "1 March"))
    assert "Please let us know by 1 March" in text and "a new youth club" in text


def test_a_member_of_the_public_finds_ways_to_take_part_in_a_few_turns(client: RestClient):
    sender = new_sender()
    assert "up to four short questions" in joined(client.messages(sender, "how can I get involved?"))
    client.messages(sender, "mental health services")
    client.messages(sender, "skip")
    client.messages(sender, "online")
    text = joined(client.messages(sender, "I look after my mum and need help with bus fares"))
    assert "ways to take part" in text and "What to expect" in text
    assert "Replacement care costs" in text and "Out-of-pocket expenses" in text and "benefits" in text


def test_what_matters_said_when_asking_to_take_part_is_not_asked_again(client: RestClient):
    sender = new_sender()
    text = joined(client.messages(sender, "I'm a parent and I want to have a say about my son's school transport"))
    assert "I've noted what matters to you: my son's school transport" in text
    assert "What matters to you?" not in text and "What are you good at" in text


def test_person_centred_conversation_ends_with_notes_to_copy(client: RestClient):
    sender = new_sender()
    first = joined(client.messages(sender, "help me plan a person-centred conversation"))
    assert "Question 1 of 8: What matters to you?" in first
    client.messages(sender, "Seeing my grandchildren every week")
    for _ in range(7):
        last = joined(client.messages(sender, "skip"))
    assert "What matters to you? Seeing my grandchildren every week" in last


def test_personal_details_are_not_repeated_nor_stored(client: RestClient, stack):
    import sqlite3

    sender = new_sender()
    text = joined(client.messages(sender, "my email is jo.bloggs@example.com and my phone is 07700 900123, will I be paid?"))
    assert "jo.bloggs@example.com" not in text and "07700 900123" not in text
    assert "I have not kept the personal details" in text
    db = stack.extra_env["TRACKER_DB"]
    with sqlite3.connect(db) as connection:
        rows = connection.execute("select data from events where sender_id = ?", (sender,)).fetchall()
    stored = "\n".join(row[0] for row in rows)
    assert "[email]" in stored  # the message was stored, masked
    assert "jo.bloggs@example.com" not in stored and "07700 900123" not in stored
