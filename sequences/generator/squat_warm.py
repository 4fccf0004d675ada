"""A left-out squat's seconds kept in the warm-up (bar redraws on integration: a vinyasa or power
build of linked flows, each standing flow held FLOW_MOST seconds at most (`flow_breaths`), holds
nothing on its own to take a Garland's minute, and a final relaxation at the top of its range
takes none, so the Garland stayed between two standing flows and the quality bar's
`squat_between_standing` sent the draw back: 88-minute beginner vinyasa, Garland between
Five-Pointed Star and High Lunge).

`warmed_longer` gives those seconds, a STEP (a side) at a time, to the warm-up's own easy
holds (Cat-Cow, Gate Pose; not Plank, whose hold a level caps: `core_hold_level`), each within
its range for the style, the way a teacher gives a slower start: not to a flow's beats, a rest
or a breathing practice.
"""

from sequences.generator.flow_rests import is_rest
from sequences.generator.given_seconds import spread

EASY = 2  # the warm-up's easy holds take the time, not its core or arm work (core_hold_level)


def warmed_longer(drafts, seconds: int, style: str) -> bool:
    """`seconds` given to the warm-up's single holds within their ranges for `style`; False,
    nothing given, where they cannot take them all."""
    warm = [
        d
        for d in drafts
        if d.phase == "warm_up"
        and not d.flow
        and not d.fixed
        and not is_rest(d.card)
        and not d.card.is_breathing
        and d.card.intensity <= EASY
    ]
    return spread([(d, d.card.hold_range(style)[1]) for d in warm], seconds, in_turn=True)
