"""Faults: the action server dies, both servers restart mid-form, fifty conversations interleave; nothing is lost
or mixed up."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from bot.advice.reply import intent_payload
from bot.channels.replies import ACTIONS_DOWN, ACTIONS_SLOW
from bot.knowledge import get_knowledge
from tests.servers.conftest import ACTION_TIMEOUT_S, RestClient


def test_action_server_down_gets_a_helpful_reply_and_the_conversation_carries_on(client: RestClient, stack):
    sender = "fault-actions-down"
    assert client.texts(sender, "hello")
    stack.stop_one("actions")
    try:
        assert client.texts(sender, "will I be paid?") == [ACTIONS_DOWN]
    finally:
        stack.start_actions()
        stack.wait_ready()
    answer = " ".join(client.texts(sender, "will I be paid?"))
    assert ACTIONS_DOWN not in answer and "paid" in answer.lower()


class SlowActionServer:
    """Stands in for the action server: healthy, but every action takes longer than Rasa will wait."""

    def __init__(self, port: int, delay_s: float):
        delay = delay_s

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the health check
                self._reply(b'{"status": "ok"}')

            def do_POST(self):  # noqa: N802 - an action call
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                time.sleep(delay)
                self._reply(b'{"events": [], "responses": []}')

            def _reply(self, body: bytes):
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:  # Rasa gave up waiting and closed the connection
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def test_a_slow_action_server_gets_a_reply_within_the_time_limit_and_the_conversation_carries_on(
    client: RestClient, stack
):
    sender = "fault-actions-slow"
    assert client.texts(sender, "hello")
    stack.stop_one("actions")
    try:
        with SlowActionServer(stack.ports.actions, delay_s=ACTION_TIMEOUT_S + 5):
            started = time.monotonic()
            assert client.texts(sender, "will I be paid?") == [ACTIONS_SLOW]
            waited = time.monotonic() - started
    finally:
        stack.start_actions()
        stack.wait_ready()
    print(f"slow action server: reply after {waited:.1f} s (limit {ACTION_TIMEOUT_S} s)")
    answer = " ".join(client.texts(sender, "will I be paid?"))
    assert ACTIONS_SLOW not in answer and "paid" in answer.lower()


def test_a_conversation_half_way_through_a_form_survives_a_restart_of_both_servers(client: RestClient, stack):
    sender = "fault-restart"
    client.texts(sender, "help me write an invitation")
    client.texts(sender, "the new carers strategy")
    stack.restart_servers()  # half-way: what was said so far is in the tracker store
    client.texts(sender, "skip")
    client.texts(sender, "two meetings in May")
    text = " ".join(client.texts(sender, "just give me the draft"))
    # The first answer, given before the restart, is in the draft: the form carried on where it was.
    assert "We would like your help with the new carers strategy." in text
    assert "How much time it takes: two meetings in May." in text


def test_fifty_interleaved_conversations_never_see_each_others_answers(client: RestClient):
    knowledge = get_knowledge()
    stages, levels = [s.id for s in knowledge.kb.stages], [lv.id for lv in knowledge.kb.levels]
    audiences = {"citizens": "with residents", "cyp": "with young people"}
    plans = [(stages[n % 4], levels[(n // 4) % 4], list(audiences)[(n // 16) % 2]) for n in range(50)]

    def converse(n: int) -> tuple[int, str]:
        stage, level, audience = plans[n]
        sender = f"isolation-{n}"
        payload = intent_payload("inform", stage=stage, level=level, audience=audience)
        client.texts(sender, "suggest engagement activities")
        return n, " ".join(client.texts(sender, payload))

    with ThreadPoolExecutor(max_workers=50) as pool:
        answers = dict(pool.map(converse, range(50)))
    for n, text in answers.items():
        stage, level, audience = plans[n]
        cell = knowledge.cell(stage, level, audience)
        assert f"{cell.stage.name} stage at the {cell.level.name.lower()} level" in text, (n, text[:200])
        assert cell.audience.name.lower() in text
