"""``python -m bot.feedback report [--db PATH_OR_URL]``: feedback counts per topic from the tracker store."""

from __future__ import annotations

import argparse
import os
import sys

from bot import settings
from bot.feedback.report import read_rows, render, tally


def default_db() -> str:
    """The tracker store the servers use: PostgreSQL when TRACKER_STORE=postgres with TRACKER_DB_URL, else SQLite."""
    if os.environ.get("TRACKER_STORE", "").lower() == "postgres" and os.environ.get("TRACKER_DB_URL"):
        return os.environ["TRACKER_DB_URL"]
    return os.environ.get("TRACKER_DB") or str(settings.PROJECT_ROOT / "build" / "tracker.db")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.feedback", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    report = sub.add_parser("report", help="print feedback counts per topic")
    report.add_argument("--db", default=default_db(), help="SQLite file or SQLAlchemy URL (default: TRACKER_DB)")
    args = parser.parse_args(argv)
    try:
        rows = read_rows(args.db)
    except Exception as error:  # noqa: BLE001 - any database problem gets one plain line, not a trace
        print(f"Could not read feedback from {args.db}: {error}", file=sys.stderr)
        return 1
    print(render(tally(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
