"""Issue #10 through the running servers: a whole-cycle plan that survives a restart, comparing, handing over,
and feedback that `python -m bot.feedback report` counts from the tracker store."""

from __future__ import annotations

import subprocess
import sys

from bot.advice.reply import intent_payload
from bot.knowledge import get_knowledge
from tests.conftest import PROJECT_ROOT
from tests.servers.conftest import CONTACT_ENV, RestClient, button_titles, joined


def choose(value: str) -> str:
    return intent_payload("plan_choice", plan_choice=value)


def test_a_whole_cycle_plan_survives_a_restart_and_comes_back_as_markdown(client: RestClient, stack):
    knowledge = get_knowledge()
    sender = "cycle-plan"
    first = client.messages(sender, "help me plan engagement for the whole project")
    assert "who are you involving" in joined(first)
    client.messages(sender, "adults who use day services")
    client.messages(sender, "people with dementia and their carers")
    client.messages(sender, "we've done that stage already")  # understand
    asked = client.messages(sender, "we want their views")  # plan stage: consultation
    first_idea = knowledge.cell("plan", "consultation", "citizens").activities[0]
    assert first_idea.name in joined(asked)

    stack.restart_servers()  # half-way: what was said so far is in the tracker store

    client.messages(sender, "1")
    client.messages(sender, "no, next stage")
    client.messages(sender, choose("level:participation"))  # do
    client.messages(sender, "2")
    client.messages(sender, "none of these")
    client.messages(sender, "skip")  # review is done too
    client.messages(sender, choose("commitment:series"))
    final = client.messages(sender, choose("groups-done"))
    markdown = joined(final)
    assert markdown.startswith("# Engagement plan")
    assert "people with dementia and their carers" in markdown and first_idea.name in markdown
    assert knowledge.cell("do", "participation", "citizens").activities[1].name in markdown
    exports = [m["custom"]["plan_export"] for m in final if "custom" in m]
    assert exports and exports[0]["html"].startswith("<!doctype html>")

    # Later in the same conversation, typed as a command, the same plan comes back.
    again = client.messages(sender, "/plan")
    assert joined(again) == markdown


def test_stop_in_the_middle_keeps_the_plan_so_far(client: RestClient):
    sender = "cycle-stop"
    client.messages(sender, "build me an engagement plan for all four stages")
    client.messages(sender, choose("audience:cyp"))
    stopped = client.messages(sender, "stop")
    assert "I've kept what you decided so far" in joined(stopped)
    shown = joined(client.messages(sender, "show my plan"))
    assert "Children, young people and families" in shown and "This plan is not finished yet" in shown


def test_comparing_asks_which_one_then_answers_side_by_side(client: RestClient):
    sender = "cycle-compare"
    which = client.messages(sender, "compare a citizens panel and a focus group")
    assert "Which one did you mean?" in joined(which)
    payload = next(b["payload"] for m in which for b in m.get("buttons") or [] if b["title"] == "Citizen focus groups")
    answer = joined(client.messages(sender, payload))
    assert "Citizens' panel and Citizen focus groups, side by side" in answer
    assert "The matrices do not say what each one costs" in answer


def test_asking_for_a_person_gives_the_configured_contact_and_a_summary(client: RestClient):
    sender = "cycle-handover"
    client.messages(sender, "what is co-production?")
    reply = client.messages(sender, "I'd like to speak to someone please")
    text = joined(reply)
    assert CONTACT_ENV["INVOLVE_CONTACT_TEAM"] in text and CONTACT_ENV["INVOLVE_CONTACT_EMAIL"] in text
    assert '"what is co-production?"' in text


def test_two_misses_in_a_row_hand_over(client: RestClient):
    sender = "cycle-misses"
    client.messages(sender, "what's the weather like tomorrow?")
    text = joined(client.messages(sender, "who won the football last night?"))
    assert text.startswith("I'm sorry I couldn't help with that.")
    assert CONTACT_ENV["INVOLVE_CONTACT_EMAIL"] in text


def test_feedback_is_stored_with_the_conversation_and_reported(client: RestClient, stack):
    sender = "cycle-feedback"
    answer = client.messages(sender, "will I be paid for taking part?")
    helped = [b["payload"] for m in answer for b in m.get("buttons") or [] if b["title"].endswith("This helped")]
    assert helped, button_titles(answer)
    assert "glad it helped" in joined(client.messages(sender, helped[0]))
    db = stack.environment()["TRACKER_DB"]
    report = subprocess.run([sys.executable, "-m", "bot.feedback", "report", "--db", db], cwd=PROJECT_ROOT,
                            capture_output=True, text=True, check=True).stdout
    topic = helped[0].split('"feedback_on":"')[1].split('"')[0]
    row = next(line for line in report.splitlines() if line.startswith(topic))
    assert row.split()[1:] == ["1", "0"]
