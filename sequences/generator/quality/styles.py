"""What each style and avoid choice asks of a practice: yin, restorative, gentle, pregnancy."""

from sequences.generator import reasons
from sequences.generator.fit import (
    MOST_ALLOWANCE,
    PREGNANCY_FACTOR,
    REBOUND_SECONDS,
    SET_UP_PHASES,
    SET_UP_SECONDS,
    round5,
)
from sequences.models import Style


def _relaxation_support(practice) -> list[str]:
    """For back care the final rest has support under the knees (or is Constructive Rest)."""
    if "back_care" not in practice.choices.avoid:
        return []
    return [
        f"{s.pose.slug}: {s.cue}"
        for s in practice.steps
        if s.phase == "relaxation"
        and s.pose.position == "supine"
        and s.pose.slug != "constructive-rest"
        and "under the knees" not in s.cue
    ]


def _yin_rebound(practice) -> list[str]:
    """In yin, a rebound after the deep shapes (`reasons.needs_rebound`: Dragon, Saddle, the
    peak): the shape after one says so, and no other shape does (no rebound after a twist or a
    passive fold)."""
    if practice.choices.style != Style.YIN:
        return []
    arc = ("warm_up", "build", "peak", "counter", "cool_down")
    problems = []
    for before, step in zip(practice.steps, practice.steps[1:], strict=False):
        if step.phase not in arc or before.phase not in arc:
            continue
        if step.pose.is_breathing or before.pose.is_breathing:
            continue
        wanted = reasons.needs_rebound(before.pose, before.phase)
        if wanted and "rebound" not in step.cue:
            problems.append(f"{before.pose.slug} straight into {step.pose.slug}")
        if not wanted and "rebound" in step.cue:
            problems.append(f"a rebound after {before.pose.slug}")
    return problems


def _yin_rebound_time(practice) -> list[str]:
    """In yin, the time set aside between the shapes (`transition_seconds`) is the set-up of
    each shape and a rebound only where one is taught (after the deep shapes): no rebound time
    after a twist or a passive fold that asks for none."""
    if practice.choices.style != Style.YIN:
        return []
    shapes = [s for s in practice.steps if not s.pose.is_breathing and s.phase in SET_UP_PHASES]
    taught = sum("a rebound:" in s.cue for s in practice.steps)
    seconds = SET_UP_SECONDS[Style.YIN] * len(shapes) + REBOUND_SECONDS * taught
    if practice.choices.pregnant:
        seconds *= PREGNANCY_FACTOR
    allowed = round5(min(seconds, MOST_ALLOWANCE * practice.choices.minutes * 60))
    if practice.transition_seconds > allowed:
        return [f"{practice.transition_seconds} s set aside, {taught} rebounds taught"]
    return []


def _restorative_props(practice) -> list[str]:
    """Restorative poses name their props (Child's Pose over a bolster, Crocodile with a
    blanket)."""
    if practice.choices.style != Style.RESTORATIVE:
        return []
    return [
        f"{s.pose.slug}: {s.cue}"
        for s in practice.steps
        if not s.pose.is_breathing and not any(word in s.cue for word in reasons.PROP_WORDS)
    ]


def _gentle_holds(practice) -> list[str]:
    """A gentle class holds strong standing poses 20-30 s, resting between sides."""
    if practice.choices.style != Style.GENTLE:
        return []
    problems = []
    for step in practice.steps:
        pose = step.pose
        if pose.position != "standing" or pose.intensity < 3 or pose.is_breathing:
            continue
        if not 20 <= step.duration_seconds <= 30 and not step.flow.startswith("Sun"):
            problems.append(f"{pose.slug} {step.duration_seconds} s")
        if pose.is_bilateral and not step.flow and "between sides" not in step.cue:
            problems.append(f"{pose.slug}: no rest between sides")
    return problems


def _pregnancy(practice) -> list[str]:
    """In pregnancy: passive hip and adductor shapes (Dragonfly, Deer) held three minutes at
    most; nothing held lying flat on the back for a minute or more (inclined on a bolster
    instead); seated folds with the legs wide; the rebound never flat on the back."""
    if not practice.choices.pregnant:
        return []
    caps = [cap for cap in practice.choices.hold_caps if cap.avoid]
    problems = []
    for step in practice.steps:
        if step.phase in ("relaxation", "closing", "centring"):
            continue
        for cap in caps:
            if cap.applies(step.pose) and step.duration_seconds > cap.seconds:
                problems.append(f"{step.pose.slug} {step.duration_seconds} s")
        flat = reasons.lies_flat(step.pose) and step.duration_seconds >= 60
        if flat and "Inclined" not in step.cue:
            problems.append(f"{step.pose.slug} flat on the back")
        if reasons.folds_legs_together(step.pose) and "Legs wide" not in step.cue:
            problems.append(f"{step.pose.slug} with the legs together")
        if "lying flat" in step.cue:
            problems.append(f"{step.pose.slug}: lying flat")
    return problems


RULES = {
    "relaxation_support": _relaxation_support,
    "yin_rebound": _yin_rebound,
    "yin_rebound_time": _yin_rebound_time,
    "restorative_props": _restorative_props,
    "gentle_holds": _gentle_holds,
    "pregnancy": _pregnancy,
}
