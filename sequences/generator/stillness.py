"""The stillness at the end of a practice as a teacher gives it: one final relaxation lying
down, long enough to settle, a short seated closing after it, and together no more of the
class than the style's share (teacher review r9, docs/reviews/generated-practices-2026-11-30-r9.md:
#9, a 90-minute advanced vinyasa that closed with Body Scan 5:00 + Corpse 10:00 + Seated
Meditation 8:40, two lying relaxations and, with its centring, a third of the class; #18, a
20-minute vinyasa with Corpse 1:35).

The planner (`phases.Phases.relaxation`, `arc.Planner.closing_meditation`) and the quality
figures (`quality.closing`) read the same numbers, so what is planned is what is measured.
The numbers are the reviewing teacher's: Savasana of three minutes at least from twenty
minutes, ten in ninety, and three to four minutes seated after it.
"""

from sequences.generator.vocabulary import CALM_STYLES
from sequences.models import Focus, Style

# From this many minutes a class ends in a final relaxation of SAVASANA_LEAST seconds at least:
# the body needs three minutes to let go (review r9 #18: Corpse 1:35 in 20 minutes).
SAVASANA_FROM_MINUTES = 20
SAVASANA_LEAST = 180
# The longest seated closing after the final relaxation, in seconds: three to four minutes in an
# active class (review r9 #9), five in a calm one (gentle, yin, restorative), ten in a class
# asked for relaxation, whose stillness is the point of it (within its share of the time).
SEATED_CLOSING_MOST = 240
CALM_SEATED_CLOSING_MOST = 300
RELAXING_SEATED_CLOSING_MOST = 600
# The most of the class (its time asked for) the final relaxation and the seated closing take
# together: a sixth of an active class (90 minutes: Savasana 10 and 4 minutes seated, review r9
# #9); a little more of a gentle one (#11: Savasana 6 minutes and a short meditation in 50);
# 30 % of a yin or restorative class, stillness throughout, whose final rest is a long one; a
# quarter of a class for relaxation, which gives its final rest a fifth of the time
# (`phases.Phases.relaxation`). Under SAVASANA_FROM_MINUTES the rest pose's shortest hold
# rules (Corpse three minutes in yin).
END_SHARE = {
    Style.VINYASA: 1 / 6,
    Style.POWER: 1 / 6,
    Style.HATHA: 1 / 6,
    Style.GENTLE: 0.22,
    Style.YIN: 0.3,
    Style.RESTORATIVE: 0.3,
}
RELAXING_END_SHARE = 0.25


def seated_closing_most(style: str, focus=()) -> int:
    """Seconds the seated closing may last at most in this style, with these focus areas."""
    if Focus.RELAXATION in focus:
        return RELAXING_SEATED_CLOSING_MOST
    return CALM_SEATED_CLOSING_MOST if style in CALM_STYLES else SEATED_CLOSING_MOST


def end_share(style: str, focus=()) -> float:
    """The most of the class (a fraction of its held seconds) the final relaxation and the
    seated closing take together in this style, with these focus areas."""
    share = END_SHARE.get(style, 1 / 6)
    if Focus.RELAXATION in focus:
        share = max(share, RELAXING_END_SHARE)
    return share


def savasana_least(minutes: int) -> int:
    """The shortest final relaxation in seconds for a class of `minutes` (0: none asked)."""
    return SAVASANA_LEAST if minutes >= SAVASANA_FROM_MINUTES else 0
