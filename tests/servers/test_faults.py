"""Faults: the action server dies, both servers restart mid-form, fifty conversations interleave; nothing is lost
or mixed up."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from bot.advice.reply import intent_payload
from bot.channels.replies import ACTIONS_DOWN
from bot.knowledge import get_knowledge
from tests.servers.conftest import RestClient


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
