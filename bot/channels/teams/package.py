"""``make teams-package``: the Teams app package (manifest and two icons in a zip) to sideload or upload.

The manifest comes from ``teams/manifest.template.json`` with ``${NAME}`` values from the environment; TEAMS_APP_ID
(the Azure bot's Microsoft App ID) is required. The icons are drawn here so the repository holds no binary files.
"""

from __future__ import annotations

import json
import os
import re
import struct
import sys
import uuid
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path

from bot import settings

TEMPLATE = settings.PROJECT_ROOT / "teams" / "manifest.template.json"
OUTPUT = settings.PROJECT_ROOT / "build" / "teams" / "involve-teams.zip"
PLACEHOLDER_URL = "https://www.example.org/involve"
DEFAULTS = {
    "TEAMS_APP_VERSION": "1.0.0",
    "TEAMS_DEVELOPER_NAME": "Involve",
    "TEAMS_WEBSITE_URL": PLACEHOLDER_URL,
    "TEAMS_PRIVACY_URL": PLACEHOLDER_URL,
    "TEAMS_TERMS_URL": PLACEHOLDER_URL,
}
BRAND = (0x1D, 0x4F, 0x91, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


class PackageError(Exception):
    pass


def render_manifest(template: str, env: Mapping[str, str]) -> dict:
    values = {**DEFAULTS, **{k: v for k, v in env.items() if k.startswith("TEAMS_") and v}}
    app_id = values.get("TEAMS_APP_ID", "")
    try:
        uuid.UUID(app_id)
    except ValueError:
        raise PackageError("TEAMS_APP_ID must be the Azure bot's Microsoft App ID (a GUID)") from None

    def fill(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            raise PackageError(f"the manifest needs {name}")
        return json.dumps(values[name])[1:-1]

    return json.loads(re.sub(r"\$\{([A-Z_]+)\}", fill, template))


def png(size: int, pixel) -> bytes:
    """An RGBA PNG of ``size`` x ``size`` where ``pixel(x, y)`` gives each colour."""
    raw = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(size)) for y in range(size)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def _letter_i(x: int, y: int, size: int) -> bool:
    """A bold capital I in the middle of the square, as the app's mark."""
    unit = size / 8
    in_stem = 3.4 * unit <= x < 4.6 * unit and 2 * unit <= y < 6 * unit
    in_bars = 2.6 * unit <= x < 5.4 * unit and (2 * unit <= y < 2.8 * unit or 5.2 * unit <= y < 6 * unit)
    return in_stem or in_bars


def icons() -> dict[str, bytes]:
    return {
        "color.png": png(192, lambda x, y: WHITE if _letter_i(x, y, 192) else BRAND),
        "outline.png": png(32, lambda x, y: WHITE if _letter_i(x, y, 32) else CLEAR),
    }


def build_package(env: Mapping[str, str], output: Path = OUTPUT) -> Path:
    manifest = render_manifest(TEMPLATE.read_text(encoding="utf-8"), env)
    output.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", json.dumps(manifest, indent=2))
        for name, data in icons().items():
            package.writestr(name, data)
    return output


def main() -> int:
    try:
        path = build_package(os.environ)
    except PackageError as error:
        print(f"Cannot build the Teams package: {error}.", file=sys.stderr)
        return 1
    print(f"Teams app package: {path}")
    if any(os.environ.get(name) in (None, "") for name in ("TEAMS_WEBSITE_URL", "TEAMS_PRIVACY_URL", "TEAMS_TERMS_URL")):
        print(f"Note: set TEAMS_WEBSITE_URL, TEAMS_PRIVACY_URL and TEAMS_TERMS_URL; {PLACEHOLDER_URL} was used.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
