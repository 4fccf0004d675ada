"""The order a teacher would teach, settled once the practice is planned (issue "Today's
practice a teacher would teach"): a visit to a level holds a block of work or is not made,
the build does not drop back to warm-up shapes once it has climbed, a slow practice visits
each position once, and the cool-down holds no two poses of one family side by side."""

from poses.models import Category, Position
from sequences.checks import PASSING_SECONDS
from sequences.generator import reasons
from sequences.generator.floor_blocks import FloorBlocks
from sequences.generator.floor_order import FloorOrder
from sequences.generator.lead_in import LeadIn
from sequences.generator.needs import gives, needs_of, real_peak
from sequences.generator.peak_rehearsal import OneLegLast
from sequences.generator.peak_stance import SquareStanceNearest
from sequences.generator.plan import CLOSE, OPEN, PHASE_ORDER, UP, bases_first
from sequences.generator.rests_given import without_given_rests
from sequences.generator.settling import lying_rest
from sequences.generator.shapes import (
    FLOOR_HEIGHT,
    RISE_HEIGHT,
    entered_from,
    floor_height,
    is_hamstring_fold,
    on_the_floor,
)
from sequences.generator.visits import Visits
from sequences.generator.vocabulary import DEEPER_VARIANTS
from sequences.generator.warm_up_levels import warm_up_by_level
from sequences.steps import PoseCard

# The kinds of block that hold a flow (its first round, then the rounds again).
FLOWS = frozenset({"flow", "again"})

# A visit to a level and back (up to standing from the knees and down again) costs two
# transitions, a quarter minute or more of the class's time each and, for a beginner, a
# change of blood pressure; a teacher makes it for a block of work only: two poses at least,
# held a minute and a half together (the transitions then well under a quarter of the visit).
VISIT_POSES = 2
VISIT_SECONDS = 90
# The families the cool-down does not hold two of side by side: the second of a pair gives
# its time to another family or to the final relaxation.
# (the spine's families: two hip openers of different actions, Happy Baby then Figure Four,
# sit side by side in any class)
COOL_DOWN_FAMILIES = frozenset({Category.TWIST, Category.FORWARD_FOLD, Category.BACKBEND})


def level_of(card) -> str:
    """The level a pose is done at: where it is entered from, lying on the side counted as
    lying on the back."""
    position = entered_from(card)
    return Position.SUPINE if position == Position.SIDE_LYING else position


def drops_back(card, peak) -> bool:
    """A warm-up shape on the floor (intensity 2 or less; not a hamstring fold, which waits
    for warm legs, `Phases.floor_warm_up_fits`) that does not serve the peak: after the build
    has climbed, a step back down."""
    return (
        card.intensity <= 2
        and on_the_floor(card)
        and not is_hamstring_fold(card)
        and not serves_the_peak(card, peak)
    )


def serves_the_peak(card, peak) -> bool:
    """The pose prepares the peak (`reasons.prepares`: what it works meets what the peak needs,
    or a teacher leads into the peak from it), or gives a need of a real peak (`needs.gives`:
    Bridge, the spine extended, before Wild Thing)."""
    if reasons.prepares(card, peak):
        return True
    return real_peak(peak, False) and any(gives(n, card, peak) for n in needs_of(peak))


def _held_cards(block) -> list:
    return [d.card for d in block.drafts if not d.fixed and not d.card.is_breathing]


class Grouping(Visits, FloorBlocks, SquareStanceNearest, LeadIn, OneLegLast, FloorOrder):
    """The order settled once the whole practice is planned (mixed into `arc.Planner` through
    `phases.Phases`; run from `finish_cool_down`, before the holds are fitted to the time)."""

    def settle_the_order(self) -> None:
        self.no_short_standing_visit()
        self.no_lone_floor_visit()
        self.floor_block_first()
        self.keep_the_climb()
        self.bases_before_variants()
        self.square_stance_nearest()
        if self.slow:
            self.group_by_position(("warm_up", "build"))
        self.no_family_side_by_side()
        self.lead_into_the_peak()
        self.one_leg_last()
        self.group_the_floor()

    # --- a visit to standing holds a block of work -------------------------------------

    def no_short_standing_visit(self) -> None:
        """Before a peak on the floor in an active class, the class stands only for a block of
        work (VISIT_POSES standing poses, VISIT_SECONDS together, as the fitted holds will
        have it): a visit too short gives way to a shape on the floor, with Down Dog that took
        the class up for it; where the practice needs its shapes, one more standing pose
        joins them. A visit kept holds its poses long enough to be one (`hold_the_visit`),
        whatever the fit to the time does."""
        if self.slow or self.layout != "arc" or self.segment_of(self.peak) != CLOSE:
            return
        for _ in range(3):
            work = self._standing_work()
            if not work:
                return
            poses = {d.card.slug for _, d in work}
            most = sum(self._visit_seconds(d, most=True) for _, d in work)
            if len(poses) >= VISIT_POSES and most >= VISIT_SECONDS:
                self.hold_the_visit(work)
                return
            blocks = _blocks_of(work)
            # (an energy class stands: its standing shape stays, `FocusShare.stand_for_energy`)
            if (
                all(b.optional or b.phase == "warm_up" for b in blocks)
                and not self.stands_for_energy()
                and self.keeps_the_focus_without(blocks)
            ):
                for block in blocks:
                    self.take_back(block)
                if not any(
                    b.segment == UP and b.phase in ("warm_up", "build") and _held_cards(b)
                    for b in self.blocks
                ):
                    for block in [
                        b
                        for b in self.blocks
                        if b.phase == "warm_up"
                        and b.segment == OPEN
                        and "downward-facing-dog" in poses_of(b)
                    ]:
                        self.take_back(block)  # Down Dog took the class up for it
                self.more_warm_up()
                return
            # the shapes stay: one more standing pose makes the visit a block of work
            count = len(blocks)
            self.more_build(floor=False)
            if len(_blocks_of(self._standing_work())) <= count:
                return

    def _standing_work(self) -> list:
        """The standing poses held in the warm-up and build before a floor peak (a flow's
        poses too where it holds them; a Sun Salutation passes), with their blocks."""
        return [
            (b, d)
            for b in self.blocks
            if b.segment == UP and b.phase in ("warm_up", "build") and b.kind != "sun"
            for d in b.drafts
            if not d.card.is_breathing
            and level_of(d.card) == Position.STANDING
            and self._visit_seconds(d, most=True)
        ]

    @staticmethod
    def _visit_seconds(draft, *, most: bool = False) -> int:
        """The seconds a draft counts toward a visit: its shortest hold (longest: `most`), none
        where a flow only passes through it."""
        seconds = draft.high if most else draft.low
        if draft.fixed:
            seconds = draft.hold
        if draft.flow and seconds <= PASSING_SECONDS:
            return 0
        return seconds * draft.weight

    def hold_the_visit(self, work: list) -> None:
        """The standing poses of a visit kept hold VISIT_SECONDS together at their shortest,
        and a flow's held poses more than a passing beat: the fit to a short practice's time
        cannot turn the visit into a short one."""
        for _, draft in work:
            if draft.flow and not draft.fixed and draft.low <= PASSING_SECONDS:
                draft.low = min(draft.high, PASSING_SECONDS + 5)
        for _ in range(20):
            if sum(self._visit_seconds(d) for _, d in work) >= VISIT_SECONDS:
                return
            room = [d for _, d in work if not d.fixed and d.low < d.high]
            if not room:
                return
            for draft in room:
                draft.low = min(draft.high, draft.low + 5)
                draft.hold = max(draft.hold, draft.low)

    # --- the build does not drop back once it has climbed ------------------------------

    def drops_back(self, card: PoseCard, climbed: bool) -> bool:
        """A warm-up shape on the floor (intensity 2 or less) after the build has climbed,
        that does not serve the peak."""
        return climbed and drops_back(card, self.peak)

    def build_climbed(self) -> bool:
        """The standing build (before the floor's) holds a pose of intensity 3 or more."""
        return any(
            c.intensity >= 3
            for b in self.blocks
            if b.phase == "build" and b.segment == UP and b.kind != "sun"
            for c in b.cards  # (a flow's poses too)
        )

    def keep_the_climb(self) -> None:
        """Once the build has climbed, a warm-up shape that does not serve the peak moves to
        the warm-up where it fits there (Bird Dog), else is left out where it may be."""
        if self.slow:
            return
        climbed = False
        for block in [b for b in self._in_order() if b.phase == "build"]:
            if block.kind == "sun" or not _held_cards(block):
                continue
            if any(c.intensity >= 3 for c in block.cards):  # (a flow's poses too)
                climbed = True
                continue
            card = block.cards[0]
            if len(block.drafts) > 1 or not self.drops_back(card, climbed):
                continue
            if self.floor_warm_up_fits(card) and self.layout != "floor":
                block.phase = "warm_up"
                block.segment = OPEN
                block.rank = RISE_HEIGHT.get(card.position, 0) + 0.6 + 0.001 * block.order
                for draft in block.drafts:
                    draft.phase = "warm_up"
            elif block.optional and (
                self.keeps_the_focus(block, fitted=False) or self.given_up(block)
            ):
                # a step back down is left out while the share as planned holds, or where
                # the share was given up for the time (the flows once more: the time is
                # found again when the holds are fitted)
                self.take_back(block)

    def bases_before_variants(self) -> None:
        """On the way up to the peak a base pose held on its own comes before its variant
        (DEEPER_VARIANTS: Plank, then Side Plank) by its rank, so the order holds however
        `plan.bases_first` leaves two flows that each hold a base and the other's variant
        (Warrior I → Standing Split, Humble Warrior → Pyramid). Yin and restorative shapes
        keep the order their props set (`group_by_position`)."""
        if self.slow:
            return
        for _ in range(len(self.blocks)):
            moved = False
            steps = [
                b
                for b in self._in_order()
                if b.phase in ("warm_up", "build") and b.kind != "sun" and not b.leads_in
                and not b.down_for_a_need  # (down after the standing work, for the peak)
            ]  # fmt: skip
            for n, later in enumerate(steps):
                bases = {c.slug for c in _held_cards(later)}
                earlier = next(
                    (
                        b
                        for b in steps[:n]
                        if (b.segment, b.phase) == (later.segment, later.phase)
                        and not (b.kind in FLOWS and later.kind in FLOWS)
                        and any(
                            variant in DEEPER_VARIANTS.get(base, ())
                            for base in bases
                            for variant in (c.slug for c in _held_cards(b))
                        )
                        and not bases & {c.slug for c in _held_cards(b)}
                    ),
                    None,
                )
                if earlier is not None:
                    later.rank = earlier.rank - 0.001
                    moved = True
                    break
            if not moved:
                return

    def _in_order(self) -> list:
        return sorted(
            self.blocks, key=lambda b: (b.segment, PHASE_ORDER.index(b.phase), b.rank, b.order)
        )

    # --- slow practice: each position once --------------------------------------------

    def group_by_position(self, phases: tuple[str, str]) -> None:
        """Yin and restorative shapes grouped by position so the props are set up once for
        each: the warm-up ends at the level the build starts at, each phase's shapes grouped
        by level (highest first), the build ending at the levels of what leads into the peak.
        A warm-up shape at a level the build visits elsewhere moves into the build (or is left
        out, `leave_or_move`)."""
        first, then = phases
        early = [b for b in self.blocks if b.phase == first and _held_cards(b)]
        late = [b for b in self.blocks if b.phase == then and _held_cards(b)]
        if early and not late and self.peak is not None:
            warm_up_by_level(early, level_of(self.peak), lambda b: level_of(_held_cards(b)[0]))
        if not early or not late:
            return
        # The build ends at the level of what leads last into the peak (placed for what the
        # peak needs, `Phases.prepare_the_peak`), else at the peak's.
        leads_in = sorted((b for b in late if b.leads_in), key=lambda b: (b.rank, b.order))
        last_level = level_of(_held_cards(leads_in[-1])[0]) if leads_in else level_of(self.peak)
        # the levels of what leads in, in its order, last
        closing = list(dict.fromkeys([level_of(_held_cards(b)[0]) for b in leads_in])) or [
            last_level
        ]

        def levels(blocks) -> list[str]:
            return list(dict.fromkeys(level_of(_held_cards(b)[0]) for b in blocks))

        shared = [lv for lv in levels(early) if lv in levels(late)]
        if len(levels(late)) > 1:
            for level in closing:
                if level not in shared or levels(late) == [level]:
                    continue
                shared.remove(level)  # the warm-up cannot end where the build ends
                for block in early:
                    if level_of(_held_cards(block)[0]) == level:
                        self.leave_or_move(block, then, late)
        junction = max(shared, key=lambda lv: FLOOR_HEIGHT.get(lv, 3)) if shared else None
        for block in early:
            level = level_of(_held_cards(block)[0])
            if block.phase == first and level in shared and level != junction:
                self.leave_or_move(block, then, late)
        early = [b for b in early if b.phase == first and b in self.blocks]
        late = [b for b in late if b in self.blocks]

        def height(level: str) -> float:
            return FLOOR_HEIGHT.get(level, 3)

        def early_key(block) -> tuple:
            level = level_of(_held_cards(block)[0])
            return (level == junction, -height(level), block.rank, block.order)

        def late_key(block) -> tuple:
            level = level_of(_held_cards(block)[0])
            return (
                level != junction,
                closing.index(level) + 1 if level in closing else 0,
                -height(level),
                block.leads_in,
                block.rank,
                block.order,
            )

        for blocks, key in ((early, early_key), (late, late_key)):
            for n, block in enumerate(sorted(blocks, key=key)):
                block.rank = -100 + n  # before the peak, placed at its own floor rank

    def leave_or_move(self, block, phase: str, blocks: list) -> None:
        """A shape at a level the next phase visits elsewhere: left out where the practice may
        leave it out, else moved into that phase."""
        if block.optional and self.keeps_the_focus(block):
            self.take_back(block)
            return
        block.phase = phase
        block.segment = blocks[0].segment
        for draft in block.drafts:
            draft.phase = phase
        blocks.append(block)

    # --- the cool-down: no two of one family side by side ------------------------------

    def no_family_side_by_side(self) -> None:
        """Two poses of one family side by side after the peak (two seated twists): the second
        moves past a pose of another family at its height, else gives its time to the rest
        (left out where the practice may leave it out)."""
        if self.layout == "rise":
            return
        for _ in range(4):
            # (in practice order: a base pose before its variant, `plan.bases_first`)
            after = [
                b
                for b in bases_first(self._in_order())
                if b.phase in ("counter", "cool_down") and _held_cards(b)
            ]
            # (a rest the fit gives away keeps nothing apart: rests_given.py)
            after = without_given_rests(after, self.style)
            pair = next(
                (
                    (a, b)
                    for a, b in zip(after, after[1:], strict=False)
                    if b.phase == "cool_down"
                    and _held_cards(b)[0].category in COOL_DOWN_FAMILIES
                    and _held_cards(a)[0].category == _held_cards(b)[0].category
                    and _held_cards(a)[0].slug != _held_cards(b)[0].slug
                ),
                None,
            )
            if pair is None:
                return
            first, second = pair
            kind = _held_cards(second)[0].category
            index = after.index(second)
            other = next(
                (
                    b
                    for b in after[index + 1 :]
                    if b.phase == "cool_down"
                    and _held_cards(b)[0].category not in (kind, Category.TWIST)  # twist last
                    and floor_height(_held_cards(b)[0]) == floor_height(_held_cards(second)[0])
                    # no lying rest before work again (`settling`: Supported Fish, Bridge)
                    and not lying_rest(_held_cards(b)[0])
                ),
                None,
            )
            if other is not None:
                _placed_between(after, first, other)
                continue
            # (one of the pair may go even where the planner held it: the other keeps the family)
            spare = [b for b in (second, first) if b.phase == "cool_down"]
            spare = sorted(
                (b for b in spare if self.keeps_the_focus(b)), key=lambda b: not b.optional
            )
            if not spare:
                return
            self.take_back(spare[0])


def _placed_between(after: list, first, other) -> None:
    """The cool-down in `after`'s order with `other` moved straight after `first`, its ranks
    given out again in that order (a base pose's variant stays after it: Head-to-Knee, then
    Bound Angle, then Seated Forward Fold)."""
    cool = [b for b in after if b.phase == "cool_down"]
    cool.remove(other)
    cool.insert(cool.index(first) + 1 if first in cool else 0, other)
    ranks = sorted(b.rank for b in cool)
    for n, (block, rank) in enumerate(zip(cool, ranks, strict=True)):
        block.rank = rank + 0.0001 * n


def _blocks_of(work: list) -> list:
    """The blocks of (block, draft) pairs, each once, in order."""
    blocks: list = []
    for block, _ in work:
        if not any(block is seen for seen in blocks):
            blocks.append(block)
    return blocks


def poses_of(block) -> set[str]:
    return {c.slug for c in block.cards}
