"""Writes Rasa's entity synonyms (``data/nlu/synonyms.yml``) from the knowledge base vocabulary."""

from __future__ import annotations

from bot.knowledge.query import Knowledge
from bot.nlp.pipeline import entity_vocabulary

HEADER = (
    "# GENERATED from data/knowledge/ by `python -m bot.nlp build`: do not edit by hand.\n"
    "# Maps every name, synonym and likely misspelling the entity ruler finds to the stage / level / audience id.\n"
)


def synonyms_yaml(knowledge: Knowledge) -> str:
    """The text of the synonyms training file, in a stable order."""
    lines = [HEADER.rstrip("\n"), 'version: "3.1"', "nlu:"]
    for _entity, values in entity_vocabulary(knowledge).items():
        for value, phrases in values.items():
            lines.append(f"- synonym: {value}")
            lines.append("  examples: |")
            lines.extend(f"    - {phrase}" for phrase in phrases if phrase != value)
    return "\n".join(lines) + "\n"
