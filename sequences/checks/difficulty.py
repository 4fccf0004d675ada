"""The labelled level: a peak pose with no warm-up before it, and poses above the level
the sequence is labelled."""

from poses.models import Category, Caution, Difficulty
from sequences.checks.common import ERROR, HINT, WARNING, Finding, _poses
from sequences.steps import Step

WARM_UP_POSES = 2


def _is_peak(step: Step) -> bool:
    inversion = step.pose.category == Category.INVERSION or Caution.INVERSION in step.pose.cautions
    return step.pose.difficulty == Difficulty.ADVANCED or (
        inversion and step.pose.difficulty in (Difficulty.INTERMEDIATE, Difficulty.ADVANCED)
    )


def _no_warm_up(steps: list[Step]) -> list[Finding]:
    findings = []
    for index, step in enumerate(steps[:WARM_UP_POSES]):
        if not _is_peak(step):
            continue
        findings.append(
            Finding(
                "no_warm_up",
                ERROR if index == 0 else WARNING,
                f"{_poses([step])} comes {'first' if index == 0 else 'second'}, with "
                f"{'no' if index == 0 else 'too little'} warm-up before it; start with a few "
                "gentle poses first.",
                (step.position,),
            )
        )
    return findings


# (poses of this level, in a sequence labelled this level): severity
TOO_ADVANCED = {
    (Difficulty.ADVANCED, Difficulty.BEGINNER): ERROR,
    (Difficulty.ADVANCED, Difficulty.INTERMEDIATE): WARNING,
    (Difficulty.INTERMEDIATE, Difficulty.BEGINNER): HINT,
}


def _too_advanced(steps: list[Step], *, difficulty: str) -> list[Finding]:
    """Poses above the labelled level, wherever they are in the sequence."""
    findings = []
    for (level, labelled), severity in TOO_ADVANCED.items():
        if labelled != difficulty:
            continue
        found = [step for step in steps if step.pose.difficulty == level]
        if found:
            verb = "is" if len(found) == 1 else "are"
            findings.append(
                Finding(
                    "too_advanced",
                    severity,
                    f"{_poses(found)} {verb} {level}, in a sequence labelled {labelled}; "
                    + (
                        "replace them or raise the level."
                        if severity == ERROR
                        else "offer a simpler option or raise the level."
                    ),
                    tuple(step.position for step in found),
                )
            )
    return findings
