"""A class for weakened bones keeps the spine long as it comes down (blind review r12 F13: Bridge
"lower with the spine long"; the pose data's own words for osteoporosis: "the lift moderate, the
weight on the shoulder blades"): an osteoporosis_safe class never rolls the spine down "vertebra
by vertebra", a segment-by-segment rounding of the back that such a class leaves out (poses
cautioned for spinal flexion and rounding are avoided).

`keep_the_spine_long` rewrites the practice's cues once they are worded (`generate._practice`),
every style alike: the roll becomes ROLL_KEPT_LONG."""

import re

from accounts.models import Avoidance

# A spine rolled down or up one vertebra at a time.
ROLLED = re.compile(
    r"(?:,\s*)?(?:rolling\s+)?(?:vertebra\s+by\s+vertebra|one\s+vertebra\s+at\s+a\s+time)",
    re.IGNORECASE,
)
# What an osteoporosis_safe class says instead.
ROLL_KEPT_LONG = ", the spine long"


def spine_kept_long(cue: str, avoid) -> str:
    """`cue` as a class avoiding `avoid` says it: no vertebra-by-vertebra roll for weakened
    bones (ROLLED), the spine long instead."""
    if Avoidance.OSTEOPOROSIS_SAFE not in avoid or not ROLLED.search(cue):
        return cue
    return ROLLED.sub(ROLL_KEPT_LONG, cue)


def keep_the_spine_long(drafts, avoid) -> None:
    """Each draft's cue with the spine long (`spine_kept_long`), in place."""
    for draft in drafts:
        draft.cue = spine_kept_long(draft.cue, avoid)
