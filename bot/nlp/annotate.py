"""Marks stage / level / audience entities in NLU training examples, using the same entity ruler as the bot.

The ruler is deterministic, so training data annotated by it agrees with what the bot extracts at run time, and
`rasa test nlu` can measure entities. Examples that already carry annotations are left as they are.

    python -m bot.nlp annotate [--fresh] data/nlu/planning.yml [...]
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

_ANNOTATED = re.compile(r"\[[^\]]+\](?:\{[^}]*\}|\([^)]*\))")
_EXAMPLE_LINE = re.compile(r"^(\s*- )(.*)$")


def strip_annotations(text: str) -> str:
    """``text`` with ``[words]{...}`` / ``[words](entity)`` marks turned back into plain words."""
    return re.sub(r"\[([^\]]+)\](?:\{[^}]*\}|\([^)]*\))", r"\1", text)


def annotate_example(nlp: Any, text: str, fresh: bool = False) -> str:
    """``text`` with each entity the ruler finds written as ``[words]{"entity": ..., "value": ...}``.

    With ``fresh``, existing marks are removed first (use it after the knowledge base vocabulary changed).
    """
    if fresh:
        text = strip_annotations(text)
    elif _ANNOTATED.search(text):
        return text
    out, last = [], 0
    for ent in nlp(text).ents:
        out.append(text[last : ent.start_char])
        mark = {"entity": ent.label_, "value": ent.ent_id_}
        out.append(f"[{ent.text}]{json.dumps(mark)}")
        last = ent.end_char
    out.append(text[last:])
    return "".join(out)


def annotate_file(nlp: Any, path: Path, fresh: bool = False) -> int:
    """Annotate every example line of an NLU file in place. Returns how many lines changed."""
    lines = path.read_text(encoding="utf-8").splitlines()
    changed = 0
    in_intent = in_examples = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        if line.startswith("- "):  # a new block: only an intent's examples are marked, never a synonym's phrases
            in_intent, in_examples = stripped.startswith("- intent:"), False
            continue
        if stripped.startswith("examples:"):
            in_examples = in_intent
            continue
        match = _EXAMPLE_LINE.match(line)
        if in_examples and match:
            new = annotate_example(nlp, match.group(2), fresh=fresh)
            if new != match.group(2):
                lines[index] = match.group(1) + new
                changed += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return changed
