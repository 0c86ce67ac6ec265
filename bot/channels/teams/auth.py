"""Checks the token on every activity the Bot Framework Connector sends to the bot.

What is checked, as the Bot Framework asks: a ``Bearer`` JWT in the Authorization header, signed (RS256) by a key from
the OpenID metadata's JWKS document, issued by an allowed issuer, for this bot's app id, not expired or not yet valid
(five minutes' clock skew allowed), whose ``serviceUrl`` claim matches the activity's, and, where the key lists the
channels it endorses, endorsing the activity's channel.

Keys are fetched on first use, not at start-up, so the bot starts without reaching Microsoft; they are cached for
``keys_max_age_s`` and fetched again early when a token names a key we have not seen (at most once a minute).
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from typing import Any

import jwt
from jwt.algorithms import RSAAlgorithm

from bot.channels.teams.settings import TeamsSettings

FetchJson = Callable[[str], Awaitable[Any]]
CLOCK_SKEW_S = 300
MIN_REFRESH_INTERVAL_S = 60.0


class AuthError(Exception):
    """Why a request was refused. The message never contains the token."""


class KeyCache:
    def __init__(self, metadata_url: str, fetch_json: FetchJson, max_age_s: float, clock=time.monotonic) -> None:
        self.metadata_url = metadata_url
        self.fetch_json = fetch_json
        self.max_age_s = max_age_s
        self.clock = clock
        self.keys: dict[str, dict[str, Any]] = {}
        self.fetched_at: float | None = None
        self._lock = asyncio.Lock()

    def _stale(self) -> bool:
        return self.fetched_at is None or self.clock() - self.fetched_at > self.max_age_s

    async def _refresh(self) -> None:
        metadata = await self.fetch_json(self.metadata_url)
        jwks_uri = metadata.get("jwks_uri") if isinstance(metadata, dict) else None
        if not isinstance(jwks_uri, str):
            raise AuthError("the OpenID metadata has no jwks_uri")
        document = await self.fetch_json(jwks_uri)
        keys = document.get("keys") if isinstance(document, dict) else None
        if not isinstance(keys, list):
            raise AuthError("the JWKS document has no keys")
        self.keys = {key["kid"]: key for key in keys if isinstance(key, dict) and isinstance(key.get("kid"), str)}
        self.fetched_at = self.clock()

    async def key(self, key_id: str) -> dict[str, Any]:
        async with self._lock:
            recently = self.fetched_at is not None and self.clock() - self.fetched_at < MIN_REFRESH_INTERVAL_S
            if self._stale() or (key_id not in self.keys and not recently):
                try:
                    await self._refresh()
                except AuthError:
                    raise
                except Exception as error:  # noqa: BLE001 - network or JSON trouble: keep old keys if any
                    if not self.keys:
                        raise AuthError(f"could not fetch signing keys ({type(error).__name__})") from None
        if key_id not in self.keys:
            raise AuthError("the token is signed with an unknown key")
        return self.keys[key_id]


def bearer_token(header: str | None) -> str:
    if not header:
        raise AuthError("no Authorization header")
    scheme, _, token = header.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthError("the Authorization header is not a Bearer token")
    return token.strip()


def _claim(claims: dict[str, Any], name: str) -> Any:
    for key, value in claims.items():
        if key.lower() == name.lower():
            return value
    return None


def _same_url(a: str, b: str) -> bool:
    return a.rstrip("/").lower() == b.rstrip("/").lower()


class TokenValidator:
    def __init__(self, settings: TeamsSettings, fetch_json: FetchJson, clock=time.monotonic) -> None:
        self.settings = settings
        self.keys = KeyCache(settings.openid_metadata_url, fetch_json, settings.keys_max_age_s, clock)

    async def validate(self, authorization: str | None, activity: dict[str, Any]) -> dict[str, Any]:
        """The token's claims if the request may be trusted; raises AuthError otherwise."""
        token = bearer_token(authorization)
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise AuthError("the token is not a JWT") from None
        if header.get("alg") != "RS256":
            raise AuthError("the token is not signed with RS256")
        key_id = header.get("kid")
        if not isinstance(key_id, str):
            raise AuthError("the token names no signing key")
        jwk = await self.keys.key(key_id)
        try:
            public_key = RSAAlgorithm.from_jwk(json.dumps(jwk))
            claims = jwt.decode(
                token,
                key=public_key,
                algorithms=["RS256"],
                audience=self.settings.app_id,
                issuer=list(self.settings.allowed_issuers),
                leeway=CLOCK_SKEW_S,
                options={"require": ["exp", "iss", "aud"]},
            )
        except jwt.ExpiredSignatureError:
            raise AuthError("the token has expired") from None
        except jwt.ImmatureSignatureError:
            raise AuthError("the token is not valid yet") from None
        except jwt.InvalidAudienceError:
            raise AuthError("the token is for another app") from None
        except jwt.InvalidIssuerError:
            raise AuthError("the token comes from an issuer that is not allowed") from None
        except jwt.InvalidSignatureError:
            raise AuthError("the token's signature is wrong") from None
        except (jwt.PyJWTError, ValueError, TypeError) as error:
            raise AuthError(f"the token is not valid ({type(error).__name__})") from None

        service_url = activity.get("serviceUrl")
        claimed = _claim(claims, "serviceUrl")
        if not isinstance(service_url, str) or not isinstance(claimed, str) or not _same_url(service_url, claimed):
            raise AuthError("the activity's serviceUrl does not match the token")
        endorsements = jwk.get("endorsements")
        channel = activity.get("channelId")
        if isinstance(endorsements, list) and endorsements and channel not in endorsements:
            raise AuthError("the signing key does not endorse this channel")
        return claims
