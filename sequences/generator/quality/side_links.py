"""A vinyasa between flows (review r16 F14: "Right side: Low Lunge" straight after the left
Half Moon, no vinyasa, though one linked Half Moon's own sides):

- `flows_linked`: in vinyasa and power a flow's left side ending on the feet is never followed
  straight by a flow's right side starting on the feet or the knees
  (`generator.side_links`). No class is exempt (review r18 F8: a 90-minute class that had
  spent the 98 steps a saved sequence then held changed flows unlinked twice).
"""

from poses.models import Position
from sequences.generator.side_links import unlinked
from sequences.models import Style


class _Seen:
    """A step as `side_links.unlinked` reads it."""

    def __init__(self, step):
        self.flow, self.phase, self.side = step.flow, step.phase, step.side
        self.pose_position = step.pose.position


def _flows_linked(practice) -> list[str]:
    if practice.choices.style not in (Style.VINYASA, Style.POWER):
        return []
    steps = practice.steps
    return [
        f"{a.pose.slug} {a.side} (pos {a.position}) straight to {b.pose.slug} {b.side}"
        for a, b in zip(steps, steps[1:], strict=False)
        if unlinked(_Seen(a), _Seen(b)) and a.pose.position == Position.STANDING
    ]


RULES = {"flows_linked": _flows_linked}
