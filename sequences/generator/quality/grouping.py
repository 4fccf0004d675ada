"""The order a teacher would teach (issue "Today's practice a teacher would teach"): a visit
to a level is worth its transitions, the build does not drop back to warm-up shapes once it
has climbed, a slow practice visits each position once, and the cool-down does not hold two
poses of one family side by side."""

from poses.models import Position
from sequences.generator.grouping import (
    COOL_DOWN_FAMILIES,
    VISIT_POSES,
    VISIT_SECONDS,
    drops_back,
    level_of,
)
from sequences.generator.quality import visits
from sequences.generator.quality.common import held, held_shapes
from sequences.generator.vocabulary import LINKING_SLUGS, SLOW_STYLES

BEFORE_THE_PEAK = ("warm_up", "build")
AFTER_THE_PEAK = ("counter", "cool_down")


def _visits(steps, peak) -> list[dict]:
    """Each run of held shapes at one level, in order: its level, first slug, poses, seconds,
    and whether it holds the peak (the peak's rounds and their rests one run; Down Dog and a
    flow's steps on the hands the way between levels, an arm balance aside unless the peak)."""
    found: list[dict] = []
    for step in steps:
        if step.pose.is_breathing or step.phase in ("centring", "relaxation", "closing"):
            continue
        if step.phase == "peak" and peak is not None and step.pose.slug != peak.pose.slug:
            continue  # a rest between the peak's rounds
        if step.pose.position == Position.ARM_BALANCE and step.phase != "peak":
            continue
        level = level_of(step.pose)
        if level == Position.HANDS_AND_FEET and (
            step.flow or step.pose.slug in LINKING_SLUGS | {"downward-facing-dog"}
        ):
            continue
        if not found or found[-1]["level"] != level:
            found.append(
                {"level": level, "slug": step.pose.slug, "poses": set(), "seconds": 0, "peak": 0}
            )
        run = found[-1]
        run["poses"].add(step.pose.slug)
        run["seconds"] += step.seconds
        run["peak"] |= step.phase == "peak"
    return found


def _short_visit(practice) -> list[str]:
    """No trip up to standing from the floor and straight back down for less than a block of
    work: VISIT_POSES poses and VISIT_SECONDS together, or the peak (review: a back-care
    beginner up from the knees through Down Dog for one 40 s side bend, then straight back
    down)."""
    if practice.choices.style in SLOW_STYLES:
        return []
    visits = _visits(held_shapes(practice), practice.peak)
    problems = []
    for n in range(1, len(visits) - 1):
        before, run, after = visits[n - 1 : n + 2]
        if run["peak"] or after["peak"]:
            continue  # the peak, or the way up into it
        if run["level"] != Position.STANDING or Position.STANDING in (
            before["level"],
            after["level"],
        ):
            continue  # (a floor shape between others is a matter of the floor's own order)
        if len(run["poses"]) >= VISIT_POSES and run["seconds"] >= VISIT_SECONDS:
            continue
        problems.append(
            f"{before['level']} → {run['slug']} ({run['level']}, {len(run['poses'])} poses, "
            f"{run['seconds']} s) → {after['level']}"
        )
    return problems


def _build_climbs(practice) -> list[str]:
    """Once the build has climbed (a held pose of intensity 3 or more), it does not drop back
    to a warm-up shape on the floor (intensity 2 or less) unless the shape serves the peak
    (review: standing flows, then Bird Dog and Thread the Needle before Camel's ramp)."""
    peak = practice.peak
    if peak is None or practice.choices.style in SLOW_STYLES:
        return []
    climbed = ""
    problems = []
    steps = practice.steps[: peak.position - 1]
    for n, step in enumerate(steps):
        if step.phase != "build" or not held(step) or step.flow.startswith("Sun Salutation"):
            continue
        if 0 < n < len(steps) - 1 and steps[n - 1].pose.slug == steps[n + 1].pose.slug:
            continue  # a rest between a pose's rounds
        card = step.pose
        if card.intensity >= 3 and not climbed:
            climbed = card.slug
        elif climbed and drops_back(card, peak.pose):
            problems.append(f"{card.slug} (i{card.intensity}) after {climbed}")
    return problems


def _grouped_positions(practice) -> list[str]:
    """In yin and restorative practice the shapes are grouped by position, before the peak
    and after it, so the props are set up once for each (review: a prone Crocodile between
    two seated shapes)."""
    if practice.choices.style not in SLOW_STYLES:
        return []
    problems = []
    for phases in (BEFORE_THE_PEAK, AFTER_THE_PEAK):
        runs: list[tuple[str, str]] = []
        for step in practice.steps:
            if step.phase in phases and not step.pose.is_breathing:
                level = level_of(step.pose)
                if not runs or runs[-1][0] != level:
                    runs.append((level, step.pose.slug))
        seen: set[str] = set()
        for level, slug in runs:
            if level in seen:
                problems.append(f"back to {level} for {slug}")
            seen.add(level)
    return problems


def _cool_down_families(practice) -> list[str]:
    """No two poses of one family (COOL_DOWN_FAMILIES: twists, forward folds, …) side by side
    in the cool-down (review: Half Lord of the Fishes, then Bharadvaja's Twist)."""
    steps = [
        s
        for s in practice.steps
        if s.phase in AFTER_THE_PEAK and held(s) and not s.pose.is_breathing
    ]
    problems = []
    for first, then in zip(steps, steps[1:], strict=False):
        if then.phase != "cool_down" or first.pose.slug == then.pose.slug:
            continue
        category = then.pose.category
        if category in COOL_DOWN_FAMILIES and first.pose.category == category:
            problems.append(f"{first.pose.slug} then {then.pose.slug} ({category})")
    return problems


RULES = {
    "short_visit": _short_visit,
    "build_climbs": _build_climbs,
    "grouped_positions": _grouped_positions,
    "cool_down_families": _cool_down_families,
    **visits.RULES,
}
