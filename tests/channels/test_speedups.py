"""The profiling fixes keep Rasa's behaviour: bad action server replies are still refused, SQLite still stores."""

from __future__ import annotations

import sqlite3

import jsonschema
import pytest
import sqlalchemy

from bot.channels import speedups


def test_every_reply_is_still_validated_and_a_broken_schema_still_fails():
    speedups.cache_json_schema_checks()
    schema = {"type": "object", "properties": {"events": {"type": "array"}}, "required": ["events"]}
    jsonschema.validate({"events": []}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"events": "not a list"}, schema)  # the second call uses the cached schema check
    with pytest.raises(jsonschema.SchemaError):
        jsonschema.validate({}, {"type": 12})


def test_rasa_uses_the_cached_check_for_action_server_replies():
    from rasa.core.actions.action import (
        ActionExecutionRejection,  # noqa: F401 - the module Rasa validates in
        RemoteAction,
    )

    speedups.cache_json_schema_checks()
    action = RemoteAction("action_anything", None)
    assert action._validate_action_result({"events": [], "responses": []})
    with pytest.raises(Exception):  # noqa: B017, PT011 - Rasa wraps the schema error in its own type
        action._validate_action_result({"events": "wrong"})


def test_sqlite_connections_use_the_write_ahead_log(tmp_path):
    speedups.sqlite_write_ahead_log()
    path = tmp_path / "tracker.db"
    engine = sqlalchemy.create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        connection.exec_driver_sql("CREATE TABLE t (x)")
        connection.exec_driver_sql("INSERT INTO t VALUES (1)")
    assert sqlite3.connect(path).execute("SELECT x FROM t").fetchall() == [(1,)]
