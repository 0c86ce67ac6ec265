"""How well the free-text search answers questions it was never tuned on (bench/data/blind_questions.yml).

Run: . scripts/env.sh && .venv/bin/python bench/answers_report.py [--show]
Counts: right (an acceptable entry), wrong (another entry), missed (nothing, though the sources answer it),
"I don't know" rightly said, and answered although the sources do not cover it. ``--show`` lists the misses.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.advice.answers import asks_definition, find_answer  # noqa: E402
from bot.knowledge import get_knowledge  # noqa: E402
from bot.settings import PROJECT_ROOT  # noqa: E402

QUESTIONS = PROJECT_ROOT / "bench" / "data" / "blind_questions.yml"


def outcome(found: str | None, acceptable: list[str]) -> str:
    if not acceptable:
        return "dont_know_right" if found is None else "answered_out_of_sources"
    if found is None:
        return "missed"
    return "right" if found in acceptable else "wrong"


def evaluate(show: bool = False) -> dict[str, Any]:
    knowledge = get_knowledge()
    counts: Counter[str] = Counter()
    for item in yaml.safe_load(QUESTIONS.read_text(encoding="utf-8")):
        entry, _ = find_answer(knowledge, item["q"], definition=asks_definition(item["q"]))
        found = entry.id if entry is not None else None
        result = outcome(found, item["ok"])
        counts[result] += 1
        if show and result not in ("right", "dont_know_right"):
            print(f"{result:24s} {item['q']!r} -> {found} (ok: {item['ok']})")
    answerable = counts["right"] + counts["wrong"] + counts["missed"]
    return {"questions": sum(counts.values()), **dict(sorted(counts.items())),
            "right_share_of_answerable": round(counts["right"] / answerable, 3) if answerable else None}


if __name__ == "__main__":
    print(evaluate(show="--show" in sys.argv))
