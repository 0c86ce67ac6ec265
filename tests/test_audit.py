"""The offline advisory check: every listed advisory has a mitigation, the check runs over the real pins, and the
facts the mitigations rely on still hold."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

from bot import audit
from bot.audit import Advisory, AdvisoryListError
from tests.conftest import PROJECT_ROOT

LISTED = yaml.safe_load(audit.ADVISORIES.read_text())


def advisory(affected: str | list[str], package: str = "demo") -> dict:
    return {"id": "CVE-0000-1", "package": package, "affected": affected, "fixed": "2.0", "summary": "s",
            "mitigation": "m", "checked": "recalled"}


def test_every_listed_advisory_is_complete_with_a_mitigation():
    reviewed, advisories = audit.parse_advisories(LISTED)
    assert reviewed and len(advisories) == len(LISTED["advisories"])
    assert all(len(a.mitigation) > 20 for a in advisories)
    assert len({a.id for a in advisories}) == len(advisories)


def test_an_entry_without_a_mitigation_is_refused_by_name():
    entry = advisory("<2") | {"mitigation": " "}
    with pytest.raises(AdvisoryListError, match="CVE-0000-1: missing mitigation"):
        audit.parse_advisories({"advisories": [entry]})


def test_every_advisory_names_a_package_the_project_pins_or_installs():
    pins = audit.read_pins((PROJECT_ROOT / "requirements" / "constraints.txt").read_text().splitlines())
    installed = audit.installed_versions()
    for entry in LISTED["advisories"]:
        assert audit.normalise(entry["package"]) in pins or audit.normalise(entry["package"]) in installed, entry["id"]


def test_pins_are_read_with_extras_comments_and_any_spelling():
    assert audit.read_pins(["# c", "rasa[spacy]==3.6.21", "PyJWT==2.15.1  # why", "ruamel.yaml==0.17.21", "x>=1"]) == {
        "rasa": "3.6.21", "pyjwt": "2.15.1", "ruamel-yaml": "0.17.21"}


def test_a_version_inside_any_listed_range_is_affected():
    _, (one,) = audit.parse_advisories({"advisories": [advisory(["<1.5", ">=2.0,<2.3"])]})
    assert isinstance(one, Advisory)
    assert [one.affects(v) for v in ("1.4", "1.5", "2.1", "2.3")] == [True, False, True, False]


def test_pinned_and_differing_installed_versions_are_both_checked():
    _, advisories = audit.parse_advisories({"advisories": [advisory("<2")]})
    (finding,) = audit.check(advisories, {"demo": "2.1"}, {"demo": "1.9"})
    assert finding.versions == ("1.9 (installed)",) and finding.affected
    (clean,) = audit.check(advisories, {"demo": "2.1"}, {"demo": "2.1"})
    assert not clean.affected and clean.checked_versions == ("2.1 (pinned)",)


def test_the_audit_runs_over_the_real_pins_and_says_how_current_it_is(capsys):
    assert audit.main([]) == 0
    out = capsys.readouterr().out
    assert f"reviewed {LISTED['reviewed']}" in out and "kept by hand" in out
    assert "not affected  rasa 3.6.21 (pinned): CVE-2024-49375" in out


# The mitigations rest on these facts; if one stops holding, its entry in security/advisories.yml must change.

def test_aiohttp_uses_its_compiled_http_parser():
    import aiohttp.http_parser

    assert aiohttp.http_parser.HttpResponseParser.__module__ == "aiohttp._http_parser"


def test_protobuf_uses_its_compiled_backend():
    from google.protobuf.internal import api_implementation

    assert api_implementation.Type() in ("upb", "cpp")


def test_rasa_never_decodes_with_jsonpickle():
    rasa_dir = Path(importlib.util.find_spec("rasa").submodule_search_locations[0])
    assert not [p for p in rasa_dir.rglob("*.py") if "jsonpickle.decode" in p.read_text(errors="ignore")]


def test_telemetry_and_so_sentry_are_off_everywhere():
    from bot.stack import Stack

    assert "export RASA_TELEMETRY_ENABLED=false" in (PROJECT_ROOT / "scripts" / "env.sh").read_text()
    assert Stack(model=PROJECT_ROOT / "models" / "m.tar.gz").environment()["RASA_TELEMETRY_ENABLED"] == "false"
