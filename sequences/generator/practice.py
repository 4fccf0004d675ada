"""What the generator takes and gives: poses as plain data, the practitioner's choices
(validated once, for pages and API alike) and the generated practice."""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError

from accounts.models import validate_avoidance
from poses.models import Difficulty, Pose, categories_avoided, cautions_avoided
from sequences.generator.vocabulary import (
    FOCUS_TARGETS,
    LEVELS,
    MAX_FOCUS,
    MAX_MINUTES,
    MIN_MINUTES,
    PHASE_LABELS,
    STYLES,
    focus_words,
)
from sequences.models import Focus, Side, Style, Visibility


@dataclass(frozen=True)
class PoseCard:
    """What the generator knows of a published pose."""

    slug: str
    name: str
    category: str
    difficulty: str
    hold: int
    is_bilateral: bool = False
    cautions: frozenset = frozenset()
    target_areas: tuple[str, ...] = ()
    pk: int | None = None
    name_sa: str = ""
    image: str = ""
    image_urls: tuple[str, ...] = ()

    @classmethod
    def from_fields(cls, fields) -> "PoseCard":
        """From a pose's fields by model name: a `.values()` row, or a row of the content file."""
        return cls(
            pk=fields.get("pk"),
            slug=fields["slug"],
            name=fields["name_en"],
            category=fields["category"],
            difficulty=fields["difficulty"],
            hold=fields["default_hold_seconds"],
            is_bilateral=fields.get("is_bilateral", False),
            cautions=frozenset(fields.get("cautions") or ()),
            target_areas=tuple(fields.get("target_areas") or ()),
            name_sa=fields.get("name_sa") or "",
            image=fields.get("image") or "",
            image_urls=tuple(fields.get("image_urls") or ()),
        )

    @property
    def image_src(self) -> str:
        """The pose model's own rule (upload, else first URL, else the category's drawing)."""
        pose = Pose(image=self.image, image_urls=list(self.image_urls), category=self.category)
        return pose.image_src


@dataclass(frozen=True)
class Choices:
    """What the practitioner asked for, validated by `clean_choices`."""

    minutes: int
    level: str
    style: str
    focus: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    avoid_slugs: frozenset = frozenset()
    liked: frozenset = frozenset()

    @property
    def avoid_cautions(self) -> frozenset:
        return cautions_avoided(self.avoid)

    @property
    def avoid_categories(self) -> frozenset:
        return categories_avoided(self.avoid)


@dataclass(frozen=True)
class GeneratedStep:
    pose: PoseCard
    duration_seconds: int
    phase: str
    reason: str

    @property
    def phase_label(self) -> str:
        return PHASE_LABELS[self.phase]

    @property
    def side(self) -> str:
        return Side.BOTH

    @property
    def seconds(self) -> int:
        return self.duration_seconds * (2 if self.pose.is_bilateral else 1)


@dataclass(frozen=True)
class GeneratedPractice:
    choices: Choices
    seed: int
    steps: tuple[GeneratedStep, ...]
    findings: tuple = field(default=(), compare=False)

    @property
    def total_seconds(self) -> int:
        return sum(step.seconds for step in self.steps)

    @property
    def target_seconds(self) -> int:
        return self.choices.minutes * 60

    @property
    def title(self) -> str:
        focus = focus_words(self.choices.focus)
        style = Style(self.choices.style).label
        return f"{self.choices.minutes}-minute {style} practice for {focus}"

    @property
    def description(self) -> str:
        return (
            f"Generated for a {Difficulty(self.choices.level).label.lower()} practitioner: "
            "centring, warm-up, build, peak, counter-poses, cool-down and final relaxation."
        )

    @property
    def primary_focus(self) -> str:
        return self.choices.focus[0] if self.choices.focus else Focus.FULL_BODY

    def as_sequence(self) -> dict:
        """The practice as sequences.services.save_sequence's arguments (and the API's create
        body): private, with each pose's reason as its cue."""
        return {
            "title": self.title,
            "description": self.description,
            "difficulty": self.choices.level,
            "focus": self.primary_focus,
            "style": self.choices.style,
            "visibility": Visibility.PRIVATE,
            "poses": [
                {
                    "pose": step.pose.pk,
                    "duration_seconds": step.duration_seconds,
                    "side": step.side,
                    "cue": step.reason[:200],
                }
                for step in self.steps
            ],
        }


def daily_seed(*, day: date, user_id: int | None = None) -> int:
    """The default seed: stable through one day for one practitioner, new the next day."""
    digest = hashlib.sha256(f"{user_id or 0}:{day.isoformat()}".encode()).digest()
    return int.from_bytes(digest[:4], "big")


def clean_choices(
    *,
    minutes,
    level,
    style,
    focus: Iterable[str] = (),
    avoid: Iterable[str] = (),
    avoid_slugs: Iterable[str] = (),
    liked: Iterable[str] = (),
) -> Choices:
    """The request's rules, once for pages and API: ValidationError keyed by field name."""
    errors = {}
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        errors["minutes"] = "Give the length in whole minutes."
    elif not MIN_MINUTES <= minutes <= MAX_MINUTES:
        errors["minutes"] = (
            f"A practice lasts {MIN_MINUTES} to {MAX_MINUTES} minutes; you asked for {minutes}."
        )
    if level not in LEVELS:
        errors["level"] = _unknown("level", level, LEVELS)
    if style not in STYLES:
        errors["style"] = _unknown("style", style, Style.values)
    focus = tuple(dict.fromkeys(focus))
    unknown_focus = [f for f in focus if f not in FOCUS_TARGETS]
    if unknown_focus:
        errors["focus"] = _unknown("focus", ", ".join(map(str, unknown_focus)), Focus.values)
    elif len(focus) > MAX_FOCUS:
        errors["focus"] = f"Choose at most {MAX_FOCUS} focus areas."
    avoid = tuple(sorted(set(avoid)))
    try:
        validate_avoidance(list(avoid))  # the profile's rule
    except ValidationError as error:
        errors["avoid"] = error.messages
    if errors:
        raise ValidationError(errors)
    if Focus.FULL_BODY in focus and len(focus) > 1:
        focus = tuple(f for f in focus if f != Focus.FULL_BODY)
    return Choices(
        minutes=minutes,
        level=level,
        style=style,
        focus=focus,
        avoid=avoid,
        avoid_slugs=frozenset(avoid_slugs),
        liked=frozenset(liked) - frozenset(avoid_slugs),
    )


def _unknown(what: str, value, allowed) -> str:
    return f"Unknown {what} “{value}”; choose from {', '.join(allowed)}."
