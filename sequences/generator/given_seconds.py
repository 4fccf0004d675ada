"""Seconds given to holds a breath (STEP, a side) at a time, each up to its own top: the one
way a left-out pose's time is handed on (`squat_order.given_away`, `squat_warm.warmed_longer`).
"""

STEP = 5  # seconds a hold is said in


def spread(tops, seconds: int, *, in_turn: bool = False) -> bool:
    """`seconds` given to the drafts of `tops` ((draft, top seconds) pairs) in whole STEPs a
    side, none past its top: each filled before the next, or a STEP each `in_turn` (a slower
    start, not one hold grown long); drafts changed in place. False, nothing given, where
    they cannot take them all."""
    room = sum(max(0, (top - d.hold) // STEP) * STEP * d.weight for d, top in tops)
    if room < seconds:
        return False
    left = seconds
    while left > 0:
        given = False
        for draft, top in tops:
            while left >= STEP * draft.weight and draft.hold + STEP <= top:
                draft.hold += STEP
                draft.high = max(draft.high, draft.hold)
                left -= STEP * draft.weight
                given = True
                if in_turn:
                    break
        if not given:
            break
    return True
