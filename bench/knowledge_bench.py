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


def measure() -> dict[str, float]:
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
    return {
        "files": len(kb.files),
        "activities": len(kb.activities),
        "topics": len(kb.topics),
        "load_ms": round(load_s * 1000, 1),
        "index_ms": round(index_s * 1000, 1),
        "baseline_dict_us": round(baseline, 3),
        "cell_us": round(cell, 2),
        "stage_row_us": round(row, 2),
        "search_us": round(search, 1),
    }


def main() -> None:
    m = measure()
    print(f"knowledge base: {m['files']} files, {m['activities']} activities, {m['topics']} topics")
    print(f"load and validate:     {m['load_ms']:8.1f} ms")
    print(f"build search index:    {m['index_ms']:8.1f} ms (first search)")
    print(f"baseline dict lookup:  {m['baseline_dict_us']:8.2f} us")
    print(f"cell lookup:           {m['cell_us']:8.2f} us  ({m['cell_us'] / m['baseline_dict_us']:6.0f}x baseline)")
    print(f"stage row (4 cells):   {m['stage_row_us']:8.2f} us  ({m['stage_row_us'] / m['baseline_dict_us']:6.0f}x baseline)")
    print(f"free-text search:      {m['search_us']:8.2f} us  ({m['search_us'] / m['baseline_dict_us']:6.0f}x baseline, "
          f"mean of {len(QUESTIONS)} questions)")


if __name__ == "__main__":
    main()
