"""A side's cue says its own side (blind review r19 F4: the left Eagle said "cross the right
thigh over the left", the right side's crossing; `generator.balance_shapes.sided`, `mirrored`):

- `other_side_words`: a step on one side of a pose whose shape names a side (Eagle) never says
  the other side's words.
"""

from sequences.generator.balance_shapes import wrong_side


def _other_side_words(practice) -> list[str]:
    return [
        f"{s.pose.slug} {s.side} (pos {s.position}): {words}"
        for s in practice.steps
        if (words := wrong_side(s.pose.slug, s.side, s.cue))
    ]


RULES = {"other_side_words": _other_side_words}
