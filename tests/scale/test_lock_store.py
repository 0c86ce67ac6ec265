"""Turns of one conversation sent at the same moment to both Rasa servers are handled one at a time: the Redis
lock store serialises them, so the stored conversation is whole turns in a row, none lost or mixed."""

from __future__ import annotations

import os
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from tests.scale.conftest import Cluster, report
from tests.scale.turns import interleaving, turns

# Questions that each need the action server, so a turn takes long enough for two to overlap if nothing stopped it.
QUESTIONS = [
    "will I be paid?",
    "what does co-production mean?",
    "how long should a consultation last?",
    "can I bring someone with me?",
    "what if I'm not happy?",
    "will it affect my benefits?",
    "what does participatory budgeting mean?",
    "how can I get involved?",
]
AT_ONCE = 4  # per round: two to each server
ROUNDS = int(os.environ.get("SCALE_ROUNDS", 4))  # more for a longer soak: SCALE_ROUNDS=20 make test-scale


def send_at_once(cluster: Cluster, sender: str, messages: list[str]) -> list[tuple[float, float, list[dict]]]:
    """Send every message at the same moment, alternating servers; returns each request's start, end and reply."""
    barrier = threading.Barrier(len(messages))

    def one(n: int) -> tuple[float, float, list[dict]]:
        barrier.wait()
        started = time.monotonic()
        reply = cluster.send("AB"[n % 2], sender, messages[n])
        return started, time.monotonic(), reply

    with ThreadPoolExecutor(len(messages)) as pool:
        return list(pool.map(one, range(len(messages))))


def test_concurrent_turns_for_one_conversation_on_two_servers_are_serialised(cluster: Cluster):
    sender = "scale-concurrent"
    cluster.texts("A", sender, "hello")
    redis = cluster.redis.client()
    redis.config_resetstat()
    started = time.monotonic()
    results = []
    sent = [QUESTIONS[n % len(QUESTIONS)] for n in range(ROUNDS * AT_ONCE)]
    for round_ in range(ROUNDS):
        results += send_at_once(cluster, sender, sent[round_ * AT_ONCE:(round_ + 1) * AT_ONCE])
    elapsed = time.monotonic() - started
    lock_commands = sum(stats["calls"] for name, stats in redis.info("commandstats").items()
                        if name in ("cmdstat_get", "cmdstat_set", "cmdstat_del"))

    assert all(reply for _, _, reply in results), "every request got an answer"
    overlapping = sum(1 for a in results for b in results if a is not b and a[0] < b[1] and b[0] < a[1]) // 2
    assert overlapping, "the requests were in flight together"
    events = cluster.events(sender)
    stored = [turn.user_text for turn in turns(events)]
    assert Counter(stored[1:]) == Counter(sent), stored  # none lost, none twice
    assert not interleaving(events), interleaving(events)
    assert lock_commands > 0, "the turns went through the Redis lock store"
    waits = sorted(end - start for start, end, _ in results)
    report(f"concurrent: {len(sent)} turns of one conversation, {AT_ONCE} at a time over 2 servers "
           f"({ROUNDS} rounds) in {elapsed:.1f} s; {overlapping} pairs of requests overlapped in time, 0 turns "
           f"overlapped in the tracker; request time {waits[0]:.2f} to {waits[-1]:.2f} s; "
           f"{lock_commands} Redis lock commands")
