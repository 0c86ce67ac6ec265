"""Two Rasa servers and one action server sharing one PostgreSQL tracker store and one Redis lock store, all on
loopback, started once for the scale-out tests (``make test-scale``).

Ports stay clear of the other test runs (15005, 15055, 18080) and of ``make run`` (5005, 5055, 8080).
"""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import pytest

from bot.stack import Ports, Stack, newest_model, post_message
from tests.conftest import PROJECT_ROOT
from tests.scale.services import Postgres, Redis
from tests.scale.turns import Event

RASA_PORTS = {"A": 25005, "B": 25006}
ACTION_PORT = 25055
POSTGRES_PORT = 25432
REDIS_PORT = 26379
LOG_DIR = PROJECT_ROOT / "build" / "scale-logs"

FIGURES: list[str] = []


def report(line: str) -> None:
    """A measured figure, printed at the end of the run (and kept in build/scale-logs/figures.txt)."""
    FIGURES.append(line)


def pytest_terminal_summary(terminalreporter) -> None:
    if FIGURES:
        terminalreporter.section("scale-out figures")
        for line in FIGURES:
            terminalreporter.write_line(line)
        LOG_DIR.mkdir(parents=True, exist_ok=True)
        (LOG_DIR / "figures.txt").write_text("\n".join(FIGURES) + "\n")


@dataclass
class Cluster:
    """The servers under test. Instance names are ``"A"`` and ``"B"``; A also runs the action server."""

    postgres: Postgres
    redis: Redis
    instances: dict[str, Stack] = field(default_factory=dict)

    def send(self, instance: str, sender: str, message: str) -> list[dict]:
        return post_message(self.instances[instance].ports.rasa, sender, message, timeout=120)

    def texts(self, instance: str, sender: str, message: str) -> str:
        return "\n".join(m.get("text") or "" for m in self.send(instance, sender, message))

    def events(self, sender: str) -> list[Event]:
        """The conversation as the shared tracker store holds it, in the order it was stored."""
        connection = self.postgres.connect()
        try:
            cursor = connection.cursor()
            cursor.execute("SELECT type_name, action_name, timestamp, data FROM events WHERE sender_id = %s "
                           "ORDER BY id", (sender,))
            return [Event(kind, action, stamp, json.loads(data).get("text"))
                    for kind, action, stamp, data in cursor.fetchall()]
        finally:
            connection.close()

    def restart(self, instance: str) -> float:
        """Kill one Rasa server, as a crash would, and start it again; returns the seconds until it answers."""
        stack = self.instances[instance]
        stack.stop_one("rasa")
        stack.start_rasa()
        return stack.wait_ready()


@pytest.fixture(scope="session")
def postgres() -> Postgres:
    server = Postgres(POSTGRES_PORT)
    try:
        started = time.monotonic()
        server.start()
        report(f"PostgreSQL up in {time.monotonic() - started:.1f} s (port {POSTGRES_PORT}, loopback)")
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def redis() -> Redis:
    server = Redis(REDIS_PORT)
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def cluster(postgres: Postgres, redis: Redis) -> Cluster:
    cluster = Cluster(postgres, redis)
    env = {**postgres.env(), **redis.env()}
    model = newest_model(PROJECT_ROOT / "models")
    for name, port in RASA_PORTS.items():
        cluster.instances[name] = Stack(model=model, ports=Ports(rasa=port, actions=ACTION_PORT, web=0),
                                        log_dir=LOG_DIR / name, extra_env=env)
    try:
        started = time.monotonic()
        cluster.instances["A"].start_actions()
        for stack in cluster.instances.values():
            stack.start_rasa()
        with ThreadPoolExecutor(len(RASA_PORTS)) as pool:
            list(pool.map(lambda stack: stack.wait_ready(), cluster.instances.values()))
        report(f"{len(RASA_PORTS)} Rasa servers (ports {', '.join(map(str, RASA_PORTS.values()))}) and 1 action "
               f"server (port {ACTION_PORT}) ready in {time.monotonic() - started:.0f} s")
        yield cluster
    finally:
        for stack in reversed(list(cluster.instances.values())):
            stack.stop()
