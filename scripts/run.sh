#!/usr/bin/env bash
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
exec .venv/bin/python scripts/run.py "$@"
