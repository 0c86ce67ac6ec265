"""Reading a stored conversation as turns, which the lock store tests rely on to spot turns that ran at once."""

from __future__ import annotations

from tests.scale.turns import Event, interleaving, turns


def user(text: str, at: float) -> Event:
    return Event("user", None, at, text)


def bot(text: str, at: float) -> Event:
    return Event("bot", None, at, text)


def listen(at: float) -> Event:
    return Event("action", "action_listen", at, None)


def test_turns_in_a_row_are_read_whole_and_pass():
    events = [listen(0), user("hi", 1), Event("action", "utter_greet", 1.1, None), bot("Hello", 1.1), listen(1.2),
              user("paid?", 2), bot("It depends", 2.5), listen(2.6)]
    assert [(t.user_text, t.bot_texts) for t in turns(events)] == [("hi", ("Hello",)), ("paid?", ("It depends",))]
    assert interleaving(events) == []


def test_a_message_stored_inside_another_turn_is_reported():
    events = [user("a", 1), user("b", 1.1), bot("for a", 1.5), listen(1.6), bot("for b", 1.7), listen(1.8)]
    assert any("no action_listen" in problem for problem in interleaving(events))


def test_turns_that_overlap_in_time_are_reported():
    events = [user("a", 1), bot("for a", 3), listen(3), user("b", 2), bot("for b", 4), listen(4)]
    assert interleaving(events) == ["turn 1 ('b') started before turn 0 finished"]


def test_a_turn_without_a_reply_is_reported():
    assert interleaving([user("a", 1), listen(2)]) == ["turn 0 ('a') has no bot reply"]
