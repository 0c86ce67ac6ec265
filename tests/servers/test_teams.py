"""Teams end to end against a fake Bot Framework Connector: signed activities in, cards and text out, 401s for
anything not signed by the Connector's key."""

from __future__ import annotations

import uuid

import pytest

from bot.knowledge import get_knowledge
from tests.conftest import PROJECT_ROOT
from tests.fakes.bot_framework import APP_ID, FakeConnector, new_key, post_activity

CARD = "application/vnd.microsoft.card.adaptive"


@pytest.fixture
def webhook(stack) -> str:
    return f"http://127.0.0.1:{stack.ports.rasa}/webhooks/teams/webhook"


@pytest.fixture
def conversation() -> str:
    return f"conv-{uuid.uuid4().hex[:8]}"


def cards_in(replies) -> list[dict]:
    return [a["content"] for r in replies for a in r.activity.get("attachments", []) if a["contentType"] == CARD]


def all_text(replies) -> str:
    parts = []
    for reply in replies:
        parts.append(reply.activity.get("text") or "")
        for card in cards_in([reply]):
            parts.extend(block.get("text", "") for block in card["body"] if block["type"] == "TextBlock")
    return "\n".join(parts)


def actions_in(replies) -> list[dict]:
    return [action for card in cards_in(replies) for block in card["body"] if block["type"] == "ActionSet"
            for action in block["actions"]]


def say(bot_framework: FakeConnector, webhook: str, conversation: str, text: str | None, expect: int = 1, **extra):
    before = len(bot_framework.replies_in(conversation))
    activity = bot_framework.activity(text, conversation=conversation, user=f"user-{conversation}", **extra)
    status, _ = post_activity(webhook, activity, f"Bearer {bot_framework.token()}")
    assert status == 202
    return bot_framework.wait_for_replies(conversation, before + expect)[before:]


def test_a_signed_message_gets_replies_posted_back_to_the_connector(bot_framework, webhook, conversation):
    replies = say(bot_framework, webhook, conversation, "hello")
    assert replies
    for reply in replies:
        assert reply.authorization.startswith("Bearer connector-token-")
        assert reply.path.startswith(f"/v3/conversations/{conversation}/activities/")
        assert reply.activity["conversation"]["id"] == conversation
        assert reply.activity["from"]["id"] == f"28:{APP_ID}"
    assert actions_in(replies), "the greeting offers buttons as Adaptive Card actions"


def test_planning_in_teams_gives_a_suggestion_card_the_matrix_table_and_buttons(bot_framework, webhook,
                                                                               conversation):
    cell = get_knowledge().cell("do", "participation", "citizens")
    replies = say(bot_framework, webhook, conversation,
                  "<at>Involve</at> we are buying a new service and want to co-produce it with residents", expect=3,
                  entities=[{"type": "mention", "mentioned": {"id": f"28:{APP_ID}"}, "text": "<at>Involve</at>"}])
    assert cell.activities[0].name in all_text(replies)
    tables = [block for card in cards_in(replies) for block in card["body"] if block["type"] == "Table"]
    assert len(tables) == 1
    titles = [action["title"] for action in actions_in(replies)]
    assert "Draft an invitation" in titles

    # Pressing a card button sends its payload back as the activity's value.
    invitation = next(a for a in actions_in(replies) if a["title"] == "Draft an invitation")
    more = say(bot_framework, webhook, conversation, None, value={"payload": invitation["data"]["payload"]})
    assert more and all_text(more).strip()


def test_the_bot_greets_when_added_to_a_conversation(bot_framework, webhook, conversation):
    bot = {"id": f"28:{APP_ID}", "name": "Involve"}
    replies = say(bot_framework, webhook, conversation, None, type="conversationUpdate",
                  membersAdded=[{"id": "user-1"}, bot])
    assert "Involve" in all_text(replies) or actions_in(replies)


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "Bearer not-a-token",
        "Basic dXNlcjpwYXNz",
        "wrong-signature",
        "expired",
        "wrong-audience",
        "wrong-issuer",
    ],
)
def test_requests_without_a_valid_token_are_refused_and_not_logged(bot_framework, webhook, conversation,
                                                                   authorization):
    tokens = {
        "wrong-signature": bot_framework.token(key=new_key()),
        "expired": bot_framework.token(exp=1_000_000_000),
        "wrong-audience": bot_framework.token(aud="someone-else"),
        "wrong-issuer": bot_framework.token(iss="https://evil.example"),
    }
    header = f"Bearer {tokens[authorization]}" if authorization in tokens else authorization
    status, body = post_activity(webhook, bot_framework.activity("hello", conversation=conversation), header)
    assert status == 401
    assert "Unauthorized" in body
    assert bot_framework.replies_in(conversation) == []
    if authorization in tokens:
        log = (PROJECT_ROOT / "build" / "test-logs" / "rasa.log").read_text(errors="replace")
        assert "Refused a Teams request" in log
        assert tokens[authorization] not in log


def test_a_token_for_another_service_url_is_refused(bot_framework, webhook, conversation):
    activity = bot_framework.activity("hello", conversation=conversation, serviceUrl="http://127.0.0.1:9/")
    assert post_activity(webhook, activity, f"Bearer {bot_framework.token()}")[0] == 401


@pytest.mark.parametrize("body", [b"not json", b"[1, 2]", b"{}", b'{"type": "message"}'])
def test_malformed_bodies_never_cause_a_500(bot_framework, webhook, body):
    assert post_activity(webhook, body, f"Bearer {bot_framework.token()}")[0] in (200, 401)
