"""Staff planning a person-centred conversation get each question with its tip, then notes to copy."""

from __future__ import annotations

from bot.advice.person_centred import NOT_ASKED, question_ids, question_text, summary_replies
from bot.knowledge import Knowledge


def test_questions_come_from_the_slides_in_order(knowledge: Knowledge):
    assert question_ids(knowledge)[:3] == ("what-matters", "important-to", "good-at")


def test_each_question_is_numbered_with_its_tip(knowledge: Knowledge):
    text = question_text(knowledge, "important-for", 7, 8)
    assert text.startswith("Question 7 of 8: What is important FOR you?") and "healthy, safe and well" in text


def test_notes_list_every_question_with_the_answer_or_a_gap(knowledge: Knowledge):
    notes = summary_replies(knowledge, {"what-matters": "Seeing my grandchildren every week"})[0].text
    assert "What matters to you? Seeing my grandchildren every week" in notes
    assert notes.count(NOT_ASKED) == len(question_ids(knowledge)) - 1


def test_notes_are_followed_by_important_to_and_for_and_facilitation(knowledge: Knowledge):
    follow = summary_replies(knowledge, {})[1].text
    assert "important" in follow.lower() and "Source:" in follow
