"""`make shell`: a member of the public finds ways to take part in the terminal, through a real pseudo-terminal.

Rasa's shell shows buttons as a menu; pressing Enter picks the first choice, as a person would with the arrow keys.
"""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import subprocess
import time
from collections.abc import Iterator

import pytest

from tests.conftest import PROJECT_ROOT

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
SHELL_PORT = int(os.environ.get("TEST_SHELL_PORT", 15105))


class Terminal:
    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.master, slave = pty.openpty()
        self.process = subprocess.Popen(args, cwd=PROJECT_ROOT, env=env, stdin=slave, stdout=slave, stderr=slave,
                                        start_new_session=True)
        os.close(slave)
        self.output = ""

    def read_until(self, pattern: str, timeout: float = 90.0) -> str:
        """Everything shown so far, once ``pattern`` appears after ``self.mark``; fails the test on timeout."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if re.search(pattern, self.output[self.mark:]):
                return self.output
            ready, _, _ = select.select([self.master], [], [], 0.5)
            if ready:
                try:
                    self.output += ANSI.sub("", os.read(self.master, 65536).decode(errors="replace"))
                except OSError:
                    break
        pytest.fail(f"the terminal never showed {pattern!r}; last output:\n{self.output[-2000:]}")

    mark = 0

    def type(self, keys: str) -> None:
        self.mark = len(self.output)
        os.write(self.master, keys.encode())

    def close(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
        os.close(self.master)


@pytest.fixture
def terminal(stack, tmp_path) -> Iterator[Terminal]:
    env = {**stack.environment(), "TRACKER_DB": str(tmp_path / "shell.db"), "TERM": "xterm", "COLUMNS": "120"}
    shell = Terminal(stack.shell_command(port=SHELL_PORT), env)
    try:
        shell.read_until(r"Your input ->", timeout=240)
        yield shell
    finally:
        shell.close()


def test_a_member_of_the_public_finds_ways_to_take_part_in_the_terminal(terminal):
    terminal.type("how can I get involved?\r")
    terminal.read_until(r"What matters to you")
    for question in (r"What are you good at", r"How would you like to take part", r"What would help you"):
        terminal.type("\r")  # the first menu choice: Skip (or, for how to take part, Online)
        terminal.read_until(question)
    terminal.type("\r")
    shown = terminal.read_until(r"Support and payments you can ask about")
    assert "ways to take part that could suit you" in shown
    assert "What to expect" in shown
