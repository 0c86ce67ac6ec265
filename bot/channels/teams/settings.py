"""Teams settings, from environment variables only: secrets never live in the repository."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

MICROSOFT_OPENID_METADATA = "https://login.botframework.com/v1/.well-known/openidconfiguration"
MICROSOFT_TOKEN_URL = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token"
MICROSOFT_ISSUERS = ("https://api.botframework.com",)
MICROSOFT_SCOPE = "https://api.botframework.com/.default"


@dataclass(frozen=True)
class TeamsSettings:
    app_id: str
    app_password: str
    openid_metadata_url: str = MICROSOFT_OPENID_METADATA
    token_url: str = MICROSOFT_TOKEN_URL
    allowed_issuers: tuple[str, ...] = MICROSOFT_ISSUERS
    scope: str = MICROSOFT_SCOPE
    keys_max_age_s: float = 24 * 3600.0

    @property
    def configured(self) -> bool:
        return bool(self.app_id and self.app_password)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> TeamsSettings:
        env = os.environ if env is None else env
        issuers = tuple(env.get("TEAMS_ALLOWED_ISSUERS", "").split()) or MICROSOFT_ISSUERS
        return cls(
            app_id=env.get("TEAMS_APP_ID", "").strip(),
            app_password=env.get("TEAMS_APP_PASSWORD", ""),
            openid_metadata_url=env.get("TEAMS_OPENID_METADATA_URL") or MICROSOFT_OPENID_METADATA,
            token_url=env.get("TEAMS_TOKEN_URL") or MICROSOFT_TOKEN_URL,
            allowed_issuers=issuers,
            scope=env.get("TEAMS_TOKEN_SCOPE") or MICROSOFT_SCOPE,
            keys_max_age_s=float(env.get("TEAMS_KEYS_MAX_AGE_S") or 24 * 3600.0),
        )
