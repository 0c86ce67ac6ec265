"""The endpoints file Rasa gets, generated from the environment.

Rasa's ``endpoints.yml`` substitutes ``${VAR}`` but has no conditionals, so the choice of tracker store and lock
store is made here. With none of the variables below set, the result is the committed ``endpoints.yml``: SQLite
conversations in ``TRACKER_DB`` and Rasa's in-memory lock store, which is right for one server.

Several Rasa servers sharing conversations need:

- ``TRACKER_STORE=postgres`` and either ``TRACKER_DB_URL`` (``postgresql://user:password@host:5432/db``) or
  ``TRACKER_DB_HOST`` with ``TRACKER_DB_PORT`` (5432), ``TRACKER_DB_NAME`` (``involve``), ``TRACKER_DB_USER`` and
  ``TRACKER_DB_PASSWORD``;
- ``LOCK_STORE=redis`` with ``REDIS_HOST``, ``REDIS_PORT`` (6379), ``REDIS_DB`` (1), ``REDIS_PASSWORD``,
  ``REDIS_KEY_PREFIX`` and ``REDIS_USE_SSL``.

Passwords and URLs are never written to the file: it names them as ``${VAR}`` and Rasa reads them from its own
environment when it loads the file. No Rasa import here (``rasa_plugins/redis_lock.py`` is the plug-in Rasa loads).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

TRACKER_STORES = ("sqlite", "postgres")
LOCK_STORES = ("in_memory", "redis")
# Rasa's own RedisLockStore can let two servers handle one conversation at once; see rasa_plugins/redis_lock.py.
REDIS_LOCK_STORE = "rasa_plugins.redis_lock.AtomicRedisLockStore"
TRUE_WORDS = ("1", "true", "yes")
FALSE_WORDS = ("", "0", "false", "no")


class StoreSettingsError(ValueError):
    """A tracker store or lock store variable is missing or wrong; the message names the variable."""


def placeholder(variable: str) -> str:
    """A value Rasa fills in from its environment when it reads the file (so secrets stay out of it)."""
    return "${" + variable + "}"


@dataclass(frozen=True)
class SqliteStore:
    """One file on one machine: the default."""

    def endpoint(self) -> dict[str, object]:
        return {"type": "SQL", "dialect": "sqlite", "db": placeholder("TRACKER_DB")}


@dataclass(frozen=True)
class PostgresStore:
    """A database every Rasa server reaches. ``url_set`` means TRACKER_DB_URL carries everything."""

    url_set: bool = False
    host: str = ""
    port: int = 5432
    db: str = "involve"
    user: str = ""
    password_set: bool = False

    def endpoint(self) -> dict[str, object]:
        if self.url_set:
            # Rasa's SQL store takes a full URL in `url` as it is.
            return {"type": "SQL", "url": placeholder("TRACKER_DB_URL")}
        endpoint: dict[str, object] = {"type": "SQL", "dialect": "postgresql", "url": self.host, "port": self.port,
                                       "db": self.db, "username": self.user}
        if self.password_set:
            endpoint["password"] = placeholder("TRACKER_DB_PASSWORD")
        return endpoint


@dataclass(frozen=True)
class RedisLock:
    """Rasa's ticket lock kept in Redis, so a conversation is handled by one server at a time (with atomic ticket
    changes: see ``rasa_plugins/redis_lock.py``)."""

    host: str
    port: int = 6379
    db: int = 1
    password_set: bool = False
    key_prefix: str = ""
    use_ssl: bool = False

    def endpoint(self) -> dict[str, object]:
        endpoint: dict[str, object] = {"type": REDIS_LOCK_STORE, "url": self.host, "port": self.port, "db": self.db}
        if self.password_set:
            endpoint["password"] = placeholder("REDIS_PASSWORD")
        if self.key_prefix:
            endpoint["key_prefix"] = self.key_prefix
        if self.use_ssl:
            endpoint["use_ssl"] = True
        return endpoint


def _choice(env: Mapping[str, str], variable: str, choices: tuple[str, ...]) -> str:
    value = env.get(variable, "").strip().lower() or choices[0]
    if value == "postgresql":
        value = "postgres"
    if value not in choices:
        raise StoreSettingsError(f"{variable}={env[variable]!r} is not supported: use one of {', '.join(choices)}")
    return value


def _integer(env: Mapping[str, str], variable: str, default: int, lowest: int, highest: int) -> int:
    text = env.get(variable, "").strip()
    if not text:
        return default
    if not text.isdigit() or not lowest <= int(text) <= highest:
        raise StoreSettingsError(f"{variable}={text!r} must be a whole number from {lowest} to {highest}")
    return int(text)


def _required(env: Mapping[str, str], variable: str, why: str) -> str:
    value = env.get(variable, "").strip()
    if not value:
        raise StoreSettingsError(f"{why}: set {variable}")
    return value


def _flag(env: Mapping[str, str], variable: str) -> bool:
    text = env.get(variable, "").strip().lower()
    if text not in TRUE_WORDS + FALSE_WORDS:
        raise StoreSettingsError(f"{variable}={text!r} must be true or false")
    return text in TRUE_WORDS


def tracker_store(env: Mapping[str, str]) -> SqliteStore | PostgresStore:
    """Where conversations are kept (``TRACKER_STORE``: sqlite, the default, or postgres)."""
    if _choice(env, "TRACKER_STORE", TRACKER_STORES) == "sqlite":
        return SqliteStore()
    url, host = env.get("TRACKER_DB_URL", "").strip(), env.get("TRACKER_DB_HOST", "").strip()
    if url and host:
        raise StoreSettingsError("TRACKER_DB_URL and TRACKER_DB_HOST are both set: set one of them")
    if url:
        if not url.startswith(("postgresql://", "postgresql+psycopg2://")):
            raise StoreSettingsError("TRACKER_DB_URL must start with postgresql:// (SQLAlchemy no longer accepts "
                                     "postgres://)")
        return PostgresStore(url_set=True)
    why = "TRACKER_STORE=postgres needs the database server"
    if not host:
        raise StoreSettingsError(f"{why}: set TRACKER_DB_HOST (or TRACKER_DB_URL)")
    return PostgresStore(
        host=host,
        port=_integer(env, "TRACKER_DB_PORT", 5432, 1, 65535),
        db=env.get("TRACKER_DB_NAME", "").strip() or "involve",
        user=_required(env, "TRACKER_DB_USER", "TRACKER_STORE=postgres needs a database user"),
        password_set="TRACKER_DB_PASSWORD" in env,
    )


def lock_store(env: Mapping[str, str]) -> RedisLock | None:
    """How turns of one conversation are kept in order (``LOCK_STORE``: in_memory, the default, or redis)."""
    if _choice(env, "LOCK_STORE", LOCK_STORES) == "in_memory":
        return None  # Rasa's own default; right for one server only
    prefix = env.get("REDIS_KEY_PREFIX", "").strip()
    if prefix and not prefix.isalnum():
        # Rasa would silently ignore it and share keys with other bots on the same Redis.
        raise StoreSettingsError(f"REDIS_KEY_PREFIX={prefix!r} must be letters and digits only")
    return RedisLock(
        host=_required(env, "REDIS_HOST", "LOCK_STORE=redis needs the Redis server"),
        port=_integer(env, "REDIS_PORT", 6379, 1, 65535),
        db=_integer(env, "REDIS_DB", 1, 0, 10_000),
        password_set="REDIS_PASSWORD" in env,
        key_prefix=prefix,
        use_ssl=_flag(env, "REDIS_USE_SSL"),
    )


def endpoints(env: Mapping[str, str]) -> dict[str, object]:
    """The whole endpoints configuration, as Rasa reads it. Raises StoreSettingsError on bad settings."""
    config: dict[str, object] = {
        "action_endpoint": {"url": placeholder("ACTION_SERVER_URL")},
        "tracker_store": tracker_store(env).endpoint(),
    }
    lock = lock_store(env)
    if lock is not None:
        config["lock_store"] = lock.endpoint()
    return config


HEADER = "# Generated from the environment by bot/deploy/endpoints.py; edits are overwritten. ${VAR} is read by Rasa.\n"


def render(config: Mapping[str, object]) -> str:
    return HEADER + yaml.safe_dump(dict(config), sort_keys=False, default_flow_style=False)


def write(env: Mapping[str, str], path: Path) -> Path:
    """Write the endpoints file for ``env`` to ``path``, whole or not at all (servers may be reading it)."""
    text = render(endpoints(env))
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)
    return path


def main() -> int:
    """``python -m bot.deploy.endpoints``: print the file this environment gives, or what is wrong with it."""
    try:
        sys.stdout.write(render(endpoints(os.environ)))
    except StoreSettingsError as error:
        print(f"endpoints: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
