"""The plan as a document: every chosen activity with its description and source, gaps said plainly, safe HTML."""

from __future__ import annotations

from bot.knowledge import Knowledge
from bot.plans import builder
from bot.plans.document import build_document, invitation_details, plan_replies, to_html, to_markdown
from bot.plans.model import EngagementPlan


def finished_plan(knowledge: Knowledge, who: str = "carers of older people") -> EngagementPlan:
    plan = builder.start(knowledge, "", audience="citizens")
    for text, choice in ((who, None), ("", builder.SKIP), ("", "level:consultation"),
                         ("1", None), ("", builder.NONE), ("", "level:participation"), ("1", None),
                         ("2", None), ("", "level:negotiation"), ("mystery shopping", None), ("", builder.NONE),
                         ("", "commitment:series"), ("", "group:carers"), ("", builder.GROUPS_DONE)):
        plan, _ = builder.hear(knowledge, plan, text, choice)
    assert plan.finished
    return plan


def test_the_markdown_plan_covers_every_stage_and_cites_its_sources(knowledge: Knowledge):
    plan = finished_plan(knowledge)
    markdown = to_markdown(build_document(knowledge, plan))
    assert markdown.startswith("# Engagement plan")
    assert "Done already" in markdown  # the understand stage was skipped
    for stage_plan in plan.stages:
        for activity_id in stage_plan.activities:
            activity = knowledge.activity(activity_id)
            assert activity.name in markdown and activity.description in markdown
    assert "Mystery shopping" in markdown and "carers of older people" in markdown
    for heading in ("Questions to weigh", "Support and payments", "Invitation draft", "we asked, you said"):
        assert heading in markdown
    assert markdown.count("Source:") >= 7
    assert "- [ ] Replacement care costs" in markdown  # carers: budget for replacement care


def test_the_invitation_uses_what_the_plan_decided_and_marks_the_rest(knowledge: Knowledge):
    details = invitation_details(knowledge, finished_plan(knowledge))
    assert "citizen focus groups" in details.task and "mystery shopping" in details.task
    assert "out-of-pocket expenses" in details.payment and "involvement fee" in details.payment
    assert "replacement care costs" in details.support
    assert details.contact is None  # not decided: stays a gap in the draft


def test_an_unfinished_plan_says_so_and_invents_nothing(knowledge: Knowledge):
    plan = builder.start(knowledge, "", audience="cyp")
    markdown = to_markdown(build_document(knowledge, plan))
    assert "not finished yet" in markdown and "Not planned yet." in markdown
    assert "Support and payments\n\nNot decided yet." in markdown


def test_the_html_page_escapes_what_people_typed(knowledge: Knowledge):
    page = to_html(build_document(knowledge, finished_plan(knowledge, who="<script>alert(1)</script>")))
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert page.startswith("<!doctype html>") and "@media print" in page


def test_the_chat_gets_the_markdown_and_a_download_payload(knowledge: Knowledge):
    replies = plan_replies(knowledge, finished_plan(knowledge))
    export = replies[0].custom["plan_export"]
    assert replies[0].text == export["markdown"] and export["html"].startswith("<!doctype html>")
    assert any("feedback" in b.payload for b in replies[-1].buttons)
