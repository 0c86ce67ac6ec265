"""Throw-away PostgreSQL and Redis servers for the scale-out test: loopback only, non-default ports, a temporary
folder each, never the system services. ``scripts/install_scale.sh`` installs the Debian packages.

PostgreSQL refuses to run as root, so when the test runs as root the server runs as the ``postgres`` user that
Debian's package creates (``runuser``), in a folder that user owns.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

READY_TIMEOUT_S = 60.0


class ServiceError(RuntimeError):
    pass


def wait_until_ready(name: str, process: subprocess.Popen, log: Path, probe, not_yet: type[Exception],
                     pause: float) -> None:
    """Polls ``probe()`` until it returns true, the server exits, or READY_TIMEOUT_S passes; ``not_yet`` is the
    error the probe raises while the server is still starting."""
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServiceError(f"{name} exited: see {log}")
        try:
            if probe():
                return
        except not_yet:
            time.sleep(pause)
    raise ServiceError(f"{name} not ready after {READY_TIMEOUT_S:.0f} s: see {log}")


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def require_free(port: int, what: str) -> None:
    if not port_is_free(port):
        raise ServiceError(f"port {port} for {what} is in use on 127.0.0.1: is an earlier test run still going?")


def postgres_bin_dir() -> Path:
    """Debian installs each major version side by side; the newest one is used."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"), key=lambda p: int(Path(p).parts[4]))
    if not found:
        raise ServiceError("PostgreSQL is not installed: run scripts/install_scale.sh")
    return Path(found[-1]).parent


def _stop_process_group(process: subprocess.Popen, sig: int, timeout: float) -> None:
    if process.poll() is None:
        os.killpg(process.pid, sig)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@dataclass
class Postgres:
    """A PostgreSQL server with one database and one user whose password is made up per run."""

    port: int
    database: str = "involve"
    user: str = "involve"
    password: str = field(default_factory=lambda: secrets.token_urlsafe(18))
    folder: Path | None = None
    process: subprocess.Popen | None = None

    def _as_owner(self) -> list[str]:
        return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def start(self) -> Postgres:
        require_free(self.port, "PostgreSQL")
        bin_dir = postgres_bin_dir()
        self.folder = Path(tempfile.mkdtemp(prefix="involve-scale-pg-"))
        data, password_file = self.folder / "data", self.folder / "password"
        password_file.write_text(self.password)
        password_file.chmod(0o600)
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            for path in (self.folder, password_file):
                os.chown(path, owner.pw_uid, owner.pw_gid)
        subprocess.run(
            [*self._as_owner(), str(bin_dir / "initdb"), "-D", str(data), "-U", self.user, "--pwfile", str(password_file),
             "-A", "scram-sha-256", "-E", "UTF8", "--no-sync"],
            check=True, capture_output=True,
        )
        log = open(self.folder / "postgres.log", "ab")  # noqa: SIM115 - lives as long as the server
        # A test database: durability switched off for speed; sockets only in its own folder and on loopback.
        self.process = subprocess.Popen(
            [*self._as_owner(), str(bin_dir / "postgres"), "-D", str(data), "-p", str(self.port),
             "-c", "listen_addresses=127.0.0.1", "-c", f"unix_socket_directories={self.folder}",
             "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        log.close()
        self._wait_ready()
        connection = self.connect("postgres")
        try:
            connection.autocommit = True  # CREATE DATABASE cannot run in a transaction
            connection.cursor().execute(f'CREATE DATABASE "{self.database}"')
        finally:
            connection.close()
        return self

    def connect(self, database: str | None = None):
        import psycopg2  # installed with Rasa (its SQL tracker store driver)

        return psycopg2.connect(host="127.0.0.1", port=self.port, user=self.user, password=self.password,
                                dbname=database or self.database, connect_timeout=5)

    def _wait_ready(self) -> None:
        import psycopg2

        def accepts() -> bool:
            self.connect("postgres").close()
            return True

        wait_until_ready("PostgreSQL", self.process, Path(self.folder) / "postgres.log", accepts,
                         psycopg2.OperationalError, pause=0.2)

    def env(self) -> dict[str, str]:
        """The settings a Rasa server needs to keep conversations here (see bot/deploy/endpoints.py)."""
        return {"TRACKER_STORE": "postgres", "TRACKER_DB_HOST": "127.0.0.1", "TRACKER_DB_PORT": str(self.port),
                "TRACKER_DB_NAME": self.database, "TRACKER_DB_USER": self.user, "TRACKER_DB_PASSWORD": self.password}

    def stop(self) -> None:
        if self.process is not None:
            # SIGINT is PostgreSQL's "fast shutdown": it ends sessions and stops at once.
            _stop_process_group(self.process, signal.SIGINT, timeout=20)
            self.process = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


@dataclass
class Redis:
    """A Redis server with a password made up per run, keeping nothing on disk."""

    port: int
    password: str = field(default_factory=lambda: secrets.token_urlsafe(18))
    folder: Path | None = None
    process: subprocess.Popen | None = None

    def start(self) -> Redis:
        require_free(self.port, "Redis")
        server = shutil.which("redis-server")
        if not server:
            raise ServiceError("Redis is not installed: run scripts/install_scale.sh")
        self.folder = Path(tempfile.mkdtemp(prefix="involve-scale-redis-"))
        config = self.folder / "redis.conf"
        # In a file, not on the command line, so the password does not show in the process list.
        config.write_text(f"port {self.port}\nbind 127.0.0.1\nsave \"\"\nappendonly no\ndaemonize no\n"
                          f"dir {self.folder}\nrequirepass {self.password}\n")
        config.chmod(0o600)
        log = open(self.folder / "redis.log", "ab")  # noqa: SIM115 - lives as long as the server
        self.process = subprocess.Popen([server, str(config)], stdout=log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        log.close()
        self._wait_ready()
        return self

    def client(self):
        import redis  # installed with Rasa (its Redis lock store driver)

        return redis.Redis(host="127.0.0.1", port=self.port, password=self.password, socket_timeout=5)

    def _wait_ready(self) -> None:
        import redis

        wait_until_ready("Redis", self.process, Path(self.folder) / "redis.log", lambda: self.client().ping(),
                         redis.exceptions.ConnectionError, pause=0.1)

    def env(self) -> dict[str, str]:
        return {"LOCK_STORE": "redis", "REDIS_HOST": "127.0.0.1", "REDIS_PORT": str(self.port), "REDIS_DB": "1",
                "REDIS_PASSWORD": self.password}

    def stop(self) -> None:
        if self.process is not None:
            _stop_process_group(self.process, signal.SIGTERM, timeout=10)
            self.process = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
