"""The planner's pass that gives each need of a real peak its time in the build (issue 11):
`PrepareEveryNeed`, a part of `arc.Planner`. What the needs are, and how long each is held,
`needs` says; this module places the poses that give them."""

from functools import cached_property

from poses.models import FLOOR_POSITIONS, Category, Caution, Effort, Kind, Position
from sequences.generator.focus import ROUND_RESTS
from sequences.generator.needs import (
    FLOOR_FIRST,
    REAL_PEAK_FROM,
    Need,
    counts,
    gives,
    least_seconds,
    needs_of,
    real_peak,
    smaller_arm_balances,
)
from sequences.generator.plan import UP
from sequences.generator.prep import DEEP_FLEXIBILITY_PEAKS, SHORT_BUILD_MINUTES
from sequences.generator.shapes import (
    entered_from,
    family,
    is_deep_backbend,
    is_rest,
    on_the_floor,
)
from sequences.generator.vocabulary import (
    BREATH_SECONDS,
    LINKING_OR_QUIET,
    PEAK_ROUNDS,
    SHORT_MINUTES,
)
from sequences.models import Focus

# The rank of the smaller arm balance among the poses that lead into the peak (50 + their
# order, `phases.Phases.build_hold`): before them all.
SMALLER_FIRST = 50.5


def may_give_anywhere(card) -> bool:
    """What `PrepareEveryNeed.may_give` asks of a pose whatever the peak and the side of the
    room: an asana, not a linking or quiet pose, no inversion, rest or deep backbend, no arm
    balance, below a real peak's intensity."""
    if card.kind != Kind.ASANA or card.slug in LINKING_OR_QUIET:
        return False
    if Caution.INVERSION in card.cautions or is_rest(card) or is_deep_backbend(card):
        return False
    return not (card.position == Position.ARM_BALANCE or card.intensity >= REAL_PEAK_FROM)


class PrepareEveryNeed:
    """The pass of the planner (`arc.Planner`) that gives each need of a real peak its time."""

    def needs_in_scope(self) -> tuple[Need, ...]:
        if not real_peak(self.peak, self.slow) or self.choices.minutes <= SHORT_MINUTES:
            return ()
        return needs_of(self.peak)

    def may_give(self, card) -> bool:
        """A pose the build may add for a need: an active asana below the peak, no rest or
        inversion, on a side of the room the practice visits before the peak."""
        if not may_give_anywhere(card):
            return False
        floor = on_the_floor(card)
        if (self.layout == "rise" and floor) or (self.layout == "floor" and not floor):
            return False
        # a standing peak is prepared standing: no getting down and up
        return not (floor and self.peak.position == Position.STANDING)

    @cached_property
    def givers(self) -> list:
        """The pool's poses `may_give` may pass (`may_give_anywhere`), in pool order: what
        `can_prepare` looks through for each candidate peak's needs, worked out once."""
        return [card for card in self.pool if may_give_anywhere(card)]

    def givers_of(self, need: Need) -> list:
        """The givers (`givers`) that give the need whatever the peak (`gives` less its test of
        the peak: active outside yin and restorative, and the need's own test), in pool order,
        worked out once per need for the plan: `can_prepare` asks it of every candidate peak."""
        kept = self.need_givers.get(need)
        if kept is None:
            kept = self.need_givers[need] = [
                card
                for card in self.givers
                if (self.slow or card.effort == Effort.ACTIVE) and need.gives(card)
            ]
        return kept

    @cached_property
    def need_givers(self) -> dict:
        return {}

    def giving(self, need: Need) -> list:
        return [
            (block, draft)
            for block in self.blocks
            for draft in block.drafts
            if counts(draft, block) and gives(need, draft.card, self.peak, slow=self.slow)
        ]

    def need_seconds(self, need: Need) -> int:
        return sum(d.low * d.weight for _, d in self.giving(need))

    def gives_a_need(self, card) -> bool:
        return any(gives(n, card, self.peak, slow=self.slow) for n in needs_of(self.peak))

    def serves_a_need(self, block) -> bool:
        """The block holds a pose for a need of the peak in scope (`needs_in_scope`)."""
        needs = self.needs_in_scope()
        return any(gives(n, c, self.peak, slow=self.slow) for n in needs for c in block.cards)

    def unrelated(self) -> list:
        """Optional build holds that give no need of the peak, those that work no focus area
        first: what a build short of time for the peak gives up."""
        areas = [f for f in self.focus if f != Focus.FULL_BODY]
        spare = [
            b
            for b in self.blocks
            if b.phase == "build" and b.kind == "hold" and b.optional and not b.leads_in
            and not any(self.gives_a_need(c) for c in b.cards)
            and self.keeps_the_focus(b, fitted=False)
        ]  # fmt: skip
        return sorted(spare, key=lambda b: any(self.works(c, f) for c in b.cards for f in areas))

    def place_for_a_need(self, card) -> None:
        """Where the pose goes: standing among the standing poses; on the floor, before a
        peak on the floor, by height; before a peak on the hands (Wild Thing, Firefly), after
        the last standing pose, on the way down (Locust, then Side Plank; Boat, then Firefly)."""
        floor = on_the_floor(card)
        if not floor or self.segment_of(self.peak) != UP:
            self.build_hold(card, floor=floor, optional=False)
            return
        self.build_hold(card, floor=False, optional=False, on_the_way_down=True)
        block = self.blocks[-1]
        work = self.standing_ranks(leads_in=False)
        if not work:
            # no standing work but the way into the peak: the floor first, then the hands
            block.rank = FLOOR_FIRST
            return
        block.rank = max(self.standing_ranks(leads_in=True)) + 0.01
        block.down_for_a_need = True
        self.down_once()

    def standing_ranks(self, *, leads_in: bool) -> list[float]:
        """The ranks of the standing build blocks before a peak off the floor (those placed to
        lead into it too, where `leads_in`)."""
        return [
            b.rank
            for b in self.blocks
            if b.phase == "build" and b.segment == UP and (leads_in or not b.leads_in)
            and any(c.position == Position.STANDING for c in b.cards)
        ]  # fmt: skip

    def down_once(self) -> None:
        """Where a need's floor pose follows the standing work (Locust before Wild Thing), a
        pose entered from the floor placed among the standing ones (Upward Plank, from
        sitting) joins it after them: down once, not down, up and down again. Where the
        standing work has gone since, but for the way into the peak, the floor poses come first
        (Half Boat, Plank, Garland, Crow)."""
        for block in self.blocks:
            if block.smaller_first:  # (after the standing poses that lead in, as they are now)
                block.rank = self.smaller_rank()
        downs = [b for b in self.blocks if b.down_for_a_need]
        if not downs:
            return
        ranks = self.standing_ranks(leads_in=True)
        if not self.standing_ranks(leads_in=False) or not ranks:
            for block in downs:  # the standing work went: the floor first, then the hands
                block.rank = FLOOR_FIRST
            return
        first, last = min(ranks), max(ranks)
        for block in self.blocks:
            if block.phase != "build" or block.segment != UP or not first < block.rank < last:
                continue
            held = [d.card for d in block.drafts if not d.fixed]
            if held and all(entered_from(c) in FLOOR_POSITIONS for c in held):
                block.rank = last + 0.001 * (1 + block.order % 9)

    def time_the_needs(self) -> None:
        """Each need of a real peak (`needs_of`) held `least_seconds` before it: the poses
        that give it held longer within their ranges, then more of them, in place of build
        poses that serve neither the peak nor the focus; an advanced arm balance after a
        smaller one (SMALLER_ARM_BALANCES)."""
        needs = self.needs_in_scope()
        least = least_seconds(self.choices.minutes, self.peak)
        for need in needs:
            for _ in range(3):
                if self.need_seconds(need) >= least:
                    break
                self.lengthen_the_givers(need, least)
                if self.need_seconds(need) >= least:
                    break
                if not self.add_a_giver(need) and not self.need_round(need):
                    break
            for block, _ in self.giving(need):
                block.optional = False  # the shrinking to the time keeps it
        self.give_the_build_to_the_stretch(needs)
        self.smaller_arm_balance_first()

    def give_the_build_to_the_stretch(self, needs: tuple[Need, ...]) -> None:
        """Before a deep stretch (Monkey, Frog, Lotus) a build hold that gives none of its
        needs makes way for one that does, the need with the least time first: in a short
        class any such hold (Eagle before Frog), in a longer one a hip opener that takes the
        hip another way (Fire Log and Half Lotus, the hip turned out, before Monkey), and where
        no pose is left to give a need, its time goes to those that do."""
        if not needs or self.peak.slug not in DEEP_FLEXIBILITY_PEAKS:
            return
        short = self.choices.minutes < SHORT_BUILD_MINUTES
        for block in self.unrelated():
            if not short and not any(c.category == Category.HIP_OPENER for c in block.cards):
                continue
            card = None
            for need in sorted(needs, key=self.need_seconds):
                card = self.pick(
                    lambda c, need=need, block=block: (
                        gives(need, c, self.peak, slow=self.slow)
                        and self.may_give(c)
                        and not self.crowded_without(c, block)
                    )
                )
                if card is not None:
                    break
            short = set(self.short_of())
            if card is None:
                # no other pose gives a need: the hold goes where the time allows, its time
                # to the poses that do (the fit holds them longer)
                if self.capacity(without=block)[1] >= self.target:
                    self.give_up(block)
                    if set(self.short_of()) - short:
                        self.take_up(block)
                continue
            self.give_up(block)
            self.place_for_a_need(card)
            if set(self.short_of()) - short:  # a focus area newly short: as it was
                self.give_up(self.blocks[-1])
                self.take_up(block)

    def take_up(self, block) -> None:
        """A block given up, back in the plan."""
        self.blocks.append(block)
        self.families.update(family(d.card) for d in block.drafts if not d.fixed)

    def crowded_without(self, card, block) -> bool:
        """`crowded` once the block has made way."""
        self.blocks.remove(block)
        try:
            return self.crowded(card, ("build", "peak"))
        finally:
            self.blocks.append(block)

    def lengthen_the_givers(self, need: Need, least: int) -> None:
        for _, draft in self.giving(need):
            short = least - self.need_seconds(need)
            if short <= 0:
                return
            if draft.fixed:
                continue
            most = min(draft.high, draft.card.hold_range(self.style)[1])
            draft.low = min(most, max(draft.low, draft.low + -(-short // draft.weight)))
            draft.low = 5 * -(-draft.low // 5) if draft.low + 4 <= most else draft.low
            draft.high = max(draft.high, draft.low)
            draft.hold = max(draft.hold, draft.low)

    def keep_the_needs_in_the_flows(self) -> None:
        """A pose given time for a need of the peak keeps it once linked into a mini-flow
        (`linking.Linking.mini_flow`): the need is worked as long, flowed or held, the pose
        staying a few breaths longer in the flow (Locust nine breaths in Bridge → Locust
        before Wild Thing) where the need would otherwise fall short of `least_seconds`."""
        least = least_seconds(self.choices.minutes, self.peak)
        for need in self.needs_in_scope():
            lows = {id(d): low for d, low in self.linked_lows.values()}
            linked = [d for _, d in self.giving(need) if id(d) in lows]
            # what the need had in its longest hold, shared by the flow's poses that give it
            was = max((lows[id(d)] for d in linked), default=0)
            most = {id(d): min(was, d.card.hold_range(self.style)[1]) for d in linked}
            linked = [d for d in linked if most[id(d)] > d.low]
            while linked and self.need_seconds(need) < least:
                # a breath more in each in turn, so no one pose of the flow is held on alone
                for draft in list(linked):
                    if self.need_seconds(need) >= least:
                        break
                    draft.low = min(most[id(draft)], draft.low + BREATH_SECONDS)
                    draft.high = max(draft.high, draft.low)
                    draft.hold = max(draft.hold, draft.low)
                    draft.fixed = draft.low == draft.high
                    if draft.low >= most[id(draft)]:
                        linked.remove(draft)

    def add_a_giver(self, need: Need) -> bool:
        card = self.pick(
            lambda c: gives(need, c, self.peak, slow=self.slow) and self.may_give(c),
            prefer=lambda c: 1.0 * sum(gives(n, c, self.peak) for n in needs_of(self.peak)),
        )
        if card is None:
            return self.from_the_warm_up(need)
        spare = self.unrelated()
        if self.crowded(card, ("build", "peak")):
            # two floor poses of its kind already: one that serves neither the peak nor the
            # focus makes way (Fire Log for Lizard before Monkey), else another giver
            kind = (card.category, card.position)
            alike = [b for b in spare if any((c.category, c.position) == kind for c in b.cards)]
            if not alike:
                return False
            self.give_up(alike[0])
            spare.remove(alike[0])
            if self.crowded(card, ("build", "peak")):
                return False
        if not self.room_for(1, keep=3) and not spare:
            return False
        if spare:  # the build's time goes to the peak before a shape that serves neither
            self.give_up(spare.pop(0))
        self.place_for_a_need(card)
        return True

    def from_the_warm_up(self, need: Need) -> bool:
        """Where no other pose may give the need, the warm-up's hold that gives it moves to the
        build (Low Lunge, the hip flexors Bow needs, where High Lunge is left out and the
        Warrior I flow holds them 80 s of 112): the warm-up prepares no need
        (`needs.PREPARING_PHASES`), so the class holds it where it counts. True if moved."""
        for block in self.blocks:
            if block.phase != "warm_up" or block.kind != "hold" or len(block.drafts) != 1:
                continue
            card = block.cards[0]
            if gives(need, card, self.peak, slow=self.slow) and self.may_give(card):
                self.give_up(block)
                self.place_for_a_need(card)
                return True
        return False

    def need_round(self, need: Need) -> bool:
        """One more round of a pose that gives the need, after a short rest (PEAK_ROUNDS:
        Half Boat, Easy Pose, Half Boat), where its shape is held no longer: True if added."""
        done = sum(len(b.drafts) // 2 for b in self.blocks if b.kind == "rounds")
        if done >= len(ROUND_RESTS) or not self.room_for(2, keep=3):
            return False
        for block, draft in self.giving(need):
            if block.phase != "build" or block.kind not in ("hold", "rounds"):
                continue
            if len(block.drafts) >= 5 or draft is not block.drafts[0] or draft.fixed:
                continue
            rule = next((r for r in PEAK_ROUNDS if r.shapes(draft.card)), None)
            if rule is None:
                continue
            # (never in a shape the cool-down holds as its own: `round_rests`)
            cooling = {c.slug for b in self.blocks if b.phase == "cool_down" for c in b.cards}
            rests = [self.card(s) for s in rule.rest if s not in cooling]
            rest = next((card for card in rests if card is not None), None)
            if rest is not None:
                self.one_more_round(block, rule, rest, done)
                return True
        return False

    def give_up(self, block) -> None:
        self.blocks.remove(block)
        for other in block.cards:
            if not any(other in b.cards for b in self.blocks):
                self.families.discard(family(other))

    def smaller_arm_balance_first(self) -> None:
        smaller = smaller_arm_balances(self.peak, self.choices.level)
        if not smaller or self.choices.minutes <= SHORT_MINUTES:
            return
        held = {c.slug for b in self.blocks if b.phase == "build" for c in b.cards}
        if held & set(smaller):
            return
        for slug in smaller:
            card = self.card(slug)
            if card is None or not self.free(card) or card.intensity >= self.peak.intensity:
                continue
            spare = self.unrelated()
            if not self.room_for(1, keep=3):
                if not spare:
                    return
                self.give_up(spare.pop(0))
            self.build_hold(card, floor=False, optional=False, last=1)
            self.blocks[-1].smaller_first = True
            self.blocks[-1].rank = self.smaller_rank()
            return

    def smaller_rank(self) -> float:
        """Where the smaller arm balance goes: first of the poses that lead into the peak, but
        after those among them that stand (Garland, Wide-Legged Forward Fold, then Crow, then
        the Half Boat a need placed after them, then Firefly): the class goes down once and
        stays down, no lone Crow between the standing flows and the standing squat (review r9
        #6, `quality.visits` "lone_floor_visit")."""
        standing = [r for r in self.standing_ranks(leads_in=True) if r > SMALLER_FIRST]
        # (a need's floor pose after them is 0.01 past the last: `place_for_a_need`)
        return max(standing) + 0.005 if standing else SMALLER_FIRST
