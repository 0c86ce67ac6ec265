"""Typing a choice of the buttons just offered counts as pressing that button."""

from __future__ import annotations

import asyncio

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels import guard
from bot.channels.button_choice import OfferedButton, OfferedButtons, buttons_of, chosen_payload, position_chosen

STAGES = [OfferedButton("Understand", '/inform{"stage":"understand"}'),
          OfferedButton("Plan", '/inform{"stage":"plan"}'),
          OfferedButton("Do", '/inform{"stage":"do"}'),
          OfferedButton("Review", '/inform{"stage":"review"}')]
LEVELS = [OfferedButton("Tell them things", '/inform{"level":"communication"}'),
          OfferedButton("Get their views", '/inform{"level":"consultation"}'),
          OfferedButton("Reach agreement", '/inform{"level":"negotiation"}'),
          OfferedButton("Work together", '/inform{"level":"participation"}'),
          OfferedButton("Not sure", "/not_sure"),
          OfferedButton("👍 This helped", '/feedback{"helpful":"yes"}')]


@pytest.mark.parametrize(("typed", "stage"), [
    ("the second one", "plan"), ("The first one.", "understand"), ("2", "plan"), ("option 3", "do"),
    ("number 4", "review"), ("the last one please", "review"), ("third", "do"), ("I'll go with the 2nd one", "plan"),
    ("no. 1", "understand"), ("#4", "review"), ("two", "plan"), ("review", "review"), ("Plan!", "plan"),
])
def test_a_typed_choice_picks_that_button(typed, stage):
    assert chosen_payload(typed, STAGES) == f'/inform{{"stage":"{stage}"}}'


@pytest.mark.parametrize("typed", ["the fifth one", "7", "0", "we want their views", "second stage of what?",
                                   "how do I plan the second phase", "/inform{\"stage\":\"do\"}", ""])
def test_anything_else_is_left_to_the_nlu(typed):
    assert chosen_payload(typed, STAGES) is None


def test_a_way_out_is_not_one_of_the_answers_but_can_be_typed():
    assert chosen_payload("the last one", LEVELS) == '/inform{"level":"participation"}'
    assert chosen_payload("5", LEVELS) is None
    assert chosen_payload("not sure", LEVELS) == "/not_sure"


def test_a_bare_number_is_a_title_when_titles_have_numbers():
    assert position_chosen("2", 3, titles_have_numbers=True) is None
    assert position_chosen("the second one", 3, titles_have_numbers=True) == 1


def test_a_message_that_numbers_its_own_list_keeps_its_numbers():
    message = {"text": "Which one will you use? Type its number.\n1. Review panels\n2. Surveys\n3. Forums",
               "buttons": [{"title": "Review panels", "payload": "/choose_a"}, {"title": "None of these",
                                                                           "payload": "/choose_none"}]}
    offered = buttons_of(message)
    assert chosen_payload("2", offered) is None and chosen_payload("the second one", offered) is None
    assert chosen_payload("none of these", offered) == "/choose_none"


def test_malformed_buttons_are_left_out():
    message = {"text": "Pick one", "buttons": [{"title": "A", "payload": "/a"}, {"title": 3}, "junk", {"payload": ""}]}
    assert buttons_of(message) == [OfferedButton("A", "/a")]
    assert buttons_of({"text": "no buttons"}) == []


def test_only_the_last_turns_buttons_count_and_memory_is_bounded():
    memory = OfferedButtons(limit=2)
    memory.remember("a", STAGES)
    assert memory.resolve("a", "2") == '/inform{"stage":"plan"}'
    memory.remember("a", [])
    assert memory.resolve("a", "2") == "2"
    for sender in ("b", "c", "d"):
        memory.remember(sender, STAGES)
    assert memory.offered("b") == () and memory.offered("d")


def test_the_guard_turns_the_typed_choice_into_the_payload(monkeypatch):
    monkeypatch.setattr(guard, "OFFERED", OfferedButtons())
    seen = []

    async def rasa(message: UserMessage) -> None:
        seen.append(message.text)
        await message.output_channel.send_response(message.sender_id, {
            "text": "Which stage?", "buttons": [{"title": b.title, "payload": b.payload} for b in STAGES]})

    handle = guard.guarded(rasa)
    for typed in ("help me plan", "the third one", "the third one"):
        asyncio.run(handle(UserMessage(typed, CollectingOutputChannel(), "person-7")))
    assert seen == ["help me plan", '/inform{"stage":"do"}', '/inform{"stage":"do"}']
    asyncio.run(handle(UserMessage("the third one", CollectingOutputChannel(), "someone-else")))
    assert seen[-1] == "the third one"
