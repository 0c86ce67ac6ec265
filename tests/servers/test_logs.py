"""At the default log level, nothing a person types reaches the servers' logs: not in answers, forms, fallbacks,
crashes of understanding, or over-long messages."""

from __future__ import annotations

import time
import uuid

from tests.servers.conftest import RestClient


def test_logs_carry_no_message_text(client: RestClient, stack):
    marker = f"zebra{uuid.uuid4().hex[:12]}"
    sender = f"logs-{marker[-6:]}"
    for text in (f"will I be paid? {marker}", "help me write an invitation", f"the {marker} project",
                 f"{marker} blorp", f"compare {marker} and a focus group", marker * 300):
        client.send(sender, text)
    time.sleep(1)  # let the servers flush their log lines
    for name in ("rasa", "actions"):
        log = (stack.log_dir / f"{name}.log").read_text(encoding="utf-8", errors="replace")
        assert marker not in log, f"{name}.log contains a message the person typed"
