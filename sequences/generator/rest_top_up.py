"""The last seconds a fitted practice is short of its time given to the final relaxation, as a
teacher would (review r14 F8: a 40-minute class planned to 39:30, "Corpse 4:50 → 5:20"; F18:
70 minutes planned to 69:10, "Corpse 9:50 → 10:40").

Only a small shortfall (TOP_UP_MOST seconds), only up to the relaxation pose's own range and
the stillness the style allows at the end (`stillness.end_share`), so a class the fit left far
short still says so (`quiet_fill.unfilled`).
"""

from sequences.generator.cool_top_up import cool_longer
from sequences.generator.stillness import end_share

TOP_UP_MOST = 90  # seconds


def rest_longer(drafts, *, target: int, aside: int, choices) -> None:
    """Lengthen the final relaxation (a draft of phase "relaxation", held) by what the drafts
    and the `aside` transition seconds leave of `target` seconds, up to TOP_UP_MOST, its hold
    range and the end share, then what is left to a quiet cool-down pose (`cool_longer`);
    drafts changed in place."""
    short = target - aside - sum(d.hold * d.weight for d in drafts)
    rests = [d for d in drafts if d.phase == "relaxation" and not d.card.is_breathing]
    if not 0 < short <= TOP_UP_MOST or len(rests) != 1:
        return
    rest = rests[0]
    end = sum(d.hold * d.weight for d in drafts if d.phase in ("relaxation", "closing"))
    room = min(
        short,
        rest.card.hold_range(choices.style)[1] - rest.hold,
        int(end_share(choices.style, choices.focus) * target) - end,
    )
    given = room - room % 5 if room >= 5 else 0
    rest.hold += given
    # The relaxation at the top of its range: the rest goes to a quiet cool-down pose (F18).
    if short - given >= 5:
        cool_longer(drafts, short - given, style=choices.style)
