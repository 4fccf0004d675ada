"""Rounds with rests between only for a shape the muscles hold (blind review r11 F5: Sphinx,
a passive shape, 3 x 2:00 with Crocodile between). The rule lives in
`sequences.generator.focus.FocusShare.focus_round`."""

from poses.models import Effort


def _rounds_active(practice) -> list[str]:
    """A pose held again after a short rest in another pose (rounds: pose, rest, pose) is one
    the muscles hold; a passive shape is held once."""
    steps = [s for s in practice.steps if not s.flow]
    return [
        f"{a.pose.slug} ({a.pose.effort}) in rounds at steps {a.position}, {b.position}"
        for a, rest, b in zip(steps, steps[1:], steps[2:], strict=False)
        if a.pose.slug == b.pose.slug
        and a.side == b.side
        and rest.pose.intensity < a.pose.intensity  # a rest between, not rests around a pose
        and b.position - a.position == 2
        and a.pose.effort != Effort.ACTIVE
    ]


RULES = {
    "rounds_active": _rounds_active,
}
