"""The knowledge base: typed model, loader with validation, query API and a command line.

Typical use::

    from bot.knowledge import get_knowledge
    cell = get_knowledge().cell("review", "participation", "cyp")
"""

from bot.knowledge.errors import KnowledgeBaseError, Problem
from bot.knowledge.query import Knowledge, UnknownEntry, get_knowledge, load

__all__ = ["Knowledge", "KnowledgeBaseError", "Problem", "UnknownEntry", "get_knowledge", "load"]
