"""The whole-cycle engagement plan as data: one part per commissioning stage, plus who, support and payments.

The plan lives in one slot as a plain dict, so it survives a server restart with the conversation. Only ids and the
person's own short words are kept; every description is looked up in the knowledge base when the plan is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from bot.advice.support import COMMITMENTS, GROUPS
from bot.knowledge.model import AUDIENCE_IDS, LEVEL_IDS, STAGE_IDS

MAX_ACTIVITIES_PER_STAGE = 2  # "a chosen activity (or two) per stage"
MAX_WHO_CHARS = 200

# The questions, in the order they are asked. The three stage steps repeat for each stage still to plan.
AUDIENCE, WHO, LEVEL, ACTIVITY, ANOTHER, COMMITMENT, GROUPS_STEP, DONE = (
    "audience", "who", "level", "activity", "another", "commitment", "groups", "done",
)
STEPS = (AUDIENCE, WHO, LEVEL, ACTIVITY, ANOTHER, COMMITMENT, GROUPS_STEP, DONE)


@dataclass(frozen=True)
class StagePlan:
    """What the plan says for one stage. ``skipped`` means the person said this stage is done already."""

    stage: str
    level: str | None = None
    activities: tuple[str, ...] = ()
    skipped: bool = False
    complete: bool = False  # the person has moved on to the next stage

    @property
    def planned(self) -> bool:
        return not self.skipped and self.level is not None


@dataclass(frozen=True)
class EngagementPlan:
    audience: str | None = None
    who: str | None = None
    stages: tuple[StagePlan, ...] = tuple(StagePlan(stage) for stage in STAGE_IDS)
    current: int = 0  # index into ``stages`` while the stage steps run
    step: str = AUDIENCE
    commitment: str | None = None
    groups: tuple[str, ...] = ()
    groups_done: bool = False

    @property
    def finished(self) -> bool:
        return self.step == DONE

    @property
    def current_stage(self) -> StagePlan:
        return self.stages[min(self.current, len(self.stages) - 1)]

    @property
    def has_content(self) -> bool:
        """True once anything worth showing has been decided."""
        return any(s.planned or s.skipped for s in self.stages) or self.audience is not None

    def with_stage(self, stage_plan: StagePlan) -> EngagementPlan:
        stages = tuple(stage_plan if s.stage == stage_plan.stage else s for s in self.stages)
        return replace(self, stages=stages)

    def to_slot(self) -> dict[str, Any]:
        return {
            "audience": self.audience,
            "who": self.who,
            "stages": [
                {"stage": s.stage, "level": s.level, "activities": list(s.activities), "skipped": s.skipped,
                 "complete": s.complete}
                for s in self.stages
            ],
            "current": self.current,
            "step": self.step,
            "commitment": self.commitment,
            "groups": list(self.groups),
            "groups_done": self.groups_done,
        }

    @classmethod
    def from_slot(cls, value: Any) -> EngagementPlan | None:
        """The plan kept in the slot, or None if there is none or it is not one of ours (values are re-checked,
        because a slot can be set by anyone who can send events)."""
        if not isinstance(value, dict) or not isinstance(value.get("stages"), list):
            return None
        stages = []
        for stage_id, raw in zip(STAGE_IDS, value["stages"], strict=False):
            if not isinstance(raw, dict) or raw.get("stage") != stage_id:
                return None
            activities = raw.get("activities") or []
            if not isinstance(activities, list) or not all(isinstance(a, str) for a in activities):
                return None
            stages.append(
                StagePlan(
                    stage=stage_id,
                    level=raw.get("level") if raw.get("level") in LEVEL_IDS else None,
                    activities=tuple(activities[:MAX_ACTIVITIES_PER_STAGE]),
                    skipped=bool(raw.get("skipped")),
                    complete=bool(raw.get("complete")),
                )
            )
        if len(stages) != len(STAGE_IDS):
            return None
        who = value.get("who")
        groups = value.get("groups") or []
        current = value.get("current")
        return cls(
            audience=value.get("audience") if value.get("audience") in AUDIENCE_IDS else None,
            who=who[:MAX_WHO_CHARS] if isinstance(who, str) else None,
            stages=tuple(stages),
            current=current if isinstance(current, int) and 0 <= current < len(STAGE_IDS) else 0,
            step=value.get("step") if value.get("step") in STEPS else AUDIENCE,
            commitment=value.get("commitment") if value.get("commitment") in COMMITMENTS else None,
            groups=tuple(g for g in groups if g in GROUPS) if isinstance(groups, list) else (),
            groups_done=bool(value.get("groups_done")),
        )
