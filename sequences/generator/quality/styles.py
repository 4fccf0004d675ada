"""What each style and avoid choice asks of a practice: yin, restorative, gentle, pregnancy."""

import re

from sequences.generator import reasons, versions
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


def _avoid_versions(practice) -> list[str]:
    """A pose kept for an avoid choice whose own text asks for a version (versions.AVOID_CUES:
    Tree beside a wall in pregnancy, Bound Angle sitting tall with osteoporosis, a fold with
    the legs wide for the belly) is taught that way: every step held on its own says it, a
    pose met in a flow or a later round at least once."""
    avoid = practice.choices.avoid
    if not avoid:
        return []
    problems = []
    said_once: dict[tuple[str, str], bool] = {}
    in_a_flow = set()
    for step in practice.steps:
        said_here = versions.own_words(step.cue).lower()
        for choice, _, said in versions.versions_for(step.pose, avoid):
            key = (choice, step.pose.slug)
            said_once[key] = said_once.get(key, False) or said in said_here
            if step.flow or versions.again(step.cue):
                in_a_flow.add(key)
            elif said not in said_here:
                problems.append(f"{step.pose.slug} for {choice}: {step.cue}")
    return problems + [
        f"{slug} for {choice}: never said"
        for choice, slug in in_a_flow
        if not said_once[(choice, slug)]
    ]


# Words that teach a shape against an avoid choice (review r6: Reverse Warrior "sweep the
# front arm up and back" for back care): a version said first does not mend a cue that
# then says the opposite. A "no"/"not" before them is the version saying what to leave out.
AGAINST = {
    "back_care": re.compile(
        r"(?<!no )(?<!not )\b(?:arms? (?:up )?and back|arch(?:ing)? the back)\b"
    ),
    "osteoporosis_safe": re.compile(
        r"(?<!no )(?<!not )\b(?:round(?:ing)? the (?:back|spine)|curl(?:ing)? (?:up|forward))\b"
    ),
    "no_inversions": re.compile(
        r"(?<!no )(?<!not )\bhead (?:below the heart|to the (?:floor|mat)|on the (?:floor|mat))\b"
    ),
}


def _avoid_contradicted(practice) -> list[str]:
    """No cue says a shape the way the avoid choice rules out (AGAINST): the arm sweeping back
    for back care, the spine rounding with osteoporosis, the head dropped below the heart
    with no inversions."""
    found = [(choice, AGAINST[choice]) for choice in practice.choices.avoid if choice in AGAINST]
    return [
        f"{step.pose.slug} for {choice}: {step.cue}"
        for step in practice.steps
        for choice, words in found
        if words.search(step.cue.lower())
    ]


def _yin_support(practice) -> list[str]:
    """In yin, a deep shape held three minutes or more offers the support its own text names
    (versions.YIN_SUPPORT: a bolster behind Reclined Hero, or Half Saddle)."""
    problems = []
    for step in practice.steps:
        support = versions.yin_support(
            step.pose, style=practice.choices.style, hold=step.duration_seconds
        )
        if support and not step.flow and support[1] not in versions.own_words(step.cue).lower():
            problems.append(f"{step.pose.slug} {step.duration_seconds} s: {step.cue}")
    return problems


def _peak_named_first(practice) -> list[str]:
    """The peak's "Peak:" line comes before how it is taken (its version for an avoid
    choice, its yin support): the label names the step, then the safety line follows."""
    peak = practice.peak
    own = "" if peak is None else versions.own_words(peak.cue).lower()
    at = own.find("peak:")
    if at < 0:
        return []
    told = [said for _, _, said in versions.versions_for(peak.pose, practice.choices.avoid)]
    support = versions.yin_support(
        peak.pose, style=practice.choices.style, hold=peak.duration_seconds
    )
    told += [support[1]] if support else []
    return [f"{peak.pose.slug}: {said!r} before Peak:" for said in told if 0 <= own.find(said) < at]


RULES = {
    "relaxation_support": _relaxation_support,
    "yin_rebound": _yin_rebound,
    "yin_rebound_time": _yin_rebound_time,
    "restorative_props": _restorative_props,
    "gentle_holds": _gentle_holds,
    "pregnancy": _pregnancy,
    "avoid_versions": _avoid_versions,
    "avoid_contradicted": _avoid_contradicted,
    "yin_support": _yin_support,
    "peak_named_first": _peak_named_first,
}
