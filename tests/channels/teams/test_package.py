"""`make teams-package` writes a zip Teams accepts: a manifest naming the bot, and the two icons."""

from __future__ import annotations

import json
import struct
import zipfile

import pytest

from bot.channels.teams.package import PackageError, build_package

APP_ID = "0f8e7d6c-5b4a-4321-9876-abcdef012345"


def test_the_package_holds_the_manifest_and_icons(tmp_path):
    path = build_package({"TEAMS_APP_ID": APP_ID, "TEAMS_DEVELOPER_NAME": 'Council "Engagement" Team'},
                         tmp_path / "app.zip")
    with zipfile.ZipFile(path) as package:
        assert sorted(package.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(package.read("manifest.json"))
        sizes = {name: struct.unpack(">II", package.read(name)[16:24]) for name in ("color.png", "outline.png")}
    assert manifest["id"] == APP_ID
    assert manifest["bots"][0]["botId"] == APP_ID
    assert manifest["developer"]["name"] == 'Council "Engagement" Team'
    assert sizes == {"color.png": (192, 192), "outline.png": (32, 32)}
    assert "${" not in json.dumps(manifest)


@pytest.mark.parametrize("env", [{}, {"TEAMS_APP_ID": "not-a-guid"}])
def test_an_app_id_is_required(tmp_path, env):
    with pytest.raises(PackageError, match="TEAMS_APP_ID"):
        build_package(env, tmp_path / "app.zip")
