"""Personal details are masked before Rasa stores or logs a message."""

from __future__ import annotations

import pytest

from bot.channels.hygiene import safe_message
from bot.channels.privacy import has_masked_data, mask_personal_data


@pytest.mark.parametrize(
    "text,masked",
    [
        ("email me at jo.bloggs@example.com", "email me at [email]"),
        ("my number is 07700 900123", "my number is [phone number]"),
        ("ring +44 1603 123456 please", "ring [phone number] please"),
        ("I live in NR1 2AB", "I live in [postcode]"),
        ("My name is Sarah Jones", "My name is [name]"),
        ("12 Acacia Avenue", "[address]"),
    ],
)
def test_personal_details_are_replaced_by_placeholders(text, masked):
    assert mask_personal_data(text) == (masked, True)


@pytest.mark.parametrize("text", ["will I be paid?", "a 12 week consultation in 2026", "we meet on 3 May"])
def test_ordinary_messages_are_left_alone(text):
    assert mask_personal_data(text) == (text, False)


def test_the_channel_masks_before_anything_else_sees_the_text():
    text = safe_message("Hi, I'm at sam@example.org, how do I take part?", 2000)
    assert "sam@example.org" not in text and has_masked_data(text)


def test_button_payloads_are_not_masked():
    assert safe_message('/inform{"stage":"do"}', 2000) == '/inform{"stage":"do"}'
