"""The wrists released after an arm balance bend the other way: into flexion (blind review r19
F2: after Firefly, "point the fingers down and draw them gently back" is the palm-out stretch
of the forearm's front, the wrist bent back, the way Firefly loaded it, while the reason said
the wrists "stretch the other way"). The teacher's words, for a 45 s hold: "Circle the wrists
both ways for 20 s; then arm forward, fingers pointing down, the back of the hand facing
away, and with the other hand draw the back of the hand gently toward you, 10 s each side:
the wrist bends the other way after Firefly Pose's weight-bearing."

The seconds are said from the settled hold (`said_from_the_hold`), so the words are the
draft's `describe`."""

import re

# Each side's stretch, and the change of hands between them, in seconds.
SIDE_SECONDS = 10
SHORT_SIDE_SECONDS = 5
CHANGE_SECONDS = 5
# The stretch itself: the wrist flexed, the back of the hand drawn toward you.
FLEXED = (
    "arm forward, fingers pointing down, the back of the hand facing away, and with the other "
    "hand draw the back of the hand gently toward you"
)


def split(hold: int) -> tuple[int, int]:
    """(the circles' seconds, each side's stretch) of a release held `hold` seconds: ten
    seconds a side where the hold has room (five where short), the circles what is left, in
    fives (0 where nothing is)."""
    side = SIDE_SECONDS if hold >= 4 * SIDE_SECONDS else SHORT_SIDE_SECONDS
    return max(0, (hold - 2 * side - CHANGE_SECONDS) // 5 * 5), side


def release_words(peak_name: str, hold: int) -> str:
    """The release's cue for `hold` seconds after the arm balance `peak_name`."""
    circles, side = split(hold)
    timed = f" for {circles} s" if circles else ""
    return (
        f"Counter-pose: circle the wrists both ways{timed}; then {FLEXED}, {side} s each side: "
        f"the wrist bends the other way after {peak_name}'s weight-bearing."
    )


def wrist_release(peak):
    """The release's `describe` after the arm balance `peak`: its words from the draft's
    settled hold."""

    def describe(draft) -> str:
        return release_words(peak.name, draft.hold)

    return describe


# The split as a cue says it: the circles' seconds, if said, and each side's.
SPLIT_SAID = re.compile(
    r"circle the wrists both ways(?: for (?P<circles>\d+) s)?; then .*?, (?P<side>\d+) s each "
    r"side:"
)


def split_said(cue: str) -> tuple[int, int] | None:
    """(the circles' seconds, each side's) a release's cue quotes, or None where it quotes no
    split: what the `reason_holds` figure checks against `split` of the hold given."""
    found = SPLIT_SAID.search(cue)
    if found is None:
        return None
    return int(found["circles"] or 0), int(found["side"])
