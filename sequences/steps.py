"""One step shape for every ordered list of poses: a saved sequence's items and a generated
practice alike, read by the checks, the generator and the player.

`PoseCard` is what a step knows of its pose (plain data, no database); `Step` adds the
practice: hold, side, and for a generated practice its phase, cue and flow. One builder per
source: `steps_for(sequence)` for saved items (`PoseCard.from_pose`), and the generator,
which makes its steps from `PoseCard.from_fields` rows of one `.values()` read (without
figures: `with_figures` adds them, in one more query, where a page draws the poses).
"""

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from dataclasses import fields as dataclass_fields

from poses.cards import PhotoOfValues
from poses.models import BREATH_PHASES, Category, Effort, Kind, Pose
from poses.picture_routes import PictureAddresses
from poses.pictures import figure_url, figure_version, transition_version
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
class PoseCard(PhotoOfValues):
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
    # The figure itself (poses.figures), where a page draws it; None when not read.
    figure: dict | None = field(default=None, compare=False, repr=False)
    # Staff's photo's resized copies ({width: file name}, Pose.image_renditions); None when
    # not read (the generator's library read), and then the card is no photo to a picture tag.
    image_renditions: Mapping | None = field(default=None, compare=False, repr=False)

    def __hash__(self) -> int:
        # The dataclass's own hash (of the compared fields), worked out once per card: the
        # generator keeps cards in dicts and sets thousands of times a practice.
        found = self.__dict__.get("_hash")
        if found is None:
            found = hash(tuple(getattr(self, name) for name in _COMPARED))
            object.__setattr__(self, "_hash", found)
        return found

    def __getstate__(self) -> dict:
        # A hash is of this process (PYTHONHASHSEED): never carried to another.
        return {key: value for key, value in self.__dict__.items() if key != "_hash"}

    @classmethod
    def from_fields(cls, fields: Mapping) -> "PoseCard":
        """From a pose's fields by model name: a `.values()` row, or a row of the content file.
        `props`, `breath_pattern` and `image_urls` may come as JSON text (`<name>_text`)."""
        pattern = _json(fields, "breath_pattern") or {}
        figure = fields.get("figure") or None
        version = fields.get("figure_version") or ""
        if figure and not version:
            version = figure_version(figure, fields["name_en"])
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
            figure_version=version,
            figure=figure,
            image_renditions=_json(fields, "image_renditions"),
        )

    @classmethod
    def from_pose(cls, pose: Pose) -> "PoseCard":
        """From a loaded Pose row (a saved sequence's items, pose joined)."""
        deferred = pose.get_deferred_fields()  # none of them a card needs; no query for them
        fields = {
            field.attname: getattr(pose, field.attname)
            for field in Pose._meta.concrete_fields
            if field.attname not in deferred
        }
        fields["pk"] = pose.pk
        fields["image"] = pose.image.name if pose.image else ""
        return cls.from_fields(fields)

    @property
    def image_src(self) -> str:
        """The pose model's own rule (staff's photo, else the first image URL, else the figure)."""
        return self.picture_src("right")

    @property
    def has_photo(self) -> bool:
        """Shown by staff's photo or an image URL rather than by its figure."""
        return bool(self.image or self.image_urls)

    @property
    def has_own_image(self) -> bool:
        """Pose.has_own_image, what a picture tag asks of a pose (poses.templatetags), for a card
        read with its photo's renditions; False for one read without them (a picture tag then
        shows its image URL, else its figure, as it always has for the generator's cards)."""
        return self.image_renditions is not None and self.has_photo

    def picture_src(self, side: str) -> str:
        """The picture for a step on `side`: the photo whichever the side (a page flips it for
        the left), else the figure drawn for that side."""
        if self.has_photo:
            pose = Pose(slug=self.slug, image=self.image, image_urls=list(self.image_urls))
            return pose.photo_src
        return figure_url(self.slug, side=side, version=self.figure_version)

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


# The fields a card is compared (and hashed) by, in order.
_COMPARED = tuple(f.name for f in dataclass_fields(PoseCard) if f.compare)


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
    # Work of the build taught in the warm-up: a floor block before the standing work
    # (generator.floor_blocks), counted with the build where the focus's share is measured.
    work: bool = False

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
    def first_side(self) -> str:
        """The side the step's figure is drawn for first: "left" for a left step, else "right"."""
        return "left" if self.side == Side.LEFT else "right"

    @property
    def last_side(self) -> str:
        """The side it ends on: a two-sided pose on both sides is held right, then left."""
        if self.side == Side.BOTH and self.pose.is_bilateral:
            return "left"
        return self.first_side

    @property
    def side_label(self) -> str:
        """ "Right side", "Left side", "Each side" (both sides of a bilateral pose) or ""."""
        if self.side in SIDE_LABELS:
            return SIDE_LABELS[self.side]
        return "Each side" if self.pose.is_bilateral else ""


def numbered(steps: Iterable[Step]) -> list[Step]:
    """The steps with positions 1, 2, … in practice order."""
    return [replace(step, position=position) for position, step in enumerate(steps, start=1)]


def practice_numbered(steps: list[Step]) -> list[Step]:
    """The steps numbered 1, 2, … in practice order: as they are when their positions already
    are (saved sequences' stored positions are), else `numbered`."""
    if [step.position for step in steps] == list(range(1, len(steps) + 1)):
        return steps
    return numbered(steps)


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


def with_figures(steps: Iterable[Step]) -> list[Step]:
    """The steps with their poses' figures and figure versions, read in one query (none when
    every pose already has its figure): a generated practice's library read leaves them out,
    and its pictures need them for addresses browsers may keep and for a printed sheet."""
    steps = list(steps)
    missing = {step.pose.slug for step in steps if step.pose.figure is None}
    if not missing:
        return steps
    rows = Pose.objects.filter(slug__in=missing).values_list("slug", "figure", "figure_version")
    figures = {slug: (figure, version) for slug, figure, version in rows}
    cards = {}
    for step in steps:
        card = step.pose
        if card.figure is None and figures.get(card.slug, (None,))[0] and card.slug not in cards:
            figure, version = figures[card.slug]
            cards[card.slug] = replace(card, figure=figure, figure_version=version)
    return [replace(step, pose=cards.get(step.pose.slug, step.pose)) for step in steps]


def transition_src(
    before: Step | None, step: Step, *, addresses: PictureAddresses | None = None
) -> str:
    """The figure moving from the side the step before ends on into this step's first side
    (poses.pictures); "" for the first step, a pose shown by a photo, or the same pose again
    (on its other side the figure is simply mirrored). `addresses`: the answer's, if it has."""
    if before is None or before.pose.slug == step.pose.slug:
        return ""
    if before.pose.has_photo or step.pose.has_photo:
        return ""
    versions = (before.pose.figure_version, step.pose.figure_version)
    return (addresses or PictureAddresses()).transition(
        before.pose.slug,
        step.pose.slug,
        sides=(before.last_side, step.first_side),
        version=transition_version(*versions) if all(versions) else "",
    )


def player_items(steps: Iterable[Step]) -> list[dict]:
    """The guided player's items (static/js/player.js reads these keys). `image_src` is the
    picture of the right side (or the photo), `image_left_src` of the left; a photo is the
    same on both sides and `is_photo` tells the player to flip it. `transition_src` moves the
    figure in from the item before."""
    addresses = PictureAddresses()

    def picture(card: PoseCard, side: str) -> str:  # PoseCard.picture_src
        if card.has_photo:
            return card.picture_src(side)
        return addresses.figure(card.slug, side=side, version=card.figure_version)

    items, before = [], None
    for position, step in enumerate(steps, start=1):
        items.append(
            {
                "position": step.position or position,
                "name_en": step.pose.name,
                "name_sa": step.pose.name_sa,
                "image_src": picture(step.pose, "right"),
                "cue": step.cue,
                "duration_seconds": step.duration_seconds,
                "side": step.side,
                "is_bilateral": step.pose.is_bilateral,
                "image_left_src": picture(step.pose, "left"),
                "is_photo": step.pose.has_photo,
                "transition_src": transition_src(before, step, addresses=addresses),
            }
        )
        before = step
    return items
