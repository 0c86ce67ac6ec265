"""Handing over to a person: the contact route the deploying organisation set, and a summary of the conversation.

The contact comes from environment variables (``INVOLVE_CONTACT_TEAM``, ``_EMAIL``, ``_TEAMS``, ``_PHONE``,
``_HOURS``, ``_URL``) or a YAML file named by ``INVOLVE_CONTACT_FILE`` (default ``contact.yml`` in the project);
the environment wins. With nothing set, the bot says so and points to the knowledge base's "who can help".
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

import yaml

from bot import settings
from bot.advice.answers import who_can_help
from bot.advice.reply import Button, Reply, intent_payload
from bot.knowledge import render
from bot.knowledge.query import Knowledge

ENV_PREFIX = "INVOLVE_CONTACT_"
MAX_QUOTED = 5
MAX_QUOTE_CHARS = 120


@dataclass(frozen=True)
class Contact:
    team: str = ""
    email: str = ""
    teams: str = ""  # a Microsoft Teams channel or chat link
    phone: str = ""
    hours: str = ""
    url: str = ""

    @property
    def configured(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self) if f.name not in ("team", "hours"))


class ContactSettingsError(ValueError):
    pass


def load_contact(env: Mapping[str, str] | None = None) -> Contact:
    """The contact route: the file's values, then any set in the environment on top."""
    env = os.environ if env is None else env
    values: dict[str, str] = {}
    path = Path(env.get("INVOLVE_CONTACT_FILE") or settings.PROJECT_ROOT / "contact.yml")
    if path.exists():
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            raise ContactSettingsError(f"{path}: not valid YAML ({error})") from None
        if not isinstance(data, dict):
            raise ContactSettingsError(f"{path}: expected keys such as team, email, teams, phone, hours, url")
        unknown = set(data) - {f.name for f in fields(Contact)}
        if unknown:
            raise ContactSettingsError(f"{path}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
        values.update({k: str(v).strip() for k, v in data.items() if v is not None})
    for f in fields(Contact):
        value = env.get(ENV_PREFIX + f.name.upper(), "").strip()
        if value:
            values[f.name] = value
    return Contact(**values)


@lru_cache(maxsize=1)
def configured_contact() -> Contact:
    """The contact route of this process, read once (the action server checks it at start)."""
    return load_contact()


@dataclass(frozen=True)
class ConversationFacts:
    """What the summary is made of, read from the conversation by the action."""

    typed: tuple[str, ...] = ()  # what the person typed, oldest first (already masked by the channel)
    choices: tuple[tuple[str, str], ...] = ()  # ("Stage", "Plan"), ...
    plan_status: str = ""


def conversation_summary(facts: ConversationFacts) -> str:
    lines = ["Summary of our conversation (copy it into your message):"]
    quoted = [t if len(t) <= MAX_QUOTE_CHARS else t[: MAX_QUOTE_CHARS - 1] + "…" for t in facts.typed[-MAX_QUOTED:]]
    if quoted:
        lines.append("What I asked:")
        lines.extend(f"{render.BULLET} \"{q}\"" for q in quoted)
    if facts.choices:
        lines.append("What I chose: " + "; ".join(f"{name}: {value}" for name, value in facts.choices) + ".")
    if facts.plan_status:
        lines.append(facts.plan_status)
    if len(lines) == 1:
        lines.append("We have not talked about anything yet.")
    return "\n".join(lines)


def contact_text(knowledge: Knowledge, contact: Contact) -> str:
    if not contact.configured:
        return (
            "This service has not set up a person to contact yet. " + who_can_help(knowledge)
        )
    team = contact.team or "the team that runs this service"
    lines = [f"You can talk to {team}:"]
    for label, value in (("Email", contact.email), ("Teams", contact.teams), ("Phone", contact.phone),
                         ("Web", contact.url), ("When", contact.hours)):
        if value:
            lines.append(f"{render.BULLET} {label}: {value}")
    return "\n".join(lines)


def handover_replies(knowledge: Knowledge, contact: Contact, facts: ConversationFacts,
                     after_misses: bool = False) -> list[Reply]:
    opening = "I'm sorry I couldn't help with that. " if after_misses else ""
    return [
        Reply(text=opening + contact_text(knowledge, contact)),
        Reply(
            text=conversation_summary(facts),
            buttons=(Button("Back to the start", intent_payload("greet")),),
        ),
    ]
