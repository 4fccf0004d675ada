"""What every check shares: the severities, `Finding`, how a message names poses and
times, a pose held or passed through, the other side, and suggestions that respect the
avoid choices."""

from collections.abc import Sequence as SequenceOf
from dataclasses import dataclass

from sequences.models import Side
from sequences.steps import Step

ERROR = "error"
WARNING = "warning"
HINT = "hint"
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, HINT: 2}

# Held four breaths or less, a pose is passed through in a flow (Cobra in a Sun
# Salutation, Child's Pose on the way back to Down Dog, the low lunge of a Moon
# Salutation), not a place the class settles.
PASSING_SECONDS = 20
OTHER_SIDE = {Side.LEFT: Side.RIGHT, Side.RIGHT: Side.LEFT}


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    message: str
    positions: tuple


def _poses(steps: SequenceOf[Step]) -> str:
    """ "Pose 4 (Camel)" or "Poses 4 (Camel) and 6 (Wheel)"."""
    labels = [step.label for step in steps]
    if len(labels) == 1:
        return f"Pose {labels[0]}"
    return f"Poses {', '.join(labels[:-1])} and {labels[-1]}"


def _minutes(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return f"{rest} s"
    if minutes >= 120:
        hours, minutes = divmod(minutes, 60)
        return f"{hours} h {minutes:02d} min" if minutes else f"{hours} h"
    return f"{minutes} min {rest:02d} s" if rest else f"{minutes} min"


def _held(step: Step) -> bool:
    return step.duration_seconds > PASSING_SECONDS


def _suggest(options, avoided: frozenset[str], *, joiner: str = "or") -> str:
    """The names among `options` ((name, cautions) pairs) whose cautions the avoid choices
    leave in, as "A, B or C"; "" when the choices leave out every one."""
    names = [name for name, cautions in options if not cautions & avoided]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {joiner} {names[-1]}"
