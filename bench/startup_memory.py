"""Start-up time and memory of the two servers, as `make run` starts them.

Run: . scripts/env.sh && .venv/bin/python bench/startup_memory.py
Prints figures only. Uses ports 35005/35055 and a throwaway tracker database.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot import settings  # noqa: E402
from bot.stack import Ports, Stack, newest_model, post_message  # noqa: E402


def rss_mb(pid: int) -> float:
    """Resident memory of a process and all its children, in MB."""
    total = 0
    pids = [pid]
    for child in Path("/proc").iterdir():
        if child.name.isdigit():
            try:
                fields = (child / "stat").read_text().split()
                if int(fields[3]) == pid:
                    pids.append(int(child.name))
            except (OSError, IndexError, ValueError):
                continue
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def main() -> None:
    ports = Ports(rasa=35005, actions=35055)
    db = Path(tempfile.mkdtemp()) / "tracker.db"
    stack = Stack(model=newest_model(settings.PROJECT_ROOT / "models"), ports=ports,
                  extra_env={"TRACKER_DB": str(db)})
    start = time.monotonic()
    stack.start()
    try:
        ready = stack.wait_ready()
        post_message(ports.rasa, "bench", "hello")
        first = time.monotonic() - start
        for text in ("will I be paid?", "we're at the review stage and want to co-produce with young people",
                     "what does co-production mean?", "help me write an invitation", "draft it now"):
            post_message(ports.rasa, "bench", text)
        actions, rasa = stack.processes
        print(f"servers ready after:       {ready:6.1f} s")
        print(f"start to first answer:     {first:6.1f} s")
        print(f"Rasa server memory (RSS):  {rss_mb(rasa.pid):6.0f} MB after warm-up")
        print(f"action server memory:      {rss_mb(actions.pid):6.0f} MB after warm-up")
    finally:
        stack.stop()
        os.environ.pop("TRACKER_DB", None)


if __name__ == "__main__":
    main()
