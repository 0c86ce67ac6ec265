"""The bot reads English only, and says so when a message is written in another script."""

from __future__ import annotations

import pytest

from bot.advice.scripts import in_another_language, in_another_script, not_in_english


@pytest.mark.parametrize("text", ["консультация с молодежью", "مرحبا، كيف أشارك؟", "你好", "Γεια σας"])
def test_messages_in_other_scripts_are_recognised(text):
    assert in_another_script(text)


@pytest.mark.parametrize("text", ["hello", "café crème", "🙂", "", "Wie geht es?", "ok 你", "SEND parents"])
def test_latin_letters_emoji_and_short_mixes_are_left_to_the_nlu(text):
    assert not in_another_script(text)


@pytest.mark.parametrize("text", ["Bonjour, je voudrais participer", "Chciałbym wziąć udział", "Vreau să particip",
                                  "Quero participar, como posso ajudar?", "Noriu dalyvauti"])
def test_other_languages_in_latin_letters_are_recognised(text):
    assert in_another_language(text) and not_in_english(text)


@pytest.mark.parametrize("text", ["hello", "can I speak Polish at the meeting?", "the De Montfort university panel",
                                  "I met Jose at the cafe, como se dice", "merci", "la la land"])
def test_english_with_a_borrowed_word_or_a_name_is_english(text):
    assert not in_another_language(text)
