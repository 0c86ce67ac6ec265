"""Which tracker store and lock store Rasa gets, from the environment; nothing set means today's SQLite setup."""

from __future__ import annotations

import pytest
import yaml

from bot.deploy import endpoints
from bot.deploy.endpoints import REDIS_LOCK_STORE, PostgresStore, RedisLock, SqliteStore, StoreSettingsError
from tests.conftest import PROJECT_ROOT

POSTGRES = {"TRACKER_STORE": "postgres", "TRACKER_DB_HOST": "db.internal", "TRACKER_DB_USER": "involve",
            "TRACKER_DB_PASSWORD": "from-a-secret"}
REDIS = {"LOCK_STORE": "redis", "REDIS_HOST": "redis.internal"}


def test_with_nothing_set_the_result_is_the_committed_sqlite_endpoints_file():
    committed = yaml.safe_load((PROJECT_ROOT / "endpoints.yml").read_text())
    assert endpoints.endpoints({}) == committed
    assert endpoints.tracker_store({}) == SqliteStore() and endpoints.lock_store({}) is None


def test_sqlite_and_in_memory_can_be_named_explicitly():
    assert endpoints.endpoints({"TRACKER_STORE": "SQLite", "LOCK_STORE": "in_memory"}) == endpoints.endpoints({})


def test_postgres_from_host_user_and_password_keeps_the_password_out_of_the_file():
    config = endpoints.endpoints(POSTGRES)
    assert config["tracker_store"] == {"type": "SQL", "dialect": "postgresql", "url": "db.internal", "port": 5432,
                                       "db": "involve", "username": "involve", "password": "${TRACKER_DB_PASSWORD}"}
    assert "from-a-secret" not in endpoints.render(config)
    assert "lock_store" not in config


def test_postgres_port_and_database_name_can_be_changed():
    store = endpoints.tracker_store({**POSTGRES, "TRACKER_DB_PORT": "6543", "TRACKER_DB_NAME": "bots"})
    assert isinstance(store, PostgresStore) and (store.port, store.db) == (6543, "bots")


def test_postgres_without_a_password_variable_names_no_password():
    settings = {k: v for k, v in POSTGRES.items() if k != "TRACKER_DB_PASSWORD"}
    assert "password" not in endpoints.tracker_store(settings).endpoint()


def test_postgres_from_one_url_passes_the_url_by_reference():
    env = {"TRACKER_STORE": "postgresql", "TRACKER_DB_URL": "postgresql://u:p@h:5432/d"}
    assert endpoints.endpoints(env)["tracker_store"] == {"type": "SQL", "url": "${TRACKER_DB_URL}"}
    assert "u:p@h" not in endpoints.render(endpoints.endpoints(env))


def test_redis_lock_store_with_password_prefix_and_tls():
    env = {**REDIS, "REDIS_PORT": "6380", "REDIS_DB": "3", "REDIS_PASSWORD": "x", "REDIS_KEY_PREFIX": "involve",
           "REDIS_USE_SSL": "true"}
    assert endpoints.lock_store(env) == RedisLock("redis.internal", 6380, 3, True, "involve", True)
    assert endpoints.endpoints(env)["lock_store"] == {"type": REDIS_LOCK_STORE, "url": "redis.internal", "port": 6380, "db": 3,
                                                      "password": "${REDIS_PASSWORD}", "key_prefix": "involve",
                                                      "use_ssl": True}


def test_redis_defaults_are_rasas():
    assert endpoints.endpoints(REDIS)["lock_store"] == {"type": REDIS_LOCK_STORE, "url": "redis.internal", "port": 6379,
                                                        "db": 1}


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"TRACKER_STORE": "mongo"}, "TRACKER_STORE"),
        ({"TRACKER_STORE": "postgres"}, "TRACKER_DB_HOST"),
        ({"TRACKER_STORE": "postgres", "TRACKER_DB_HOST": "h"}, "TRACKER_DB_USER"),
        ({**POSTGRES, "TRACKER_DB_PORT": "54x"}, "TRACKER_DB_PORT"),
        ({**POSTGRES, "TRACKER_DB_PORT": "70000"}, "TRACKER_DB_PORT"),
        ({**POSTGRES, "TRACKER_DB_URL": "postgresql://h/d"}, "TRACKER_DB_URL and TRACKER_DB_HOST"),
        ({"TRACKER_STORE": "postgres", "TRACKER_DB_URL": "postgres://h/d"}, "TRACKER_DB_URL"),
        ({"LOCK_STORE": "zookeeper"}, "LOCK_STORE"),
        ({"LOCK_STORE": "redis"}, "REDIS_HOST"),
        ({**REDIS, "REDIS_DB": "-1"}, "REDIS_DB"),
        ({**REDIS, "REDIS_KEY_PREFIX": "my-bot"}, "REDIS_KEY_PREFIX"),
        ({**REDIS, "REDIS_USE_SSL": "maybe"}, "REDIS_USE_SSL"),
    ],
)
def test_bad_settings_fail_fast_naming_the_variable(env, named):
    with pytest.raises(StoreSettingsError, match=named):
        endpoints.endpoints(env)


def test_the_file_is_written_whole_with_a_header(tmp_path):
    path = endpoints.write({**POSTGRES, **REDIS}, tmp_path / "build" / "endpoints.yml")
    text = path.read_text()
    assert text.startswith("# Generated") and yaml.safe_load(text)["lock_store"]["type"] == REDIS_LOCK_STORE
    assert [p.name for p in path.parent.iterdir()] == ["endpoints.yml"]


def test_rasa_reads_the_generated_file_and_fills_in_the_secrets(tmp_path, monkeypatch):
    from rasa.utils.endpoints import read_endpoint_config

    path = endpoints.write({**POSTGRES, **REDIS, "REDIS_PASSWORD": "r"}, tmp_path / "endpoints.yml")
    monkeypatch.setenv("TRACKER_DB_PASSWORD", "pg-secret")
    monkeypatch.setenv("REDIS_PASSWORD", "redis-secret")
    monkeypatch.setenv("ACTION_SERVER_URL", "http://actions:5055/webhook")
    tracker = read_endpoint_config(str(path), "tracker_store")
    lock = read_endpoint_config(str(path), "lock_store")
    assert tracker.type == "SQL" and tracker.url == "db.internal" and tracker.kwargs["password"] == "pg-secret"
    assert lock.type == REDIS_LOCK_STORE and lock.kwargs["port"] == 6379 and lock.kwargs["password"] == "redis-secret"
    assert read_endpoint_config(str(path), "action_endpoint").url == "http://actions:5055/webhook"


def test_the_command_line_prints_the_file_or_the_problem(monkeypatch, capsys):
    for name in ("TRACKER_STORE", "LOCK_STORE"):
        monkeypatch.delenv(name, raising=False)
    assert endpoints.main() == 0 and "dialect: sqlite" in capsys.readouterr().out
    monkeypatch.setenv("LOCK_STORE", "redis")
    monkeypatch.delenv("REDIS_HOST", raising=False)
    assert endpoints.main() == 2 and "REDIS_HOST" in capsys.readouterr().err


def test_rasa_builds_the_atomic_redis_lock_store_from_the_generated_file(tmp_path, monkeypatch):
    from rasa.core.lock_store import LockStore
    from rasa.utils.endpoints import read_endpoint_config

    from rasa_plugins.redis_lock import AtomicRedisLockStore

    env = {**REDIS, "REDIS_PORT": "6390", "REDIS_DB": "2", "REDIS_PASSWORD": "", "REDIS_KEY_PREFIX": "bot"}
    path = endpoints.write(env, tmp_path / "endpoints.yml")
    monkeypatch.setenv("REDIS_PASSWORD", "pw")
    monkeypatch.setenv("ACTION_SERVER_URL", "http://actions:5055/webhook")
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "tracker.db"))
    store = LockStore.create(read_endpoint_config(str(path), "lock_store"))  # connects lazily: no server needed
    assert isinstance(store, AtomicRedisLockStore) and store.key_prefix == "bot:lock:"
    wanted = {"host": "redis.internal", "port": 6390, "db": 2, "password": "pw"}
    assert wanted.items() <= store.red.connection_pool.connection_kwargs.items()
