"""What comes last before the peak opens what the peak needs (teacher review r12 F4 and F15).

Before a standing peak, the run of single standing holds that leads into it is taught
balances first, while the legs are fresh, and the poses that share the peak's stance last, so
the pose just before the peak opens what it asks for (F4: Tree, Extended Hand-to-Big-Toe and
Eagle, then Chair, then Goddess, the wide stance of Side Lunge, rather than Eagle, which
adducts and turns the hip in, last before Side Lunge).

Before an arm-balance peak, floor core work (Boat) is not held between the standing work and
the peak (F15: Crow, then Boat, Knees-to-Chest and Boat, then Side Crow: squat, seated, supine,
seated, squat, the rehearsal cooled off): it moves to the start of the build, where the class
is still on the floor or on its hands, only where that adds no change between the floor and
standing.

Mixed into `grouping.Grouping`, run from `settle_the_order`; the quality figures
`balance_last` and `floor_in_the_lead_in` (quality/lead_in.py) hold the rules.
"""

from poses.models import FLOOR_POSITIONS, Category, Position
from sequences.generator.plan import PHASE_ORDER, STANCE_OF
from sequences.generator.reasons import hip_action

# A rank a block moved before another takes below that one's (the ranks are floats).
JUST_BEFORE = 0.001


def stance(card) -> str:
    """The stance of a standing pose: a vocabulary.STANCES key ("open", "lunge", "kneeling"),
    "wide" for a wide stance that opens the inner thighs (Goddess, Side Lunge), else ""."""
    if card.slug in STANCE_OF:
        return STANCE_OF[card.slug]
    if card.position == Position.STANDING and hip_action(card) == "wide":
        return "wide"
    return ""


def standing_balance(card) -> bool:
    """A balance on one leg, standing (Tree, Eagle, Extended Hand-to-Big-Toe)."""
    return card.category == Category.BALANCE and card.position == Position.STANDING


def lead_in_rank(card, peak) -> int:
    """Where a standing hold goes in the run before a standing peak: 0 a balance (first), 2 a
    pose sharing the peak's stance (last), 1 the rest."""
    if standing_balance(card):
        return 0
    if stance(card) and stance(card) == stance(peak):
        return 2
    return 1


def standing_peak(peak) -> bool:
    """A standing peak that is not itself a balance (the balance a run leads into is the run's
    own last pose)."""
    return peak is not None and peak.position == Position.STANDING and not standing_balance(peak)


def floor_core(card) -> bool:
    """Core work on the floor (Boat): a core pose entered seated, lying or kneeling."""
    return card.category == Category.CORE and card.position in FLOOR_POSITIONS


def level(card) -> str | None:
    """ "floor", "standing" or None (between them: Plank, Down Dog, arm balances), as
    `sequences.checks.levels` counts them."""
    if card.position in FLOOR_POSITIONS:
        return "floor"
    if card.position == Position.STANDING:
        return "standing"
    return None


def stood_before(cards) -> bool:
    """The class stood up for any of these PoseCards (a Sun Salutation's passes included)."""
    return any(card.position == Position.STANDING for card in cards)


def misplaced_balances(cards, peak) -> list[str]:
    """The run of single standing holds (PoseCards, in order) straight before a standing
    `peak`: the poses out of the order balances first, the peak's stance last."""
    ranks = [lead_in_rank(c, peak) for c in cards]
    return [cards[n].name for n in range(1, len(cards)) if ranks[n] < max(ranks[:n])]


class LeadIn:
    """The lead-in to the peak in the order a teacher teaches it (mixed into
    `grouping.Grouping`)."""

    def lead_into_the_peak(self) -> None:
        self.balances_first()
        self.floor_core_out_of_the_lead_in()

    def lead_in_again(self) -> None:
        """A build pose added once the order is settled (one more, to fill the time:
        `flow_rounds.another_pose`) takes its place in the run before the peak as the settled
        order gives it: balances first, the peak's stance last, a one-leg peak's balance last
        (`peak_rehearsal.OneLegLast`, mixed in beside this)."""
        self.lead_into_the_peak()
        self.one_leg_last()

    def _lead_in_blocks(self) -> list:
        """The blocks in practice order (as `plan.ordered` sorts them)."""
        return sorted(
            self.blocks, key=lambda b: (b.segment, PHASE_ORDER.index(b.phase), b.rank, b.order)
        )

    def balances_first(self) -> None:
        """Before a standing peak, the run of single standing holds straight before it in the
        order balances first, the poses sharing the peak's stance last (`lead_in_rank`; each
        keeps its own words: the blocks move, their drafts as planned)."""
        if not standing_peak(self.peak):
            return
        _, run = self._standing_run_before_peak()
        if len(run) < 2:
            return
        reordered(run, key=lambda card: lead_in_rank(card, self.peak))

    def _standing_run_before_peak(self) -> tuple[list, list]:
        """The lead-in's blocks in order (up to the peak), and the run of single standing
        holds straight before the peak (`standing_hold`); ([], []) where no block peaks."""
        blocks = self._lead_in_blocks()
        at = next((n for n, b in enumerate(blocks) if b.phase == "peak"), None)
        if at is None:
            return [], []
        run = []
        for block in reversed(blocks[:at]):
            if not standing_hold(block):
                break
            run.insert(0, block)
        return blocks[:at], run

    def floor_core_out_of_the_lead_in(self) -> None:
        """Before an arm-balance peak, a floor core block held after the build's first standing
        pose moves just before it (the start of the build), where the class has not stood
        before it (`stood_before`: no Sun Salutation or standing pose yet), so the move adds
        no change between the floor and standing."""
        if self.peak is None or self.peak.position != Position.ARM_BALANCE:
            return
        blocks = self._lead_in_blocks()
        first = next(
            (
                b
                for b in blocks
                if b.phase == "build" and any(level(d.card) == "standing" for d in b.drafts)
            ),
            None,
        )
        if first is None or stood_before(
            [d.card for b in blocks[: blocks.index(first)] for d in b.drafts]
        ):
            return
        for block in blocks[blocks.index(first) + 1 :]:
            if (
                block.phase == "build"
                and any(floor_core(d.card) for d in block.drafts)
                and all(level(d.card) == "floor" for d in block.drafts)
            ):
                block.segment, block.rank, block.order = first.segment, first.rank - JUST_BEFORE, 0


def standing_hold(block) -> bool:
    """A build block of one standing pose held on its own, not a flow's."""
    cards = [d.card for d in block.drafts]
    return (
        block.phase == "build"
        and block.kind == "hold"
        and len(cards) == 1
        and not any(d.flow for d in block.drafts)
        and cards[0].position == Position.STANDING
    )


def reordered(run: list, *, key) -> None:
    """The run's blocks placed in the order `key` gives their poses (ties as they were), in
    the places the run held: each block keeps its drafts, as planned."""
    places = [(b.segment, b.rank, b.order) for b in run]
    placed = sorted(range(len(run)), key=lambda n: (key(run[n].drafts[0].card), n))
    for place, n in zip(places, placed, strict=True):
        run[n].segment, run[n].rank, run[n].order = place
