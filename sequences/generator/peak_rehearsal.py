"""The last pose held before a standing balance peak rehearses its shape: the class stands on
one leg last before it (review r15 F18: Goddess, a wide squat on two feet, last before Warrior
III, rehearsing neither the hinge nor the standing leg; Tree, a one-leg balance, came three
poses earlier).

A one-leg balance is a standing pose of the library's balance category (Tree, Eagle, Dancer,
Warrior III, Half Moon, Extended Hand-to-Big-Toe; each one's instructions shift the weight
onto one foot). Before such a peak, in the run of single standing holds straight before it,
a one-leg balance comes last where the run has one: the standing foot and the gaze are found
there once more, a step easier, before the peak asks for them (M. Stephens, *Sequencing Yoga
Classes*, North Atlantic 2012: a peak is preceded by the simpler poses that share its
actions, the nearest last). The figure `balance_peak_rehearsed` (quality/peak_rehearsal.py)
holds it.

Where the build holds no one-leg balance of its own (a standing flow's Half Moon or a Tree
held on its own), the planner leads into such a peak with a gentler one (ONE_LEG_LEAD_INS,
`OneLegLast.rehearse_the_balance`, after the build is planned, so a whole-body class's
regions are weighed first); `OneLegLast.one_leg_last`, run from
`grouping.Grouping.settle_the_order` after `lead_in.LeadIn`, moves the one-leg balance of the
run of single standing holds last. Tree, the gentlest one-leg balance (GENTLEST_ONE_LEG), has none
gentler to be rehearsed in; a peak whose needs (PEAK_NEEDS) a pose meets last is led into by
that pose (`quality/arc.py` `peak_prepared`: the hamstrings opened last before Extended
Hand-to-Big-Toe).
"""

from poses.models import Category, Position
from sequences.generator.lead_in import reordered, standing_hold
from sequences.generator.shapes import on_the_floor
from sequences.generator.vocabulary import PEAK_NEEDS

# The gentlest one-leg balance of the library (Tree, intensity 2): a peak this gentle has no
# gentler one-leg balance to be rehearsed in.
GENTLEST_ONE_LEG = 2
# A rank a block moved after another takes above that one's (the ranks are floats).
JUST_AFTER = 0.001
# The one-leg balances a one-leg peak is led into with, gentlest and most common first.
ONE_LEG_LEAD_INS = ("tree", "eagle", "warrior-iii", "half-moon")


def one_leg(card) -> bool:
    """A balance standing on one leg (the library's balance category, standing)."""
    return card.category == Category.BALANCE and card.position == Position.STANDING


def rehearses_balance(card, peak) -> bool:
    """The pose rehearses the one-leg peak's shape: it stands on one leg too."""
    return one_leg(card) and one_leg(peak)


def asks_one_leg_last(peak) -> bool:
    """A one-leg balance peak led into on one leg: above the gentlest, no needs of its own."""
    return one_leg(peak) and peak.intensity > GENTLEST_ONE_LEG and peak.slug not in PEAK_NEEDS


class OneLegLast:
    """Before a one-leg balance peak, the one-leg balance of the run straight before it moves
    last (mixed into `grouping.Grouping`; the blocks move, their drafts as planned)."""

    def rehearse_the_balance(self) -> None:
        """Before a one-leg peak whose build holds no one-leg balance on its own (a flow's Half
        Moon is passed on before the standing holds), a gentler one held straight before it
        (ONE_LEG_LEAD_INS), where the practice may use one."""
        if self.peak is None or not asks_one_leg_last(self.peak):
            return
        if any(
            one_leg(c)
            for b in self.blocks
            if b.phase == "build" and b.kind == "hold"
            for c in b.cards
        ):
            return
        for slug in ONE_LEG_LEAD_INS:
            card = self.card(slug)
            if self.prepares(card) and self.room_for(1, keep=3):
                self.build_hold(card, floor=on_the_floor(card), optional=False, last=3)
                return

    def one_leg_last(self) -> None:
        """The run's one-leg balance last; where the run has none, the build's last one-leg
        balance held on its own (Tree before a flow) moves to the end of the run."""
        if self.peak is None or not asks_one_leg_last(self.peak):
            return
        before, run = self._standing_run_before_peak()
        if not run or one_leg(run[-1].drafts[0].card):
            return
        if any(one_leg(b.drafts[0].card) for b in run):
            reordered(run, key=one_leg)
            return
        earlier = [
            b
            for b in before[: len(before) - len(run)]
            if b.phase == "build" and standing_hold(b) and one_leg(b.drafts[0].card)
        ]
        if earlier:
            last = run[-1]
            earlier[-1].segment, earlier[-1].rank = last.segment, last.rank + JUST_AFTER
            earlier[-1].order = last.order
