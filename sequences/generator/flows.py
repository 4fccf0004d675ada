"""Linked movement: Sun Salutations A and B, the vinyasa between the sides of a flow.

A flow is a list of (pose, breaths, cue); `pick` gives the first stand-in of a movement the
practice may use (avoid list, level), or None. A movement left without a pose is skipped;
a round without its required movements is no round.
"""

from collections import Counter
from collections.abc import Callable

from accounts.models import Avoidance
from poses.models import Difficulty
from sequences.generator import next_stage, reasons
from sequences.generator.flow_rounds import again_draft, may_repeat
from sequences.generator.peak_stance import standing_stances
from sequences.generator.plan import CLOSE, UP, Block, Draft
from sequences.generator.salutation_breath import breathed
from sequences.generator.shapes import (
    family,
    is_deep_backbend,
    on_the_floor,
    outrank_facts,
    outranks_key,
    works_directly,
)
from sequences.generator.third_round import MOST_ROUNDS, instead_of_a_third_round, peak_served
from sequences.generator.vocabulary import (
    BREATH_SECONDS,
    DEEPER_VARIANTS,
    ENTERED_VIA,
    STANCE_WORDS,
    STANCES,
    SUN_A,
    SUN_B_CLOSE,
    SUN_B_OPEN,
    SUN_B_SIDE,
    SUN_STANDING,
    SUN_STANDING_CLOSE,
    SUN_STANDING_SIDE,
    VINYASA,
    Move,
)
from sequences.models import Side, Style
from sequences.steps import PoseCard

Picker = Callable[[Move], PoseCard | None]
# From this many minutes a class that cannot last its time otherwise gives what a flow's third
# round would have taken to what a teacher adds instead (`Flows.repeat_flow`,
# `third_round`), as a 75-minute one does anyway.
THIRD_ROUND_FROM_MINUTES = 30
# What a teacher calls the linking poses out loud.
SHORT_NAMES = {
    "plank": "Plank",
    "forearm-plank": "Forearm Plank",
    "chaturanga": "Chaturanga",
    "knees-chest-chin": "Knees-Chest-Chin",
    "upward-facing-dog": "Upward Dog",
    "cobra": "Cobra",
    "sphinx": "Sphinx",
    "downward-facing-dog": "Down Dog",
    "dolphin": "Dolphin",
}
# (pose, side, breaths, cue)
Beat = tuple[PoseCard, str, int, str]


def _moves(moves: tuple[Move, ...], pick: Picker) -> list[Beat] | None:
    beats: list[Beat] = []
    for move in moves:
        card = pick(move)
        if card is None:
            if move.required:
                return None
            continue
        if beats and beats[-1][0].slug == card.slug:
            continue  # a stand-in met its neighbour (no fold: the Halfway Lift is the fold)
        beats.append((card, Side.BOTH, move.breaths, stand_in_cue(move, card)))
    return beats


def stand_in_cue(move: Move, card: PoseCard) -> str:
    """The movement's cue naming the pose actually done (Forearm Plank for Plank, Dolphin for
    Down Dog, Knees-Chest-Chin for Chaturanga)."""
    first = move.slugs[0]
    if card.slug == first:
        return move.cue
    said = SHORT_NAMES.get(first, "")
    instead = SHORT_NAMES.get(card.slug, card.name)
    if said and said in move.cue:
        return move.cue.replace(said, instead)
    return move.cue


# Without a full fold (back care, no head below the heart), the Halfway Lift is how the
# class gets its hands down: a hinge with the knees well bent, the back long.
HINGE_CUE = "Exhale, hinge forward with the knees well bent, hands to the shins or blocks"


def hinged(beats: list[Beat]) -> list[Beat]:
    """The round with the Halfway Lift cued as the hinge down where no fold comes before the
    first step back (the student has to reach the floor somehow)."""
    for index, (card, side, breaths, cue) in enumerate(beats):
        if card.category == "forward_fold" and card.slug != "halfway-lift":
            return beats
        if card.slug == "halfway-lift":
            beats = list(beats)
            beats[index] = (card, side, breaths, HINGE_CUE)
            return beats
        if card.position == "hands_and_feet":
            # No Halfway Lift either: the step back itself starts with the hinge.
            beats = list(beats)
            beats[index] = (card, side, breaths, f"{HINGE_CUE}, then step back")
            return beats
        if card.position != "standing":
            # Stepping back straight to the floor (Sun Salutation B's Knees-Chest-Chin): the
            # hinge first, then its own words.
            said = cue.removeprefix("Exhale, ")
            beats = list(beats)
            beats[index] = (card, side, breaths, f"{HINGE_CUE}, then {said[0].lower()}{said[1:]}")
            return beats
    return beats


def sun_a(pick: Picker) -> list[Beat] | None:
    """One round of Sun Salutation A, or None if the avoid list leaves no round."""
    beats = _moves(SUN_A, pick)
    if beats is None or not any(b[0].position == "hands_and_feet" for b in beats):
        return None
    return breathed(hinged(beats), SHORT_NAMES)


def vinyasa(pick: Picker, *, rest_breaths: int = 1, compact: bool = False) -> list[Beat] | None:
    """Lower-lift-Down Dog between the sides of a flow; the last Down Dog held `rest_breaths`.
    Compact: one step, Down Dog, its cue naming the movements (a long practice keeps its
    steps for holding poses)."""
    beats = _moves(VINYASA, pick)
    if beats is None:
        return None
    if compact and len(beats) > 1:
        names = ", ".join(SHORT_NAMES.get(beat[0].slug, beat[0].name) for beat in beats)
        dog = beats[-1][0]
        return [(dog, Side.BOTH, 3, f"Vinyasa: {names}; three breaths")]
    card, side, _, cue = beats[-1]
    beats[-1] = (
        card,
        side,
        rest_breaths,
        cue if rest_breaths == 1 else f"{cue}; stay {rest_breaths} breaths",
    )
    return beats


# Between the sides of a wrist-free flow the class rests standing: Mountain, or Chair where
# Mountain is left out (Chair at every link made it fourteen times in one beginner class).
LINK = Move(("mountain", "chair"), 3, "")


def sun_standing(pick: Picker) -> list[Beat] | None:
    """One round of a salutation with no weight on the hands: a crescent lunge on each side
    from Chair (wrist-friendly practice)."""
    opening = _moves(SUN_STANDING, pick)
    closing = _moves(SUN_STANDING_CLOSE, pick)
    lunge = pick(SUN_STANDING_SIDE)
    chair = pick(SUN_STANDING[-1])
    if None in (opening, closing, lunge, chair):
        return None
    beats = list(opening)
    for side, other in ((Side.RIGHT, "left"), (Side.LEFT, "right")):
        cue = SUN_STANDING_SIDE.cue.format(other=other).replace("back to", "back to", 1)
        beats.append(
            (
                lunge,
                side,
                SUN_STANDING_SIDE.breaths,
                f"Right foot forward: {cue[0].lower()}{cue[1:]}"
                if side == Side.RIGHT
                else f"Left foot forward: {cue[0].lower()}{cue[1:]}",
            )
        )
        if side == Side.RIGHT:
            # Between the sides the class stands tall for a breath rather than bending the
            # knees once more (Chair three times a round adds up over a class).
            middle = pick(LINK) or chair
            name = "Mountain" if middle.slug == "mountain" else "Chair"
            beats.append((middle, Side.BOTH, 1, f"Step forward; exhale, {name}"))
    beats.extend(closing)
    return breathed(beats, SHORT_NAMES)


def wrist_free_link(pick: Picker, *, heat: bool = False) -> list[Beat] | None:
    """Between the sides of a flow with no weight on the hands: Mountain at the top of the mat
    (Chair if Mountain is left out); in a class that keeps its heat (power) one breath there,
    not a rest stop."""
    card = pick(LINK)
    if card is None:
        return None
    name = "Mountain" if card.slug == "mountain" else "Chair"
    if heat:
        return [(card, Side.BOTH, 1, f"Link: step to the top of the mat, exhale through {name}, "
                 "then step straight back for the other side")]  # fmt: skip
    return [(card, Side.BOTH, 3, f"Link: step to the top of the mat, {name} for three breaths, "
             "then step back for the other side")]  # fmt: skip


# Between the sides of a balance on one leg (r19 F4: "Chair Pose, 15 s: unwind, sit in Chair
# for three breaths, then wrap the other side"), the class stays on its feet.
BALANCE_LINK = "Link: {way}, {held} for three breaths, then {again}"


def standing_balance_link(pick: Picker, last) -> list[Beat] | None:
    """The link between the sides of a flow whose right side ends in a balance on one leg
    (`last`): Chair (else Mountain) for three breaths, standing; None after any other pose."""
    from sequences.generator.stance_order import WRAPPED, stance_of

    if stance_of(last) != "one_leg":
        return None
    card = pick(Move(("chair", "mountain"), 3, ""))
    if card is None:
        return None
    held = "sit in Chair" if card.slug == "chair" else "stand in Mountain"
    wrapped = last.slug in WRAPPED
    cue = BALANCE_LINK.format(
        way="unwind" if wrapped else "lower the lifted foot",
        held=held,
        again="wrap the other side" if wrapped else "balance on the other leg",
    )
    return [(card, Side.BOTH, 3, cue)]


def sun_b(pick: Picker) -> list[Beat] | None:
    """One round of Sun Salutation B (Warrior I on each side, a vinyasa after each)."""
    opening = _moves(SUN_B_OPEN, pick)
    closing = _moves(SUN_B_CLOSE, pick)
    warrior = pick(SUN_B_SIDE)
    between = vinyasa(pick)
    last = vinyasa(pick, rest_breaths=5)
    if None in (opening, closing, warrior, between, last):
        return None
    beats = hinged(list(opening))
    for side, after in ((Side.RIGHT, between), (Side.LEFT, last)):
        beats.append((warrior, side, 1, SUN_B_SIDE.cue.format(side=side)))
        beats.extend(after)
    beats.extend(closing)
    return breathed(beats, SHORT_NAMES)


class Flows:
    """Sun Salutations and flows one side at a time (mixed into `arc.Planner`)."""

    def sun_pick(self, move: Move) -> PoseCard | None:
        """The first stand-in the practice may use that stays below the peak (Knees-Chest-Chin
        rather than Chaturanga before an intensity-3 peak) and is not the peak itself; Sphinx
        for Cobra where the hands bear no weight."""
        slugs = move.slugs
        if "cobra" in slugs and self.card("plank") is None and self.card("sphinx") is not None:
            slugs = ("sphinx",)  # no weight on the hands: the chest lifts on the forearms
        found = [self.card(slug) for slug in slugs if self.card(slug) is not None]
        found = [card for card in found if self.peak is None or card.slug != self.peak.slug]
        # Never a pose that outranks the peak (Chaturanga before a Forearm Plank peak): the
        # peak is the hardest pose of the practice (quality figure `peak_hardest`).
        found = [card for card in found if self.peak is None or not self.outranks(card, self.peak)]
        gentle = [card for card in found if self.peak is None or card.intensity <= self.cap]
        return (gentle or found or [None])[0]

    def suns_stay_below(self, peak: PoseCard) -> bool:
        """A round of Sun Salutation A, or of the standing salutation, can be made with no
        pose that outranks this peak: a peak the practice's own salutations would outrank is
        no peak for it. A move that is not required and would outrank the peak (Chaturanga
        before a Half Moon peak) is left out of the round by `sun_pick`, and a B round that
        requires it falls back to an A round."""
        if not self.can_salute():
            return True  # the avoid list leaves no salutation to outrank it
        # `sun_pick` sees the peak only through `outranks` and its intensity (the cap) against
        # the stand-ins the pool holds: peaks alike in those get the same rounds (hundreds of
        # candidate peaks in a large library, a few kinds of them).
        if self._sun_facts is None:
            self._sun_facts = outrank_facts(self.sun_cards())
        key = outranks_key(peak, self._sun_facts)
        found = self.suns_below.get(key)
        if found is None:
            found = self.suns_below[key] = self._suns_stay_below(peak)
        return found

    def sun_cards(self) -> list[PoseCard]:
        """The pool's cards any movement of a salutation may stand in with (`sun_pick`)."""
        if self._sun_cards is None:
            slugs = {"sphinx", *LINK.slugs, *SUN_STANDING_SIDE.slugs}
            for move in (*SUN_A, *SUN_STANDING, *SUN_STANDING_CLOSE):
                slugs.update(move.slugs)
            self._sun_cards = [self.card(slug) for slug in sorted(slugs) if self.card(slug)]
        return self._sun_cards

    def _suns_stay_below(self, peak: PoseCard) -> bool:
        saved = (self.peak, self.cap)
        self.peak, self.cap = peak, peak.intensity
        try:
            # As `sun_salutations` chooses: with Plank left out (no weight on the wrists), the
            # standing salutation; a wrist-free class whose peak is the Chair that salutation
            # needs would have none (review #16: a power class with no salutation).
            if self.card("plank") is not None and sun_a(self.sun_pick) is not None:
                return True
            return sun_standing(self.sun_pick) is not None
        finally:
            self.peak, self.cap = saved

    def can_salute(self) -> bool:
        """The pool makes a round of a salutation whatever the peak: Sun Salutation A, or
        with Plank left out the standing one (the avoid list may leave neither)."""
        if self._can_salute is None:
            saved = (self.peak, self.cap)
            self.peak, self.cap = None, 5
            try:
                if self.card("plank") is not None and sun_a(self.sun_pick) is not None:
                    self._can_salute = True
                else:
                    self._can_salute = sun_standing(self.sun_pick) is not None
            finally:
                self.peak, self.cap = saved
        return self._can_salute

    def most_sun_rounds(self) -> int:
        """Two rounds, three from half an hour; a long practice spends its steps (a saved
        sequence holds at most MAX_POSES_PER_SEQUENCE) on holding poses rather than on more
        rounds."""
        usual = 2 if self.choices.minutes < 30 or self.choices.minutes >= 45 else 3
        return usual if self.strict or self.choices.minutes < 60 else usual + 1

    def sun_salutations(self, budget: float) -> None:
        spent = 0
        while spent < budget:
            rounds = [b for b in self.blocks if b.kind == "sun"]
            if len(rounds) >= self.most_sun_rounds() or any(
                b.drafts[-1].flow.startswith("Sun Salutation B") for b in rounds
            ):
                return
            # The last round is a B round, from the intermediate level in flowing styles.
            use_b = (
                len(rounds) == self.most_sun_rounds() - 1
                and rounds
                and self.flowing
                and self.choices.level != Difficulty.BEGINNER
                and self.choices.minutes >= 30
                and not any(b.drafts[-1].flow.startswith("Sun Salutation B") for b in rounds)
            )
            beats = sun_b(self.sun_pick) if use_b else None
            name = "Sun Salutation B"
            if beats is None:
                beats, name = sun_a(self.sun_pick), "Sun Salutation A"
            if beats is None or self.card("plank") is None:
                # No weight on the hands: a standing salutation instead.
                beats, name = sun_standing(self.sun_pick), "Sun Salutation (standing)"
            if beats is None or not self.room_for(len(beats) + 1, keep=18):
                return
            count = 1 + sum(1 for b in rounds if b.drafts[-1].flow.startswith(name))
            flow = f"{name}, round {count}"
            block = self.flow_block(beats, "warm_up", UP, 1.0 + 0.01 * len(rounds), flow=flow)
            block.kind = "sun"
            block.optional = bool(rounds)
            first = block.drafts[0]
            first.cue = f"{flow}: {first.cue[0].lower()}{first.cue[1:]}"
            if not rounds and self.card("mountain") is not None:
                mountain = self.draft(
                    self.card("mountain"),
                    "warm_up",
                    breaths=3,
                    flow=flow,
                    cue="Stand tall at the top of the mat; the flow starts here.",
                )
                block.drafts.insert(0, mountain)
            spent += sum(d.seconds for d in block.drafts)

    def flow_block(
        self, beats: list[Beat], phase: str, segment: int, rank: float, *, flow: str
    ) -> Block:
        drafts = []
        for card, side, breaths, cue in beats:
            # Held longer than a few breaths, a pose stays below the peak; else it is passed.
            held = breaths if breaths <= 3 or card.intensity <= self.cap else 3
            drafts.append(self.draft(card, phase, side=side, breaths=held, cue=cue, flow=flow))
        return self.add(phase, segment, rank, drafts, kind="flow")

    def side_flow(self, *, required: bool = False, floor: bool = False) -> bool:
        """A linked sequence on the right, a vinyasa in flowing styles, the same on the left."""
        if floor in self.no_more_flows:
            return False
        stances = ["kneeling"] if floor else standing_stances(self.peak, self.stances)
        options = []
        for stance in stances:
            cards = [
                self.by_slug[slug]
                for slug in STANCES[stance]
                if slug in self.by_slug
                and self.by_slug[slug].is_bilateral
                and self.free(self.by_slug[slug])
                and self.by_slug[slug].intensity <= self.build_cap
                and not is_deep_backbend(self.by_slug[slug])
            ]
            if len(cards) >= 2:
                options.append((stance, cards))
        if not options:
            self.no_more_flows.add(floor)  # until a block is left out again
            return False

        areas = self.share_areas()

        def base_first(stance: str, card: PoseCard) -> float:
            # A pose that works a chosen focus area directly (Warrior III in a balance class,
            # Chair-strong lunges in a strength class) before one that only touches it.
            direct = sum(works_directly(card, f, slow=self.slow) for f in areas)
            return self.score(
                card,
                1.0 * self.common(card) + 1.5 * (STANCES[stance][0] == card.slug) + 2.0 * direct,
            )

        def serving(cards: list[PoseCard]) -> int:
            return sum(any(works_directly(c, f, slow=self.slow) for f in areas) for c in cards)

        # The stance whose poses work the chosen focus directly (twists of the lunge stance
        # in a back class, Half Moon's open stance in a balance class), then the best scored.
        stance, cards = max(
            options,
            key=lambda o: (
                min(serving(o[1]), 2),
                sum(base_first(o[0], c) for c in o[1]) / len(o[1]),
            ),
        )
        size = 2 if self.style == Style.GENTLE or self.choices.minutes < 20 else 3
        if self.style == Style.POWER and self.choices.minutes >= 45:
            size = 4
        chosen, families = [], set()
        for card in sorted(cards, key=lambda c: (-serving([c]), -base_first(stance, c))):
            if family(card) not in families:
                chosen.append(card)
                families.add(family(card))
            if len(chosen) == size:
                break
        chosen = self.entered_properly(chosen, cards, size)
        if len(chosen) < 2:
            return False
        chosen.sort(key=lambda c: STANCES[stance].index(c.slug))
        transition = None
        if self.flowing and stance != "kneeling":
            transition = vinyasa(self.sun_pick, compact=self.choices.minutes >= 40)
            if transition is None or self.card("plank") is None:
                transition = wrist_free_link(self.sun_pick, heat=self.style == Style.POWER)
        steps = 2 * len(chosen) + (len(transition) if transition else 0)
        if not self.room_for(steps, keep=3):
            return False
        self.flows += 1
        self.stances.add(stance)
        name = f"Flow {self.flows}: {' → '.join(c.name for c in chosen)}"
        drafts = []
        for side in (Side.RIGHT, Side.LEFT):
            for index, card in enumerate(chosen):
                breaths = self.breaths if self.flowing else None
                draft = self.draft(card, "build", side=side, breaths=breaths, flow=name)
                draft.describe = self.flow_words(index, chosen, side, stance, self.flows)
                drafts.append(draft)
                self.families.add(family(card))
            if transition and side == Side.RIGHT:
                for card, _, beat_breaths, cue in transition:
                    if not cue.startswith(("Vinyasa", "Link")):
                        cue = f"Vinyasa: {cue[0].lower()}{cue[1:]}"
                    drafts.append(
                        self.draft(card, "build", breaths=beat_breaths, flow=name, cue=cue)
                    )
        intensity = max(c.intensity for c in chosen)
        segment, rank = (CLOSE, -5.5) if floor else (UP, intensity - 0.5)
        self.add("build", segment, rank, drafts, kind="flow", optional=not required)
        return True

    @staticmethod
    def entered_properly(chosen: list[PoseCard], cards: list[PoseCard], size: int):
        """The flow with the pose each of its poses is entered from (Warrior II before
        Reverse Warrior, in place of the last other pose chosen), or without the pose where
        that one cannot be done."""
        chosen = list(chosen)
        for card in list(chosen):
            want = ENTERED_VIA.get(card.slug)
            if want is None or want[0] in {c.slug for c in chosen}:
                continue
            source = next((c for c in cards if c.slug == want[0]), None)
            if source is None:
                chosen.remove(card)
                continue
            others = [c for c in chosen if c is not card]
            if len(chosen) >= size and others:
                chosen.remove(others[-1])
            chosen.append(source)
        return chosen

    def repeat_flow(self) -> bool:
        """A flow of the build once more on each side, straight after the time before, its
        poses held longer than the first time, within the flow's share (`flow_rounds`); never
        a third time (`third_round.MOST_ROUNDS`): where a long practice, or one from
        THIRD_ROUND_FROM_MINUTES short of time, would have taken one, the time goes to what a
        teacher adds instead (`third_round.instead_of_a_third_round`). A flow that would thin
        a focus area short of its share is repeated only when the practice cannot otherwise
        last its time: the area is then declared short (`FocusShare.exhausted`)."""
        done = Counter(b.drafts[0].flow for b in self.blocks if b.kind == "again")
        # Where a third round would have filled the time: a long class, or one from
        # THIRD_ROUND_FROM_MINUTES that cannot last its time otherwise.
        short_of_time = self.capacity()[1] < self.target
        third = self.choices.minutes >= 75 or (
            short_of_time and self.choices.minutes >= THIRD_ROUND_FROM_MINUTES
        )
        flows = [
            b
            for b in self.blocks
            if b.kind == "flow"
            and b.phase == "build"
            and done[b.drafts[0].flow] < MOST_ROUNDS - 1
            # a flow with no sides, or none that may be held longer, cannot progress the
            # second time (flow_rounds.progress; quality figure `flow_progresses`)
            and any(self.can_progress(d) for d in b.drafts)
            and b.drafts[0].flow not in self.mini_flows  # linked holds: once, a few breaths
            and may_repeat(self, b)  # longer than the round before, within the flow's share
        ]
        if not flows:
            # Where a third round would fill the time, what a teacher adds instead.
            return third and bool(done) and instead_of_a_third_round(self)
        every = flows
        short = self.short_of()
        if short:
            undiluting = [b for b in flows if not self.dilutes(b)]
            if undiluting or not short_of_time:
                flows = undiluting
            else:
                # Out of moving material and still short of time (a long beginner class for
                # balance or core): the flow once more, the area short, rather than a longer
                # rest at the end (issue 11).
                self.exhausted = set(self.exhausted) | set(short)
        serving = [b for b in flows if self.repeat_serves(b)]
        if not serving:
            # No flow serves the focus once more: the time goes to focus work, and only where
            # none is left, to a flow once more (declared: FocusBalance.repeated_anyway).
            if self.focus_work():
                return True
            grew = self.held_class_fills_first()
            if grew is not None:
                return grew
            # In the last tries (relaxed), a flow that thins the focus out before no practice.
            flows = flows or (every if self.relaxed else [])
            if not flows:
                return False
        else:
            flows = serving
        # A flow that can go deeper the second time first.
        block = max(
            flows,
            key=lambda b: (
                -done[b.drafts[0].flow],
                not self.dilutes(b),  # a flow that works a focus area short of its share
                peak_served(b, self.peak),  # what the peak needs (r20 F1: no twists for Camel)
                len(self.deeper_variants(b, claim=False)),
                sum(d.seconds for d in b.drafts),
                -b.order,
            ),
        )
        rank = block.rank + 0.001 * (1 + done[block.drafts[0].flow])
        if not self.room_for(len(block.drafts), keep=3):
            return False
        # The round again progresses: a pose goes into its deeper variant where the practice
        # may use one (Warrior I → Humble Warrior, Pyramid → Standing Split), rather than the
        # whole series word for word (review #8, #17).
        deeper = self.deeper_variants(block)
        drafts = []
        for index, draft in enumerate(block.drafts):
            variant = deeper.get(draft.card.slug)
            if variant is not None:
                breaths = draft.hold // BREATH_SECONDS if draft.fixed else None
                again = self.draft(variant, draft.phase, side=draft.side, breaths=breaths,
                                   flow=draft.flow)  # fmt: skip
                side = "right" if draft.side == Side.RIGHT else "left"
                again.cue = f"Once more, going deeper: {variant.name} this time, {side} side."
                drafts.append(again)
                continue
            # After the latest round, with room to hold a breath longer (flow_rounds.progress).
            again = again_draft(self, block, index)
            if draft.describe is not None:
                again.describe = lambda d, words=draft.describe: reasons.again(words(d))
            else:
                again.cue = reasons.again(draft.cue)
            drafts.append(again)
        short = set(self.short_of())
        filled = self.capacity()[1] >= self.target
        again = self.add(block.phase, block.segment, rank, drafts, kind="again")
        anyway = not self.repeat_serves(block)
        newly = set(self.short_of()) - short
        if newly and filled:
            # Once more would leave a focus area short of its share: the time is found
            # elsewhere (a longer cool-down, a longer rest).
            self.blocks.remove(again)
            return False
        # The practice cannot last its time otherwise: the flow once more, the area short.
        self.exhausted = set(self.exhausted) | newly
        if anyway:
            self.repeated_anyway = {*self.repeated_anyway, block.drafts[0].flow}
        return True

    def can_progress(self, draft: Draft) -> bool:
        """A one-sided pose of a flow that may be held a breath longer the next round, or
        that has a deeper variant the practice may use."""
        if draft.side == Side.BOTH:
            return False
        top = draft.card.hold_range(self.style)[1]
        if draft.hold + BREATH_SECONDS <= top or draft.low + BREATH_SECONDS <= draft.hold:
            return True  # longer, or the round before a breath shorter
        alone = Block(draft.phase, UP, 0.0, [draft])
        return bool(self.deeper_variants(alone, claim=False))

    def deeper_variants(self, block: Block, *, claim: bool = True) -> dict[str, PoseCard]:
        """For each pose of the flow, the first deeper variant (DEEPER_VARIANTS) the practice
        may still use, below the peak and the build's cap, one-sided like the pose (claimed
        for the practice: no other step may use its shape)."""
        found: dict[str, PoseCard] = {}
        for draft in block.drafts:
            slug = draft.card.slug
            if draft.side == Side.BOTH or slug in found:
                continue
            for variant_slug in DEEPER_VARIANTS.get(slug, ()):
                variant = self.card(variant_slug)
                if (
                    variant is not None
                    and variant.is_bilateral
                    and self.free(variant)
                    and variant.intensity <= self.build_cap
                    and not is_deep_backbend(variant)
                    and on_the_floor(variant) == on_the_floor(draft.card)
                ):
                    found[slug] = variant
                    if claim:
                        self.families.add(family(variant))
                    break
        return found

    def flow_words(self, index: int, chosen: list[PoseCard], side: str, stance: str, number: int):
        def describe(draft: Draft) -> str:
            if self.flowing:
                held = f"{draft.hold // BREATH_SECONDS} breaths"
            else:
                held = f"about {draft.hold} s"
            if index == 0:
                return reasons.flow_first(
                    chosen[0], chosen, side, held, self.peak, STANCE_WORDS[stance], number
                )
            wrists = Avoidance.WRIST_FRIENDLY in self.choices.avoid
            return next_stage.flow_next(draft.card, chosen[index - 1], side, held, wrists=wrists)

        return describe
