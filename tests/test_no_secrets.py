"""No credential is committed: every tracked text file is scanned for strings that look like secrets."""

from __future__ import annotations

import re
import subprocess

from tests.conftest import PROJECT_ROOT

PATTERNS = {
    "private key": re.compile(r"-----BEGIN (?:RSA |EC |OPENSSH |DSA )?PRIVATE KEY-----"),
    "AWS access key": re.compile(r"\bAKIA[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36}\b"),
    "Slack token": re.compile(r"\bxox[baprs]-[A-Za-z0-9-]{10,}"),
    "Azure client secret": re.compile(r"\b[A-Za-z0-9_~.-]{3}8Q~[A-Za-z0-9_~.-]{31,34}\b"),
    # A quoted literal in code or settings, or an unquoted YAML value on its own line.
    "password or secret in settings": re.compile(
        r"(?im)\b(?:app_password|password|client_secret|auth_token|jwt_secret|api_key)\b\s*[:=]\s*"
        r"(?:['\"](?!\$\{)[^'\"\s]{12,}['\"]|(?!\$\{)[A-Za-z0-9/+_~-]{12,}\s*$)"
    ),
}
# Test doubles carry obviously fake values; they are named here, one by one, so nothing else can hide.
ALLOWED = {("tests/fakes/bot_framework.py", "fake-secret-for-tests")}


def tracked_files() -> list[str]:
    listing = subprocess.run(["git", "ls-files"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    return [name for name in listing.stdout.splitlines() if not name.endswith((".png", ".lock", "package-lock.json"))]


def test_no_credentials_are_committed():
    found = []
    for name in tracked_files():
        path = PROJECT_ROOT / name
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue
        for what, pattern in PATTERNS.items():
            for match in pattern.finditer(text):
                if not any(name == allowed and value in match.group(0) for allowed, value in ALLOWED):
                    found.append(f"{name}: {what}: {match.group(0)[:40]}...")
    assert not found, "credential-looking strings are committed:\n" + "\n".join(found)


def test_the_scanner_catches_what_it_should():
    # Built from pieces so that this file does not trip its own scan.
    assert PATTERNS["private key"].search("-----BEGIN RSA " + "PRIVATE KEY-----")
    assert PATTERNS["password or secret in settings"].search("app_pass" + "word: " + '"s3cr3t-' + 'Value-1234"')
    assert not PATTERNS["password or secret in settings"].search("app_password: ${TEAMS_APP_PASSWORD}")
