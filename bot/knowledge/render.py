"""Plain-text renderings of knowledge entries, shared by the command line and the bot's answers."""

from __future__ import annotations

from typing import Any

from bot.knowledge import model
from bot.knowledge.model import Cell

BULLET = "•"


def source_line(knowledge: Any, refs: tuple[model.SourceRef, ...]) -> str:
    """``Source: ...`` naming each distinct document (and section) once."""
    seen: list[str] = []
    for ref in refs:
        text = knowledge.citation(ref)
        if text not in seen:
            seen.append(text)
    return "Source: " + "; ".join(seen) if seen else ""


def refs_of(entry: Any) -> tuple[model.SourceRef, ...]:
    if hasattr(entry, "sources"):
        return tuple(entry.sources)
    ref = getattr(entry, "source", None)
    return (ref,) if isinstance(ref, model.SourceRef) else ()


def bullets(lines: list[str]) -> str:
    return "\n".join(f"{BULLET} {line}" for line in lines)


def entry_body(entry: Any, knowledge: Any | None = None) -> str:
    """The text of an entry without its source line."""
    if isinstance(entry, model.Topic):
        parts = [entry.summary]
        if entry.items:
            parts.append(bullets([f"{i.label}: {i.text}" if i.label else i.text for i in entry.items]))
        if entry.caveat:
            parts.append(f"Please note: {entry.caveat}")
        return "\n".join(parts)
    if isinstance(entry, model.Activity):
        where = ""
        if knowledge is not None:
            where = (
                f" ({knowledge.stage(entry.stage).name} stage, {knowledge.level(entry.level).name.lower()}, "
                f"{knowledge.audience(entry.audience).name.lower()})"
            )
        return f"{entry.name}{where}: {entry.description}"
    if isinstance(entry, model.GlossaryTerm):
        return f"{entry.term}: {entry.meaning}"
    if isinstance(entry, model.Stage):
        also = f" (also called {', '.join(entry.other_names)})" if entry.other_names else ""
        lines = [f"The {entry.name} stage{also}: {entry.summary}", entry.what_happens]
        if entry.involve_in:
            lines.append("People can be involved in:\n" + bullets(list(entry.involve_in)))
        if entry.examples:
            lines.append("For example:\n" + bullets(list(entry.examples)))
        return "\n".join(lines)
    if isinstance(entry, model.Level):
        also = f" (also called {', '.join(entry.other_names)})" if entry.other_names else ""
        return f"{entry.name}{also}: {entry.meaning}"
    if isinstance(entry, model.Audience):
        return f"{entry.name}: {entry.description}"
    if isinstance(entry, model.ThomasLevel):
        return (
            f"{entry.number}. {entry.name}: at its best, {entry.positive.lower()}; at its worst, "
            f"{entry.negative.lower()}. {entry.explanation}"
        )
    if isinstance(entry, model.LadderRung):
        return f"Rung {entry.number}, {entry.name}: {entry.meaning}"
    if isinstance(entry, model.CellNote):
        return entry.text
    if isinstance(entry, model.Source):
        return f"{entry.citation}. {entry.note}".strip()
    return str(entry)


def entry_title(entry: Any) -> str:
    for name in ("title", "name", "term"):
        value = getattr(entry, name, None)
        if value:
            return str(value)
    return str(entry.id)


def entry_text(knowledge: Any, entry: Any) -> str:
    """An entry as plain text with a title line and its source."""
    body = entry_body(entry, knowledge)
    title = entry_title(entry)
    parts = [body] if title.lower() in body.split("\n", 1)[0].lower() else [title, body]
    line = source_line(knowledge, refs_of(entry))
    return "\n".join(parts + ([line] if line else []))


def cell_text(knowledge: Any, cell: Cell, limit: int | None = None) -> str:
    """A matrix cell as plain text: heading, activities (up to ``limit``), notes and source."""
    heading = (
        f"{cell.stage.name} stage x {cell.level.name.lower()} ({cell.level.short.lower()}), "
        f"for {cell.audience.name.lower()}:"
    )
    shown = cell.activities[:limit] if limit else cell.activities
    lines = [heading]
    if shown:
        lines.append(bullets([f"{a.name}: {a.description}" for a in shown]))
    else:
        lines.append("The matrix lists no activities here.")
    if limit and len(cell.activities) > limit:
        lines.append(f"(and {len(cell.activities) - limit} more)")
    lines.extend(f"Note: {n.text}" for n in cell.notes)
    refs = tuple(a.source for a in cell.activities) + tuple(n.source for n in cell.notes)
    line = source_line(knowledge, refs)
    if line:
        lines.append(line)
    return "\n".join(lines)
