"""The slot that keeps the whole-cycle engagement plan, read the same way everywhere."""

from __future__ import annotations

from rasa_sdk import Tracker

from bot.plans.model import EngagementPlan

PLAN_SLOT = "engagement_plan"


def stored_plan(tracker: Tracker) -> EngagementPlan | None:
    return EngagementPlan.from_slot(tracker.get_slot(PLAN_SLOT))
