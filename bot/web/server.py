"""A small static file server for the web chat page.

Only the files listed in ``routes`` can be fetched: the page, its script and style, and two files from the npm
packages installed by ``make install`` (``web/node_modules``). The page then talks to Rasa's socket.io channel
directly, so this server needs no Rasa import and never sees a chat message.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from bot import settings

WEB_DIR = settings.PROJECT_ROOT / "web"
STATIC_DIR = WEB_DIR / "static"
NODE_MODULES = WEB_DIR / "node_modules"

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
}

# A Host header is echoed into config.js and the page's security policy, so only plain host names pass.
_HOST = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.?)+$|^\[[0-9A-Fa-f:.]+\]$")


def routes() -> dict[str, Path]:
    return {
        "/": STATIC_DIR / "index.html",
        "/index.html": STATIC_DIR / "index.html",
        "/app.js": STATIC_DIR / "app.js",
        "/matrix.js": STATIC_DIR / "matrix.js",
        "/plan.js": STATIC_DIR / "plan.js",
        "/style.css": STATIC_DIR / "style.css",
        "/favicon.svg": STATIC_DIR / "favicon.svg",
        "/favicon.ico": STATIC_DIR / "favicon.svg",
        "/vendor/react.js": NODE_MODULES / "react" / "umd" / "react.production.min.js",
        "/vendor/webchat.js": NODE_MODULES / "rasa-webchat" / "lib" / "index.js",
    }


def missing_files() -> list[Path]:
    """Files the page needs that are not on disk (the npm packages are installed by ``make install``)."""
    return [path for path in routes().values() if not path.is_file()]


@dataclass(frozen=True)
class PageConfig:
    rasa_port: int
    rasa_url: str | None = None  # when set (e.g. behind a proxy), the page connects there instead

    def socket_url(self, host: str) -> str:
        return self.rasa_url or f"http://{host}:{self.rasa_port}"

    def config_js(self, host: str) -> str:
        settings_for_page = {"socketUrl": self.socket_url(host)}
        return f"window.INVOLVE_CONFIG = {json.dumps(settings_for_page)};\n"

    def security_policy(self, host: str) -> str:
        socket = urlsplit(self.socket_url(host))
        websocket = socket._replace(scheme="wss" if socket.scheme == "https" else "ws").geturl()
        return (
            "default-src 'self'; "
            f"connect-src 'self' {socket.geturl()} {websocket}; "
            # rasa-webchat injects its stylesheet and sets inline styles from React.
            "style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; "
            "font-src 'self' data:; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
        )


def request_host(host_header: str | None) -> str:
    """The host name the browser used (without port), or ``localhost`` if the header is absent or odd."""
    host = (host_header or "").strip()
    if host.startswith("["):
        host = host.split("]")[0] + "]"
    else:
        host = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    return host if host and len(host) <= 253 and _HOST.match(host) else "localhost"


def make_handler(config: PageConfig) -> type[BaseHTTPRequestHandler]:
    table = routes()

    class PageHandler(BaseHTTPRequestHandler):
        server_version = "InvolvePage"
        sys_version = ""
        host = "localhost"  # the Host header's name, read once per request in _serve or _refuse

        def _send(self, status: HTTPStatus, body: bytes, content_type: str, head_only: bool = False) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Referrer-Policy", "no-referrer")
            self.send_header("Content-Security-Policy", config.security_policy(self.host))
            self.end_headers()
            if not head_only:
                self.wfile.write(body)

        def _serve(self, head_only: bool) -> None:
            self.host = request_host(self.headers.get("Host"))
            path = urlsplit(self.path).path
            if path == "/health":
                self._send(HTTPStatus.OK, b'{"status": "ok"}', "application/json", head_only)
                return
            if path == "/config.js":
                body = config.config_js(self.host).encode()
                self._send(HTTPStatus.OK, body, CONTENT_TYPES[".js"], head_only)
                return
            file = table.get(path)
            if file is None or not file.is_file():
                self._send(HTTPStatus.NOT_FOUND, b"Not found", "text/plain; charset=utf-8", head_only)
                return
            self._send(HTTPStatus.OK, file.read_bytes(), CONTENT_TYPES[file.suffix], head_only)

        def do_GET(self) -> None:  # noqa: N802 - the name http.server looks for
            self._serve(head_only=False)

        def do_HEAD(self) -> None:  # noqa: N802
            self._serve(head_only=True)

        def _refuse(self) -> None:
            self.host = request_host(self.headers.get("Host"))
            self._send(HTTPStatus.METHOD_NOT_ALLOWED, b"Only GET", "text/plain; charset=utf-8")

        do_POST = do_PUT = do_DELETE = do_PATCH = _refuse  # noqa: N815

    return PageHandler


def serve(port: int, config: PageConfig, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    server = ThreadingHTTPServer((host, port), make_handler(config))
    server.daemon_threads = True
    return server
