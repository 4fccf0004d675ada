"""A class planned to its time (teacher review r10 #9: a 90-minute vinyasa class planned to
82:50, 7 minutes 10 unaccounted for; r12 F13: a 50-minute gentle class at 48:05 with no
reason): the practice lasts the time asked for within `time_fill.filled_within` of it (3 %, or
a minute in a short class), every style and avoid list alike.

Its time is its holds and, in yin and restorative only, the time set aside for their set-ups
and rebounds (`GeneratedPractice.transition_seconds`, counted in `planned_seconds`). A class
that still cannot fill its time once every way of filling it is spent (`quiet_fill`) says so:
its `time_unfilled` gives exactly the seconds it stays short, and its description says it."""

from sequences.generator.time_fill import filled_within


def _time_filled(practice) -> list[str]:
    """The class's holds (and set-up time) within `filled_within` of its time, or the
    shortfall declared."""
    target, planned = practice.target_seconds, practice.planned_seconds
    off = planned - target
    if abs(off) <= filled_within(target):
        return [] if not practice.time_unfilled else ["time_unfilled said of a filled class"]
    if off < 0 and practice.time_unfilled == -off:
        return []  # said so, in the description
    return [f"{planned // 60}:{planned % 60:02d} planned for {target // 60}:{target % 60:02d}"]


RULES = {"time_filled": _time_filled}
