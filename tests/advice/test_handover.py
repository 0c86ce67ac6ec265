"""Handing over to a person: the configured contact (file, then environment), or a plain default, and a summary."""

from __future__ import annotations

import pytest

from bot.advice.handover import (
    Contact,
    ContactSettingsError,
    ConversationFacts,
    conversation_summary,
    handover_replies,
    load_contact,
)
from bot.knowledge import Knowledge


def test_nothing_configured_says_so_and_points_to_who_can_help(knowledge: Knowledge, tmp_path):
    contact = load_contact({"INVOLVE_CONTACT_FILE": str(tmp_path / "none.yml")})
    assert not contact.configured
    text = handover_replies(knowledge, contact, ConversationFacts())[0].text
    assert "has not set up a person to contact" in text
    assert knowledge.topic("who-can-help").summary in text


def test_the_file_is_read_and_the_environment_wins(knowledge: Knowledge, tmp_path):
    path = tmp_path / "contact.yml"
    path.write_text("team: Engagement Team\nemail: engage@example.org\nhours: weekdays\n")
    contact = load_contact({"INVOLVE_CONTACT_FILE": str(path), "INVOLVE_CONTACT_EMAIL": "other@example.org",
                            "INVOLVE_CONTACT_TEAMS": "https://teams.example/channel"})
    assert contact == Contact(team="Engagement Team", email="other@example.org",
                              teams="https://teams.example/channel", hours="weekdays")
    text = handover_replies(knowledge, contact, ConversationFacts())[0].text
    assert "Engagement Team" in text and "other@example.org" in text and "weekdays" in text


@pytest.mark.parametrize(("content", "problem"), [("- a list", "expected keys"), ("fax: 123", "unknown key(s) fax"),
                                                  ("team: [", "not valid YAML")])
def test_a_broken_contact_file_is_reported_plainly(tmp_path, content, problem):
    path = tmp_path / "contact.yml"
    path.write_text(content)
    with pytest.raises(ContactSettingsError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        load_contact({"INVOLVE_CONTACT_FILE": str(path)})


def test_the_summary_quotes_the_last_messages_and_the_choices():
    facts = ConversationFacts(typed=tuple(f"message {n}" for n in range(8)) + ("x" * 300,),
                              choices=(("Stage", "Plan"), ("Who", "Citizens")),
                              plan_status="My engagement plan: 2 of 4 stages planned so far.")
    summary = conversation_summary(facts)
    assert "message 2" not in summary and "message 4" in summary  # the last five only
    assert "x" * 119 + "…" in summary  # long messages are cut
    assert "What I chose: Stage: Plan; Who: Citizens." in summary and "2 of 4 stages" in summary


def test_an_empty_conversation_still_gets_a_summary():
    assert "We have not talked about anything yet." in conversation_summary(ConversationFacts())
