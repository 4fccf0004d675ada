"""What the generator takes and gives: the practitioner's choices (validated once, for pages
and API alike) and the generated practice, a list of `sequences.steps.Step`s."""

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError

from accounts.models import Avoidance, validate_avoidance
from poses.models import (
    Category,
    Difficulty,
    Effort,
    Position,
    categories_avoided,
    cautions_avoided,
)
from sequences.generator import core_holds, knee_load
from sequences.generator.vocabulary import (
    FOCUS_TARGETS,
    LEVELS,
    MAX_FOCUS,
    MAX_MINUTES,
    MIN_MINUTES,
    SLOW_STYLES,
    STYLES,
    focus_words,
)
from sequences.models import MAX_CUE_LENGTH, Focus, Style, Visibility
from sequences.steps import PHASE_LABELS, PoseCard, Step

# A generated step is a Step like any other (phase, cue and flow filled in).
GeneratedStep = Step

__all__ = [
    "Choices",
    "GeneratedPractice",
    "GeneratedStep",
    "PhaseGroup",
    "PoseCard",
    "clean_choices",
    "daily_seed",
]


@dataclass(frozen=True)
class HoldCap:
    """The longest a kind of pose is held, in seconds per side, under a style or an avoid
    choice: a rule over the pose's facts (position, category, effort, intensity, its first
    three target areas), not a list of poses."""

    seconds: int
    why: str
    style: str = ""
    avoid: str = ""
    level: str = ""
    positions: frozenset = frozenset()
    categories: frozenset = frozenset()
    effort: str = ""
    least_intensity: int = 0
    areas: frozenset = frozenset()
    # What the cue adds where the cap applies: how the shorter hold is taken; for a pose taken
    # one side at a time, its own words (review r11b: "Knees bent, heels lifted" is Down Dog's,
    # and contradicts Three-Legged Dog's long lifted leg).
    cue: str = ""
    sided_cue: str = ""
    # (slug, words) of a pose's own easier version, said instead of `cue` (core_holds.EASIER).
    easier: tuple[tuple[str, str], ...] = ()
    # A shape the facts above cannot say (knee_load: a bent knee under the body's weight).
    shape: Callable[[PoseCard], bool] | None = None

    def words_for(self, card: PoseCard) -> str:
        """The words that say how the capped hold of this pose is taken ("" for none)."""
        own = dict(self.easier).get(card.slug)
        if own:
            return own
        return self.sided_cue if card.is_bilateral else self.cue

    @property
    def cues(self) -> tuple[str, ...]:
        """Every way this cap's words are said, for the pose on both feet or one side."""
        said = (self.cue, self.sided_cue, *(words for _, words in self.easier))
        return tuple(dict.fromkeys(words for words in said if words))

    def applies(self, card: PoseCard) -> bool:
        return (
            not card.is_breathing
            and (not self.positions or card.position in self.positions)
            and (not self.categories or card.category in self.categories)
            and (not self.effort or card.effort == self.effort)
            and card.intensity >= self.least_intensity
            and (not self.areas or bool(self.areas & set(card.target_areas[:3])))
            and (self.shape is None or self.shape(card))
        )


HOLD_CAPS = (
    HoldCap(
        30,
        "a gentle class holds its strong standing poses five or six breaths, resting between sides",
        style=Style.GENTLE,
        positions=frozenset({Position.STANDING}),
        least_intensity=3,
    ),
    *(
        HoldCap(
            40,
            "weight on the hands tires the wrists and shoulders of a gentle class or a "
            "beginner's hatha class within a minute: Down Dog, Dolphin and Plank stay half a "
            "minute or so (a flowing class holds them by breaths)",
            **where,
            positions=frozenset({Position.HANDS_AND_FEET}),
            categories=frozenset({category}),
            cue=cue,
            sided_cue=sided,
        )
        for where in ({"style": Style.GENTLE}, {"style": Style.HATHA, "level": Difficulty.BEGINNER})
        for category, cue, sided in (
            (
                Category.FORWARD_FOLD,
                "Knees bent, heels lifted, a few breaths only.",
                # Three-Legged Dog: the standing leg softens, the lifted leg stays long.
                "Standing knee soft and heel lifted as you need, the lifted leg long, a few "
                "breaths only.",
            ),
            (
                Category.CORE,
                "Knees down on a folded blanket as the form softens.",
                # Side Plank: the bottom knee lowers, the top leg stays long.
                "Bottom knee down on a folded blanket as the form softens.",
            ),
            (Category.BACKBEND, "", ""),
        )
    ),
    HoldCap(
        180,
        "in pregnancy relaxin loosens the joints: a passive end-range hip or adductor shape "
        "(Dragonfly, Deer, Butterfly) strains the pubic symphysis past three minutes",
        avoid=Avoidance.PREGNANCY_SAFE,
        categories=frozenset({Category.HIP_OPENER, Category.FORWARD_FOLD}),
        effort=Effort.PASSIVE,
        areas=frozenset({"hips"}),
    ),
    # Under knee care a bent knee under load held briefly (knee_load, review r17 F14).
    HoldCap(
        knee_load.MOST_SECONDS,
        knee_load.WHY,
        avoid=knee_load.CHOICE,
        shape=knee_load.bends_knees_under_load,
    ),
    # A core hold a round by level, a beginner's with its easier version (core_holds).
    *(
        HoldCap(
            seconds,
            core_holds.WHY[level],
            level=level,
            positions=core_holds.CORE_HOLD_POSITIONS,
            categories=frozenset({Category.CORE}),
            easier=core_holds.easier_cues(level),
        )
        for level, seconds in core_holds.ROUND_MOST.items()
    ),
)


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

    @property
    def hold_caps(self) -> tuple[HoldCap, ...]:
        """The caps on holds (HOLD_CAPS) that these choices bring in."""
        return tuple(
            cap
            for cap in HOLD_CAPS
            if (not cap.style or cap.style == self.style)
            and (not cap.level or cap.level == self.level)
            and (not cap.avoid or cap.avoid in self.avoid)
        )

    @property
    def pregnant(self) -> bool:
        return Avoidance.PREGNANCY_SAFE in self.avoid


@dataclass(frozen=True)
class PhaseGroup:
    """One phase of the arc as the preview shows it: its steps and where they start."""

    phase: str
    steps: tuple[Step, ...]

    @property
    def label(self) -> str:
        return PHASE_LABELS[self.phase]

    @property
    def seconds(self) -> int:
        return sum(step.seconds for step in self.steps)

    @property
    def first_position(self) -> int:
        return self.steps[0].position

    @property
    def counter_start(self) -> int:
        """The CSS counter value before this group's first step (numbering runs on)."""
        return self.first_position - 1


@dataclass(frozen=True)
class GeneratedPractice:
    choices: Choices
    seed: int
    steps: tuple[Step, ...]
    findings: tuple = field(default=(), compare=False)
    # Seconds set aside between the holds (yin and restorative: props and rebounds); the
    # holds add up to the time asked for less these.
    transition_seconds: int = 0
    # Focus areas (and "region:<name>" of a whole-body class) the poses this practice may do
    # cannot give a share of the build (vocabulary.FOCUS_LEAST_SHAPES): the quality figure
    # `focus_share` spares them.
    focus_spared: tuple[str, ...] = ()
    # Seconds the practice stays short of its time once every way of filling it is spent
    # (`quiet_fill.unfilled`; 0 when it fills it): said in its description.
    time_unfilled: int = 0
    # Focus areas asked that no yin or restorative shape the avoid list leaves works
    # (`slow_focus`): the practice is made for the others (its `choices`), and says so.
    focus_left_out: tuple[str, ...] = ()

    @property
    def total_seconds(self) -> int:
        """Seconds of holding (what a saved sequence adds up to)."""
        return sum(step.seconds for step in self.steps)

    @property
    def planned_seconds(self) -> int:
        """The practice from start to end: the holds and the time between them."""
        return self.total_seconds + self.transition_seconds

    @property
    def target_seconds(self) -> int:
        return self.choices.minutes * 60

    @property
    def peak(self) -> Step | None:
        return next((step for step in self.steps if step.phase == "peak"), None)

    @property
    def phases(self) -> list[PhaseGroup]:
        """The steps grouped by phase of the arc, in order."""
        groups: list[list[Step]] = []
        for step in self.steps:
            if groups and groups[-1][0].phase == step.phase:
                groups[-1].append(step)
            else:
                groups.append([step])
        return [PhaseGroup(group[0].phase, tuple(group)) for group in groups]

    @property
    def flows(self) -> list[str]:
        """The flows of the practice, once each, in order ("Sun Salutation A", ...)."""
        return list(dict.fromkeys(step.flow.split(",")[0] for step in self.steps if step.flow))

    @property
    def title(self) -> str:
        style = Style(self.choices.style).label
        title = f"{self.choices.minutes}-minute {style} practice for {focus_words(self.focus)}"
        peak = self.peak
        if peak is None:
            return title
        if self.choices.style == Style.RESTORATIVE:
            ending = f", resting in {peak.pose.name}"
        elif self.choices.style in SLOW_STYLES:
            ending = f", with a long hold in {peak.pose.name}"
        else:
            ending = f", building to {peak.pose.name}"
        return title + ending if len(title + ending) <= 120 else title

    @property
    def focus(self) -> tuple[str, ...]:
        return self.choices.focus

    @property
    def description(self) -> str:
        level = Difficulty(self.choices.level).label.lower()
        parts = [f"Generated for {'an' if level[0] in 'aeiou' else 'a'} {level} practitioner"]
        centring = [s.pose.name for s in self.steps if s.phase == "centring"]
        if centring:
            parts.append(f"centring with {', '.join(centring)}")
        if self.flows:
            parts.append(f"flows: {', '.join(self.flows)}")
        peak = self.peak
        if peak is not None:
            parts.append(f"peak: {peak.pose.name}")
        ending = [s.pose.name for s in self.steps if s.phase in ("relaxation", "closing")]
        if ending:
            parts.append(f"ending in {' and '.join(ending)}")
        if self.transition_seconds:
            aside = round(self.transition_seconds / 60)
            parts.append(
                f"{self.total_seconds // 60} minutes of holds and about {max(aside, 1)} "
                f"minute{'s' if aside > 1 else ''} set aside for props and transitions"
            )
        if self.focus_left_out:
            from sequences.generator.slow_focus import words  # it reads the vocabulary

            parts.append(words(self.focus_left_out, self.choices.style))
        if self.time_unfilled:
            from sequences.generator.quiet_fill import unfilled_words  # it reads the plan

            parts.append(unfilled_words(self.time_unfilled))
        return "; ".join(parts) + "."

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
                    "cue": step.cue[:MAX_CUE_LENGTH],
                }
                for step in self.steps
            ],
        }


MAX_SEED = 2**31 - 1


def daily_seed(*, day: date, user_id: int | None = None) -> int:
    """The default seed: stable through one day for one practitioner, new the next day."""
    digest = hashlib.sha256(f"{user_id or 0}:{day.isoformat()}".encode()).digest()
    # 31 bits: the range a client may send back (generate's and record's `seed`, 0–2**31-1).
    return int.from_bytes(digest[:4], "big") & MAX_SEED


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
