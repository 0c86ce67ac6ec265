#!/usr/bin/env bash
# `make test`: every layer, in order; stops at the first failing layer and exits non-zero.
#  1. pytest on the core and the actions (no servers)
#  2. rasa data validate (any warning fails, see scripts/validate_data.py)
#  3. train if anything changed (once per run; the model is reused by 4, 5 and 6)
#  4. rasa test on the conversation test stories, --fail-on-prediction-errors
#  5. pytest against the real action server and Rasa server over REST
#  6. scale-out: two Rasa servers sharing PostgreSQL and Redis (scripts/test_scale.sh; installs both if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
PY=.venv/bin/python
step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }
start=$(date +%s)

step "1/6 lint, unit and action tests"
.venv/bin/ruff check bot actions rasa_plugins tests scripts bench
$PY -m bot.nlp build >/dev/null
$PY -m pytest -q -p no:cacheprovider --ignore=tests/servers --ignore=tests/scale tests

step "2/6 rasa data validate"
$PY scripts/validate_data.py

step "3/6 train (only if data, domain, config or knowledge changed)"
bash scripts/train.sh

step "4/6 conversation test stories"
rm -rf results/stories
if ! .venv/bin/rasa test core --stories tests/stories --model models --fail-on-prediction-errors \
      --out results/stories > build/test-stories.log 2>&1; then
  grep -v "Warning\|warn(" build/test-stories.log | tail -30
  [ -f results/stories/failed_test_stories.yml ] && cat results/stories/failed_test_stories.yml
  echo "conversation test stories failed (log: build/test-stories.log)" >&2
  exit 1
fi
grep -E "Correct:|Accuracy:" build/test-stories.log | head -2 | sed 's/.*rasa.core.test  - //'
grep -q "None of the test stories failed" results/stories/failed_test_stories.yml

step "5/6 conversations through the running servers"
$PY -m pytest -q -p no:cacheprovider tests/servers

step "6/6 two Rasa servers sharing PostgreSQL and Redis"
bash scripts/test_scale.sh

echo
echo "make test: all layers passed in $(( $(date +%s) - start )) s"
