"""Plain-language checks for every text a user reads.

The bar (issue 9): Flesch reading ease from textstat 0.7.4, at least 90% of texts scoring 50 or more, a mean of
60 or more, and no sentence over 25 words.
"""

from __future__ import annotations

import re
import statistics
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

MIN_SCORE = 50.0
MIN_SHARE_AT_OR_ABOVE = 0.9
MIN_MEAN = 60.0
MAX_SENTENCE_WORDS = 25

# Fields of knowledge entries that users read as prose. Names and labels are short headings and are not scored.
PROSE_FIELDS = frozenset(
    {
        "description",
        "public_description",
        "summary",
        "text",
        "meaning",
        "what_happens",
        "involve_in",
        "examples",
        "explanation",
        "caveat",
    }
)

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class ScoredText:
    """One text with where it came from and its Flesch reading ease."""

    where: str
    text: str
    score: float


def sentences(text: str) -> list[str]:
    """Split a text into sentences (and list lines) for the sentence-length rule."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


def long_sentences(text: str, limit: int = MAX_SENTENCE_WORDS) -> list[str]:
    """Return the sentences of ``text`` that have more than ``limit`` words."""
    return [s for s in sentences(text) if len(s.split()) > limit]


def flesch(text: str) -> float:
    """Flesch reading ease of ``text`` (higher is easier)."""
    import textstat  # imported late: only tests and the CLI need it

    return float(textstat.flesch_reading_ease(text))


def score_texts(texts: Iterable[tuple[str, str]]) -> list[ScoredText]:
    """Score ``(where, text)`` pairs."""
    return [ScoredText(where, text, flesch(text)) for where, text in texts]


def prose_in_yaml(data: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """Yield ``(where, text)`` for every prose field in raw knowledge-base YAML."""
    if isinstance(data, dict):
        label = data.get("id", "")
        for key, value in data.items():
            here = f"{where}/{label}.{key}" if label else f"{where}.{key}"
            if key in PROSE_FIELDS:
                values = value if isinstance(value, list) else [value]
                for index, text in enumerate(values):
                    if isinstance(text, str) and text.strip():
                        yield (f"{here}[{index}]" if isinstance(value, list) else here), text
            else:
                yield from prose_in_yaml(value, f"{where}/{label}" if label else where)
    elif isinstance(data, list):
        for item in data:
            yield from prose_in_yaml(item, where)


def knowledge_texts(folder: Path) -> list[tuple[str, str]]:
    """Every prose text in the knowledge base's YAML files under ``folder``."""
    texts: list[tuple[str, str]] = []
    for path in sorted(folder.glob("*.yml")):
        texts.extend(prose_in_yaml(yaml.safe_load(path.read_text(encoding="utf-8")), path.name))
    return texts


def response_texts(domain_folder: Path) -> list[tuple[str, str]]:
    """Every response template in the domain files, with ``{variables}`` kept as plain words."""
    texts = []
    for path in sorted(domain_folder.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for name, variants in (data.get("responses") or {}).items():
            for variant in variants:
                # Variables are filled in at run time; score a typical filling, not the braces.
                text = variant.get("text", "").replace("{", "").replace("}", "")
                texts.append((f"{path.name}:{name}", text))
    return texts


def report(scored: list[ScoredText], worst: int = 10) -> str:
    """A short report: how many texts pass, the mean, and the worst texts."""
    if not scored:
        return "no texts"
    passing = sum(1 for s in scored if s.score >= MIN_SCORE)
    lines = [
        f"{len(scored)} texts; {passing / len(scored):.0%} score {MIN_SCORE:.0f}+; "
        f"mean {statistics.fmean(s.score for s in scored):.1f}",
        f"worst {min(worst, len(scored))}:",
    ]
    for s in sorted(scored, key=lambda s: s.score)[:worst]:
        lines.append(f"  {s.score:6.1f}  {s.where}: {s.text[:100]}")
    too_long = [(s.where, sent) for s in scored for sent in long_sentences(s.text)]
    if too_long:
        lines.append(f"sentences over {MAX_SENTENCE_WORDS} words:")
        lines.extend(f"  {where}: {sent}" for where, sent in too_long)
    return "\n".join(lines)


def main(paths: list[str]) -> int:
    """Print the readability report for the given YAML files (a helper for people writing entries)."""
    texts: list[tuple[str, str]] = []
    for path in paths:
        texts.extend(prose_in_yaml(yaml.safe_load(Path(path).read_text(encoding="utf-8")), Path(path).name))
    print(report(score_texts(texts), worst=15))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
