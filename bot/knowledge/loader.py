"""Reads ``data/knowledge/*.yml`` into a :class:`KnowledgeBase`, checking everything on the way.

Validation never stops at the first problem: it collects every problem (unknown key, missing field, wrong type,
empty text, duplicate id, unknown stage / level / audience, broken cross-reference) and raises one
:class:`KnowledgeBaseError` that names the file, entry and field of each.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Union

import yaml

from bot.knowledge import model
from bot.knowledge.errors import KnowledgeBaseError, Problem
from bot.knowledge.model import KnowledgeBase

# Top-level YAML key -> record type. The key is also the KnowledgeBase attribute the records go to.
KINDS: dict[str, type] = {
    "sources": model.Source,
    "stages": model.Stage,
    "levels": model.Level,
    "audiences": model.Audience,
    "activities": model.Activity,
    "cell_notes": model.CellNote,
    "topics": model.Topic,
    "glossary": model.GlossaryTerm,
    "thomas_levels": model.ThomasLevel,
    "ladder_rungs": model.LadderRung,
}
# Rasa reads a YAML file under data/ as training data when its top level has one of these keys.
RASA_KEYS = frozenset({"nlu", "responses", "stories", "rules", "version"})
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class _Invalid(Exception):
    """A single value could not be converted; the message says why."""


def _type_name(hint: Any) -> str:
    if hint is str:
        return "text"
    if hint is int:
        return "whole number"
    if typing.get_origin(hint) is tuple:
        return f"list of {_type_name(typing.get_args(hint)[0])}"
    if dataclasses.is_dataclass(hint):
        names = ", ".join(f.name for f in dataclasses.fields(hint))
        return f"mapping with {names}"
    return str(hint)


def _convert(value: Any, hint: Any) -> Any:
    """Turn a raw YAML value into the type ``hint`` names, or raise :class:`_Invalid`."""
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return None if value is None else _convert(value, args[0])
    if hint is str:
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise _Invalid(f"expected {_type_name(hint)}, got {type(value).__name__}")
        text = str(value).strip()
        if not text:
            raise _Invalid("is empty")
        return text
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Invalid(f"expected a whole number, got {value!r}")
        return value
    if origin is tuple:
        if not isinstance(value, list):
            raise _Invalid(f"expected a list, got {type(value).__name__}")
        inner = typing.get_args(hint)[0]
        out = []
        for index, item in enumerate(value):
            try:
                out.append(_convert(item, inner))
            except _Invalid as error:
                raise _Invalid(f"item {index + 1} {error}") from None
        return tuple(out)
    if dataclasses.is_dataclass(hint):
        if not isinstance(value, dict):
            raise _Invalid(f"expected a {_type_name(hint)}, got {type(value).__name__}")
        hints = typing.get_type_hints(hint)
        known = {f.name for f in dataclasses.fields(hint)}
        unknown = sorted(set(value) - known)
        if unknown:
            raise _Invalid(f"has unknown key(s) {', '.join(map(str, unknown))}")
        kwargs = {}
        for f in dataclasses.fields(hint):
            if f.name in value:
                kwargs[f.name] = _convert(value[f.name], hints[f.name])
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise _Invalid(f"is missing '{f.name}'")
        return hint(**kwargs)
    raise _Invalid(f"unsupported type {hint}")  # pragma: no cover - a bug in the model, not in the data


def _build_entry(kind: type, raw: Any, file: str, index: int, problems: list[Problem]) -> Any | None:
    """Build one record, adding a problem for each bad field. Returns None when the entry is unusable."""
    if not isinstance(raw, dict):
        problems.append(Problem(file, f"#{index + 1}", None, f"expected a mapping of fields, got {type(raw).__name__}"))
        return None
    entry = str(raw.get("id") or f"#{index + 1}")
    hints = typing.get_type_hints(kind)
    known = {f.name: f for f in dataclasses.fields(kind) if f.init and f.name != "files"}
    before = len(problems)
    for key in raw:
        if key not in known:
            problems.append(Problem(file, entry, str(key), f"unknown key (allowed: {', '.join(known)})"))
    kwargs = {}
    for name, f in known.items():
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        if name not in raw or raw[name] is None:
            if required and not (name == "year" and name in raw):
                problems.append(Problem(file, entry, name, "is missing"))
            continue
        try:
            kwargs[name] = _convert(raw[name], hints[name])
        except _Invalid as error:
            problems.append(Problem(file, entry, name, str(error)))
    if "id" in kwargs and not ID_PATTERN.match(kwargs["id"]):
        problems.append(Problem(file, entry, "id", "use lower-case letters, digits and hyphens only"))
    if len(problems) > before:
        return None
    if "year" in known and "year" not in kwargs:
        kwargs["year"] = None
    return kind(**kwargs)


def _read_file(path: Path, root: Path, problems: list[Problem]) -> dict[str, list[tuple[Any, str]]]:
    """Parse one YAML file into records grouped by kind, each paired with the file it came from."""
    name = str(path.relative_to(root))
    found: dict[str, list[tuple[Any, str]]] = {}
    if path.name.startswith("test_"):
        problems.append(Problem(name, None, None, "file names starting with 'test_' are read by Rasa as tests"))
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problems.append(Problem(name, None, None, f"is not valid YAML{where}: {getattr(error, 'problem', error)}"))
        return found
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(name, None, None, f"cannot be read: {error}"))
        return found
    if data is None:
        problems.append(Problem(name, None, None, "is empty"))
        return found
    if not isinstance(data, dict):
        problems.append(Problem(name, None, None, "must be a mapping of kinds (for example 'activities:') to lists"))
        return found
    for key, entries in data.items():
        if key in RASA_KEYS:
            problems.append(Problem(name, None, str(key), "Rasa would read this file as training data; rename the key"))
        elif key not in KINDS:
            problems.append(Problem(name, None, str(key), f"unknown kind (allowed: {', '.join(KINDS)})"))
        elif not isinstance(entries, list):
            problems.append(Problem(name, None, str(key), "must be a list of entries"))
        else:
            for index, raw in enumerate(entries):
                record = _build_entry(KINDS[key], raw, name, index, problems)
                if record is not None:
                    found.setdefault(key, []).append((record, name))
    return found


def _check_references(entries: dict[str, list[tuple[Any, str]]], problems: list[Problem]) -> None:
    """Checks that need the whole knowledge base: ids, enumerations and cross-references."""
    all_entries = [(record, file) for pairs in entries.values() for record, file in pairs]
    counts = Counter(record.id for record, _ in all_entries)
    seen: set[str] = set()
    for record, file in all_entries:
        if counts[record.id] > 1 and (record.id, file) not in seen:
            seen.add((record.id, file))  # type: ignore[arg-type]
            problems.append(Problem(file, record.id, "id", f"duplicate id (used {counts[record.id]} times)"))
    ids = set(counts)
    sections = {
        source.id: {s.id for s in source.sections} for source, _ in entries.get("sources", [])
    }
    topic_ids = {record.id for record, _ in entries.get("topics", [])}

    def check_choice(file: str, entry: str, field: str, value: str | None, allowed: Iterable[str]) -> None:
        allowed = tuple(allowed)
        if value is not None and value not in allowed:
            problems.append(Problem(file, entry, field, f"unknown value '{value}' (expected one of: {', '.join(allowed)})"))

    def check_ref(file: str, entry: str, field: str, ref: model.SourceRef) -> None:
        if ref.doc not in sections:
            problems.append(Problem(file, entry, field, f"unknown source document '{ref.doc}'"))
        elif ref.section not in sections[ref.doc]:
            problems.append(Problem(file, entry, field, f"document '{ref.doc}' has no section '{ref.section}'"))

    for record, file in all_entries:
        for name in ("source", "sources"):
            value = getattr(record, name, None)
            for ref in (value if isinstance(value, tuple) else (value,)):
                if isinstance(ref, model.SourceRef):
                    check_ref(file, record.id, name, ref)
        if hasattr(record, "stage"):
            check_choice(file, record.id, "stage", record.stage, model.STAGE_IDS)
        if hasattr(record, "level"):
            check_choice(file, record.id, "level", record.level, model.LEVEL_IDS)
        if hasattr(record, "audience"):
            check_choice(file, record.id, "audience", record.audience, model.AUDIENCE_IDS)
        if isinstance(record, model.Stage):
            check_choice(file, record.id, "id", record.id, model.STAGE_IDS)
        if isinstance(record, model.Level):
            check_choice(file, record.id, "id", record.id, model.LEVEL_IDS)
            thomas = {r.id for r, _ in entries.get("thomas_levels", [])}
            if record.thomas_level is not None and record.thomas_level not in thomas:
                problems.append(Problem(file, record.id, "thomas_level", f"no Thomas level has the id '{record.thomas_level}'"))
        if isinstance(record, model.Audience):
            check_choice(file, record.id, "id", record.id, model.AUDIENCE_IDS)
        if isinstance(record, model.Source):
            check_choice(file, record.id, "status", record.status, model.SOURCE_STATUSES)
        if isinstance(record, model.LadderRung):
            check_choice(file, record.id, "group", record.group, model.RUNG_GROUPS)
        if isinstance(record, model.Topic):
            check_choice(file, record.id, "category", record.category, model.TOPIC_CATEGORIES)
            for item_id, count in Counter(i.id for i in record.items).items():
                if count > 1:
                    problems.append(Problem(file, record.id, "items", f"item id '{item_id}' is used {count} times"))
            for related in record.related:
                if related not in topic_ids:
                    problems.append(Problem(file, record.id, "related", f"no topic has the id '{related}'"))
        if isinstance(record, model.GlossaryTerm):
            for other in record.see_also:
                if other not in ids:
                    problems.append(Problem(file, record.id, "see_also", f"no entry has the id '{other}'"))

    for key, allowed in (("stages", model.STAGE_IDS), ("levels", model.LEVEL_IDS), ("audiences", model.AUDIENCE_IDS)):
        present = {record.id for record, _ in entries.get(key, [])}
        for missing in allowed:
            if missing not in present:
                problems.append(Problem("(knowledge base)", missing, None, f"no entry under '{key}' for '{missing}'"))


def load_knowledge_base(directory: str | Path) -> KnowledgeBase:
    """Load and validate every ``*.yml`` file in ``directory`` (and its sub-folders).

    Raises:
        KnowledgeBaseError: listing every problem found, each naming file, entry and field.
    """
    root = Path(directory)
    problems: list[Problem] = []
    if not root.is_dir():
        raise KnowledgeBaseError([Problem(str(root), None, None, "is not a folder")])
    paths = sorted(p for p in root.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())
    if not paths:
        raise KnowledgeBaseError([Problem(str(root), None, None, "holds no .yml files")])
    entries: dict[str, list[tuple[Any, str]]] = {}
    for path in paths:
        for key, pairs in _read_file(path, root, problems).items():
            entries.setdefault(key, []).extend(pairs)
    _check_references(entries, problems)
    if problems:
        raise KnowledgeBaseError(problems)
    fields = {key: tuple(record for record, _ in pairs) for key, pairs in entries.items()}
    fields["stages"] = tuple(sorted(fields.get("stages", ()), key=lambda s: s.order))
    fields["levels"] = tuple(sorted(fields.get("levels", ()), key=lambda s: s.order))
    return KnowledgeBase(**fields, files=tuple(str(p.relative_to(root)) for p in paths))
