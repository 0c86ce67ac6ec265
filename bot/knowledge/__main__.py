"""Command line for the knowledge base.

    python -m bot.knowledge check [DIR]                  validate; exit 1 with the full report
    python -m bot.knowledge show cell STAGE LEVEL AUDIENCE
    python -m bot.knowledge show row STAGE AUDIENCE
    python -m bot.knowledge show topic ID
    python -m bot.knowledge show entry ID
    python -m bot.knowledge show where NAME              where an activity sits in both matrices
    python -m bot.knowledge search WORDS...             by words, and nearest in meaning
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from bot.knowledge import render
from bot.knowledge.errors import KnowledgeBaseError
from bot.knowledge.query import Knowledge, UnknownEntry, load


def _check(directory: str | None) -> int:
    try:
        knowledge = load(directory)
    except KnowledgeBaseError as error:
        print(error.report(), file=sys.stderr)
        return 1
    kb = knowledge.kb
    per_audience = Counter(a.audience for a in kb.activities)
    print(
        f"OK: {len(kb.files)} files; {len(kb.activities)} activities "
        f"({', '.join(f'{k} {v}' for k, v in sorted(per_audience.items()))}); {len(kb.topics)} topics; "
        f"{len(kb.glossary)} glossary terms; {len(kb.sources)} sources."
    )
    return 0


def _show(knowledge: Knowledge, what: str, args: list[str]) -> str:
    if what == "cell" and len(args) == 3:
        return render.cell_text(knowledge, knowledge.cell(*args))
    if what == "row" and len(args) == 2:
        return "\n\n".join(render.cell_text(knowledge, c) for c in knowledge.stage_row(*args))
    if what in ("topic", "entry") and len(args) == 1:
        return render.entry_text(knowledge, knowledge.entry(args[0]))
    if what == "where" and args:
        found = knowledge.where_is(" ".join(args))
        if not found:
            return "No activity has that name."
        return "\n".join(
            f"{knowledge.audience(aud).name}: {a.name} - {knowledge.stage(a.stage).name} stage, "
            f"{knowledge.level(a.level).name.lower()} ({a.id})"
            for aud, activities in found.items()
            for a in activities
        )
    raise SystemExit(__doc__)


def _search(knowledge: Knowledge, text: str) -> None:
    """The word search's hits, then the entries nearest in meaning: the two things the bot's answer weighs."""
    close = knowledge.closeness(text)
    print("by words     score  closeness")
    for hit in knowledge.search(text, limit=8):
        print(f"  {hit.kind:<10} {hit.score:6.2f}  {close.get(hit.id, 0.0):5.2f}  {hit.id}")
    if close:
        print("by meaning          closeness")
        for entry_id in sorted(close, key=close.__getitem__, reverse=True)[:5]:
            print(f"                       {close[entry_id]:5.2f}  {entry_id}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.knowledge", description="Check and query the knowledge base.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate the knowledge base")
    check.add_argument("directory", nargs="?")
    show = sub.add_parser("show", help="print a cell, a row, a topic or an entry")
    show.add_argument("what", choices=["cell", "row", "topic", "entry", "where"])
    show.add_argument("args", nargs="*")
    search = sub.add_parser("search", help="free-text search, by words and by meaning")
    search.add_argument("words", nargs="+")
    options = parser.parse_args(argv)

    if options.command == "check":
        return _check(options.directory)
    try:
        knowledge = load()
    except KnowledgeBaseError as error:
        print(error.report(), file=sys.stderr)
        return 1
    try:
        if options.command == "show":
            print(_show(knowledge, options.what, options.args))
        else:
            _search(knowledge, " ".join(options.words))
    except UnknownEntry as error:
        print(f"Not in the knowledge base: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
