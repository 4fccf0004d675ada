"""One step shape for every ordered list of poses: a saved sequence's items and a generated
practice alike, read by the checks, the generator and the player.

`PoseCard` is what a step knows of its pose (plain data, no database); `Step` adds the
practice: hold, side, and for a generated practice its phase, cue and flow. One builder per
source: `steps_for(sequence)` for saved items (`PoseCard.from_pose`), and the generator,
which makes its steps from `PoseCard.from_fields` rows of one `.values()` read.
"""

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from poses.models import BREATH_PHASES, Category, Effort, Kind, Pose
from poses.pictures import figure_url
from sequences.models import Side, Style, practice_seconds

# Yin and restorative hold poses for minutes: they read each pose's long hold range.
LONG_HOLD_STYLES = frozenset({Style.YIN, Style.RESTORATIVE})

PHASE_LABELS = {
    "centring": "Centring",
    "warm_up": "Warm-up",
    "build": "Build",
    "peak": "Peak",
    "counter": "Counter-pose",
    "cool_down": "Cool-down",
    "relaxation": "Final relaxation",
    "closing": "Closing",
}
SIDE_LABELS = {Side.RIGHT: "Right side", Side.LEFT: "Left side"}


@dataclass(frozen=True)
class PoseCard:
    """What a step knows of its pose: the facts a teacher sequences by."""

    slug: str
    name: str
    category: str = ""
    difficulty: str = "beginner"
    hold: int = 30
    kind: str = Kind.ASANA
    position: str = ""
    intensity: int = 2
    effort: str = Effort.ACTIVE
    hold_min: int = 5
    hold_max: int = 600
    long_hold_min: int | None = None
    long_hold_max: int | None = None
    is_bilateral: bool = False
    cautions: frozenset = frozenset()
    target_areas: tuple[str, ...] = ()
    props: tuple[str, ...] = ()
    # (phase, seconds) in BREATH_PHASES order, for breathing practices.
    breath_pattern: tuple[tuple[str, int], ...] = ()
    pk: int | None = None
    name_sa: str = ""
    image: str = ""
    image_urls: tuple[str, ...] = ()
    # The figure's version (poses.pictures), for a URL browsers may keep; "" when not read.
    figure_version: str = ""

    @classmethod
    def from_fields(cls, fields: Mapping) -> "PoseCard":
        """From a pose's fields by model name: a `.values()` row, or a row of the content file.
        `props`, `breath_pattern` and `image_urls` may come as JSON text (`<name>_text`)."""
        pattern = _json(fields, "breath_pattern") or {}
        return cls(
            pk=fields.get("pk"),
            slug=fields["slug"],
            name=fields["name_en"],
            category=fields.get("category") or "",
            difficulty=fields["difficulty"],
            hold=fields["default_hold_seconds"],
            kind=fields.get("kind") or Kind.ASANA,
            position=fields.get("position") or "",
            intensity=fields.get("intensity") or 2,
            effort=fields.get("effort") or Effort.ACTIVE,
            hold_min=fields.get("hold_min_seconds") or 5,
            hold_max=fields.get("hold_max_seconds") or 600,
            long_hold_min=fields.get("long_hold_min_seconds"),
            long_hold_max=fields.get("long_hold_max_seconds"),
            is_bilateral=fields.get("is_bilateral", False),
            cautions=frozenset(fields.get("cautions") or ()),
            target_areas=tuple(fields.get("target_areas") or ()),
            props=tuple(_json(fields, "props") or ()),
            breath_pattern=tuple((p, pattern[p]) for p in BREATH_PHASES if pattern.get(p)),
            name_sa=fields.get("name_sa") or "",
            image=fields.get("image") or "",
            image_urls=tuple(_json(fields, "image_urls") or ()),
            figure_version=fields.get("figure_version") or "",
        )

    @classmethod
    def from_pose(cls, pose: Pose) -> "PoseCard":
        """From a loaded Pose row (a saved sequence's items, pose joined)."""
        fields = {
            field.attname: getattr(pose, field.attname) for field in Pose._meta.concrete_fields
        }
        fields["pk"] = pose.pk
        fields["image"] = pose.image.name if pose.image else ""
        fields["figure_version"] = pose.figure_version if pose.figure else ""
        return cls.from_fields(fields)

    @property
    def image_src(self) -> str:
        """The pose model's own rule (staff's photo, else the first image URL, else the figure)."""
        pose = Pose(slug=self.slug, image=self.image, image_urls=list(self.image_urls))
        if pose.has_own_image:
            return pose.photo_src
        return figure_url(self.slug, version=self.figure_version)

    @property
    def is_breathing(self) -> bool:
        """Breathing and meditation practices: paced by breaths or minutes, not a shape."""
        return self.kind != Kind.ASANA

    @property
    def long_hold_range(self) -> tuple[int, int] | None:
        if self.long_hold_min is None or self.long_hold_max is None:
            return None
        return (self.long_hold_min, self.long_hold_max)

    def hold_range(self, style: str | None) -> tuple[int, int]:
        """Seconds per side this pose may be held in the style: the long range in yin and
        restorative practice where the pose has one, else the range of active styles."""
        if style in LONG_HOLD_STYLES and self.long_hold_range is not None:
            return self.long_hold_range
        return (self.hold_min, self.hold_max)

    @property
    def opens_the_chest(self) -> bool:
        """A backbend, or a supported pose that opens the chest (Supported Fish or Bridge)."""
        if self.category == Category.BACKBEND:
            return True
        return self.category == Category.RESTORATIVE and "chest" in self.target_areas


def _json(fields: Mapping, name: str):
    """The field's value, decoded from its JSON text when it came as text (most are empty)."""
    text = fields.get(f"{name}_text")
    if text is None:
        return fields.get(name)
    return json.loads(text) if text not in ("", "[]", "{}", "null") else None


@dataclass(frozen=True)
class Step:
    """One pose of an ordered practice: its pose, hold (per side), side, and for a generated
    practice its phase of the arc, its cue (the reason it is there) and the flow it is part of."""

    pose: PoseCard
    duration_seconds: int
    side: str = Side.BOTH
    phase: str = ""
    cue: str = ""
    flow: str = ""
    position: int = 0

    @property
    def reason(self) -> str:
        return self.cue

    @property
    def seconds(self) -> int:
        return practice_seconds(
            duration_seconds=self.duration_seconds,
            side=self.side,
            is_bilateral=self.pose.is_bilateral,
        )

    @property
    def label(self) -> str:
        return f"{self.position} ({self.pose.name})"

    @property
    def phase_label(self) -> str:
        return PHASE_LABELS.get(self.phase, "")

    @property
    def side_label(self) -> str:
        """ "Right side", "Left side", "Each side" (both sides of a bilateral pose) or ""."""
        if self.side in SIDE_LABELS:
            return SIDE_LABELS[self.side]
        return "Each side" if self.pose.is_bilateral else ""


def numbered(steps: Iterable[Step]) -> list[Step]:
    """The steps with positions 1, 2, … in practice order."""
    return [replace(step, position=position) for position, step in enumerate(steps, start=1)]


def steps_for(sequence) -> list[Step]:
    """A saved sequence's items as steps (prefetch `items__pose`: no extra query)."""
    return [
        Step(
            pose=PoseCard.from_pose(item.pose),
            duration_seconds=item.duration_seconds,
            side=item.side,
            cue=item.cue,
            position=position,
        )
        for position, item in enumerate(sequence.items.all(), start=1)
    ]


def player_items(steps: Iterable[Step]) -> list[dict]:
    """The guided player's items (static/js/player.js reads these keys)."""
    return [
        {
            "position": step.position or position,
            "name_en": step.pose.name,
            "name_sa": step.pose.name_sa,
            "image_src": step.pose.image_src,
            "cue": step.cue,
            "duration_seconds": step.duration_seconds,
            "side": step.side,
            "is_bilateral": step.pose.is_bilateral,
        }
        for position, step in enumerate(steps, start=1)
    ]
