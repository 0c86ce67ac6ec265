"""Sender ids and messages are made safe before Rasa sees them."""

from __future__ import annotations

from bot.channels.hygiene import EMPTY_INTENT, TOO_LONG_INTENT, safe_message, safe_sender


def test_simple_sender_ids_are_kept_so_conversations_continue():
    assert safe_sender("user-42") == "user-42"


def test_lone_surrogate_sender_maps_to_a_stable_storable_id():
    odd = "lone-\udc00-sender"
    first, second = safe_sender(odd), safe_sender(odd)
    assert first == second and first.startswith("id-")
    first.encode("utf-8")  # storable


def test_huge_and_non_string_sender_ids_are_made_short():
    assert len(safe_sender("x" * 100_000)) < 64
    assert safe_sender({"a": 1}).startswith("id-")
    assert safe_sender(12) == "12"


def test_missing_sender_gets_a_fresh_id():
    assert safe_sender(None) != safe_sender(None)


def test_empty_and_whitespace_messages_become_the_empty_intent():
    assert safe_message("", 2000) == EMPTY_INTENT
    assert safe_message("  \n ", 2000) == EMPTY_INTENT
    assert safe_message(None, 2000) == EMPTY_INTENT


def test_over_long_messages_become_the_too_long_intent():
    assert safe_message("a" * 2001, 2000) == TOO_LONG_INTENT


def test_control_characters_and_surrogates_are_removed_but_scripts_kept():
    assert safe_message("hi\x00\x07 there\udc00", 2000) == "hi there"
    assert safe_message("مرحبا 你好 🙂", 2000) == "مرحبا 你好 🙂"
