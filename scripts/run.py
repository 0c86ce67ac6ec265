"""`make run`: start the action server and the Rasa server, print where to chat, stop both on Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot import settings  # noqa: E402
from bot.deploy.endpoints import StoreSettingsError  # noqa: E402
from bot.stack import ApiSettingsError, Ports, Stack, newest_model  # noqa: E402


def main(argv: list[str]) -> int:
    ports = Ports.from_env()
    stack = Stack(model=newest_model(settings.PROJECT_ROOT / "models"), ports=ports)
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    if "--shell" in argv:
        try:
            command = stack.shell_command()
        except StoreSettingsError as error:
            print(f"Could not start: {error}", file=sys.stderr)
            return 1
        stack.start_actions()
        try:
            return subprocess.call(
                command,
                cwd=settings.PROJECT_ROOT,
                env=stack.environment(),
            )
        finally:
            stack.stop()

    print(
        f"Starting the action server (port {ports.actions}), the Rasa server (port {ports.rasa}) "
        f"and the web chat page (port {ports.web})..."
    )
    print(f"Logs: {stack.log_dir}/actions.log, rasa.log and web.log")
    started = time.monotonic()
    try:
        stack.start()
        stack.wait_ready()
    except (RuntimeError, TimeoutError, ApiSettingsError, StoreSettingsError) as error:
        print(f"Could not start: {error}", file=sys.stderr)
        stack.stop()
        return 1
    print(f"\nInvolve is ready (started in {time.monotonic() - started:.0f} s). Chat with it:")
    print(f"  Web chat: http://localhost:{ports.web}/")
    print(
        f"  REST:     curl -s -XPOST localhost:{ports.rasa}/webhooks/rest/webhook "
        "-d '{\"sender\":\"me\",\"message\":\"hello\"}'"
    )
    print(f"  socket.io: ws://localhost:{ports.rasa}/socket.io (other web chat widgets)")
    print(f"  Teams:    POST http://localhost:{ports.rasa}/webhooks/teams/webhook (see README: Microsoft Teams)")
    print("  Terminal: make shell")
    print("Press Ctrl-C to stop.")
    try:
        while not stopping and all(p.poll() is None for p in stack.processes.values()):
            time.sleep(0.5)
    finally:
        print("\nStopping...")
        stack.stop()
    return 0 if stopping else 1


if __name__ == "__main__":
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    sys.exit(main(sys.argv[1:]))
