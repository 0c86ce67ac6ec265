"""``python -m bot.audit`` (``make audit``): the pinned and installed packages checked against the advisories listed
in ``security/advisories.yml``.

An offline stand-in for pip-audit, which cannot reach PyPI's JSON API or OSV from the build machines (it then says
"no known vulnerabilities", which proves nothing). The list is kept by hand, so this check is only as current as its
``reviewed`` date: it says so every time it runs. It fails when a listed advisory affects a pinned or installed
version and has no mitigation written down, or when an entry is malformed.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata

import yaml
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

from bot import settings

ADVISORIES = settings.PROJECT_ROOT / "security" / "advisories.yml"
REQUIREMENTS = ("constraints.txt", "rasa.txt", "dev.txt")
# Installed by scripts/install.sh outside the requirement files, so checked at their installed version.
TOOLS = ("pip", "setuptools", "wheel")
REQUIRED_FIELDS = ("id", "package", "affected", "fixed", "summary", "mitigation", "checked")


class AdvisoryListError(ValueError):
    pass


def normalise(name: str) -> str:
    """PEP 503 names: ``PyJWT`` and ``pyjwt``, ``ruamel.yaml`` and ``ruamel-yaml`` are one package."""
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass(frozen=True)
class Advisory:
    id: str
    package: str
    affected: tuple[SpecifierSet, ...]
    fixed: str
    summary: str
    mitigation: str
    checked: str
    aliases: tuple[str, ...] = ()

    def affects(self, version: str) -> bool:
        try:
            parsed = Version(version)
        except InvalidVersion:
            return True  # cannot tell: report it rather than stay silent
        return any(parsed in spec for spec in self.affected)


def parse_advisories(data: Mapping) -> tuple[str, list[Advisory]]:
    """The review date and the advisories; raises AdvisoryListError naming every entry that is incomplete."""
    problems, advisories = [], []
    for n, entry in enumerate(data.get("advisories") or []):
        label = entry.get("id", f"entry {n + 1}") if isinstance(entry, dict) else f"entry {n + 1}"
        missing = [f for f in REQUIRED_FIELDS if not isinstance(entry, dict) or not str(entry.get(f, "")).strip()]
        if missing:
            problems.append(f"{label}: missing {', '.join(missing)}")
            continue
        ranges = entry["affected"] if isinstance(entry["affected"], list) else [entry["affected"]]
        try:
            specs = tuple(SpecifierSet(str(r)) for r in ranges)
        except InvalidSpecifier as error:
            problems.append(f"{label}: affected is not a version range ({error})")
            continue
        advisories.append(Advisory(str(entry["id"]), normalise(entry["package"]), specs, str(entry["fixed"]),
                                   str(entry["summary"]).strip(), str(entry["mitigation"]).strip(),
                                   str(entry["checked"]), tuple(entry.get("aliases") or ())))
    if problems:
        raise AdvisoryListError("security/advisories.yml: " + "; ".join(problems))
    return str(data.get("reviewed", "unknown")), advisories


def read_pins(lines: Iterable[str]) -> dict[str, str]:
    """``name==version`` lines (comments, extras and markers allowed) as {normalised name: version}."""
    pins = {}
    for line in lines:
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*==\s*([^\s;#]+)", line)
        if match:
            pins[normalise(match.group(1))] = match.group(2)
    return pins


def installed_versions() -> dict[str, str]:
    return {normalise(d.metadata["Name"]): d.version for d in metadata.distributions() if d.metadata["Name"]}


@dataclass(frozen=True)
class Finding:
    advisory: Advisory
    versions: tuple[str, ...]  # the pinned and installed versions the advisory affects
    checked_versions: tuple[str, ...]  # every version of the package that was checked

    @property
    def affected(self) -> bool:
        return bool(self.versions)


def check(advisories: list[Advisory], pins: Mapping[str, str], installed: Mapping[str, str]) -> list[Finding]:
    findings = []
    for advisory in advisories:
        versions = []
        if advisory.package in pins:
            versions.append(f"{pins[advisory.package]} (pinned)")
        if advisory.package in installed and installed[advisory.package] != pins.get(advisory.package):
            versions.append(f"{installed[advisory.package]} (installed)")
        hits = tuple(v for v in versions if advisory.affects(v.split()[0]))
        findings.append(Finding(advisory, hits, tuple(versions)))
    return findings


def render(reviewed: str, findings: list[Finding]) -> str:
    affected = [f for f in findings if f.affected]
    lines = [f"Advisory list reviewed {reviewed}: {len(findings)} advisories, {len(affected)} affect this "
             "installation. The list is kept by hand (no advisory database is reachable here): newer advisories "
             "are not in it.", ""]
    for finding in sorted(findings, key=lambda f: (not f.affected, f.advisory.package, f.advisory.id)):
        advisory = finding.advisory
        state = "AFFECTED" if finding.affected else ("not affected" if finding.checked_versions else "not installed")
        versions = ", ".join(finding.versions or finding.checked_versions) or "-"
        lines.append(f"{state:13} {advisory.package} {versions}: {advisory.id} (fixed in {advisory.fixed})")
        if finding.affected:
            lines.append(f"{'':13} {advisory.summary}")
            lines.append(f"{'':13} mitigation: {advisory.mitigation}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    try:
        reviewed, advisories = parse_advisories(yaml.safe_load(ADVISORIES.read_text(encoding="utf-8")))
    except AdvisoryListError as error:
        print(error, file=sys.stderr)
        return 2
    requirement_lines = []
    for name in REQUIREMENTS:
        requirement_lines += (settings.PROJECT_ROOT / "requirements" / name).read_text().splitlines()
    installed = installed_versions()
    findings = check(advisories, read_pins(requirement_lines), installed)
    print(render(reviewed, findings))
    unmitigated = [f for f in findings if f.affected and not f.advisory.mitigation]
    return 1 if unmitigated else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
