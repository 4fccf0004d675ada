"""The arc: one pass from centring to final relaxation, spending each phase's share of time.

Poses are scored — focus, liked poses and a seeded chance — so the same seed
gives the same practice and a new seed a different one.
"""

import random
from collections.abc import Iterable

from poses.models import Category, Caution, Difficulty, TargetArea
from sequences.checks import NEUTRALISING_CATEGORIES, NEUTRALISING_SLUGS
from sequences.generator.practice import Choices, GeneratedStep, PoseCard
from sequences.generator.vocabulary import (
    COOL_DOWN_CATEGORIES,
    COUNTERS,
    FLOWING_STYLES,
    FOCUS_PEAKS,
    FOCUS_TARGETS,
    GROUND_UP,
    LEVELS,
    LONG_HOLD,
    ON_THE_FEET,
    RELAXATION_SLUG,
    SLOW_STYLES,
    STYLES,
    focus_words,
)
from sequences.models import Focus, Style


def pool_for(library: Iterable[PoseCard], choices: Choices) -> list[PoseCard]:
    """The poses this practice may use: level, style, avoid list and thumbs-down applied."""
    top = LEVELS.index(choices.level)
    avoid_cautions, avoid_categories = choices.avoid_cautions, choices.avoid_categories
    pool = []
    for card in library:
        if card.slug in choices.avoid_slugs or card.cautions & avoid_cautions:
            continue
        if card.category in avoid_categories:
            continue
        if LEVELS.index(card.difficulty) > top:
            continue
        if choices.style in SLOW_STYLES and not _floor_pose(card):
            continue
        if choices.style not in SLOW_STYLES and _long_hold_shape(card):
            continue
        if choices.style == Style.GENTLE and card.difficulty == Difficulty.ADVANCED:
            continue
        pool.append(card)
    return sorted(pool, key=lambda card: card.slug)


def _floor_pose(card: PoseCard) -> bool:
    """Yin and restorative stay on the floor, without effort in the arms or headstands."""
    if card.category in ON_THE_FEET or card.category in (Category.CORE, Category.INVERSION):
        return False
    if Caution.WRIST_LOAD in card.cautions or Caution.DEEP_BACKBEND in card.cautions:
        return False
    return card.category == Category.RESTORATIVE or Caution.INVERSION not in card.cautions


def _long_hold_shape(card: PoseCard) -> bool:
    """Yin shapes (held three minutes and more) belong in yin, not in an active practice."""
    if card.hold < LONG_HOLD:
        return False
    # Long restorative holds stay for centring and the final relaxation, on both sides too long.
    return card.category != Category.RESTORATIVE or card.is_bilateral


def _is_beginner(card: PoseCard) -> bool:
    return card.difficulty == Difficulty.BEGINNER


def _is_relaxation(card: PoseCard) -> bool:
    return (
        card.category == Category.RESTORATIVE
        and not card.is_bilateral
        and Caution.INVERSION not in card.cautions
    )


def _neutralises(card: PoseCard) -> bool:
    if Caution.DEEP_BACKBEND in card.cautions:
        return False
    return card.slug in NEUTRALISING_SLUGS or card.category in NEUTRALISING_CATEGORIES


def _area(card: PoseCard, among: frozenset = frozenset()) -> str:
    """The pose's main target area (the library lists them most important first)."""
    areas = [a for a in card.target_areas if a in among] or list(card.target_areas)
    return TargetArea(areas[0]).label.lower() if areas else "whole body"


def _height(card: PoseCard) -> int:
    """0 lying down, 1 seated, kneeling or on all fours, 2 on the feet or upside down."""
    if card.category in ON_THE_FEET or Caution.INVERSION in card.cautions:
        return 0 if card.category == Category.RESTORATIVE else 2
    return 0 if card.category == Category.RESTORATIVE else 1


def _most_poses(phase: str, minutes: int, style: str) -> int:
    """How many poses a phase may hold: longer practices hold poses longer, not only add more."""
    if style in FLOWING_STYLES and phase in ("warm_up", "build", "cool_down"):
        minutes = minutes * 3 // 2
    return {
        "centring": 1 + minutes // 45,
        "warm_up": 2 + minutes // 12,
        "build": minutes // 6,
        "peak": 1 + minutes // 30,
        "counter": 1 + minutes // 45,
        "cool_down": 1 + minutes // 12,
    }[phase]


class _Plan:
    """One pass along the arc, spending each phase's share of the time."""

    def __init__(self, pool: list[PoseCard], choices: Choices, rng: random.Random):
        self.pool = pool
        self.choices = choices
        self.rng = rng
        self.shape = STYLES[choices.style]
        self.focus_targets = frozenset().union(*(FOCUS_TARGETS[f] for f in choices.focus))
        self.peak_categories = frozenset().union(
            *(FOCUS_PEAKS[f] for f in choices.focus or (Focus.FULL_BODY,))
        )
        self.focus_words = focus_words(choices.focus)
        self.used: set[str] = set()
        self.steps: list[GeneratedStep] = []
        # The poses each phase chose for itself (not the counter-poses added after backbends).
        self.chosen: dict[str, list[PoseCard]] = {}

    # --- choosing -------------------------------------------------------------

    def hold(self, card: PoseCard) -> int:
        low, high = self.shape.hold
        return max(low, min(high, card.hold))

    def seconds(self, card: PoseCard) -> int:
        return self.hold(card) * (2 if card.is_bilateral else 1)

    def matches_focus(self, card: PoseCard) -> bool:
        return bool(self.focus_targets.intersection(card.target_areas)) or (
            not self.focus_targets and card.category in self.peak_categories
        )

    def pick(self, fits, *, prefer=lambda card: 0.0) -> PoseCard | None:
        """The best-scoring unused pose that fits: focus, liked poses and chance decide."""
        best, best_score = None, None
        for card in self.pool:
            if card.slug in self.used or not fits(card):
                continue
            score = (
                2.0 * self.matches_focus(card)
                + 1.5 * (card.slug in self.choices.liked)
                + prefer(card)
                + 2.5 * self.rng.random()
            )
            if best_score is None or score > best_score:
                best, best_score = card, score
        return best

    def add(self, card: PoseCard, phase: str, reason: str) -> None:
        self.used.add(card.slug)
        if card.slug in self.choices.liked:
            reason = f"{reason} (a pose you like)"
        self.steps.append(GeneratedStep(card, self.hold(card), phase, reason))
        if Caution.DEEP_BACKBEND in card.cautions:
            counter = self.pick(
                lambda c: _neutralises(c) and _is_beginner(c) and c.category not in ON_THE_FEET,
                prefer=lambda c: 3.0 * (c.slug in NEUTRALISING_SLUGS),
            )
            if counter is not None:
                self.used.add(counter.slug)
                reason = f"Counter-pose after {card.name}"
                self.steps.append(GeneratedStep(counter, self.hold(counter), phase, reason))

    def fill(self, phase: str, budget: float, fits, reason, *, prefer=lambda card: 0.0, least=0):
        """Add poses while each one brings the phase closer to its share of the time."""
        spent = count = 0
        most = max(least, _most_poses(phase, self.choices.minutes, self.choices.style))
        while count < most:
            card = self.pick(fits, prefer=prefer)
            if card is None:
                return
            seconds = self.seconds(card)
            if count >= least and abs(budget - spent - seconds) >= abs(budget - spent):
                return
            self.add(card, phase, reason(card))
            self.chosen.setdefault(phase, []).append(card)
            spent += seconds
            count += 1

    # --- the arc --------------------------------------------------------------

    def build(self) -> list[GeneratedStep]:
        target = self.choices.minutes * 60
        relaxation = self.pick(_is_relaxation, prefer=lambda c: 5.0 * (c.slug == RELAXATION_SLUG))
        if relaxation is not None:
            self.used.add(relaxation.slug)
        main = target * (1 - self.shape.relaxation_share)
        for phase, share in self.shape.phases:
            start = len(self.steps)
            getattr(self, f"_{phase}")(main * share)
            if phase in GROUND_UP:
                # GROUND_UP: the order of heights within the phase (floor up, or feet down).
                self.steps[start:] = sorted(
                    self.steps[start:], key=lambda s: GROUND_UP[phase] * _height(s.pose)
                )
        if relaxation is not None:
            self.steps.append(
                GeneratedStep(relaxation, relaxation.hold, "relaxation", "Final relaxation")
            )
        return self.steps

    def _centring(self, budget: float) -> None:
        self.fill(
            "centring",
            budget,
            lambda c: (
                _is_beginner(c)
                and c.category in (Category.SEATED, Category.RESTORATIVE, Category.STANDING)
                and not c.is_bilateral
                and Caution.INVERSION not in c.cautions
            ),
            lambda c: "Centring: arrive and settle the breath",
            prefer=lambda c: 2.0 * (TargetArea.NERVOUS_SYSTEM in c.target_areas),
            least=1,
        )

    def _warm_up(self, budget: float) -> None:
        slow = self.choices.style in SLOW_STYLES
        self.fill(
            "warm_up",
            budget,
            lambda c: (
                _is_beginner(c)
                and c.category not in (Category.BALANCE, Category.RESTORATIVE)
                and (slow or c.hold <= 60)
                and Caution.DEEP_BACKBEND not in c.cautions
            ),
            lambda c: (
                f"Warm-up for the {_area(c, self.focus_targets)}"
                if self.matches_focus(c) and self.focus_targets
                else f"Warm-up: wakes up the {_area(c)}"
            ),
            least=1,
        )

    def _build(self, budget: float) -> None:
        self.fill(
            "build",
            budget,
            lambda c: (
                c.category in ON_THE_FEET | {Category.CORE, Category.BACKBEND, Category.TWIST}
                and c.difficulty != Difficulty.ADVANCED
                and Caution.DEEP_BACKBEND not in c.cautions
            ),
            lambda c: (
                f"Prepares {self.focus_words} for the peak"
                if self.matches_focus(c)
                else f"Builds heat and strength in the {_area(c)}"
            ),
            prefer=lambda c: 1.0 * (c.category in ON_THE_FEET),
        )

    def _peak(self, budget: float) -> None:
        """The hardest poses the level allows in the focus' categories, else any for the focus."""
        top = LEVELS.index(self.choices.level)
        slow = self.choices.style in SLOW_STYLES
        for fits in (
            lambda c: c.category in self.peak_categories and c.hold >= 15,
            lambda c: self.matches_focus(c) and c.hold >= 15,
        ):
            self.fill(
                "peak",
                budget,
                fits,
                lambda c: f"{'Deep hold' if slow else 'Peak pose'} for {self.focus_words}",
                prefer=lambda c: 2.0 * (LEVELS.index(c.difficulty) == top),
                least=1,
            )
            if any(step.phase == "peak" for step in self.steps):
                return

    def _counter(self, budget: float) -> None:
        peaks = self.chosen.get("peak", [])
        if not peaks:
            return
        peak = peaks[-1]
        counters = COUNTERS.get(peak.category, NEUTRALISING_CATEGORIES)
        self.fill(
            "counter",
            budget,
            lambda c: (
                _is_beginner(c)
                and c.category in counters
                and c.category not in ON_THE_FEET
                and Caution.DEEP_BACKBEND not in c.cautions
            ),
            lambda c: f"Counter-pose after {peak.name}",
            least=1,
        )

    def _cool_down(self, budget: float) -> None:
        self.fill(
            "cool_down",
            budget,
            lambda c: (
                _is_beginner(c)
                and c.category in COOL_DOWN_CATEGORIES
                and (c.category == Category.RESTORATIVE or Caution.INVERSION not in c.cautions)
                and c.hold >= 30
                and Caution.DEEP_BACKBEND not in c.cautions
            ),
            lambda c: f"Cool-down for the {_area(c, self.focus_targets)}",
            prefer=lambda c: 1.0 * (c.category in (Category.TWIST, Category.FORWARD_FOLD)),
        )


def plan(pool: list[PoseCard], choices: Choices, rng: random.Random) -> list[GeneratedStep]:
    """The practice along the arc, holds at the style's usual length (fit adjusts them)."""
    return _Plan(pool, choices, rng).build()
