"""The plan's pieces: the poses a practice may use, the steps being planned (drafts whose
holds are fitted to the time later) grouped in blocks, and the order the room goes in."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from poses.models import Category, Difficulty, Effort
from sequences.generator.entries import entered_after
from sequences.generator.practice import Choices
from sequences.generator.restorative_pool import long_holds_fill
from sequences.generator.shapes import chair_practice_only, is_supported
from sequences.generator.standing_visits import standing_with_the_standing
from sequences.generator.vocabulary import DEEPER_VARIANTS, LEVELS, SPINE_WARM_UPS, STANCES
from sequences.models import MAX_POSES_PER_SEQUENCE, Side, Style
from sequences.steps import PoseCard

# Segments of the room, in practice order.
OPEN, UP, CLOSE = 0, 1, 2
PHASE_ORDER = (
    "centring",
    "warm_up",
    "build",
    "peak",
    "counter",
    "cool_down",
    "relaxation",
    "closing",
)
MOST_STEPS = MAX_POSES_PER_SEQUENCE - 2
# Restorative poses enough for a restorative practice of their own.
RESTORATIVE_ENOUGH = 7
STANCE_OF = {slug: stance for stance, slugs in STANCES.items() for slug in slugs}


def pool_for(
    library: Iterable[PoseCard], choices: Choices, *, wide: bool = False
) -> list[PoseCard]:
    """The poses this practice may use: avoid list, thumbs-down, level and style applied.
    Wide: restorative practice may also use supported yin shapes."""
    pool = wide_pool(library, choices)
    return pool if wide else narrowed(pool, choices)


def wide_pool(library: Iterable[PoseCard], choices: Choices) -> list[PoseCard]:
    """`pool_for(..., wide=True)`: one pass over the library, sorted by slug."""
    levels = frozenset(LEVELS[: LEVELS.index(choices.level) + 1])
    avoid_cautions, avoid_categories = choices.avoid_cautions, choices.avoid_categories
    avoid_slugs = choices.avoid_slugs
    pool = []
    for card in library:
        if card.slug in avoid_slugs or card.cautions & avoid_cautions:
            continue
        if card.category in avoid_categories or card.difficulty not in levels:
            continue
        if chair_practice_only(card) and card.slug not in SPINE_WARM_UPS:
            # Seated Cat-Cow is done on the mat as well, hands on the knees: the spinal
            # warm-up when Cat-Cow on all fours is left out (knees, wrists).
            continue
        if choices.style == Style.GENTLE and (
            card.difficulty == Difficulty.ADVANCED or card.intensity > 3
        ):
            continue
        if card.is_breathing or _suits(card, choices.style):
            pool.append(card)
    return sorted(pool, key=lambda card: card.slug)


def narrowed(wide: list[PoseCard], choices: Choices) -> list[PoseCard]:
    """`pool_for(...)` from the wide pool: the same list but in restorative practice, where
    it keeps the restorative poses proper (Supported Fish, Reclined Bound Angle); the
    supported yin shapes only when the avoid list leaves too few of them for a practice."""
    if choices.style != Style.RESTORATIVE:
        return wide
    proper = [c for c in wide if c.is_breathing or c.category == Category.RESTORATIVE]
    if sum(not c.is_breathing for c in proper) >= RESTORATIVE_ENOUGH:
        return proper
    if long_holds_fill(proper, choices.minutes):
        return proper  # fewer poses held longer, no yin shape (restorative_pool)
    return list(wide)


def _suits(card: PoseCard, style: str) -> bool:
    if style == Style.YIN:
        # Held for minutes and passive: only shapes with a long range.
        return card.long_hold_range is not None and card.effort == Effort.PASSIVE
    if style == Style.RESTORATIVE:
        # Held up by props or the floor, with no stretch to work at.
        # (Bananasana, done on one side and then the other with nothing under it, is yin.)
        return (
            card.long_hold_range is not None
            and is_supported(card)
            and (card.category == Category.RESTORATIVE or card.intensity == 1)
            and (bool(card.props) or not card.is_bilateral)
        )
    # Yin shapes (passive, held for minutes) stay in yin.
    return not (
        card.effort == Effort.PASSIVE
        and card.hold >= 180
        and (card.category != Category.RESTORATIVE or card.is_bilateral)
    )


@dataclass
class Draft:
    """One step being planned: its hold is settled when the practice is fitted to the time,
    and `describe` words its cue once it is."""

    card: PoseCard
    phase: str
    side: str = Side.BOTH
    hold: int = 30
    low: int = 5
    high: int = 600
    fixed: bool = False
    cue: str = ""
    flow: str = ""
    describe: Callable[["Draft"], str] | None = None
    # The same step in the round before, when a flow is done again (it must hold longer).
    after: "Draft | None" = None
    # Times the hold counts: both sides of a bilateral pose held on each side in turn.
    weight: int = field(init=False)

    def __post_init__(self):
        self.weight = 2 if self.side == Side.BOTH and self.card.is_bilateral else 1

    @property
    def seconds(self) -> int:
        return self.hold * self.weight


@dataclass
class Block:
    phase: str
    segment: int
    rank: float
    drafts: list[Draft]
    optional: bool = True
    kind: str = "hold"
    order: int = 0
    # Placed straight before the peak for what it needs (`Phases.prepare_the_peak`).
    leads_in: bool = False
    # A need's floor pose after the standing work (`needs.PrepareEveryNeed.place_for_a_need`).
    down_for_a_need: bool = False
    # The smaller arm balance before an advanced one, after the standing poses that lead in
    # (`prepare_needs.PrepareEveryNeed.smaller_arm_balance_first`).
    smaller_first: bool = False
    # Build work taught in the warm-up, before the standing work (`floor_blocks.FloorBlocks`):
    # it keeps its share of the focus.
    work: bool = False

    @property
    def cards(self) -> list[PoseCard]:
        return [draft.card for draft in self.drafts]


def ordered(blocks: list[Block]) -> list[Draft]:
    """The drafts in practice order: segment of the room, phase of the arc, then rank; a
    base pose before its variant where both are held in one segment and phase (`bases_first`),
    a pose entered from another straight after it (`entries.entered_after`), a lone standing
    pose with the standing work (`standing_visits`)."""
    blocks = sorted(blocks, key=lambda b: (b.segment, PHASE_ORDER.index(b.phase), b.rank, b.order))
    blocks = standing_with_the_standing(entered_after(bases_first(blocks)))
    return [draft for block in blocks for draft in block.drafts]


def bases_first(blocks: list[Block]) -> list[Block]:
    """A variant is taught after its base pose (DEEPER_VARIANTS: Side Plank after Plank, Side
    Crow after Crow; review r5 #14): a block holding a base pose moves to just before the
    first block of its segment and phase that holds a variant of it, unless it is placed
    straight before the peak for what the peak needs, or for a need after the standing work
    (`Block.down_for_a_need`: Cobra before Wild Thing stays after the vinyasas' Up Dogs)."""
    # What the test reads, worked out once per block rather than on every pass (the loop
    # restarts after each move): its slugs, and each pose it holds that has deeper variants.
    rows = [
        (
            block,
            {card.slug for card in block.cards},
            [
                (card.slug, DEEPER_VARIANTS[card.slug])
                for card in block.cards
                if DEEPER_VARIANTS.get(card.slug)
            ],
        )
        for block in blocks
    ]
    # Only a segment and phase with such a block can move anything.
    movable = {(row[0].segment, row[0].phase) for row in rows if row[2] and not row[0].leads_in}
    for _ in range(len(rows)):
        moved = False
        for early, (block, slugs, _bases) in enumerate(rows):
            if block.leads_in or (block.segment, block.phase) not in movable:
                continue  # what the peak needs keeps its place; elsewhere nothing can move
            later = next(
                (
                    n
                    for n in range(early + 1, len(rows))
                    if rows[n][2]
                    and (rows[n][0].segment, rows[n][0].phase) == (block.segment, block.phase)
                    and not rows[n][0].leads_in
                    and not rows[n][0].down_for_a_need  # (down after the standing work)
                    and any(
                        variant in slugs and slug not in slugs  # (a Sun Salutation: both)
                        for slug, variants in rows[n][2]
                        for variant in variants
                    )
                ),
                None,
            )
            if later is not None:
                rows.insert(early, rows.pop(later))
                moved = True
                break
        if not moved:
            break
    return [row[0] for row in rows]


def cool_down_held_up_to(
    blocks: list[Block], style: str, most: Callable[[PoseCard], int], *, fixed_too: bool = False
) -> bool:
    """Raise each cool-down pose's longest hold (`Draft.high`, seconds a side) to `most` of its
    card, within the pose's range for `style`; breathing practices keep theirs, and so do fixed
    holds unless `fixed_too`. Never lowers a hold. True if one may be held longer."""
    grew = False
    for block in blocks:
        if block.phase != "cool_down":
            continue
        for draft in block.drafts:
            if draft.card.is_breathing or (draft.fixed and not fixed_too):
                continue
            high = min(draft.card.hold_range(style)[1], most(draft.card))
            if high > draft.high:
                draft.high, grew = high, True
    return grew


def round5(value: float) -> int:
    """Seconds to the nearest five."""
    return int(5 * round(value / 5))
