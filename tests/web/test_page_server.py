"""The page server hands out only its own files and never echoes a hostile Host header."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from bot.web.server import PageConfig, missing_files, request_host, serve


@pytest.fixture(scope="module")
def page_server() -> Iterator[str]:
    server = serve(0, PageConfig(rasa_port=5005))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def fetch(url: str, method: str = "GET", host: str | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, method=method, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 - loopback
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_install_put_the_npm_files_in_place():
    assert missing_files() == []


def test_the_page_and_its_scripts_are_served(page_server):
    for path in ("/", "/app.js", "/matrix.js", "/style.css", "/vendor/webchat.js", "/vendor/react.js"):
        status, headers, body = fetch(page_server + path)
        assert status == 200, path
        assert body
        assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", ["/../README.md", "/web/package.json", "/vendor/../../bot/settings.py", "/nope"])
def test_anything_else_is_not_found(page_server, path):
    assert fetch(page_server + path)[0] == 404


def test_only_get_and_head_are_allowed(page_server):
    assert fetch(page_server + "/", method="POST")[0] == 405
    assert fetch(page_server + "/", method="HEAD")[0] == 200


def test_config_points_the_page_at_rasa_on_the_host_the_browser_used(page_server):
    status, headers, body = fetch(page_server + "/config.js", host="chat.example.org:8080")
    assert status == 200
    assert b'"socketUrl": "http://chat.example.org:5005"' in body
    assert "connect-src 'self' http://chat.example.org:5005 ws://chat.example.org:5005" in headers[
        "Content-Security-Policy"
    ]


@pytest.mark.parametrize(
    ("header", "host"),
    [
        ("localhost:8080", "localhost"),
        ("127.0.0.1", "127.0.0.1"),
        ("[::1]:8080", "[::1]"),
        ('evil"><script>', "localhost"),
        ("a b", "localhost"),
        ("", "localhost"),
        (None, "localhost"),
        ("x" * 300, "localhost"),
    ],
)
def test_request_host_keeps_plain_names_only(header, host):
    assert request_host(header) == host


def test_a_public_rasa_url_replaces_the_local_one():
    config = PageConfig(rasa_port=5005, rasa_url="https://bot.example.org")
    assert '"socketUrl": "https://bot.example.org"' in config.config_js("localhost")
    assert "wss://bot.example.org" in config.security_policy("localhost")
