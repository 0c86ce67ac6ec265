#!/usr/bin/env bash
# Builds the spaCy pipeline and synonyms from the knowledge base, then trains Rasa only when the training data,
# domain, config, knowledge base or our Rasa components changed since the last model (fingerprint kept in
# build/model.fingerprint).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
mkdir -p build models
.venv/bin/python -m bot.knowledge check
.venv/bin/python -m bot.nlp build
# Our Rasa components' code (rasa_plugins/, and bot/nlp/ whose features, lemmas and sentence encoder they run) shapes
# the model too.
want=$( { find config.yml domain data build/spacy_involve/involve-fingerprint.txt -type f \( -name '*.yml' -o -name '*.txt' \);
          find rasa_plugins bot/nlp -type f -name '*.py'; } \
        | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16)
if [ "${1:-}" != "--force" ] && [ -f build/model.fingerprint ] && [ "$(cat build/model.fingerprint)" = "$want" ] \
   && [ -f "models/involve-$want.tar.gz" ]; then
  echo "[train] model is up to date: models/involve-$want.tar.gz"
  exit 0
fi
echo "[train] training (data, domain, config or knowledge changed)"
start=$(date +%s)
if ! .venv/bin/rasa train --domain domain --fixed-model-name "involve-$want" --out models > build/train.log 2>&1 \
   || [ ! -f "models/involve-$want.tar.gz" ]; then
  grep -v "Warning\|warn(\|^  " build/train.log | tail -40 >&2
  echo "[train] training failed; full log: build/train.log" >&2
  exit 1
fi
find models -name 'involve-*.tar.gz' ! -name "involve-$want.tar.gz" -delete
echo "$want" > build/model.fingerprint
echo "[train] trained in $(( $(date +%s) - start )) s: models/involve-$want.tar.gz"
