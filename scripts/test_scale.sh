#!/usr/bin/env bash
# `make test-scale`, and the last layer of `make test`: two Rasa servers and one action server sharing a PostgreSQL
# tracker store and a Redis lock store, all started on loopback for the test and stopped after it (tests/scale/).
# Extra pytest arguments pass through, e.g. `bash scripts/test_scale.sh -k restart`.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
bash scripts/install_scale.sh
.venv/bin/python -m pytest -q -p no:cacheprovider tests/scale "$@"
