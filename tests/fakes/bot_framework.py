"""A fake Bot Framework Connector on loopback, playing Microsoft's part in the Teams tests.

It has its own RSA signing key and serves what the bot fetches (the OpenID metadata, the JWKS keys, the token
endpoint), signs activities the way the Connector does, posts them to the bot's webhook, and records the replies the
bot posts back to its ``serviceUrl``.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

ISSUER = "https://api.botframework.com"
APP_ID = "00000000-1111-2222-3333-444444444444"
APP_PASSWORD = "fake-secret-for-tests"  # noqa: S105 - a test double's secret, not a real one
KEY_ID = "fake-key-1"


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def public_jwk(key: rsa.RSAPrivateKey, kid: str, endorsements: list[str] | None = None) -> dict[str, Any]:
    jwk = json.loads(RSAAlgorithm.to_jwk(key.public_key()))
    jwk.update({"kid": kid, "use": "sig", "alg": "RS256"})
    if endorsements is not None:
        jwk["endorsements"] = endorsements
    return jwk


@dataclass
class Reply:
    path: str
    authorization: str
    activity: dict[str, Any]


@dataclass
class FakeConnector:
    key: rsa.RSAPrivateKey = field(default_factory=new_key)
    key_id: str = KEY_ID
    endorsements: list[str] = field(default_factory=lambda: ["msteams"])
    replies: list[Reply] = field(default_factory=list)
    key_fetches: int = 0
    token_requests: int = 0
    issued_tokens: set[str] = field(default_factory=set)
    _server: ThreadingHTTPServer | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # --- the loopback server -------------------------------------------------------------------------------------
    def start(self) -> FakeConnector:
        connector = self

        class Handler(BaseHTTPRequestHandler):
            def _json(self, status: int, body: Any) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _body(self) -> bytes:
                return self.rfile.read(int(self.headers.get("Content-Length") or 0))

            def do_GET(self) -> None:  # noqa: N802
                if self.path == "/v1/.well-known/openidconfiguration":
                    self._json(200, {"issuer": ISSUER, "jwks_uri": f"{connector.url}/v1/keys",
                                     "id_token_signing_alg_values_supported": ["RS256"]})
                elif self.path == "/v1/keys":
                    with connector._lock:
                        connector.key_fetches += 1
                    self._json(200, {"keys": [public_jwk(connector.key, connector.key_id, connector.endorsements)]})
                else:
                    self._json(404, {})

            def do_POST(self) -> None:  # noqa: N802
                body = self._body()
                if self.path == "/oauth2/token":
                    form = urllib.parse.parse_qs(body.decode())
                    ok = form.get("client_id") == [APP_ID] and form.get("client_secret") == [APP_PASSWORD] \
                        and form.get("grant_type") == ["client_credentials"]
                    if not ok:
                        self._json(401, {"error": "invalid_client"})
                        return
                    token = f"connector-token-{uuid.uuid4().hex}"
                    with connector._lock:
                        connector.token_requests += 1
                        connector.issued_tokens.add(token)
                    self._json(200, {"access_token": token, "expires_in": 3600, "token_type": "Bearer"})
                elif self.path.startswith("/v3/conversations/"):
                    authorization = self.headers.get("Authorization", "")
                    if authorization.removeprefix("Bearer ") not in connector.issued_tokens:
                        self._json(401, {"error": "bad token"})
                        return
                    with connector._lock:
                        connector.replies.append(Reply(self.path, authorization, json.loads(body)))
                    self._json(200, {"id": uuid.uuid4().hex})
                else:
                    self._json(404, {})

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def bot_env(self) -> dict[str, str]:
        """The environment that points the bot's Teams channel at this fake instead of Microsoft."""
        return {
            "TEAMS_APP_ID": APP_ID,
            "TEAMS_APP_PASSWORD": APP_PASSWORD,
            "TEAMS_OPENID_METADATA_URL": f"{self.url}/v1/.well-known/openidconfiguration",
            "TEAMS_TOKEN_URL": f"{self.url}/oauth2/token",
        }

    # --- what the Connector sends --------------------------------------------------------------------------------
    def token(self, key: rsa.RSAPrivateKey | None = None, kid: str | None = None, **claims: Any) -> str:
        now = int(time.time())
        body = {"iss": ISSUER, "aud": APP_ID, "nbf": now - 10, "iat": now - 10, "exp": now + 3600,
                "serviceurl": self.url}
        body.update(claims)
        body = {k: v for k, v in body.items() if v is not None}
        return jwt.encode(body, key or self.key, algorithm="RS256", headers={"kid": kid or self.key_id})

    def activity(self, text: str | None = "hello", user: str = "user-1", conversation: str = "conv-1",
                 **extra: Any) -> dict[str, Any]:
        activity: dict[str, Any] = {
            "type": "message",
            "id": uuid.uuid4().hex[:12],
            "channelId": "msteams",
            "serviceUrl": self.url,
            "from": {"id": user, "name": "A user"},
            "recipient": {"id": f"28:{APP_ID}", "name": "Involve"},
            "conversation": {"id": conversation, "conversationType": "personal"},
            "text": text,
        }
        activity.update(extra)
        return activity

    def replies_in(self, conversation: str) -> list[Reply]:
        with self._lock:
            return [r for r in self.replies if f"/v3/conversations/{conversation}/" in r.path]

    def wait_for_replies(self, conversation: str, count: int = 1, timeout: float = 60.0,
                         settle: float = 1.0) -> list[Reply]:
        """The replies in a conversation once at least ``count`` have arrived and no more came for ``settle`` s."""
        deadline = time.monotonic() + timeout
        seen, last_change = -1, time.monotonic()
        while time.monotonic() < deadline:
            now = len(self.replies_in(conversation))
            if now != seen:
                seen, last_change = now, time.monotonic()
            elif now >= count and time.monotonic() - last_change >= settle:
                break
            time.sleep(0.1)
        return self.replies_in(conversation)


def post_activity(url: str, activity: Any, authorization: str | None) -> tuple[int, str]:
    """POST an activity to the bot's webhook as the Connector does; returns status and body."""
    headers = {"Content-Type": "application/json"}
    if authorization is not None:
        headers["Authorization"] = authorization
    data = activity if isinstance(activity, bytes) else json.dumps(activity).encode()
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - loopback
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
