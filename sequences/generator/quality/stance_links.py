"""The way from one stance to the next is said (blind review r19 F1: High Lunge, standing, then
Bridge, on the back, then Cobra, on the belly, with no word on how; `generator.stance_links`):

- `stance_linked`: in every style (r20 F7: Mountain → Sphinx → a seated pose in hatha), every
  held pose at another stance than the one before
  it (standing, all fours or kneeling, seated, on the back, on the belly; Garland's squat to
  another standing stance) has the way there said: by its own flow, a link step, the cue
  before it or its own opening words (`stance_links.unlinked`).
- `way_on_the_hands` (r20 F2, F5: "come to all fours", "plant the hands and step back" in
  the wrist-care classes): under wrist care no way said puts weight in the hands
  (`stance_links.WRIST_FREE`).
- `balance_sides_down` (r19 F4: Eagle right, a vinyasa to the floor, Eagle left): between the
  two sides of a balance on one leg the class stays standing (`flows.standing_balance_link`).
"""

from accounts.models import Avoidance
from poses.models import Position
from sequences.generator.stance_links import WRIST_FREE, unlinked
from sequences.generator.stance_order import stance_of
from sequences.models import Side


class _Seen:
    """A step as `stance_links.unlinked` reads it."""

    def __init__(self, step):
        self.card, self.cue, self.flow, self.side = step.pose, step.cue, step.flow, step.side


def _stance_linked(practice) -> list[str]:
    steps = practice.steps
    return [
        f"{a.pose.slug} → {b.pose.slug} (pos {b.position}): no way said ({words})"
        for a, b in zip(steps, steps[1:], strict=False)
        if (words := unlinked(_Seen(a), _Seen(b)))
    ]


def _balance_sides_down(practice) -> list[str]:
    steps = practice.steps
    problems = []
    for n, step in enumerate(steps):
        if step.side != Side.RIGHT or stance_of(step.pose) != "one_leg":
            continue
        later = next(
            (m for m in range(n + 1, len(steps)) if steps[m].pose.slug == step.pose.slug), None
        )
        if later is None or steps[later].side != Side.LEFT:
            continue
        between = steps[n + 1 : later]
        if between and all(s.cue.startswith(("Vinyasa", "Link")) for s in between):
            down = [s.pose.slug for s in between if s.pose.position != Position.STANDING]
            if down:
                problems.append(f"{step.pose.slug} (pos {step.position}): {', '.join(down)}")
    return problems


def _way_on_the_hands(practice) -> list[str]:
    if Avoidance.WRIST_FRIENDLY not in practice.choices.avoid:
        return []
    weighted = [way for way, free in WRIST_FREE.items() if way != free]
    return [
        f"{step.pose.slug} (pos {step.position}): {way}"
        for step in practice.steps
        for way in weighted
        if way in step.cue
    ]


RULES = {
    "stance_linked": _stance_linked,
    "way_on_the_hands": _way_on_the_hands,
    "balance_sides_down": _balance_sides_down,
}
