"""The focus a practitioner chose, served in the build and peak (issue 11, teacher review r5
#8 and #10): each focus area its share of the held time in poses that work it directly, a
whole-body class each region, poses added for an area short of its share (wrist- and
knee-free versions where the avoid list asks: the pool holds only what the practice may do),
flows that would thin a focus out taken back, and focus poses taught in rounds where the
practice has no other shape for the area."""

from functools import cached_property

from poses.models import Category, Effort, Kind, Position, TargetArea
from sequences.checks import PASSING_SECONDS
from sequences.generator import core_directions, core_holds, reasons
from sequences.generator.focus_balance import thins_out
from sequences.generator.plan import CLOSE, Block, Draft
from sequences.generator.shapes import (
    body_regions,
    family,
    is_deep_backbend,
    on_the_floor,
    works_directly,
)
from sequences.generator.vocabulary import (
    FOCUS_LEAST_SHAPES,
    FOCUS_SHARE_AIM,
    FOCUS_SHARE_FROM_MINUTES,
    FOCUS_SHARE_SPARED_BY,
    FULL_BODY_FROM_MINUTES,
    FULL_BODY_REGIONS,
    LINKING_OR_QUIET,
    PEAK_ROUNDS,
)
from sequences.models import Focus, Side
from sequences.steps import PoseCard

# An energy class stands from this many minutes (a five-minute breath practice may not).
ENERGY_STANDS_FROM_MINUTES = 10

# What a back class gives its back in the build and peak besides twists: poses that extend or
# strengthen it (Locust, Cobra, Bridge, Bird Dog), at least this part of the back's share
# (teacher review: a back class whose back work in the build was twists alone).
BACK_EXTENSION_PART = 0.5
# A core class builds in this many core-strength shapes at least (Bird Dog, Forearm Plank,
# Side Plank, Boat, then Plank), from CORE_SHAPES_FROM_MINUTES, where the poses the choices
# allow offer them (teacher review: a core class built with Tree and Chair).
CORE_SHAPES = 3
CORE_SHAPES_FROM_MINUTES = 30
# The shortest hold of a flow's pose that alone works a focus area: held, not passed through.
HELD_IN_A_FLOW = PASSING_SECONDS + 5
# The parts of a focus the planner serves besides the areas' shares, and the measure asks.
BACK_EXTENSION = "back:extension"
CORE_SHAPES_AREA = "core:shapes"


def core_strength(card: PoseCard) -> bool:
    """A pose whose main work is the core's strength: a core pose held actively that names
    the core first or second (Plank, Forearm Plank, Side Plank, Boat, Bird Dog)."""
    return (
        card.kind == Kind.ASANA
        and card.effort == Effort.ACTIVE
        and card.category == Category.CORE
        and TargetArea.CORE in card.target_areas[:2]
    )


def back_extension(card: PoseCard) -> bool:
    """A pose that extends or strengthens the back: a backbend (Locust, Cobra, Sphinx, Bridge,
    Camel), or a core pose held actively whose main work names the back (Bird Dog)."""
    if card.kind != Kind.ASANA:
        return False
    if card.category == Category.BACKBEND:
        return True
    return (
        card.category == Category.CORE
        and card.effort == Effort.ACTIVE
        and any(area in BACK_AREAS for area in card.target_areas[:2])
    )


BACK_AREAS = frozenset({TargetArea.LOWER_BACK, TargetArea.UPPER_BACK})


def strong_shape(card: PoseCard) -> bool:
    """A shape of some strength a focus area's share may be built of, whatever the peak
    (`FocusShare.spared` keeps those below it): an active asana of intensity 2 or 3, no linking
    or quiet pose, mobility, restorative shape, inversion, arm balance or deep backbend."""
    return (
        card.kind == Kind.ASANA
        and card.effort == Effort.ACTIVE
        and 2 <= card.intensity <= 3
        and card.slug not in LINKING_OR_QUIET
        and card.category not in (Category.MOBILITY, Category.RESTORATIVE)
        and card.position not in (Position.INVERTED, Position.ARM_BALANCE)
        and not is_deep_backbend(card)
    )


# How the rest between two rounds of a focus pose is said, one way per round in a practice.
ROUND_RESTS = (
    "Rest {seconds} s in {rest}, then {pose} once more.",
    "{seconds} s in {rest} to recover; then {pose} again.",
    "A short rest in {rest} ({seconds} s) before {pose} again.",
    "Recover in {rest} for {seconds} s, then come back to {pose}.",
    "Let the effort settle in {rest}, {seconds} s; {pose} follows.",
    "Into {rest} for {seconds} s, breathing slowly, then {pose} again.",
)
ROUND_AGAIN = (
    "Round {number}: {pose}, as steady as before.",
    "Round {number}: {pose}, the breath even through the hold.",
    "Round {number}: {pose}, the shape kept until the count ends.",
    "Round {number}: {pose}, the form clean from start to finish.",
    "Round {number}: {pose}, the breath slow, the shape unchanged.",
    "Round {number}: {pose}, steady again, no rushing out of it.",
)


class FocusShare:
    """The focus a practitioner chose, served in the build and peak (mixed into `arc.Planner`):
    each area its share of the held time (FOCUS_SHARE), a whole-body class each region
    (FULL_BODY_REGIONS), as the quality figure `focus_share` measures them."""

    def focus_work_fits(self, card: PoseCard, area: str, floor: bool) -> bool:
        """`card` works `area` in the build at this level (`floor`): it fits the build, is no
        warm-up shape, crowds no neighbour of its family, and steps no way back down to the
        floor once the standing build has climbed."""
        return (
            self.meets(card, area)
            and self.build_fits(card, floor=floor, relevant=False)
            and not self.warm_up_shape(card)
            and not self.crowded(card, self.build_neighbours)
            and not (floor and self.drops_back(card, self.build_climbed()))
        )

    def asked_areas(self) -> list[str]:
        """The focus areas that ask for a share in a practice of this style and length (the
        share each asks depends on how many there are)."""
        if self.slow or self.choices.minutes < FOCUS_SHARE_FROM_MINUTES:
            return []
        return [f for f in self.choices.focus if f not in (Focus.RELAXATION, Focus.FULL_BODY)]

    def share_areas(self) -> list[str]:
        """The areas the planner serves: those the practice's poses can give a share, and a
        spared one with two shapes still (a standing core class has Plank and Side Plank:
        served in rounds as far as they allow; only the measure spares it)."""
        self.spared()
        return [f for f in self.asked_areas() if self._shapes.get(f, 0) >= 2]

    def regions_asked(self) -> bool:
        return (
            not self.slow
            and Focus.FULL_BODY in self.choices.focus
            and self.choices.minutes >= FULL_BODY_FROM_MINUTES
        )

    @staticmethod
    def leads_in(block: Block) -> bool:
        """The block is placed straight before the peak (`Phases.build_hold` with `last`)."""
        return block.rank >= (10 if block.segment == CLOSE else 50)

    def down_to_the_hands(self) -> bool:
        """The peak is on the hands and feet (Plank, Side Plank): the build may come down to
        the floor before it (Half Boat, then Plank, then the peak)."""
        return self.layout == "arc" and self.peak.position == Position.HANDS_AND_FEET

    def declared_spared(self) -> tuple[str, ...]:
        """What the practice tells the quality bar it spares: the areas its pool offers too
        few shapes for, and those still short once the planner has placed every pose, flow and
        round that serves them and left out every build pose that serves none while the time
        allowed (`trim_for_focus`): the last refuge, about 2 in 100 focus classes."""
        balance = self.balance_spared()
        # An area given up on while the plan grew may be worked again once it is whole (linked
        # holds, rounds): only one still short is declared.
        short = set(self.short_of()) if self.exhausted else set()
        exhausted = sorted(a for a in self.exhausted if a in short)
        return tuple(dict.fromkeys([*self.spared(), *exhausted, *balance]))

    def spared(self) -> tuple[str, ...]:
        """The asked areas, and "region:<name>" of a whole-body class, that the pool offers
        too few shapes for, worked out once."""
        if self._spared is None:
            cap = self.build_cap  # below the peak
            strong = [
                card
                for card in self.pool_where(("strong_shape",), strong_shape)
                if card.intensity <= cap
            ]
            if True not in self.build_floors() and not self.down_to_the_hands():
                # A class that builds standing to a standing peak: what standing poses give
                # (or poses on the hands and feet) counts, not the floor work it has no
                # place for.
                strong = [card for card in strong if not on_the_floor(card)]
            spared = []
            if FOCUS_SHARE_SPARED_BY & set(self.choices.avoid):
                strong = []  # every area and region spared
            self._shapes = {}
            for area in self.asked_areas():
                shapes = {family(c) for c in strong if self.meets(c, area)}
                self._shapes[area] = len(shapes)
                if len(shapes) < FOCUS_LEAST_SHAPES:
                    spared.append(area)
            asked = self.asked_areas()
            if Focus.BACK in asked and not any(back_extension(c) for c in strong):
                spared.append(BACK_EXTENSION)
            core_shapes = {family(c) for c in strong if core_strength(c)}
            if Focus.CORE in asked and len(core_shapes) < CORE_SHAPES:
                spared.append(CORE_SHAPES_AREA)
            if Focus.CORE in asked and self.asks_directions():
                below = [c for c in strong if not self.outranks(c, self.peak)]
                worked = core_directions.directions_worked(below)
                spared += [
                    core_directions.area_of(d)
                    for d in core_directions.DIRECTIONS
                    if d not in worked
                ]
            if self.regions_asked():
                for region in FULL_BODY_REGIONS:
                    if not any(self.meets(c, f"region:{region}") for c in strong):
                        spared.append(f"region:{region}")
            self._spared = tuple(spared)
        return self._spared

    def _build_and_peak(self, without: Block | None = None) -> list[Draft]:
        return [
            d
            for b in self.blocks
            if (b.phase in ("build", "peak") or b.work) and b is not without
            for d in b.drafts
        ]

    def in_rounds(self) -> bool:
        """The peak is taught in rounds: the holds of its kind in the build are capped at one
        round (`prep.Prep.keep_the_peak_hardest`), so the fit cannot lengthen them."""
        peak = getattr(self, "peak", None)
        return (
            peak is not None
            and sum(
                d.card.slug == peak.slug for b in self.blocks if b.phase == "peak" for d in b.drafts
            )
            >= 2
        )

    def short_of(self, without: Block | None = None, *, fitted: bool = True) -> list[str]:
        """The focus areas under their share (with FOCUS_SHARE_AIM to spare for the fit)
        and, as "region:<name>", the whole-body regions not yet worked, as planned now.
        `fitted`: also under it at the holds the fit may give (`_fitted_share`), where the
        peak is taught in rounds (what the planner adds to serve the focus)."""
        drafts = self._build_and_peak(without)
        short = []
        areas = self.share_areas()
        if areas:
            whole = sum(d.seconds for d in drafts) or 1
            least = FOCUS_SHARE_AIM[len(self.asked_areas())]
            for focus in areas:
                serving = [d for d in drafts if self.held(d) if self.meets(d.card, focus)]
                worked = sum(d.seconds for d in serving)
                if worked / whole < least or (
                    fitted and self.in_rounds() and _fitted_share(serving, drafts) < least
                ):
                    short.append(focus)
            short += self._short_in_kind(drafts, areas, least * (whole if drafts else 1))
        if self.regions_asked():
            # Each region worked, and in balance (focus_balance.FocusBalance.regions_to_serve).
            spared = self.spared()
            short += [r for r in self.regions_to_serve(without) if r not in spared]
        return short

    def _short_in_kind(self, drafts: list[Draft], areas: list[str], least: float) -> list[str]:
        """The focus served by its main work: a back class short of poses that extend or
        strengthen the back (BACK_EXTENSION_PART of its share, `least` seconds), a core class
        of CORE_SHAPES_FROM_MINUTES short of CORE_SHAPES core-strength shapes (Bird Dog held
        in the warm-up counts: its shape is taken)."""
        short = []
        spared = self.spared()
        if Focus.BACK in areas and BACK_EXTENSION not in spared:
            worked = sum(d.seconds for d in drafts if self.held(d) and back_extension(d.card))
            if worked < least * BACK_EXTENSION_PART:
                short.append(BACK_EXTENSION)
        if (
            Focus.CORE in areas
            and CORE_SHAPES_AREA not in spared
            and self.choices.minutes >= CORE_SHAPES_FROM_MINUTES
        ):
            warm_up = [d for b in self.blocks if b.phase == "warm_up" for d in b.drafts]
            shapes = {
                family(d.card)
                for d in [*warm_up, *drafts]
                if self.held(d)
                and not d.flow.startswith("Sun Salutation")
                and core_strength(d.card)
            }
            if len(shapes) < CORE_SHAPES:
                short.append(CORE_SHAPES_AREA)
        if Focus.CORE in areas and self.asks_directions():
            warm_up = [d for b in self.blocks if b.phase == "warm_up" for d in b.drafts]
            worked = core_directions.directions_worked(
                [
                    d.card
                    for d in [*warm_up, *drafts]
                    if self.held(d) and not d.flow.startswith("Sun Salutation")
                ]
            )
            short += [
                core_directions.area_of(d)
                for d in core_directions.DIRECTIONS
                if d not in worked and core_directions.area_of(d) not in spared
            ]
        return short

    def asks_directions(self) -> bool:
        """A core class long enough to work the trunk from the front, sides and back."""
        return core_directions.asks_directions(self.choices.focus, self.choices.minutes, self.slow)

    def dilutes(self, block: Block) -> bool:
        """The block leaves an area short of its share that was not short without it, or
        spends less of its own time on a short area than the share asks (a flow of standing
        poses in a core class)."""
        short = self.short_of()
        if not short:
            return False
        if set(short) - set(self.short_of(without=block)):
            return True
        areas = [a for a in short if ":" not in a]
        if not areas:
            return False
        whole = sum(d.seconds for d in block.drafts) or 1
        least = FOCUS_SHARE_AIM[len(self.asked_areas())]
        return any(
            sum(d.seconds for d in block.drafts if self.meets(d.card, area)) / whole < least
            for area in areas
        )

    def given_up(self, block: Block) -> bool:
        """Every area the block keeps from falling short, or serves while short, was given up
        for the time (`exhausted`: a flow repeated though it thins the area), and leaving it
        out leaves each focus area still worked: it holds no share the practice still keeps."""
        short = set(self.short_of(fitted=False))
        served = {a for d in block.drafts for a in short if self.meets(d.card, a)}
        lost = served | (set(self.short_of(without=block, fitted=False)) - short)
        if not lost or not lost <= set(self.exhausted):
            return False
        return all(
            self.worked(focus, without=block) or not self.worked(focus)
            for focus in self.focus
            if focus != Focus.FULL_BODY
        )

    def keeps_the_focus_without(self, blocks: list[Block]) -> bool:
        """`keeps_the_focus` for leaving several blocks out together (Plank and Side Plank,
        each leaving the core worked by the other, not both)."""
        if len(blocks) == 1:
            return self.keeps_the_focus(blocks[0])
        areas = [f for f in self.focus if f != Focus.FULL_BODY]
        worked = {f: self.worked(f) for f in areas}
        short = set(self.short_of())
        if any(
            self.meets(d.card, area)
            for b in blocks
            if b.phase in ("build", "peak")
            for d in b.drafts
            for area in short
        ):
            return False  # one serves an area already short of its share
        saved = self.blocks
        self.blocks = [b for b in saved if not any(b is out for out in blocks)]
        try:
            return (
                all(self.worked(f) or not worked[f] for f in areas)
                and set(self.short_of()) <= short
            )
        finally:
            self.blocks = saved

    @staticmethod
    def held(draft: Draft) -> bool:
        """Held, not passed through in a flow (as the quality bar's `held` counts it)."""
        return not (draft.flow and draft.hold <= PASSING_SECONDS)

    def meets(self, card: PoseCard, area: str) -> bool:
        """The pose works a focus area (or a whole-body region) directly (`_meets`, kept per
        card and area for this plan: the focus passes ask it of every draft many times)."""
        # Keyed by the card's identity (no hash of its fields), the card kept beside it.
        row = self._met.get(id(card))
        if row is None:
            row = self._met[id(card)] = (card, {})
        found = row[1].get(area)
        if found is None:
            found = row[1][area] = self._meets(card, area)
        return found

    def meeting(self, area: str) -> list[PoseCard]:
        """The pool's poses that work `area` directly (`meets`), in pool order: those a pick
        for the area looks through (the test is the card's own, so the list is kept)."""
        return self.among(f"meets {area}", lambda card: self.meets(card, area))

    @cached_property
    def _met(self) -> dict[int, tuple[PoseCard, dict[str, bool]]]:
        return {}

    def _meets(self, card: PoseCard, area: str) -> bool:
        if area.startswith("region:"):
            return area.removeprefix("region:") in body_regions(card)
        if area.startswith("balance:"):
            return thins_out(card, area)
        if area == BACK_EXTENSION:
            return back_extension(card)
        if core_directions.is_direction_area(area):
            return core_directions.works_direction(card, area)
        if area in (CORE_SHAPES_AREA, Focus.CORE) and not self.slow:
            return core_strength(card)
        return works_directly(card, area, slow=self.slow)

    def serves_short(self, card: PoseCard) -> int:
        """How many of the areas now short of their share the pose works directly."""
        return sum(self.meets(card, area) for area in self.short_of())

    def take_back(self, block: Block) -> None:
        """Leave a block out again (with a flow, its rounds once more), freeing its shapes."""
        self.blocks.remove(block)
        self.no_more_flows.clear()
        if block.kind == "flow":
            self.flows -= 1
            flow = block.drafts[0].flow
            self.blocks = [
                b for b in self.blocks if not (b.kind == "again" and b.drafts[0].flow == flow)
            ]
        for card in block.cards:
            if not any(card in other.cards for other in self.blocks):
                self.families.discard(family(card))

    # Areas short of their share that nothing more could serve (set as the plan goes).
    exhausted: set[str] = set()  # noqa: RUF012 - replaced per planner, never mutated

    def serve_focus(self, most: int = 12) -> None:
        """Build poses that work the areas short of their share directly, one at a time,
        while one fits (wrist-free and knee-free versions where the avoid list asks: the pool
        holds only what the practice may do)."""
        self.exhausted = set()
        self.stand_for_energy()
        self.keep_the_flow()
        for _ in range(most):
            short = self.short_of()
            if not short:
                return
            if not self.room_for(1, keep=3):
                # The practice has its most steps: a build pose that serves no short area
                # makes room, or the areas stay short.
                if not self.trim_for_focus(short):
                    self.exhausted = set(short)
                    return
                continue
            added = False
            places = [(floor, False) for floor in self.build_floors()]
            if self.down_to_the_hands():
                places.append((True, True))  # on the floor on the way down to a plank peak
            for area in short:
                for floor, on_the_way_down in places:
                    card = self.pick(
                        lambda c, floor=floor, area=area: self.focus_work_fits(c, area, floor),
                        prefer=lambda c, short=short: (
                            1.0 * sum(self.meets(c, a) for a in short) + 0.3 * c.intensity
                        ),
                        among=self.meeting(area),
                    )
                    if card is not None:
                        self.build_hold(card, floor=floor, on_the_way_down=on_the_way_down)
                        added = True
                        break
                if added:
                    break
            if added or self.serving_flow() or self.focus_round(short):
                continue
            if not self.trim_for_focus(short):
                # Nothing the practice may do works these areas any more: no pose, no flow,
                # no further round (a standing class whose only back work is in the warm-up).
                self.exhausted = set(short)
                return
        self.exhausted = set(self.short_of())  # what `most` tries left short

    def trim_for_focus(self, short: list[str]) -> bool:
        """Where no pose, flow or round is left to serve a short area, a build pose that serves
        none of them is left out, while the practice can still last its time: the focus gets
        its share of a shorter build (a teacher drops a standing pose from a core class before
        the core work). True if one was."""
        options = [
            b
            for b in self.blocks
            if b.phase == "build"
            and b.optional
            and b.kind in ("hold", "flow")
            and not self.leads_in(b)
            and not any(self.meets(d.card, a) for d in b.drafts for a in short)
        ]
        # The longest that may go (the first of equals), its dear tests asked longest first:
        # the block `max` would choose among those passing them, without asking them of all.
        options.sort(key=lambda b: (sum(d.seconds for d in b.drafts), b.order), reverse=True)
        for block in options:
            if self.capacity(without=block)[1] >= self.target and self.keeps_the_focus(block):
                self.take_back(block)
                return True
        return False

    def hold_the_focus(self) -> None:
        """A focus area the build and peak work only in a flow is held there, not passed
        through: the flow's poses that work it hold longer than a passing beat
        (PASSING_SECONDS), whatever the fit to the time does, as the quality figure `focus`
        counts a pose held (a five-minute class for the back whose only back work was
        Extended Side Angle, fitted to 20 s in its flow). Yin and restorative hold every
        shape; relaxation is worked anywhere."""
        if self.slow:
            return
        drafts = [
            d for b in self.blocks if b.phase in ("build", "peak") for d in b.drafts if not d.fixed
        ]
        for focus in self.focus:
            if focus in (Focus.FULL_BODY, Focus.RELAXATION):
                continue
            working = [d for d in drafts if self.works(d.card, focus)]
            if any(not d.flow for d in working):
                continue  # a pose held on its own works it
            for draft in working:
                if draft.high > PASSING_SECONDS:
                    draft.low = max(draft.low, min(draft.high, HELD_IN_A_FLOW))
                    draft.hold = max(draft.hold, draft.low)

    def stands(self) -> bool:
        """A standing pose of some effort in the warm-up, build or peak (a salutation too),
        kept from then on (the time fitted later leaves no optional block out that stands)."""
        standing = [
            b
            for b in self.blocks
            if b.phase in ("warm_up", "build", "peak")
            if any(d.card.position == Position.STANDING and d.card.intensity >= 2 for d in b.drafts)
        ]
        if any(not b.optional for b in standing):
            return True
        if standing:
            standing[-1].optional = False
        return bool(standing)

    def keep_the_flow(self) -> None:
        """A vinyasa or power class keeps its one flow on each side (the `flow` figure): the
        time fitted later leaves out other poses before it (a five-minute power class for
        strength, energy and the back lost its High Lunge flow and held Goddess instead)."""
        if not self.flowing:
            return
        flows = [b for b in self.blocks if b.kind == "flow"]
        if len(flows) == 1:
            flows[0].optional = False

    def stands_for_energy(self) -> bool:
        """An energy class (not yin or restorative) of ENERGY_STANDS_FROM_MINUTES stands."""
        energy = Focus.ENERGY in self.choices.focus and not self.slow
        return energy and self.choices.minutes >= ENERGY_STANDS_FROM_MINUTES

    def stand_for_energy(self) -> None:
        """An energy class (not yin or restorative) stands up at least once: a standing build
        pose where nothing else in it stands (a seated peak reached from the floor alone)."""
        if not self.stands_for_energy() or self.stands():
            return
        if not self.room_for(1, keep=3):
            return
        card = self.pick(
            lambda c: (
                c.position == Position.STANDING
                and self.build_fits(c, floor=False, relevant=False)
                and not self.warm_up_shape(c)
                and not self.crowded(c, self.build_neighbours)
            ),
            prefer=lambda c: 0.3 * c.intensity,
        )
        if card is not None:
            self.build_hold(card, floor=False, optional=False)

    def serving_flow(self) -> bool:
        """A flow whose poses work a short area directly (the twists of the lunge stance in a
        back class, where no single pose that works the back is left), kept only if it does
        not dilute the focus. True if one was added."""
        if self.layout == "floor" or not self.side_flow():
            return False
        if self.dilutes(self.blocks[-1]):
            self.take_back(self.blocks[-1])
            return False
        return True

    @staticmethod
    def round_again(card: PoseCard, *, number: int, done: int) -> str:
        """The cue of a focus pose's next round: the second says how this pose is held
        (reasons.HOW), so the second rounds of two poses close together never say the same
        thing; a third round, or a pose without such words, keeps the hold steady in words
        that change from round to round (ROUND_AGAIN)."""
        how = reasons.HOW.get(card.slug)
        if how is None or number > 2:
            return ROUND_AGAIN[done].format(pose=card.name, number=number)
        return f"Round {number}: {card.name}, {how}."

    def focus_round(self, short: list[str], *, lead_in: bool = False) -> bool:
        """One more round of a build pose that works a short area directly, with a short rest
        between (the rest of its PEAK_ROUNDS rule: Child's Pose after a plank, Easy Pose after
        Boat, Crocodile after Locust), where no other shape that works it is left, for an active
        shape only (blind review r11 F5: Sphinx, a passive shape, 3 x 2:00 with rests): a core class
        with Plank and Boat holds each two or three times, as a teacher teaches core work in
        rounds. At most len(ROUND_RESTS) more rounds in a practice, three rounds of a pose.
        `lead_in`: the pose that leads straight into the peak may be done in rounds too (Cobra
        twice before Locust), its last round still last before it. True if one was added."""
        # A round is not another shape, nor another direction.
        short = [
            a for a in short if a != CORE_SHAPES_AREA and not core_directions.is_direction_area(a)
        ]
        done = sum(len(b.drafts) // 2 for b in self.blocks if b.kind == "rounds")
        if not short:
            return False
        if done >= len(ROUND_RESTS) or not self.room_for(2, keep=3):
            return False
        options = []
        cooling = {c.slug for b in self.blocks if b.phase == "cool_down" for c in b.cards}
        for block in self.blocks:
            if block.phase != "build" or block.kind not in ("hold", "rounds"):
                continue
            if len(block.drafts) >= 5 or (self.leads_in(block) and not lead_in):
                continue  # what leads straight into the peak stays last before it
            first = block.drafts[0]
            if first.fixed or not any(self.meets(first.card, area) for area in short):
                continue
            if first.card.effort != Effort.ACTIVE:
                continue  # a passive shape (Sphinx) is held once: rounds rest no effort
            rule = next((r for r in PEAK_ROUNDS if r.shapes(first.card)), None)
            if rule is None and lead_in and self.leads_in(block):
                # A milder pose of the peak's own kind (Cobra before Locust) rests the same
                # way between its sets.
                rule = next((r for r in PEAK_ROUNDS if r.shapes(self.peak)
                             and _of_kind(r, first.card)), None)  # fmt: skip
            if rule is None:
                continue
            # (never in a shape the cool-down holds as its own: `round_rests`)
            rests = [self.card(s) for s in rule.rest if s not in cooling]
            rest = next((card for card in rests if card is not None), None)
            if rest is not None:
                options.append((block, rule, rest))
        if not options:
            return False
        block, rule, rest = max(
            options, key=lambda o: (-len(o[0].drafts), o[0].drafts[0].card.intensity, -o[0].order)
        )
        self.one_more_round(block, rule, rest, done)
        return True

    def one_more_round(self, block: Block, rule, rest: PoseCard, done: int) -> None:
        """The block's pose once more after a short rest in `rest` (its PEAK_ROUNDS `rule`);
        `done`: the rounds the practice has added already."""
        first = block.drafts[0]
        low, high = rest.hold_range(self.style)
        pause = core_holds.rest_seconds(first.card, self.choices.level, rule.rest_seconds)
        pause = max(low, min(high, pause))
        name = first.card.name
        said = ROUND_RESTS[done].format(seconds=pause, rest=rest.name, pose=name)
        block.drafts.append(Draft(rest, "build", Side.BOTH, pause, pause, pause, True, said))
        again = self.draft(
            first.card,
            "build",
            side=first.side,
            cue=self.round_again(first.card, number=len(block.drafts) // 2 + 1, done=done),
        )
        block.drafts.append(again)
        block.kind = "rounds"


def _of_kind(rule, card: PoseCard) -> bool:
    """The pose has the position and category a PEAK_ROUNDS rule is for, whatever its
    intensity."""
    return (not rule.positions or card.position in rule.positions) and (
        not rule.categories or card.category in rule.categories
    )


def _fitted_share(serving: list[Draft], drafts: list[Draft]) -> float:
    """The share `serving` keeps when the fit holds every pose as long as it may: a hold
    capped short (a core hold no longer than a round of the peak) gives way to the others."""
    most = sum(min(d.high, FITTED_MOST) * d.weight for d in drafts) or 1
    return sum(min(d.high, FITTED_MOST) * d.weight for d in serving) / most


# The longest hold the share estimate gives a pose (a minute: what a build hold reaches).
FITTED_MOST = core_holds.FITTED_MOST
