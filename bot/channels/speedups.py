"""Two costs found by profiling the Rasa server under load (py-spy, see bench/README or the closing note of #7).

1. Rasa checks every action server reply against a JSON schema with ``jsonschema.validate``, which first checks the
   *schema itself* against the JSON Schema meta-schema, on every call. That took a quarter of the server's time.
   The schema does not change, so it is checked once; every reply is still validated in full.
2. The SQLite tracker store commits after every turn, and SQLite's default journal waits for the disk (fsync) on
   each commit. In write-ahead-log mode with ``synchronous=NORMAL`` a commit survives the process crashing or being
   killed (what the restart tests do); only a power cut can lose the last turns. Other databases are untouched.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

_checked_schemas: set[tuple[type, str]] = set()


def validate_with_checked_schema(instance: Any, schema: Any, cls: type | None = None, *args: Any, **kwargs: Any):
    """``jsonschema.validate`` with the same errors, but each distinct schema is checked only once."""
    from jsonschema import exceptions, validators

    if cls is None:
        cls = validators.validator_for(schema)
    key = (cls, json.dumps(schema, sort_keys=True, default=str))
    if key not in _checked_schemas:
        cls.check_schema(schema)
        _checked_schemas.add(key)
    error = exceptions.best_match(cls(schema, *args, **kwargs).iter_errors(instance))
    if error is not None:
        raise error


def cache_json_schema_checks() -> bool:
    import jsonschema

    if getattr(jsonschema.validate, "_involve_cached", False):
        return True
    validate_with_checked_schema._involve_cached = True  # type: ignore[attr-defined]
    jsonschema.validate = validate_with_checked_schema  # Rasa imports it by name at each call
    return True


# Rasa opens a new SQLite connection for every read and write; when the last one closes, SQLite folds the log back
# into the database and syncs it, which would undo the gain. One idle connection per file, kept open, prevents that.
_keepers: dict[str, sqlite3.Connection] = {}


def _sqlite_write_ahead_log(dbapi_connection: Any, _record: Any) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    path = next((row[2] for row in cursor.execute("PRAGMA database_list") if row[1] == "main"), "")
    cursor.close()
    if path and path not in _keepers:
        keeper = sqlite3.connect(path, check_same_thread=False)
        keeper.execute("SELECT count(*) FROM sqlite_master").fetchall()  # a read opens the log and keeps it open
        _keepers[path] = keeper


def sqlite_write_ahead_log() -> bool:
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    if not event.contains(Engine, "connect", _sqlite_write_ahead_log):
        event.listen(Engine, "connect", _sqlite_write_ahead_log)
    return True


def apply() -> None:
    cache_json_schema_checks()
    sqlite_write_ahead_log()
