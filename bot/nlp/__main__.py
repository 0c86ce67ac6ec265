"""``python -m bot.nlp build``: build the spaCy pipeline, the synonyms file and the phrase vectors from the knowledge
base.

``python -m bot.nlp check`` exits 1 if ``data/nlu/synonyms.yml`` is out of date.
``python -m bot.nlp annotate [--fresh] FILE...`` marks the ruler's entities in NLU training examples.
"""

from __future__ import annotations

import sys

from bot import settings
from bot.knowledge import KnowledgeBaseError, get_knowledge
from bot.nlp.pipeline import save_pipeline
from bot.nlp.synonyms import synonyms_yaml

SYNONYMS_FILE = settings.PROJECT_ROOT / "data" / "nlu" / "synonyms.yml"


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "build"
    try:
        knowledge = get_knowledge()
    except KnowledgeBaseError as error:
        print(error.report(), file=sys.stderr)
        return 1
    text = synonyms_yaml(knowledge)
    if command == "check":
        current = SYNONYMS_FILE.read_text(encoding="utf-8") if SYNONYMS_FILE.exists() else ""
        if current != text:
            print(f"{SYNONYMS_FILE} is out of date: run `python -m bot.nlp build`", file=sys.stderr)
            return 1
        return 0
    if command == "annotate":
        from pathlib import Path

        from bot.nlp.annotate import annotate_file
        from bot.nlp.pipeline import build_pipeline

        nlp = build_pipeline(knowledge)
        fresh = "--fresh" in argv
        for name in (a for a in argv[1:] if a != "--fresh"):
            print(f"{name}: {annotate_file(nlp, Path(name), fresh=fresh)} examples changed")
        return 0
    if command != "build":
        print(__doc__, file=sys.stderr)
        return 2
    if not SYNONYMS_FILE.exists() or SYNONYMS_FILE.read_text(encoding="utf-8") != text:
        SYNONYMS_FILE.parent.mkdir(parents=True, exist_ok=True)
        SYNONYMS_FILE.write_text(text, encoding="utf-8")
        print(f"wrote {SYNONYMS_FILE.relative_to(settings.PROJECT_ROOT)}")
    directory = settings.spacy_model_dir()
    if save_pipeline(knowledge, directory):
        print(f"built spaCy pipeline in {directory}")
    if not knowledge.prepare_meaning():  # the phrase vectors questions are matched against, saved under build/
        print("the sentence model is missing: questions will be matched by their words only", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
