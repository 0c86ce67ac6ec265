"""The invitation form: every question can be skipped, "draft it now" finishes early, then the draft is sent."""

from __future__ import annotations

import functools
from dataclasses import fields
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.dispatch import send
from actions.free_text import LeavesForAnotherTask, free_text_value, means, typed_or_none
from actions.safety import friendly_on_error
from bot.advice.invitation import InvitationDetails, invitation_replies
from bot.advice.skipping import SKIPPED
from bot.knowledge import get_knowledge

SLOTS = tuple(f"inv_{f.name}" for f in fields(InvitationDetails))


class ValidateInvitationForm(LeavesForAnotherTask, FormValidationAction):
    """Turns "skip" (and friends) into a marked gap; "draft it now" skips everything still unanswered."""

    own_intent = "draft_invitation"

    def name(self) -> str:
        return "validate_invitation_form"

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list:
        events = await super().get_validation_events(dispatcher, tracker, domain)
        if means(tracker, "finish_early", max_words=8):
            filled = {e["name"] for e in events if e.get("event") == "slot"}
            events.extend(
                SlotSet(slot, SKIPPED) for slot in SLOTS if slot not in filled and tracker.get_slot(slot) is None
            )
        return events

    def __getattr__(self, name: str) -> Any:
        # validate_inv_<part>: the same rule for every part, so one method serves all twelve
        if name.startswith("validate_inv_"):
            return functools.partial(self._validate_part, name.removeprefix("validate_"))
        raise AttributeError(name)

    def _validate_part(
        self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict:
        if value is not None and means(tracker, "finish_early", max_words=8):
            return {slot: SKIPPED}
        return free_text_value(slot, value, dispatcher, tracker)


class ActionDraftInvitation(Action):
    def name(self) -> str:
        return "action_draft_invitation"

    @friendly_on_error
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        values = {}
        for f in fields(InvitationDetails):
            values[f.name] = typed_or_none(tracker.get_slot(f"inv_{f.name}"))
        send(dispatcher, invitation_replies(get_knowledge(), InvitationDetails(**values)))
        # The answers stay, so "change an answer" can re-ask just one question and draft again.
        return []


class ActionResetInvitation(Action):
    """A new invitation starts from nothing."""

    def name(self) -> str:
        return "action_reset_invitation"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        return [SlotSet(slot, None) for slot in SLOTS]
