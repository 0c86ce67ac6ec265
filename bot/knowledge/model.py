"""Typed, immutable records for everything in ``data/knowledge/``.

Each record mirrors one kind of YAML entry (see ``data/knowledge/README.md``). The loader builds them; the rest of the
code only ever sees these types, never raw dictionaries.
"""

from __future__ import annotations

from dataclasses import dataclass, field

STAGE_IDS = ("understand", "plan", "do", "review")
LEVEL_IDS = ("communication", "consultation", "negotiation", "participation")
AUDIENCE_IDS = ("citizens", "cyp")
SOURCE_STATUSES = ("current", "replaced", "historical")
TOPIC_CATEGORIES = (
    "about",
    "commissioning",
    "why",
    "when",
    "who",
    "how",
    "choosing",
    "consultation",
    "payments",
    "invitations",
    "key-messages",
    "coproduction",
    "person-centred",
    "ladders",
    "levels",
    "tips",
    "reading",
    "contacts",
    "getting-involved",
)
RUNG_GROUPS = ("non-participation", "participation")


@dataclass(frozen=True)
class SourceRef:
    """Where an entry comes from: a document id and one of its section ids."""

    doc: str
    section: str


@dataclass(frozen=True)
class Section:
    id: str
    title: str


@dataclass(frozen=True)
class Source:
    """A source document. ``year`` is ``None`` when the document carries no date."""

    id: str
    title: str
    publisher: str
    year: int | None
    status: str
    sections: tuple[Section, ...]
    note: str = ""
    url: str = ""

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    @property
    def citation(self) -> str:
        """Short citation such as ``Institute of Public Care (IPC), Citizen Involvement Matrix (2021)``."""
        year = f" ({self.year})" if self.year else ""
        return f"{self.publisher}, {self.title}{year}"


@dataclass(frozen=True)
class Stage:
    id: str
    order: int
    name: str
    other_names: tuple[str, ...]
    summary: str
    what_happens: str
    involve_in: tuple[str, ...]
    sources: tuple[SourceRef, ...]
    examples: tuple[str, ...] = ()
    co_name: str = ""
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Level:
    id: str
    order: int
    name: str
    other_names: tuple[str, ...]
    short: str
    meaning: str
    sources: tuple[SourceRef, ...]
    synonyms: tuple[str, ...] = ()
    thomas_level: str | None = None  # id of the Alain Thomas level at the same step (its good and bad faces)


@dataclass(frozen=True)
class Audience:
    id: str
    name: str
    description: str
    sources: tuple[SourceRef, ...]
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Activity:
    """One engagement activity in one cell of one matrix (stage x level, for one audience)."""

    id: str
    name: str
    description: str
    stage: str
    level: str
    audience: str
    source: SourceRef
    public_description: str = ""
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class CellNote:
    """A remark a matrix makes about a stage (or one cell) that is not itself an activity."""

    id: str
    stage: str
    audience: str
    text: str
    source: SourceRef
    level: str | None = None


@dataclass(frozen=True)
class TopicItem:
    id: str
    label: str
    text: str


@dataclass(frozen=True)
class Topic:
    """A piece of guidance: a title, a plain summary and, often, a list of points."""

    id: str
    title: str
    category: str
    summary: str
    source: SourceRef
    items: tuple[TopicItem, ...] = ()
    audience: str | None = None
    caveat: str = ""
    keywords: tuple[str, ...] = ()
    related: tuple[str, ...] = ()

    def item(self, item_id: str) -> TopicItem | None:
        return next((i for i in self.items if i.id == item_id), None)


@dataclass(frozen=True)
class GlossaryTerm:
    id: str
    term: str
    meaning: str
    source: SourceRef
    synonyms: tuple[str, ...] = ()
    see_also: tuple[str, ...] = ()


@dataclass(frozen=True)
class ThomasLevel:
    """One of Alain Thomas's four levels of engagement, with its negative and positive face."""

    id: str
    number: int
    name: str
    negative: str
    positive: str
    explanation: str
    source: SourceRef


@dataclass(frozen=True)
class LadderRung:
    """One rung of Hart's ladder of young people's participation."""

    id: str
    number: int
    name: str
    group: str
    meaning: str
    source: SourceRef


@dataclass(frozen=True)
class Cell:
    """What one matrix says for one stage, level and audience."""

    stage: Stage
    level: Level
    audience: Audience
    activities: tuple[Activity, ...]
    notes: tuple[CellNote, ...] = ()


@dataclass(frozen=True)
class KnowledgeBase:
    """Every entry, in file order. Build it with :func:`bot.knowledge.loader.load_knowledge_base`."""

    sources: tuple[Source, ...] = ()
    stages: tuple[Stage, ...] = ()
    levels: tuple[Level, ...] = ()
    audiences: tuple[Audience, ...] = ()
    activities: tuple[Activity, ...] = ()
    cell_notes: tuple[CellNote, ...] = ()
    topics: tuple[Topic, ...] = ()
    glossary: tuple[GlossaryTerm, ...] = ()
    thomas_levels: tuple[ThomasLevel, ...] = ()
    ladder_rungs: tuple[LadderRung, ...] = ()
    files: tuple[str, ...] = field(default=(), compare=False)
