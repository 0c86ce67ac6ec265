"""Turns the bot's replies into Bot Framework activities for Teams.

Plain text stays plain text. Anything with buttons, several lines (lists of suggestions, invitation drafts) or the
matrix view becomes an Adaptive Card: Teams cannot click Rasa's ``postBack`` buttons, and Adaptive Cards keep lists
readable. Buttons are ``Action.Submit`` with a ``messageBack`` so Teams shows the button's title in the chat and sends
the payload to the bot.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
CARD_VERSION = "1.5"
MAX_ACTIONS_PER_ROW = 5
LIST_MARKERS = ("•", "-", "*")


def message(text: str) -> dict[str, Any]:
    return {"type": "message", "text": text, "textFormat": "plain"}


def card_activity(card: dict[str, Any], summary: str = "") -> dict[str, Any]:
    return {
        "type": "message",
        "summary": summary[:200],
        "attachments": [{"contentType": CARD_CONTENT_TYPE, "content": card}],
    }


def _card(body: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": CARD_VERSION,
        "msteams": {"width": "Full"},
        "body": body,
    }


def _is_list_line(line: str) -> bool:
    return line.lstrip().startswith(LIST_MARKERS)


def text_blocks(text: str) -> list[dict[str, Any]]:
    """One TextBlock per paragraph or list item; the first paragraph is the heading-like lead."""
    blocks: list[dict[str, Any]] = []
    for line in (part.strip() for part in text.splitlines()):
        if not line:
            continue
        block: dict[str, Any] = {"type": "TextBlock", "text": line, "wrap": True}
        if _is_list_line(line):
            block["spacing"] = "Small"
        elif blocks:
            block["spacing"] = "Medium"
        blocks.append(block)
    return blocks or [{"type": "TextBlock", "text": " ", "wrap": True}]


def needs_card(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    return len(lines) >= 3 or any(_is_list_line(line) for line in lines)


def _first_line(text: str) -> str:
    return text.splitlines()[0] if text else ""


def text_activity(text: str) -> dict[str, Any]:
    return card_activity(_card(text_blocks(text)), _first_line(text)) if needs_card(text) else message(text)


def submit_action(title: str, payload: str) -> dict[str, Any]:
    return {
        "type": "Action.Submit",
        "title": title,
        "data": {"msteams": {"type": "messageBack", "displayText": title, "text": payload}, "payload": payload},
    }


def buttons_activity(text: str, buttons: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    actions = [
        submit_action(str(button.get("title", "")), str(button.get("payload", button.get("title", ""))))
        for button in buttons
        if button.get("title")
    ]
    body = text_blocks(text) if text else []
    for start in range(0, len(actions), MAX_ACTIONS_PER_ROW):
        body.append({"type": "ActionSet", "actions": actions[start : start + MAX_ACTIONS_PER_ROW]})
    return card_activity(_card(body), _first_line(text))


def _cell(text: str, chosen: bool = False, header: bool = False) -> dict[str, Any]:
    block: dict[str, Any] = {"type": "TextBlock", "text": text, "wrap": True}
    if chosen or header:
        block["weight"] = "Bolder"
    cell: dict[str, Any] = {"type": "TableCell", "items": [block]}
    if chosen:
        cell["style"] = "accent"
    return cell


def matrix_activity(matrix: Mapping[str, Any]) -> dict[str, Any]:
    """The matrix view: stages down, levels across, the number of activities in each cell, the chosen one marked."""
    stages = matrix.get("stages") or []
    levels = matrix.get("levels") or []
    selected = matrix.get("selected") or {}
    counts = matrix.get("counts") or {}
    audience = matrix.get("audience_name") or ""
    rows = [{"type": "TableRow", "cells": [_cell("Stage", header=True)]
             + [_cell(str(level.get("name", "")), header=True) for level in levels]}]
    chosen_label = ""
    for stage in stages:
        cells = [_cell(str(stage.get("name", "")), header=True)]
        for level in levels:
            count = counts.get(f"{stage.get('id')}/{level.get('id')}", 0)
            chosen = stage.get("id") == selected.get("stage") and level.get("id") == selected.get("level")
            if chosen:
                chosen_label = f"{stage.get('name')}, {level.get('name')}"
            cells.append(_cell(f"{count} (your choice)" if chosen else str(count), chosen=chosen))
        rows.append({"type": "TableRow", "cells": cells})
    title = "Where your choice sits in the matrix" + (f" for {audience.lower()}" if audience else "")
    body = [
        {"type": "TextBlock", "text": title, "weight": "Bolder", "wrap": True},
        {"type": "TextBlock", "text": "The number of activities at each stage and level.", "wrap": True,
         "spacing": "Small", "isSubtle": True},
        {
            "type": "Table",
            "firstRowAsHeader": True,
            "showGridLines": True,
            "columns": [{"width": 2}] + [{"width": 1} for _ in levels],
            "rows": rows,
        },
    ]
    return card_activity(_card(body), summary=f"{title}: {chosen_label}" if chosen_label else title)


def custom_activity(payload: Mapping[str, Any]) -> dict[str, Any] | None:
    """A custom payload as an activity, or None if Teams has nothing to show for it."""
    matrix = payload.get("matrix")
    if isinstance(matrix, Mapping):
        return matrix_activity(matrix)
    return None
