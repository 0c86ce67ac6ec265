"""What the user said, read from Teams activities of any shape."""

from __future__ import annotations

import pytest

from bot.channels.teams.activity import GREET, sender_id, user_text

BOT = {"id": "28:bot", "name": "Involve"}


def message(text, **extra):
    return {"type": "message", "text": text, "recipient": BOT, "from": {"id": "u1"}, **extra}


def test_plain_text_is_kept():
    assert user_text(message("how can I get involved?")) == "how can I get involved?"


def test_the_bot_mention_is_removed_and_other_names_kept():
    activity = message(
        "<at>Involve</at> can <at>Sam</at> join the panel?",
        entities=[{"type": "mention", "mentioned": BOT, "text": "<at>Involve</at>"},
                  {"type": "mention", "mentioned": {"id": "29:sam"}, "text": "<at>Sam</at>"}],
    )
    assert user_text(activity) == "can Sam join the panel?"


def test_html_escapes_are_undone():
    assert user_text(message("costs &amp; payments")) == "costs & payments"


def test_a_card_button_sends_its_payload():
    activity = message(None, value={"payload": "/draft_invitation"})
    assert user_text(activity) == "/draft_invitation"


def test_adding_the_bot_to_a_conversation_greets():
    activity = {"type": "conversationUpdate", "recipient": BOT, "membersAdded": [{"id": "u1"}, BOT]}
    assert user_text(activity) == GREET


def test_other_members_joining_is_not_a_message():
    activity = {"type": "conversationUpdate", "recipient": BOT, "membersAdded": [{"id": "u2"}]}
    assert user_text(activity) is None


@pytest.mark.parametrize(
    "activity",
    [{}, {"type": "typing"}, message(""), message(42), message(None, value="x"),
     {"type": "conversationUpdate", "membersAdded": "everyone"}, message("hi", entities="nope")],
)
def test_odd_activities_never_raise(activity):
    user_text(activity)


def test_sender_id_needs_a_string_id():
    assert sender_id({"from": {"id": "u1"}}) == "u1"
    assert sender_id({"from": {"id": 7}}) is None
    assert sender_id({"from": "u1"}) is None
