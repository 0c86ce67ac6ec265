"""Knowledge base speed: load time, and microseconds per query for cell lookups and free-text search.

Run: . scripts/env.sh && .venv/bin/python bench/knowledge_bench.py
Prints figures only; it never fails on a timing. The baseline is a plain dict lookup in the same process, so the
ratios say how much our query layer adds on this machine.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.knowledge import load  # noqa: E402

QUESTIONS = [
    "will I be paid",
    "how long should a consultation last",
    "what should an invitation include",
    "mystery shopping",
    "it costs too much",
    "can I bring someone with me",
]


def per_call_us(function, repeat: int) -> float:
    samples = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(repeat):
            function()
        samples.append((time.perf_counter() - start) / repeat * 1e6)
    return statistics.median(samples)


def main() -> None:
    start = time.perf_counter()
    knowledge = load()
    load_s = time.perf_counter() - start
    start = time.perf_counter()
    knowledge.search("warm up the index")
    index_s = time.perf_counter() - start

    plain = {("review", "participation", "cyp"): 1}
    baseline = per_call_us(lambda: plain[("review", "participation", "cyp")], 100_000)
    cell = per_call_us(lambda: knowledge.cell("review", "participation", "cyp"), 20_000)
    row = per_call_us(lambda: knowledge.stage_row("plan", "citizens"), 5_000)
    search = statistics.fmean(per_call_us(lambda q=q: knowledge.search(q), 200) for q in QUESTIONS)

    kb = knowledge.kb
    print(f"knowledge base: {len(kb.files)} files, {len(kb.activities)} activities, {len(kb.topics)} topics")
    print(f"load and validate:     {load_s * 1000:8.1f} ms")
    print(f"build search index:    {index_s * 1000:8.1f} ms (first search)")
    print(f"baseline dict lookup:  {baseline:8.2f} us")
    print(f"cell lookup:           {cell:8.2f} us  ({cell / baseline:6.0f}x baseline)")
    print(f"stage row (4 cells):   {row:8.2f} us  ({row / baseline:6.0f}x baseline)")
    print(f"free-text search:      {search:8.2f} us  ({search / baseline:6.0f}x baseline, mean of {len(QUESTIONS)} questions)")


if __name__ == "__main__":
    main()
