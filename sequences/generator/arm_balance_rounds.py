"""Short tries and long enough rests for the hardest arm balances taught in rounds (blind review
r18 F5: Side Crow, intensity 5, three rounds of 30 s a side with 15 s of Garland between: too
long for good form, the rests too short to recover; the teacher's 20 s a side, three or four
breaths, with Garland 30 s between).

A round of an arm balance of intensity `quality.arm_balance_rounds.MOST_INTENSE` holds at most
LONGEST_ROUND seconds a side; the rest between two rounds holds at least a round (a side), and
REST_SHARE of it where the rounds were cut to LONGEST_ROUND, within the rest pose's range.
`Planner.teach_in_rounds` asks `tries` for the seconds of both. The seconds the shorter tries
give up go to the counter-pose after them (`shed`, `counter_length.answer_the_peak`: the
teacher's Child's Pose 1:30, the peak and its counter kept at 4:30).
`quality.arm_balance_rounds` is the figure."""

from sequences.generator.quality.arm_balance_rounds import LONGEST_ROUND, hardest_arm_balance

# The rest between tries of the hardest arm balances, as a share of a try's seconds (a side):
# the teacher's Garland 30 s between 20 s tries.
REST_SHARE = 1.5


def tries(peak, seconds: int, pause: int, rest, style: str) -> tuple[int, int]:
    """(seconds a side of a round, seconds of the rest between rounds) for rounds of `peak`
    planned at `seconds` and `pause` with `rest` between; unchanged for any other peak."""
    if not hardest_arm_balance(peak):
        return seconds, pause
    low, _high = peak.hold_range(style)
    planned = seconds
    seconds = max(min(seconds, LONGEST_ROUND), min(low, LONGEST_ROUND))
    # (as long as a try, and half as long again where the tries were cut: their time pays)
    share = REST_SHARE if seconds < planned else 1.0
    least = int(-(-share * seconds // 5) * 5)
    rest_low, rest_high = rest.hold_range(style)
    pause = max(pause, min(max(least, rest_low), rest_high))
    return seconds, pause


def shed(before: tuple[int, int], after: tuple[int, int], count: int, weight: int) -> int:
    """The seconds rounds of (seconds a side, rest) `after` hold fewer than `before`, over
    `count` rounds of a pose held `weight` times a round (0 where they hold more)."""
    tries_before = before[0] * weight * count + before[1] * (count - 1)
    tries_after = after[0] * weight * count + after[1] * (count - 1)
    return max(0, tries_before - tries_after)
