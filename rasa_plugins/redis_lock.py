"""A Redis lock store whose ticket changes are atomic, so two Rasa servers never handle one conversation at once.

Rasa Open Source 3.6's ``RedisLockStore`` reads the ticket queue, changes it in Python and writes it back. When two
servers take a message for the same conversation at the same moment, one write can undo the other: both servers get
the same ticket, or a ticket vanishes, and a turn is processed alongside another and lost from the tracker (the
scale-out test saw this; Rasa fixed it only in Rasa Pro's ``ConcurrentRedisLockStore``). Here each change runs as a
Redis transaction that is retried if another server changed the queue in between (WATCH/MULTI/EXEC).

Like the channels, this is a Rasa plug-in: Rasa loads it by its module path from the endpoints file
(``bot/deploy/endpoints.py`` names it for ``LOCK_STORE=redis``). Same keys and settings as Rasa's Redis lock store.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig


class AtomicRedisLockStore(RedisLockStore):
    """Rasa's ticket lock in Redis, with every read-change-write of a conversation's queue done atomically."""

    def __init__(self, endpoint_config: EndpointConfig | None = None, **kwargs: Any) -> None:
        # Rasa builds custom lock stores from the endpoint config; tests may pass the settings directly.
        if endpoint_config is not None:
            kwargs = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs}
        super().__init__(**kwargs)

    def _change(self, conversation_id: str, change: Callable[[TicketLock | None], tuple[TicketLock | None, Any]]) -> Any:
        """Apply ``change`` to the stored queue atomically; it returns the queue to store (None: delete) and a result.

        ``change`` may run more than once: it is retried whenever another server wrote the queue meanwhile.
        """
        key = self.key_prefix + conversation_id
        result: list[Any] = []

        def transaction(pipe: Any) -> None:
            stored = pipe.get(key)
            lock, value = change(TicketLock.from_dict(json.loads(stored)) if stored else None)
            pipe.multi()
            if lock is None:
                pipe.delete(key)
            else:
                pipe.set(key, lock.dumps())
            result[:] = [value]

        self.red.transaction(transaction, key)
        return result[0]

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def issue(lock: TicketLock | None) -> tuple[TicketLock, int]:
            lock = lock or self.create_lock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._change(conversation_id, issue)
        except Exception as error:  # Rasa's own contract: any failure to get a ticket is a LockError
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: str) -> None:
        def drop_expired(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is not None:
                lock.remove_expired_tickets()
                if not lock.is_someone_waiting():
                    return None, None
            return lock, None

        self._change(conversation_id, drop_expired)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self.cleanup(conversation_id, ticket_number)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Give the ticket back; the queue goes when nobody else holds a ticket, in the same step."""

        def give_back(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is None:
                return None, None
            lock.remove_ticket_for(ticket_number)
            return (lock if lock.is_someone_waiting() else None), None

        self._change(conversation_id, give_back)
