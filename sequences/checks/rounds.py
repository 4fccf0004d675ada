"""A copied round: the one rule the checks' hint (`_identical_round`), the quality figure
`flow_progresses` and the generator's flow rounds (`generator.flow_rounds`) share, so the
generator never makes what the checks flag.

A round of a flow is a run of steps held one side at a time; the same run straight after
itself, the same poses on the same sides for the same seconds, is a copy: a round done again
progresses (a breath longer, a pose more, a bind) or is not done. Sun Salutations, passed
through a breath a movement, are repeated by design and hold no side long enough to count.
"""

from collections.abc import Sequence

from sequences.checks.common import OTHER_SIDE, PASSING_SECONDS

# The fewest steps a round has (a pose on each side and the link between).
ROUND_STEPS = 3

# (pose slug, side, seconds held on that side)
Key = tuple[str, str, int]


def copied_rounds(keys: Sequence[Key]) -> list[tuple[int, int]]:
    """Each copy in `keys` as (where the copy starts, its length in steps): a run of at least
    ROUND_STEPS steps, one of them held on a side past a passing breath, repeated word for
    word straight after itself. The longest copy starting at a step is found first; the
    search goes on after it."""
    found, index = [], 0
    while index < len(keys):
        size = _copy_at(keys, index)
        if not size:
            index += 1
            continue
        found.append((index + size, size))
        index += 2 * size
    return found


def _copy_at(keys: Sequence[Key], index: int) -> int:
    for size in range(len(keys[index:]) // 2, ROUND_STEPS - 1, -1):
        if keys[index] != keys[index + size]:
            continue  # no repeat starts here at this size (and no slices copied to see it)
        run = keys[index : index + size]
        if run == keys[index + size : index + 2 * size] and any(
            side in OTHER_SIDE and seconds > PASSING_SECONDS for _, side, seconds in run
        ):
            return size
    return 0
