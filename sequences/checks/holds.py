"""Time: every hold within its pose's range for the style, and the practice's length
against the time aimed for (or two hours, for a saved sequence)."""

from sequences.checks.common import ERROR, HINT, WARNING, Finding, _minutes, _poses
from sequences.models import Style
from sequences.steps import LONG_HOLD_STYLES, Step

TARGET_TOLERANCE = 0.2
# A practice past two hours is a workshop, not a practice: split it.
LONGEST_PRACTICE_SECONDS = 2 * 60 * 60


def _longest_hold_words(style: str | None) -> str:
    if style in LONG_HOLD_STYLES:
        return f"its longest hold in {Style(style).label.lower()} practice"
    return "its longest hold in an active practice" if style in Style.values else "its longest hold"


def _hold_outside_range(steps: list[Step], *, style: str | None) -> list[Finding]:
    """Every hold within its pose's range for the style: past the longest hold is a warning,
    twice past it an error (a 10-minute Plank); short of the shortest hold, a hint."""
    findings, short = [], []
    for step in steps:
        low, high = step.pose.hold_range(style)
        if step.duration_seconds > high:
            severity = ERROR if step.duration_seconds >= 2 * high else WARNING
            findings.append(
                Finding(
                    "hold_too_long",
                    severity,
                    f"{_poses([step])} is held {_minutes(step.duration_seconds)}"
                    f"{' each side' if step.seconds > step.duration_seconds else ''}; "
                    f"{_longest_hold_words(style)} is {_minutes(high)}. Hold it for less, or "
                    "come out, rest and repeat it.",
                    (step.position,),
                )
            )
        elif step.duration_seconds < low:
            short.append(step)
    if short:
        verb = "is" if len(short) == 1 else "are"
        shortest = ", ".join(
            f"{step.pose.name} {_minutes(step.pose.hold_range(style)[0])}" for step in short
        )
        findings.append(
            Finding(
                "hold_too_short",
                HINT,
                f"{_poses(short)} {verb} held less than the time the pose needs to settle "
                f"(at least: {shortest}).",
                tuple(step.position for step in short),
            )
        )
    return findings


def _off_target(steps: list[Step], *, target_seconds: int | None) -> list[Finding]:
    if not target_seconds:
        return []
    total = sum(step.seconds for step in steps)
    if abs(total - target_seconds) <= TARGET_TOLERANCE * target_seconds:
        return []
    direction = "longer" if total > target_seconds else "shorter"
    return [
        Finding(
            "off_target",
            WARNING,
            f"The practice takes {_minutes(total)}, far {direction} than the "
            f"{_minutes(target_seconds)} aimed for; "
            + (
                "remove poses or shorten holds."
                if direction == "longer"
                else "add poses or lengthen holds."
            ),
            (),
        )
    ]


def _too_long(steps: list[Step], *, target_seconds: int | None) -> list[Finding]:
    """A saved sequence (no target) past two hours."""
    total = sum(step.seconds for step in steps)
    if target_seconds or total <= LONGEST_PRACTICE_SECONDS:
        return []
    return [
        Finding(
            "too_long",
            WARNING,
            f"The practice takes {_minutes(total)}, longer than a practice of two hours; "
            "shorten holds, or split it into two practices.",
            (),
        )
    ]
