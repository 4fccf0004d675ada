"""The order a teacher keeps (review r5, issue 11): a counter-pose that answers the peak's
plane, no trip away from a level and straight back, a variant after its base pose, a held
backbend before a backbend peak, and a settled peak held longest among the stretches."""

from poses.models import Category, Caution, Position
from sequences.generator.fit import STRETCHES
from sequences.generator.quality import grouping
from sequences.generator.quality.common import held, held_shapes
from sequences.generator.shapes import (
    entered_from,
    needs_a_held_backbend,
    peak_needs,
    peak_plane,
    settles_as_peak,
    spine_action,
)
from sequences.generator.vocabulary import (
    BREATH_SECONDS,
    DEEPER_VARIANTS,
    LINKING_SLUGS,
    SLOW_STYLES,
)
from sequences.models import Style

# The shapes a trip is counted between: where the weight is, lying on the back or the side
# counted as one.
LEVEL_OF = {"side_lying": "supine"}
# A backbend peak has one held backbend below it in the time before it (review r5 #4: Camel
# after 25 minutes of 5-second Up Dogs): held three breaths at least.
BACKBEND_WITHIN_SECONDS = 25 * 60
HELD_BACKBEND_SECONDS = 3 * BREATH_SECONDS


def _counter_plane(practice) -> list[str]:
    """The first counter-pose does not bend the spine the peak's way (`shapes.peak_plane`):
    after a forward-bend peak no Child's Pose or Knees-to-Chest (flexion again) but a gentle
    backbend or a neutral rest; after a backbend no backbend; after a twist no twist (review
    r5 #13: Child's Pose after a 5-minute Supported Seated Forward Bend)."""
    peak = practice.peak
    if peak is None:
        return []
    action = peak_plane(peak.pose)
    counter = next(
        (s for s in practice.steps if s.phase == "counter" and not s.pose.is_breathing), None
    )
    if not action or counter is None:
        return []
    if spine_action(counter.pose) == action:
        return [f"{counter.pose.slug} bends {action} again after {peak.pose.slug}"]
    return []


def _levels(steps, peak) -> list[tuple[str, str, bool]]:
    """(level, first slug, holds the peak) of each run of held shapes at one level: the
    peak's rounds and their rests one, Down Dog and a flow's steps on the hands the way
    between levels, an arm balance (from a squat onto the hands) a balance of its own."""
    found: list[tuple[str, str, bool]] = []
    for step in steps:
        if step.pose.is_breathing or step.phase in ("centring", "relaxation", "closing"):
            continue
        if step.phase == "peak" and peak is not None and step.pose.slug != peak.pose.slug:
            continue  # a rest between the peak's rounds
        if step.pose.position == Position.ARM_BALANCE:
            continue
        position = entered_from(step.pose)
        if position == Position.HANDS_AND_FEET and (
            step.flow or step.pose.slug in LINKING_SLUGS | {"downward-facing-dog"}
        ):
            continue
        level = LEVEL_OF.get(position, position)
        if not found or found[-1][0] != level:
            found.append((level, step.pose.slug, False))
        if step.phase == "peak":
            found[-1] = (*found[-1][:2], True)
    return found


def _there_and_back(practice) -> list[str]:
    """No needless trip away from a level and straight back: strength work held on the
    hands (Plank, Side Plank) comes before the class stands, not between standing poses
    (review r5 #14: standing → Plank → standing; the peak itself aside, where a short class
    climbs to a Plank and stands again); and after the peak, no way up and back down to its
    level (#2: Locust → Child's Pose → Crocodile: a rest between prone shapes stays prone)."""
    if practice.choices.style in SLOW_STYLES or practice.peak is None:
        return []
    shapes = held_shapes(practice)
    peak = practice.peak
    problems = []
    levels = _levels(shapes, peak)
    for n in range(1, len(levels) - 1):
        (before, _, _), (level, slug, peaks), (after, _, _) = levels[n - 1 : n + 2]
        if before == after == Position.STANDING and level == Position.HANDS_AND_FEET and not peaks:
            problems.append(f"standing → {slug} → standing")
    levels = _levels([s for s in shapes if s.position >= peak.position], peak)
    if len(levels) > 2 and levels[0][2] and levels[0][0] == levels[2][0]:
        (level, _, _), (other, slug, _) = levels[0], levels[1]
        problems.append(f"{peak.pose.slug} ({level}) → {slug} ({other}) → {level}")
    return problems


def _variant_first(practice) -> list[str]:
    """On the way up to the peak a variant is taught after its base pose (DEEPER_VARIANTS:
    Side Plank after Plank, Side Crow after Crow; review r5 #14), wherever one of them is
    held on its own (two flows may each hold a base and the other's variant: Warrior I →
    Standing Split, Humble Warrior → Pyramid; the cool-down may come back to the simpler
    pose to release)."""
    peak = practice.peak
    if peak is None:
        return []
    # (what the peak needs keeps its place straight before it: Triangle before Pyramid)
    needed = {slug for need in peak_needs(peak.pose) for slug in need}
    first: dict[str, object] = {}
    for step in practice.steps[: peak.position]:
        if held(step):
            first.setdefault(step.pose.slug, step)
    return [
        f"{variant} before {base}"
        for base, variants in DEEPER_VARIANTS.items()
        for variant in variants
        if base in first
        and variant in first
        and first[variant].position < first[base].position
        and not (first[variant].flow and first[base].flow)
        and base not in needed
    ]


def _backbend_prepared(practice) -> list[str]:
    """A strong backbend peak entered from the floor (Camel, Wheel, Bow, Locust, Saddle:
    `shapes.needs_a_held_backbend`) has a held backbend of lower intensity — three breaths
    at least, not a flow's passing Up Dog, not Puppy's shoulder opening — in the 25 minutes
    before it (review r5 #4)."""
    peak = practice.peak
    if peak is None or practice.choices.style == Style.RESTORATIVE:
        return []
    pose = peak.pose
    if not needs_a_held_backbend(pose):
        return []
    seconds = 0
    for step in reversed(practice.steps[: peak.position - 1]):
        if seconds > BACKBEND_WITHIN_SECONDS:
            break
        seconds += step.seconds
        card = step.pose
        if (
            card.category == Category.BACKBEND
            and card.intensity < pose.intensity
            and Caution.HEAD_BELOW_HEART not in card.cautions  # Puppy opens the shoulders
            and step.duration_seconds >= HELD_BACKBEND_SECONDS
        ):
            return []
    return [f"no held backbend before {pose.slug}"]


def _settled_peak_longest(practice) -> list[str]:
    """In an active class a peak the body settles into (Frog, Pigeon, a seated fold) is the
    longest of the practice's stretches (`fit.STRETCHES`: hip openers, folds, twists): no
    cool-down stretch held longer a side (review r5 #9: Frog 1:00, the cool-down's
    Head-to-Knee, Figure Four and Reclined Twist 1:20 a side)."""
    peak = practice.peak
    if peak is None or practice.choices.style in SLOW_STYLES:
        return []
    if not settles_as_peak(peak.pose):
        return []
    rounds = [s for s in practice.steps if s.phase == "peak" and s.pose.slug == peak.pose.slug]
    if len(rounds) > 1:
        return []  # taught in rounds
    return [
        f"{s.pose.slug} {s.duration_seconds} s, peak {peak.duration_seconds} s"
        for s in practice.steps
        if s.phase in ("warm_up", "build", "counter", "cool_down")
        and held(s)
        and not s.flow.startswith("Sun Salutation")  # a round moved through (salutation_rounds)
        and s.pose.category in STRETCHES
        and s.duration_seconds > peak.duration_seconds
    ]


RULES = {
    **grouping.RULES,
    "counter_plane": _counter_plane,
    "there_and_back": _there_and_back,
    "variant_first": _variant_first,
    "backbend_prepared": _backbend_prepared,
    "settled_peak_longest": _settled_peak_longest,
}
