"""Starts the action server, the Rasa server and the web page once per test session, exactly as `make run` does.

Test stories never execute custom actions, so only this layer proves that knowledge reaches the user.
Ports are offset from the defaults so a running `make run` does not get in the way.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

import pytest

from bot.stack import Ports, Stack, newest_model
from tests.conftest import PROJECT_ROOT
from tests.fakes.bot_framework import FakeConnector


@dataclass(frozen=True)
class HttpResult:
    status: int
    body: Any


class RestClient:
    def __init__(self, port: int):
        self.url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"

    def raw(self, data: bytes, content_type: str = "application/json") -> HttpResult:
        request = urllib.request.Request(self.url, data=data, headers={"Content-Type": content_type})
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                text = response.read().decode()
                return HttpResult(response.status, json.loads(text) if text else None)
        except urllib.error.HTTPError as error:
            return HttpResult(error.code, error.read().decode(errors="replace"))

    def send(self, sender: Any, message: Any) -> HttpResult:
        return self.raw(json.dumps({"sender": sender, "message": message}).encode())

    def texts(self, sender: str, message: str) -> list[str]:
        result = self.send(sender, message)
        assert result.status == 200, result
        return [m.get("text", "") for m in result.body]

    def messages(self, sender: str, message: str) -> list[dict]:
        result = self.send(sender, message)
        assert result.status == 200, result
        return result.body


# Short, so the slow action server test waits seconds rather than the default 20.
ACTION_TIMEOUT_S = 5

# The contact route a deploying organisation would set (see contact.example.yml); handover tests look for it.
CONTACT_ENV = {"INVOLVE_CONTACT_TEAM": "the Test Engagement Team", "INVOLVE_CONTACT_EMAIL": "engage@example.org"}


@pytest.fixture(scope="session")
def bot_framework() -> FakeConnector:
    """Microsoft's side of Teams, on loopback; the Rasa server is pointed at it through its environment."""
    connector = FakeConnector().start()
    yield connector
    connector.stop()


@pytest.fixture(scope="session")
def stack(tmp_path_factory, bot_framework: FakeConnector) -> Stack:
    ports = Ports(rasa=int(os.environ.get("TEST_RASA_PORT", 15005)),
                  actions=int(os.environ.get("TEST_ACTION_PORT", 15055)),
                  web=int(os.environ.get("TEST_WEB_PORT", 18080)))
    tracker_db = tmp_path_factory.mktemp("tracker") / "tracker.db"
    servers = Stack(
        model=newest_model(PROJECT_ROOT / "models"),
        ports=ports,
        log_dir=PROJECT_ROOT / "build" / "test-logs",
        extra_env={"TRACKER_DB": str(tracker_db), "ACTION_TIMEOUT_S": str(ACTION_TIMEOUT_S),
                   **bot_framework.bot_env(), **CONTACT_ENV},
    )
    servers.start()
    try:
        servers.wait_ready()
        yield servers
    finally:
        servers.stop()


@pytest.fixture(scope="session")
def client(stack: Stack) -> RestClient:
    return RestClient(stack.ports.rasa)


def button_titles(messages: list[dict]) -> list[str]:
    return [b["title"] for m in messages for b in (m.get("buttons") or [])]


def joined(messages: list[dict], key: str | None = "text") -> str:
    return "\n".join(m.get(key) or "" for m in messages)
