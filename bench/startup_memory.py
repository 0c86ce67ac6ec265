"""Start-up time and memory of the two servers, as `make run` starts them.

Run: . scripts/env.sh && .venv/bin/python bench/startup_memory.py (or `make bench` for everything)
Prints figures only. Uses ports 35005/35055 and a throwaway tracker database.
"""

from __future__ import annotations

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


WARM_UP = ("will I be paid?", "we're at the review stage and want to co-produce with young people",
           "what does co-production mean?", "help me write an invitation", "draft it now")


def bench_stack(rasa_port: int = 35005, actions_port: int = 35055) -> Stack:
    """The action server and the Rasa server as `make run` starts them (no web page), with a throwaway tracker."""
    db = Path(tempfile.mkdtemp()) / "tracker.db"
    return Stack(model=newest_model(settings.PROJECT_ROOT / "models"), ports=Ports(rasa=rasa_port, actions=actions_port),
                 log_dir=settings.PROJECT_ROOT / "build" / "bench-logs", extra_env={"TRACKER_DB": str(db)})


def measure_startup(stack: Stack) -> dict[str, float]:
    """Start both servers, time the first answer, warm up, and read their memory. Leaves them running."""
    start = time.monotonic()
    stack.start_actions()
    stack.start_rasa()
    ready = stack.wait_ready()
    post_message(stack.ports.rasa, "bench", "hello")
    first = time.monotonic() - start
    for text in WARM_UP:
        post_message(stack.ports.rasa, "bench", text)
    actions, rasa = stack.processes["actions"], stack.processes["rasa"]
    return {
        "ready_s": round(ready, 1),
        "first_answer_s": round(first, 1),
        "rasa_rss_mb": round(rss_mb(rasa.pid)),
        "actions_rss_mb": round(rss_mb(actions.pid)),
    }


def main() -> None:
    stack = bench_stack()
    try:
        m = measure_startup(stack)
    finally:
        stack.stop()
    print(f"servers ready after:       {m['ready_s']:6.1f} s")
    print(f"start to first answer:     {m['first_answer_s']:6.1f} s")
    print(f"Rasa server memory (RSS):  {m['rasa_rss_mb']:6.0f} MB after warm-up")
    print(f"action server memory:      {m['actions_rss_mb']:6.0f} MB after warm-up")


if __name__ == "__main__":
    main()
