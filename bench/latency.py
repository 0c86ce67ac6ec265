"""Turn latency and throughput through the REST channel, for our bot and for a minimal baseline Rasa bot.

The baseline is built here, in a temporary folder: one intent, one rule, no custom action, Rasa's default pipeline
and policies (what the starter bot uses). Both bots get the same client and the same turns, so the ratios say what
our NLU pipeline, custom actions and tracker store add on top of Rasa's own processing.
"""

from __future__ import annotations

import statistics
import subprocess
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from bot.stack import post_message

# One conversation: the realistic mix the issue asks for (custom actions, guidance, a form, chit-chat).
CONVERSATION = (
    "hello",
    "we're at the review stage and want to co-produce with young people",
    "will I be paid?",
    "help me write an invitation",
    "a focus group about the new youth service",
    "draft it now",
    "what does negotiation mean?",
    "thanks",
)
CONCURRENCY = (1, 10, 20)
MIN_TURNS = 40  # at one conversation at a time, run several in a row so the percentiles mean something

BASELINE_FILES = {
    "domain.yml": """version: "3.1"
intents:
  - greet
responses:
  utter_greet:
    - text: "Hello! How can I help?"
session_config:
  session_expiration_time: 60
  carry_over_slots_to_new_session: true
""",
    "data/nlu.yml": """version: "3.1"
nlu:
  - intent: greet
    examples: |
      - hello
      - hi
      - hey
""",
    "data/rules.yml": """version: "3.1"
rules:
  - rule: greet
    steps:
      - intent: greet
      - action: utter_greet
""",
    # No pipeline or policies: Rasa fills in its own defaults, as for the starter bot `rasa init` makes (DIET,
    # TED, memoization and rules), so the baseline pays for Rasa's own machine learning just as ours does.
    "config.yml": """recipe: default.v1
language: en
assistant_id: baseline
pipeline:
policies:
""",
    "credentials.yml": "rest:\n",
}


def build_baseline(rasa: str, env: dict[str, str]) -> tuple[Path, Path]:
    """Train the baseline bot; returns its folder and model."""
    folder = Path(tempfile.mkdtemp(prefix="involve-baseline-"))
    for name, text in BASELINE_FILES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    subprocess.run([rasa, "train", "--fixed-model-name", "baseline", "--out", "models"], cwd=folder, env=env,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return folder, folder / "models" / "baseline.tar.gz"


def start_baseline(rasa: str, folder: Path, model: Path, port: int, env: dict[str, str]) -> subprocess.Popen:
    log = open(folder / "rasa.log", "wb")  # noqa: SIM115 - lives as long as the server
    return subprocess.Popen([rasa, "run", "--model", str(model), "--port", str(port), "--credentials",
                             "credentials.yml"], cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)


def wait_for(port: int, timeout: float = 180.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            post_message(port, "warm-up", "hello", timeout=30)
            return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"no answer on port {port}")


@dataclass(frozen=True)
class LoadResult:
    concurrency: int
    turns: int
    seconds: float
    latencies_ms: tuple[float, ...]
    errors: int

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]

    @property
    def throughput(self) -> float:
        return self.turns / self.seconds if self.seconds else 0.0

    def summary(self) -> dict[str, float]:
        return {
            "concurrency": self.concurrency,
            "turns": self.turns,
            "errors": self.errors,
            "p50_ms": round(self.percentile(50), 1),
            "p95_ms": round(self.percentile(95), 1),
            "p99_ms": round(self.percentile(99), 1),
            "mean_ms": round(statistics.fmean(self.latencies_ms), 1) if self.latencies_ms else None,
            "turns_per_s": round(self.throughput, 2),
        }


def drive(port: int, concurrency: int) -> LoadResult:
    """``concurrency`` conversations at once, each the same scripted turns; repeated until MIN_TURNS are sent."""
    rounds = max(1, -(-MIN_TURNS // (concurrency * len(CONVERSATION))))
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()

    def conversation() -> None:
        nonlocal errors
        sender = f"bench-{uuid.uuid4().hex[:10]}"
        for text in CONVERSATION:
            start = time.perf_counter()
            try:
                post_message(port, sender, text, timeout=120)
                ok = True
            except OSError:
                ok = False
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                latencies.append(elapsed)
                errors += 0 if ok else 1

    start = time.perf_counter()
    for _ in range(rounds):
        threads = [threading.Thread(target=conversation) for _ in range(concurrency)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    return LoadResult(concurrency, len(latencies), time.perf_counter() - start, tuple(latencies), errors)


def measure(port: int, label: str) -> list[dict[str, float]]:
    results = []
    for concurrency in CONCURRENCY:
        summary = drive(port, concurrency).summary()
        print(f"  {label:9} {concurrency:3} concurrent: p50 {summary['p50_ms']:7.0f} ms  p95 {summary['p95_ms']:7.0f} ms"
              f"  p99 {summary['p99_ms']:7.0f} ms  {summary['turns_per_s']:6.2f} turns/s  ({summary['errors']} errors)",
              flush=True)
        results.append(summary)
    return results
