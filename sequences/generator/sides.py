"""A one-sided pose's two sides come together (teacher review r12 F5: Standing Crescent Moon
on the right, then Five-Pointed Star, Wide-Legged Forward Fold and Garland, and only then the
left side, back at the top of the mat, though its cue already says "lean to one side and then
the other").

A one-sided (bilateral) pose is held on the right and then the left, one after the other, or
in a one-side flow: the flow's one-sided poses on the right, a link (a vinyasa, a step to the
top of the mat), then the same poses on the left. A pose with no sides is never held between
the two sides of another: a linked flow whose one-sided pose comes before a pose with no
sides is done once through, each one-sided pose on both sides in its step
(`linking.Linking.mini_flow`). The quality figure `sides_split` (quality/sides.py) holds it.
"""

from sequences.checks.common import PASSING_SECONDS
from sequences.models import Side

# The cues of the steps that link the two sides of a flow (flows.vinyasa, flows.wrist_free_link).
LINK_WORDS = ("Vinyasa", "Link")


def split_around(cards) -> bool:
    """Taught right side then left, a linked flow of these PoseCards would hold a pose with no
    sides between the two sides of a one-sided pose (a one-sided pose before a pose with no
    sides: the left round repeats only the one-sided poses)."""
    sided = False
    for card in cards:
        if card.is_bilateral:
            sided = True
        elif sided:
            return True
    return False


def _between_sides(step, right) -> bool:
    """The step may come between the sides of `right`'s pose: a one-sided step (the flow's
    other poses on one side), or a step of the same flow passed on the way or linking the
    sides (a vinyasa, a step to the top of the mat)."""
    if step.side != Side.BOTH:
        return True
    if not right.flow or step.flow != right.flow:
        return False
    return step.duration_seconds <= PASSING_SECONDS or step.cue.startswith(LINK_WORDS)


def split_sides(steps) -> list[str]:
    """Each one-sided pose held on the right whose left side comes only after a pose with no
    sides held between them (steps: `sequences.steps.Step`, in practice order)."""
    found = []
    steps = list(steps)
    for n, right in enumerate(steps):
        if right.side != Side.RIGHT:
            continue
        left = next(
            (
                m
                for m in range(n + 1, len(steps))
                if steps[m].pose.slug == right.pose.slug and steps[m].side == Side.LEFT
            ),
            None,
        )
        if left is None:
            continue
        apart = [s for s in steps[n + 1 : left] if not _between_sides(s, right)]
        if apart:
            names = ", ".join(s.pose.name for s in apart)
            found.append(f"{right.pose.name} right, then {names}, then its left side")
    return found
