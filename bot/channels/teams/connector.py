"""Posts the bot's replies to the Bot Framework Connector at the activity's ``serviceUrl``.

The bot proves who it is with an OAuth client-credentials token from ``token_url``, fetched on first use and reused
until five minutes before it expires.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any
from urllib.parse import quote

import aiohttp

from bot.channels.teams.settings import TeamsSettings

logger = logging.getLogger(__name__)
TOKEN_MARGIN_S = 300
TIMEOUT = aiohttp.ClientTimeout(total=20)


class ConnectorError(Exception):
    """A reply could not be delivered. The message never contains a token or a secret."""


async def fetch_json(url: str) -> Any:
    """GET a JSON document (the OpenID metadata and the JWKS keys)."""
    async with aiohttp.ClientSession(timeout=TIMEOUT) as session, session.get(url) as response:
        response.raise_for_status()
        return await response.json(content_type=None)


class ConnectorClient:
    def __init__(self, settings: TeamsSettings, clock=time.monotonic) -> None:
        self.settings = settings
        self.clock = clock
        self._token: str | None = None
        self._expires_at = 0.0
        self._lock = asyncio.Lock()

    async def _access_token(self, session: aiohttp.ClientSession) -> str:
        async with self._lock:
            if self._token and self.clock() < self._expires_at - TOKEN_MARGIN_S:
                return self._token
            form = {
                "grant_type": "client_credentials",
                "client_id": self.settings.app_id,
                "client_secret": self.settings.app_password,
                "scope": self.settings.scope,
            }
            async with session.post(self.settings.token_url, data=form) as response:
                if response.status != 200:
                    raise ConnectorError(f"the token endpoint answered {response.status}")
                body = await response.json(content_type=None)
            token = body.get("access_token") if isinstance(body, dict) else None
            if not isinstance(token, str):
                raise ConnectorError("the token endpoint sent no access_token")
            self._token = token
            self._expires_at = self.clock() + float(body.get("expires_in", 3600))
            return token

    async def reply(self, service_url: str, conversation_id: str, reply_to_id: str | None,
                    activity: dict[str, Any]) -> None:
        base = service_url.rstrip("/")
        url = f"{base}/v3/conversations/{quote(conversation_id, safe='')}/activities"
        if reply_to_id:
            url += f"/{quote(reply_to_id, safe='')}"
        async with aiohttp.ClientSession(timeout=TIMEOUT) as session:
            token = await self._access_token(session)
            headers = {"Authorization": f"Bearer {token}"}
            async with session.post(url, json=activity, headers=headers) as response:
                if response.status >= 300:
                    raise ConnectorError(f"the connector answered {response.status} for a reply")
