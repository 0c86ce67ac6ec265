"""How `make run` starts Rasa: the HTTP API stays off unless asked for, and is never left open."""

from __future__ import annotations

import pytest

from bot.stack import ApiSettingsError, Ports, Stack, http_api_args


def test_the_http_api_is_off_by_default():
    assert http_api_args({}) == []
    assert http_api_args({"RASA_AUTH_TOKEN": "t"}) == []


def test_enabling_the_api_without_a_token_or_secret_is_refused():
    with pytest.raises(ApiSettingsError, match="RASA_AUTH_TOKEN or RASA_JWT_SECRET"):
        http_api_args({"INVOLVE_ENABLE_API": "1"})


def test_the_api_is_protected_by_a_token_or_a_jwt_secret():
    assert http_api_args({"INVOLVE_ENABLE_API": "1", "RASA_AUTH_TOKEN": "tok"}) == [
        "--enable-api", "--auth-token", "tok"]
    assert http_api_args({"INVOLVE_ENABLE_API": "true", "RASA_JWT_SECRET": "s", "RASA_JWT_METHOD": "HS512"}) == [
        "--enable-api", "--jwt-secret", "s", "--jwt-method", "HS512"]


def test_the_web_page_origins_are_allowed_for_cross_origin_requests(monkeypatch):
    monkeypatch.setenv("WEBCHAT_ORIGIN", "https://chat.example.org")
    assert Ports(web=9000).page_origins() == [
        "http://localhost:9000", "http://127.0.0.1:9000", "https://chat.example.org"]


def test_rasa_gets_an_endpoints_file_generated_from_the_stack_environment(tmp_path):
    stack = Stack(model=tmp_path / "model.tar.gz", ports=Ports(rasa=25999),
                  extra_env={"TRACKER_STORE": "postgres", "TRACKER_DB_HOST": "db", "TRACKER_DB_USER": "u",
                             "LOCK_STORE": "redis", "REDIS_HOST": "r"})
    path = stack.endpoints_file()
    try:
        assert path.name == "rasa-25999.yml" and "AtomicRedisLockStore" in path.read_text()
        assert stack.shell_command(25998)[5] == str(path.with_name("rasa-25998.yml"))
    finally:
        for written in path.parent.glob("rasa-2599?.yml"):
            written.unlink()
