"""The Helm values run what `make run` runs, on shared stores, with every password taken from a Secret."""

from __future__ import annotations

import yaml

from bot.deploy.endpoints import REDIS_LOCK_STORE
from tests.conftest import PROJECT_ROOT

VALUES = yaml.safe_load((PROJECT_ROOT / "deploy" / "helm" / "values.yml").read_text())


def leaves(tree: object, path: str = ""):
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield from leaves(value, f"{path}.{key}" if path else str(key))
    elif isinstance(tree, list):
        for n, value in enumerate(tree):
            yield from leaves(value, f"{path}[{n}]")
    else:
        yield path, tree


def test_no_password_or_token_is_written_in_the_values():
    for path, value in leaves(VALUES):
        name = path.rsplit(".", 1)[-1].lower()
        if name in ("password", "postgresqlpassword", "token"):
            assert value == "" or str(value).startswith("${"), path


def test_several_rasa_servers_share_postgres_and_the_atomic_redis_lock_store():
    endpoints = VALUES["applicationSettings"]["endpoints"]
    assert VALUES["replicaCount"] >= 2
    assert endpoints["trackerStore"]["dialect"] == "postgresql" and endpoints["trackerStore"]["enabled"]
    assert endpoints["lockStore"]["type"] == REDIS_LOCK_STORE and endpoints["lockStore"]["enabled"]
    assert VALUES["postgresql"]["install"] and VALUES["redis"]["install"]
    assert VALUES["global"]["postgresql"]["existingSecret"] and VALUES["redis"]["auth"]["existingSecret"]


def test_the_channels_are_those_of_make_run_and_the_http_api_stays_off():
    committed = yaml.safe_load((PROJECT_ROOT / "credentials.yml").read_text())
    assert set(VALUES["applicationSettings"]["credentials"]["additionalChannelCredentials"]) == set(committed)
    assert VALUES["applicationSettings"]["enableAPI"] is False and "--enable-api" not in VALUES["args"]


def test_the_action_server_is_installed_with_the_same_image():
    actions = VALUES["rasa-action-server"]
    assert actions["install"] and actions["replicaCount"] >= 1
    assert actions["image"] == {k: v for k, v in VALUES["image"].items() if k in actions["image"]}
