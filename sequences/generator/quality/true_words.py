"""Every cue and reason true to the pose it is said of (issue 11, blind teacher review r11b):
a breathing practice's pacing says its technique (Alternate-Nostril Breathing switches the
nostrils), a credit names only what the pose really works and the peak really uses (no
hamstrings for Warrior II or Lizard), a capped hold's words fit a pose taken one side at a time
(Three-Legged Dog keeps the lifted leg long), the peak's superlative fits its shape (no "fold"
lying flat), and "supported" names the props that support it."""

import re

from poses.models import Position
from sequences.generator import breath_technique, shape_words
from sequences.generator.quality.common import pose_names
from sequences.generator.reasons import WORK_HERE, area_slugs, strengthens


def _breath_true(practice) -> list[str]:
    """A breathing practice cued with counts says its technique too (`breath_technique`:
    the nostrils in turn, the hum, the narrowed throat, the three parts)."""
    return [
        f"{step.pose.slug} cued without its {', '.join(missing)}: {step.cue}"
        for step in practice.steps
        for missing in [breath_technique.leaves_out(step.pose, step.cue)]
        if missing
    ]


# "the work of the {areas} here prepares": the flow's first pose itself works them.
WORKED_HERE = re.compile(rf"{WORK_HERE} (?P<areas>[a-z ,]+?) here prepares")


def _credit_true(practice) -> list[str]:
    """A credit names only what the pose works and the peak really used: a flow's "the work of
    the {areas} here" only areas the pose it is said on strengthens, and no reason after the
    peak says the peak worked an area it does not (`shape_words.stretches`: a lunge's
    hamstrings)."""
    problems = []
    peak = practice.peak
    after = False
    for step in practice.steps:
        said = WORKED_HERE.search(step.cue)
        if said:
            for area in area_slugs(said.group("areas")):
                if not strengthens(step.pose, area):
                    problems.append(f"{step.pose.slug} does not work the {area}: {step.cue}")
        if peak is not None and after and peak.pose.name in step.cue:
            for clause in re.split(r"[.;:] ", step.cue):
                if peak.pose.name not in clause:
                    continue
                for area in area_slugs(clause.replace(peak.pose.name, "")):
                    if not shape_words.stretches(peak.pose, area):
                        problems.append(f"{peak.pose.slug} did not work the {area}: {step.cue}")
        after = after or step is peak
    return problems


# Both knees told to bend or go down.
BOTH_KNEES = re.compile(r"\bknees (?:bent|down)\b", flags=re.IGNORECASE)


def _sided_words_fit(practice) -> list[str]:
    """A pose on hands and feet taken one side at a time (Three-Legged Dog, Side Plank) is not
    told to bend or lower both knees: the lifted or top leg stays long."""
    return [
        f"{step.pose.slug} told both knees: {step.cue}"
        for step in practice.steps
        if step.pose.is_bilateral
        and step.pose.position == Position.HANDS_AND_FEET
        and BOTH_KNEES.search(step.cue)
    ]


def _peak_shape_said(practice) -> list[str]:
    """The peak is called "the deepest fold" only where it folds the trunk over the legs
    (`shape_words.folds`), not lying on the back."""
    peak = practice.peak
    if peak is None or not shape_words.FOLD_SUPERLATIVE.search(peak.cue):
        return []
    return [] if shape_words.folds(peak.pose) else [f"{peak.pose.slug} is no fold: {peak.cue}"]


def _support_named(practice) -> list[str]:
    """A cue that says a pose is supported names the props that support it (review r11b:
    Reclined Bound Angle 3:20 "fully supported", no prop named); pose names aside."""
    names = pose_names(practice)
    problems = []
    for step in practice.steps:
        text = step.cue
        for name in names:
            text = text.replace(name, "")
        if shape_words.support_unnamed(text):
            problems.append(f"{step.pose.slug} supported by nothing named: {step.cue}")
    return problems


RULES = {
    "breath_true": _breath_true,
    "credit_true": _credit_true,
    "sided_words_fit": _sided_words_fit,
    "peak_shape_said": _peak_shape_said,
    "support_named": _support_named,
}
