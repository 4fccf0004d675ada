"""The cool-down's way down (blind review r16 F1, F3; r15 F5): after the peak the class goes
down by position, kneeling, seated, then lying, and does not lie on the belly only to push
back up to sit. A cool-down pose on the belly comes after the seated ones, before those on
the back (seated → belly → a roll onto the back), not between kneeling and seated (r16 F1:
Gate Pose, Crocodile, Head-to-Knee; F3: Gate, Low Lunge, Crocodile, Head-to-Knee).

And a rest is held after the peak only where it answers something: once the counter-pose or
the cool-down has rested (Child's Pose after Camel or Firefly), a second resting shape
(Crocodile) answers nothing (r16 F1, F3: "the back does not need it"; the teacher deletes it
and gives its time to the seated pose and Corpse: `rest_given_away`).

`descent_height` is the height the cool-down goes down through (the quality figures of
`quality.cool_down_descent` and `quality.arc._cool_down` read it); `CoolDownDescent.descend`
re-ranks the cool-down's belly poses once it is planned (`Phases.finish_cool_down`);
`rest_given_away` leaves out a rest that answers nothing once the holds are fitted, and
`families_apart` keeps a belly pose and one on the back of its family apart."""

from poses.models import Category, Position
from sequences.generator.flow_rests import is_rest
from sequences.generator.grouping import COOL_DOWN_FAMILIES
from sequences.generator.settling import lying_rest
from sequences.generator.shapes import entered_from, floor_height
from sequences.generator.stillness import end_share
from sequences.generator.vocabulary import SLOW_STYLES

STEP = 5  # seconds a hold is said in
# The cool-down's heights (`shapes.FLOOR_HEIGHT` but the belly below sitting): kneeling,
# seated, on the belly, on the back, on the side.
BELLY_HEIGHT = 2.5


def descent_height(card) -> float:
    """The height a pose is at in the cool-down's way down: on the belly below sitting."""
    if entered_from(card) == Position.PRONE:
        return BELLY_HEIGHT
    return floor_height(card)


def after_the_peak_heights(steps) -> list[float]:
    """The height (`descent_height`) of each of `steps` (drafts or a practice's steps, from
    the counter-pose on): a shape on the belly still on the belly from a counter-pose on it
    (Sphinx after Crocodile after Locust) at the height the peak left the class,
    `shapes.floor_height`; so is a backbend on the belly that a seated fold answers straight
    after it (r17 F11: Thread the Needle, Sphinx, Seated Forward Fold, Supported Fish)."""
    heights, still = [], True
    for n, step in enumerate(steps):
        card = _card(step)
        still = still and on_the_belly(card)
        folded = n + 1 < len(steps) and answered_by_a_fold(card, _card(steps[n + 1]))
        heights.append(floor_height(card) if still or folded else descent_height(card))
    return heights


def arches_on_the_belly(card) -> bool:
    """A backbend held on the belly (Sphinx, Locust), not a rest (Crocodile)."""
    return on_the_belly(card) and card.category == Category.BACKBEND and not is_rest(card)


def seated_fold(card) -> bool:
    return entered_from(card) == Position.SEATED and card.category == Category.FORWARD_FOLD


def seated_answer(card) -> bool:
    """A seated shape that eases the back after an arch: a fold, else a twist or side bend, not
    another backbend."""
    return entered_from(card) == Position.SEATED and card.category != Category.BACKBEND


def answered_by_a_fold(card, then) -> bool:
    """A backbend on the belly with a seated fold (or another seated shape that is no backbend,
    `seated_answer`) straight after it, which eases the lower back after the arch (r17 F11):
    the class lowered onto the belly from the knees and sits up for the fold, rather than
    rolling onto the belly from sitting and over onto the back."""
    return arches_on_the_belly(card) and seated_answer(then)


def on_the_belly(card) -> bool:
    return entered_from(card) == Position.PRONE


def answers_nothing(steps, n: int) -> bool:
    """The nth of `steps` (drafts, or a practice's steps) is a resting shape
    (`flow_rests.is_rest`) of the cool-down held on its own after a rest already held after
    the peak, by the counter-pose or earlier in the cool-down (r16 F1, F3: Crocodile after the
    Child's Pose counter)."""
    step = steps[n]
    if step.phase != "cool_down" or step.flow or getattr(step, "fixed", False):
        return False
    if not is_rest(_card(step)):
        return False
    return any(s.phase in ("counter", "cool_down") and is_rest(_card(s)) for s in steps[:n])


def _card(step):
    """The pose of a draft or of a practice's step."""
    return step.card if hasattr(step, "card") else step.pose


def rest_given_away(drafts, choices) -> None:
    """In an active class, each cool-down rest that answers nothing (`answers_nothing`) left
    out, where the cool-down keeps another pose, its seconds given as the teacher gives them
    (r16 F1: Crocodile 1:30 out, Head-to-Knee +15 s each side, Corpse +1:00): a third to the
    cool-down's first seated pose (else the pose that follows it), the rest to the final
    relaxation (up to the stillness the style allows at the end, `stillness.end_share`), what
    is left shared among the cool-down's poses, a STEP at a time (no rest: `flow_rests` keeps
    them brief), each within its own range for the style; drafts changed in place, the total
    unchanged where the ranges allow."""
    if choices.style in SLOW_STYLES:
        return
    n = 0
    while n < len(drafts):
        if not answers_nothing(drafts, n) or sum(d.phase == "cool_down" for d in drafts) < 2:
            n += 1
            continue
        target = sum(d.seconds for d in drafts)
        seconds = drafts.pop(n).seconds
        cool = [d for d in drafts if d.phase == "cool_down" and not d.fixed and not is_rest(d.card)]
        seated = [d for d in cool if entered_from(d.card) == Position.SEATED]
        left = seconds - _longer((seated or drafts[n:])[:1], seconds // 3, choices.style)
        rest = [d for d in drafts if d.phase == "relaxation" and not d.card.is_breathing]
        end = sum(d.seconds for d in drafts if d.phase in ("relaxation", "closing"))
        stillness = int(end_share(choices.style, choices.focus) * target) - end
        left -= _longer(rest[:1], min(left, stillness), choices.style)
        left = _shared(cool, left, choices.style)


def _shared(drafts, seconds: int, style: str) -> int:
    """`seconds` shared among `drafts` a STEP (a side) at a time, each within its range;
    the seconds left."""
    given = True
    while given:
        given = False
        for draft in drafts:
            if seconds >= STEP * draft.weight and _longer([draft], STEP * draft.weight, style):
                seconds -= STEP * draft.weight
                given = True
    return seconds


def families_apart(drafts) -> None:
    """After the fit, a pose on the back of a cool-down belly pose's family straight after it
    (`grouping.COOL_DOWN_FAMILIES`: Bridge, its rounds and their rests, after Sphinx) moved
    after the next pose on the back of another family that is neither the closing twist nor
    a lying rest (`settling.lying_rest`: no work after it); drafts changed in place."""
    for n, draft in enumerate(drafts[:-1]):
        family = draft.card.category
        if draft.phase != "cool_down" or not on_the_belly(draft.card):
            continue
        then = drafts[n + 1]
        if family not in COOL_DOWN_FAMILIES or then.card.category != family:
            continue
        if then.phase != "cool_down" or on_the_belly(then.card):
            continue
        end = n + 2
        while end < len(drafts) and _round_of(drafts, end, then.card.slug):
            end += 1
        other = next(
            (
                k
                for k in range(end, len(drafts))
                if drafts[k].phase == "cool_down"
                and drafts[k].card.category not in (family, Category.TWIST)
                and not lying_rest(drafts[k].card)
                and floor_height(drafts[k].card) == floor_height(then.card)
            ),
            None,
        )
        if other is not None:
            drafts[n + 1 : other + 1] = drafts[end : other + 1] + drafts[n + 1 : end]


def _round_of(drafts, n: int, slug: str) -> bool:
    """The nth draft is a round of `slug` in the cool-down, or the rest before one."""
    if drafts[n].phase != "cool_down":
        return False
    return drafts[n].card.slug == slug or n + 1 < len(drafts) and drafts[n + 1].card.slug == slug


def _longer(drafts, seconds: int, style: str) -> int:
    """Up to `seconds` given to the first of `drafts`, in whole STEPs (per side where it is
    held on each side), within its own range for `style`; the seconds given."""
    for draft in drafts[:1]:
        room = min(draft.card.hold_range(style)[1] - draft.hold, seconds // draft.weight)
        room -= room % STEP
        if room >= STEP:
            draft.hold += room
            draft.high = max(draft.high, draft.hold)
            return room * draft.weight
    return 0


class CoolDownDescent:
    """The cool-down's way down, once it is planned (mixed into `phases.Phases`)."""

    def descend(self) -> None:
        """The cool-down's blocks on the belly ranked after its seated (and kneeling) ones and
        before those on the back, keeping their own order: spread evenly between the last
        rank above the belly and the first below it; after a counter-pose on the belly
        (Crocodile after Locust or Frog), first, the class still lying there."""
        cool = sorted((b for b in self.blocks if b.phase == "cool_down"), key=_place)
        belly = [b for b in cool if on_the_belly(b.cards[0])]
        if not belly:
            return
        others = [b for b in cool if not on_the_belly(b.cards[0])]
        counter = sorted((b for b in self.blocks if b.phase == "counter"), key=_place)
        if counter and on_the_belly(counter[-1].cards[0]):
            # still on the belly from the counter-pose: the belly first, then up once
            first = min((b.rank for b in others), default=0)
            for n, block in enumerate(belly, start=1):
                block.rank = first - 1 + n / (len(belly) + 1)
            return
        if self._arch_then_fold(cool, belly, others):
            return
        above = [b.rank for b in others if descent_height(b.cards[0]) > BELLY_HEIGHT]
        below = [b.rank for b in others if descent_height(b.cards[0]) < BELLY_HEIGHT]
        low = max(above, default=min(below, default=0) - 1)
        high = min((r for r in below if r > low), default=low + 1)
        for n, block in enumerate(belly, start=1):
            block.rank = low + (high - low) * n / (len(belly) + 1)

    def _arch_then_fold(self, cool, belly, others) -> bool:
        """Backbends on the belly ranked after the cool-down's kneeling blocks, and a seated
        fold straight after them before the other seated blocks (r17 F11: Thread the Needle,
        Sphinx, Seated Forward Fold, Supported Fish: lowered onto the belly from the knees,
        up to sit for the fold, then lying back; no roll onto the belly from sitting and over
        onto the back); a seated twist or side bend where no fold is held; False, nothing
        changed, where a belly block is no backbend or nothing is held seated."""
        arches = [b for b in belly if arches_on_the_belly(b.cards[0])]
        if not arches or any(len(b.drafts) != 1 for b in belly):
            return False
        if len(arches) < len(belly) and not self._rested_after_the_peak():
            return False  # a rest on the belly kept would lie there only to sit up again
        fold = next((b for b in others if seated_fold(b.cards[0])), None)
        fold = fold or next((b for b in others if seated_answer(b.cards[0])), None)
        if fold is None:
            return False
        kneeling = [b.rank for b in others if floor_height(b.cards[0]) > BELLY_HEIGHT + 1]
        seated = [b.rank for b in others if floor_height(b.cards[0]) <= BELLY_HEIGHT + 1]
        low = max(kneeling, default=min((b.rank for b in cool), default=0) - 1)
        high = min((r for r in seated if r > low), default=low + 1)
        step = (high - low) / (len(belly) + 2)
        for n, block in enumerate(belly, start=1):
            block.rank = low + step * n
        fold.rank = low + step * (len(belly) + 1)
        return True

    def _rested_after_the_peak(self) -> bool:
        """The counter-pose or the cool-down's kneeling blocks rest (Child's Pose), so a rest
        on the belly answers nothing and is left out once fitted (`rest_given_away`), in an
        active class."""
        if self.style in SLOW_STYLES:
            return False
        return any(
            b.phase in ("counter", "cool_down")
            and not on_the_belly(b.cards[0])
            and is_rest(b.cards[0])
            for b in self.blocks
        )


def _place(block) -> tuple:
    return (block.rank, block.order)


# Where the class lies to roll onto the belly from, or over onto from it.
LYING = (Position.SUPINE, Position.SIDE_LYING)


def roll_overs(steps) -> list[int]:
    """The indexes of `steps` (drafts or a practice's steps, in order) the class rolls into:
    onto the belly for a backbend from sitting or lying on the back, or from it onto the back
    (r17 F11: Seated Forward Fold, Sphinx, Supported Fish, two; a rest on the belly is
    `rest_given_away`'s). Lowering from all fours onto the belly, pushing back up to sit and
    lying back from sitting are no roll."""
    rolls = []
    for n in range(1, len(steps)):
        before, card = _card(steps[n - 1]), _card(steps[n])
        was, now = entered_from(before), entered_from(card)
        onto = arches_on_the_belly(card) and (was == Position.SEATED or was in LYING)
        if onto or (arches_on_the_belly(before) and now in LYING):
            rolls.append(n)
    return rolls
