"""Starts and stops the action server, the Rasa server and the web chat page together, as ``make run`` and the tests do.

Plain subprocesses of the ``rasa`` command line: no Rasa import here, so the core stays Rasa-free.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from bot import settings
from bot.deploy import endpoints

READY_TIMEOUT_S = 240.0


@dataclass(frozen=True)
class Ports:
    rasa: int = 5005
    actions: int = 5055
    web: int = 8080

    @classmethod
    def from_env(cls) -> Ports:
        return cls(
            int(os.environ.get("RASA_PORT", 5005)),
            int(os.environ.get("ACTION_SERVER_PORT", 5055)),
            int(os.environ.get("WEBCHAT_PORT", 8080)),
        )

    def page_origins(self) -> list[str]:
        """The origins the web chat page may be opened at; Rasa allows cross-origin requests from these only."""
        extra = os.environ.get("WEBCHAT_ORIGIN", "").split()
        return [f"http://localhost:{self.web}", f"http://127.0.0.1:{self.web}", *extra]


def rasa_command() -> str:
    """The ``rasa`` command of the virtual environment this Python runs in."""
    return str(Path(sys.executable).parent / "rasa")


class ApiSettingsError(ValueError):
    pass


def http_api_args(env: dict[str, str]) -> list[str]:
    """Rasa's HTTP API (trackers, events, model) is off unless INVOLVE_ENABLE_API=1, and then never unprotected.

    RASA_AUTH_TOKEN (callers add ``?token=...``) or RASA_JWT_SECRET (callers send ``Authorization: Bearer <JWT>``
    signed with it; RASA_JWT_METHOD, default HS256) must be set.
    """
    if env.get("INVOLVE_ENABLE_API", "").lower() not in ("1", "true", "yes"):
        return []
    token, secret = env.get("RASA_AUTH_TOKEN", ""), env.get("RASA_JWT_SECRET", "")
    if not token and not secret:
        raise ApiSettingsError("INVOLVE_ENABLE_API is set: also set RASA_AUTH_TOKEN or RASA_JWT_SECRET")
    args = ["--enable-api"]
    if token:
        args += ["--auth-token", token]
    if secret:
        args += ["--jwt-secret", secret, "--jwt-method", env.get("RASA_JWT_METHOD", "HS256")]
    return args


def newest_model(models_dir: Path) -> Path:
    models = sorted(models_dir.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        raise FileNotFoundError(f"no trained model in {models_dir}: run `make train`")
    return models[-1]


def _get(url: str, timeout: float = 2.0) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback only
            return int(response.status)
    except (urllib.error.URLError, OSError, ValueError):
        return None


def post_message(port: int, sender: str, message: str, timeout: float = 60.0) -> list[dict]:
    """Send one message to the REST channel and return the bot's messages."""
    data = json.dumps({"sender": sender, "message": message}).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/webhooks/rest/webhook", data=data, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - loopback only
        return json.loads(response.read().decode())


@dataclass
class Stack:
    """The two servers. ``log_dir`` receives their output (``actions.log`` and ``rasa.log``)."""

    model: Path
    ports: Ports = field(default_factory=Ports)
    log_dir: Path = field(default_factory=lambda: settings.PROJECT_ROOT / "build" / "logs")
    extra_env: dict[str, str] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)  # by name: actions, rasa, web
    _logs: list[IO[bytes]] = field(default_factory=list)

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            {
                "RASA_TELEMETRY_ENABLED": "false",
                "PYTHONPATH": str(settings.PROJECT_ROOT),
                "ACTION_SERVER_URL": f"http://127.0.0.1:{self.ports.actions}/webhook",
                "TRACKER_DB": env.get("TRACKER_DB", str(settings.PROJECT_ROOT / "build" / "tracker.db")),
                "TF_CPP_MIN_LOG_LEVEL": "2",
            }
        )
        env.update(self.extra_env)
        return env

    def _spawn(self, name: str, args: list[str]) -> subprocess.Popen:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115 - closed in stop()
        self._logs.append(log)
        process = subprocess.Popen(
            args,
            cwd=settings.PROJECT_ROOT,
            env=self.environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes[name] = process
        return process

    def start_actions(self) -> None:
        # rasa_sdk's own entry point, not `rasa run actions`: the same server without importing Rasa itself, which
        # costs the action server about 68 MB of memory.
        self._spawn("actions", [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port",
                                str(self.ports.actions)])

    def endpoints_file(self, port: int | None = None) -> Path:
        """Rasa's endpoints file, generated from this stack's environment (tracker and lock store choice).

        One file per Rasa port, so stacks started side by side (tests, several instances) never share one.
        """
        path = settings.PROJECT_ROOT / "build" / "endpoints" / f"rasa-{port or self.ports.rasa}.yml"
        return endpoints.write(self.environment(), path)

    def shell_command(self, port: int | None = None) -> list[str]:
        """``rasa shell`` on this stack's model and action server (``make shell``, and the terminal test)."""
        return [rasa_command(), "shell", "--model", str(self.model), "--endpoints", str(self.endpoints_file(port)),
                "--logging-config-file", "logging.yml", *(["--port", str(port)] if port else [])]

    def start_rasa(self) -> None:
        self._spawn(
            "rasa",
            [
                rasa_command(),
                "run",
                "--model",
                str(self.model),
                "--port",
                str(self.ports.rasa),
                "--endpoints",
                str(self.endpoints_file()),
                "--credentials",
                "credentials.yml",
                "--logging-config-file",
                "logging.yml",
                "--cors",
                *self.ports.page_origins(),
                *http_api_args(self.environment()),
            ],
        )

    def start_web(self) -> None:
        self._spawn(
            "web",
            [sys.executable, "-m", "bot.web", "--port", str(self.ports.web), "--rasa-port", str(self.ports.rasa)],
        )

    def stop_one(self, name: str) -> None:
        """Stop one server (e.g. ``"actions"``), as a crash would; ``start_actions()`` brings it back."""
        process = self.processes.pop(name)
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()

    def restart_servers(self) -> float:
        """Kill the Rasa server and the action server and start both again, as a crash and a restart would."""
        for name in ("rasa", "actions"):
            self.stop_one(name)
        self.start_actions()
        self.start_rasa()
        return self.wait_ready()

    def start(self) -> None:
        self.start_actions()
        self.start_rasa()
        self.start_web()

    def wait_ready(self, timeout: float = READY_TIMEOUT_S) -> float:
        """Wait until both servers answer; returns the seconds it took. Raises if a server dies or times out."""
        start = time.monotonic()
        checks = [
            f"http://127.0.0.1:{self.ports.actions}/health",
            f"http://127.0.0.1:{self.ports.rasa}/webhooks/rest/",
        ]
        if "web" in self.processes:
            checks.append(f"http://127.0.0.1:{self.ports.web}/health")
        while time.monotonic() - start < timeout:
            for process in self.processes.values():
                if process.poll() is not None:
                    raise RuntimeError(f"a server exited early (code {process.returncode}); see {self.log_dir}")
            if all(_get(url) == 200 for url in checks):
                return time.monotonic() - start
            time.sleep(0.5)
        raise TimeoutError(f"servers not ready after {timeout:.0f} s; see {self.log_dir}")

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.processes.clear()
        for log in self._logs:
            log.close()
        self._logs.clear()
