"""Bad input gets a friendly reply: never a 500, never a stack trace, never a dead server."""

from __future__ import annotations

import json
import uuid

import pytest

from tests.servers.conftest import RestClient, joined


@pytest.mark.parametrize(
    "message",
    [
        "",
        "🙂🙂🙂",
        "Как мне привлечь молодых людей?",
        "كيف يمكنني المشاركة؟",
        "我怎样才能参与？",
        "<script>alert('hi')</script><b>hello</b>",
        "a" * 10_000,
        "tab\there\x00and\x07bells",
    ],
    ids=["empty", "emoji", "cyrillic", "arabic", "chinese", "html", "10k-chars", "control-chars"],
)
def test_every_odd_message_gets_a_reply(client: RestClient, message):
    result = client.send(f"odd-{uuid.uuid4().hex[:8]}", message)
    assert result.status == 200
    assert joined(result.body).strip(), "expected at least one text reply"
    assert "Traceback" not in joined(result.body)


@pytest.mark.parametrize("message", ["Как мне привлечь молодых людей?", "كيف يمكنني المشاركة؟", "我怎样才能参与？",
                                     "Bonjour, je voudrais participer", "Chciałbym wziąć udział"])
def test_a_message_in_another_script_is_told_the_bot_reads_english_only(client: RestClient, message):
    assert "only read English" in joined(client.send(f"script-{uuid.uuid4().hex[:8]}", message).body)


def test_an_over_long_message_asks_to_shorten(client: RestClient):
    assert "shorter message" in joined(client.send("long-1", "word " * 3000).body)


@pytest.mark.parametrize(
    "body",
    [b"", b"null", b"[]", b"[1,2]", b'"text"', b"123", b"true", b"{not json", b'{"message": {"nested": 1}}'],
)
def test_malformed_bodies_never_get_a_500(client: RestClient, body):
    assert client.raw(body).status < 500


def test_odd_sender_ids_do_not_stop_the_server(client: RestClient):
    for sender in ["lone-\udc00-sender", "x" * 50_000, None, 42, {"a": 1}, "😀 👩‍👩‍👧"]:
        data = json.dumps({"sender": sender, "message": "hello"}).encode()
        assert client.raw(data).status == 200
    assert "I'm Involve" in joined(client.send("after-odd-senders", "hello").body)


def test_wrong_content_type_is_answered(client: RestClient):
    assert client.raw(b"sender=a&message=hello", content_type="application/x-www-form-urlencoded").status < 500
