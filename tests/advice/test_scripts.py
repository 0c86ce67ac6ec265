"""The bot reads English only, and says so when a message is written in another script."""

from __future__ import annotations

import pytest

from bot.advice.scripts import in_another_script


@pytest.mark.parametrize("text", ["консультация с молодежью", "مرحبا، كيف أشارك؟", "你好", "Γεια σας"])
def test_messages_in_other_scripts_are_recognised(text):
    assert in_another_script(text)


@pytest.mark.parametrize("text", ["hello", "café crème", "🙂", "", "Wie geht es?", "ok 你", "SEND parents"])
def test_latin_letters_emoji_and_short_mixes_are_left_to_the_nlu(text):
    assert not in_another_script(text)
