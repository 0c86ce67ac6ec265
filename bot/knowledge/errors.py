"""Problems found while loading the knowledge base, reported all at once."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the knowledge base, naming the file, the entry and the field."""

    file: str
    entry: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.entry is not None:
            where.append(f"entry '{self.entry}'")
        if self.field is not None:
            where.append(f"field '{self.field}'")
        return f"{', '.join(where)}: {self.message}"


class KnowledgeBaseError(Exception):
    """The knowledge base has problems. ``problems`` lists every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        header = f"The knowledge base has {count} problem{'s' if count != 1 else ''}:"
        return "\n".join([header, *(f"  - {p}" for p in self.problems)])
