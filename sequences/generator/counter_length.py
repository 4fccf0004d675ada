"""The counter-pose held long enough to answer the peak (blind review r18 F14: Child's Pose
25 s after two minutes of Monkey Pose; the teacher held it 50 s and paid for it from the
cool-down's Bridge, 55 s to 30 s).

Once the holds are fitted, in an active class the first counter-pose holds at least
`quality.counter_length.least_counter` seconds: the longer of its range's lower bound and a
share of the peak's held seconds (both sides, every round, not the rests between). The seconds
it takes come from the cool-down's holds, else the quiet ends and the holds before the peak
(never below their range's lower bound, the first after the counter-pose first, as the
teacher's Bridge, five seconds a side at a time), so the class keeps its length; where none
has seconds to spare the counter-pose stays as fitted. Rounds of the hardest arm balances
made shorter (`arm_balance_rounds.shed`) give their seconds to the counter-pose too (r18 F5:
Child's Pose 1:30 after Side Crow), a rest no longer than a flowing class rests
(`flow_rests.REST_MOST`). `quality.counter_length` is the figure."""

from sequences.generator.quality.counter_length import least_counter
from sequences.generator.shapes import settles_as_peak
from sequences.generator.vocabulary import SETTLED_PEAK_SECONDS, SLOW_STYLES

STEP = 5  # seconds a hold is said in
# Where the counter-pose's seconds come from, first first: the cool-down (the teacher's Bridge),
# else, in a few minutes' class with none, the quiet ends of the class, last the holds before
# the peak.
DONORS = ("cool_down", "relaxation", "closing", "centring", "warm_up", "build")


class _Held:
    """What `least_counter` reads of a draft (a step's pose, side and seconds)."""

    def __init__(self, draft):
        self.pose, self.side, self.duration_seconds = draft.card, draft.side, draft.hold


def answer_the_peak(drafts: list, style: str) -> int:
    """The first counter-pose of `drafts` (fitted, in practice order) lengthened to answer the
    peak, the seconds taken from the cool-down; the seconds it gained."""
    if style in SLOW_STYLES:
        return 0
    counter = next((d for d in drafts if d.phase == "counter"), None)
    peaks = [d for d in drafts if d.phase == "peak"]
    if counter is None or not peaks:
        return 0
    slug = peaks[0].card.slug
    peak = sum(d.seconds for d in peaks if d.card.slug == slug)
    peak = max(0, peak - sum(d.seconds for d in peaks if d.card.slug != slug))
    least = least_counter(_Held(counter), peak, style, up=True)
    most = least_counter(_Held(counter), 10**6, style)  # (as long as it may be held)
    least = max(least, min(most, counter.hold + getattr(peaks[0], "shed", 0) // counter.weight))
    gained = 0
    while counter.hold < least:
        donor = _donor(drafts, style, counter.weight, most - counter.hold)
        if donor is None:
            break
        donor.hold -= STEP
        counter.hold += STEP * donor.weight // counter.weight
        gained += STEP * donor.weight
    gained += _rounds_give(drafts, counter, slug, style, most)
    counter.low = min(counter.low, counter.hold)
    counter.high = max(counter.high, counter.hold)
    return gained


def _donor(drafts: list, style: str, weight: int, room: int):
    """The first hold of the DONORS phases with STEP seconds above its range's lower bound
    that can give them to a counter-pose held `weight` times (its seconds a whole step of the
    counter's), or None."""
    spare = [
        (d.hold - max(d.low, d.card.hold_range(style)[0]), d)
        for phase in DONORS
        for d in drafts
        if d.phase == phase
        and not d.flow
        and not d.fixed
        and not d.card.is_breathing
        and (STEP * d.weight) % weight == 0
        and STEP * d.weight // weight <= room
    ]
    spare = [(s, d) for s, d in spare if s >= STEP]
    return spare[0][1] if spare else None


def _rounds_give(drafts: list, counter, slug: str, style: str, most: int) -> int:
    """Where no other hold had seconds to spare (a few minutes' class already at its ranges:
    Mountain 20 s after three 30 s rounds of Warrior III in eleven minutes), every hold of the
    peak five seconds shorter, alike, within its range, their seconds to the counter-pose,
    until it answers the shorter peak: a teacher short of time shortens the rounds, never the
    counter-pose that answers them; never a peak the body settles into below its minute
    (`_least_round`). The seconds the counter-pose gained."""
    rounds = [d for d in drafts if d.phase == "peak" and d.card.slug == slug]
    rests = sum(d.seconds for d in drafts if d.phase == "peak" and d.card.slug != slug)
    gained = 0
    while True:
        peak = max(0, sum(d.seconds for d in rounds) - rests)
        least = min(most, least_counter(_Held(counter), peak, style, up=True))
        if counter.hold >= least or any(d.hold - STEP < _least_round(d, style) for d in rounds):
            return gained
        given = sum(STEP * d.weight for d in rounds)
        if given % counter.weight:
            return gained
        for d in rounds:
            _said_shorter(d)
            d.hold -= STEP
            d.low = min(d.low, d.hold)
        counter.hold = min(most, counter.hold + given // counter.weight)
        gained += given


def _least_round(draft, style: str) -> int:
    """The shortest a round of the peak may be made: its range's lower bound, and a peak the
    body settles into a minute (`Planner.level_holds`: Cow Face, Monkey Pose, never 55 s)."""
    low, high = draft.card.hold_range(style)
    if settles_as_peak(draft.card):
        low = max(low, min(high, SETTLED_PEAK_SECONDS))
    return max(STEP, low)


def _said_shorter(draft) -> None:
    """A later round's planned words say its seconds ("Round 2 of 3, 30 s"): said five
    seconds shorter with it (the first round's words are said from its hold)."""
    if draft.describe is None and draft.cue:
        draft.cue = draft.cue.replace(f", {draft.hold} s", f", {draft.hold - STEP} s", 1)
