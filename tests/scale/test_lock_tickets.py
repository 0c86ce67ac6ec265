"""The lock store's tickets, straight against Redis: many clients asking for tickets for one conversation at the
same moment each get a different ticket, and giving them all back leaves nothing behind."""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from rasa.core.lock_store import RedisLockStore

from rasa_plugins.redis_lock import AtomicRedisLockStore
from tests.scale.conftest import report
from tests.scale.services import Redis

CLIENTS = 8  # as if eight Rasa servers
TICKETS_EACH = 25


def issue_at_once(redis: Redis, store_class: type[RedisLockStore], conversation: str) -> list[int]:
    barrier = threading.Barrier(CLIENTS)

    def client(_: int) -> list[int]:
        store = store_class(host="127.0.0.1", port=redis.port, password=redis.password)
        barrier.wait()
        numbers = [store.issue_ticket(conversation) for _ in range(TICKETS_EACH)]
        for number in numbers:
            store.cleanup(conversation, number)
        return numbers

    with ThreadPoolExecutor(CLIENTS) as pool:
        return [number for numbers in pool.map(client, range(CLIENTS)) for number in numbers]


def duplicates(numbers: list[int]) -> int:
    return sum(count - 1 for count in Counter(numbers).values())


def test_tickets_issued_at_the_same_moment_are_all_different(redis: Redis):
    numbers = issue_at_once(redis, AtomicRedisLockStore, "tickets-atomic")
    rasas = issue_at_once(redis, RedisLockStore, "tickets-rasa")
    report(f"tickets: {CLIENTS} clients x {TICKETS_EACH} at once: {duplicates(numbers)} duplicate tickets with "
           f"AtomicRedisLockStore, {duplicates(rasas)} with Rasa's RedisLockStore (figure only)")
    assert duplicates(numbers) == 0
    assert redis.client().keys("lock:tickets-atomic*") == []  # all given back: the queue is gone
