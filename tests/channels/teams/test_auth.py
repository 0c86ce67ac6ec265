"""Every incoming Teams activity must carry a valid Bot Framework token; anything else is refused with a reason."""

from __future__ import annotations

import asyncio
import time

import jwt
import pytest

from bot.channels.teams.auth import AuthError, TokenValidator
from bot.channels.teams.settings import TeamsSettings
from tests.fakes.bot_framework import APP_ID, APP_PASSWORD, FakeConnector, new_key, public_jwk

METADATA = "https://login.example/v1/.well-known/openidconfiguration"


class Documents:
    """Serves the OpenID metadata and keys from memory and counts the fetches."""

    def __init__(self, connector: FakeConnector) -> None:
        self.connector = connector
        self.fetches: list[str] = []
        self.fail = False

    async def __call__(self, url: str):
        self.fetches.append(url)
        if self.fail:
            raise OSError("network down")
        if url == METADATA:
            return {"jwks_uri": "https://login.example/v1/keys"}
        return {"keys": [public_jwk(self.connector.key, self.connector.key_id, self.connector.endorsements)]}


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def connector() -> FakeConnector:
    # Not started: only its key and token helpers are used here. Its url is replaced by a fixed one.
    fake = FakeConnector()
    fake.__class__ = type("OfflineConnector", (FakeConnector,), {"url": "https://smba.example/emea/"})
    return fake


@pytest.fixture
def documents(connector) -> Documents:
    return Documents(connector)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def validator(documents, clock) -> TokenValidator:
    settings = TeamsSettings(app_id=APP_ID, app_password=APP_PASSWORD, openid_metadata_url=METADATA)
    return TokenValidator(settings, documents, clock=clock)


def check(validator: TokenValidator, authorization: str | None, activity: dict) -> dict:
    return asyncio.run(validator.validate(authorization, activity))


def refused(validator, authorization, activity) -> str:
    with pytest.raises(AuthError) as error:
        check(validator, authorization, activity)
    token = (authorization or "").partition(" ")[2]
    if len(token) > 8:
        assert token not in str(error.value), "the reason must never quote the token"
    return str(error.value)


def test_a_correctly_signed_token_is_accepted(validator, connector):
    claims = check(validator, f"Bearer {connector.token()}", connector.activity())
    assert claims["aud"] == APP_ID


def test_keys_are_fetched_on_first_use_then_cached(validator, connector, documents):
    assert documents.fetches == []
    check(validator, f"Bearer {connector.token()}", connector.activity())
    check(validator, f"Bearer {connector.token()}", connector.activity())
    assert len(documents.fetches) == 2  # metadata + keys, once


def test_keys_are_fetched_again_when_they_expire(validator, connector, documents, clock):
    check(validator, f"Bearer {connector.token()}", connector.activity())
    clock.now += 25 * 3600
    check(validator, f"Bearer {connector.token()}", connector.activity())
    assert len(documents.fetches) == 4


def test_old_keys_are_kept_when_microsoft_cannot_be_reached(validator, connector, documents, clock):
    check(validator, f"Bearer {connector.token()}", connector.activity())
    documents.fail = True
    clock.now += 25 * 3600
    check(validator, f"Bearer {connector.token()}", connector.activity())


def test_no_keys_at_all_is_a_refusal_not_a_crash(validator, connector, documents):
    documents.fail = True
    assert "could not fetch signing keys" in refused(validator, f"Bearer {connector.token()}", connector.activity())


@pytest.mark.parametrize(
    ("authorization", "reason"),
    [
        (None, "no Authorization header"),
        ("", "no Authorization header"),
        ("Basic dXNlcjpwYXNz", "not a Bearer token"),
        ("Bearer ", "not a Bearer token"),
        ("Bearer not-a-jwt", "not a JWT"),
    ],
)
def test_missing_or_malformed_authorization_is_refused(validator, connector, authorization, reason):
    assert reason in refused(validator, authorization, connector.activity())


def test_a_token_signed_by_another_key_is_refused(validator, connector):
    forged = connector.token(key=new_key())
    assert "signature is wrong" in refused(validator, f"Bearer {forged}", connector.activity())


def test_an_unknown_key_id_is_refused_after_one_refetch(validator, connector, documents):
    check(validator, f"Bearer {connector.token()}", connector.activity())
    token = connector.token(kid="someone-elses-key")
    assert "unknown key" in refused(validator, f"Bearer {token}", connector.activity())
    assert "unknown key" in refused(validator, f"Bearer {token}", connector.activity())
    assert len(documents.fetches) == 2, "a burst of unknown keys must not hammer Microsoft"


def test_an_unsigned_token_is_refused(validator, connector):
    unsigned = jwt.encode({"iss": "https://api.botframework.com", "aud": APP_ID}, None, algorithm="none")
    assert "RS256" in refused(validator, f"Bearer {unsigned}", connector.activity())


def test_an_hmac_token_using_the_public_key_as_secret_is_refused(validator, connector):
    token = jwt.encode({"aud": APP_ID}, "a-shared-secret-long-enough-for-hmac", algorithm="HS256", headers={"kid": connector.key_id})
    assert "RS256" in refused(validator, f"Bearer {token}", connector.activity())


@pytest.mark.parametrize(
    ("claims", "reason"),
    [
        ({"exp": int(time.time()) - 3600}, "expired"),
        ({"nbf": int(time.time()) + 3600}, "not valid yet"),
        ({"aud": "another-app"}, "another app"),
        ({"iss": "https://evil.example"}, "issuer"),
        ({"serviceurl": "https://evil.example/"}, "serviceUrl"),
        ({"serviceurl": None}, "serviceUrl"),
        ({"exp": None}, "not valid"),
    ],
)
def test_bad_claims_are_refused(validator, connector, claims, reason):
    assert reason in refused(validator, f"Bearer {connector.token(**claims)}", connector.activity())


def test_clock_skew_of_a_few_minutes_is_tolerated(validator, connector):
    check(validator, f"Bearer {connector.token(exp=int(time.time()) - 120)}", connector.activity())


def test_the_activity_service_url_must_match_the_token(validator, connector):
    activity = connector.activity(serviceUrl="https://evil.example/")
    assert "serviceUrl" in refused(validator, f"Bearer {connector.token()}", activity)


def test_the_key_must_endorse_the_channel(validator, connector):
    activity = connector.activity(channelId="webchat")
    assert "endorse" in refused(validator, f"Bearer {connector.token()}", activity)
