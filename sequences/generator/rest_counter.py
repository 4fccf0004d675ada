"""A counter-pose that is the class's cool-down: after a lying rest, no work again.

An active class whose counter-pose is a supported rest lying down (Supported Fish after
Dolphin when Child's Pose spares the knees: `settling.lying_rest`) takes no active pose after
it (`settling.after_a_lying_rest`), so its cool-down may be that rest alone. When such a class
is still short of its time, a teacher lets the group stay longer in it, as a cool-down pose is
held (`Planner.draft`: up to COOL_REST_MOST seconds), within its own range and the choices'
caps; never a new pose, never an active hold longer."""

from sequences.generator.settling import lying_rest

# The longest the lying counter-pose is held when it is the whole cool-down, in seconds (a
# cool-down pose held on its own: `Planner.draft`).
COOL_REST_MOST = 180


def rest_longer(planner) -> bool:
    """The lying counter-pose of a class with no cool-down pose held up to COOL_REST_MOST
    seconds, within its range and the caps; True if it may be held longer."""
    if planner.slow or any(b.phase == "cool_down" for b in planner.blocks):
        return False
    grew = False
    for block in planner.blocks:
        if block.phase != "counter":
            continue
        for draft in block.drafts:
            if draft.fixed or not lying_rest(draft.card):
                continue
            top = min(draft.card.hold_range(planner.style)[1], COOL_REST_MOST)
            for applies, seconds in planner.caps:
                if applies(draft.card):
                    top = min(top, seconds)
            if top > draft.high:
                draft.high = top
                grew = True
    return grew
