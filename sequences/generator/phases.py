"""The phases of the arc, as the planner fills them: relaxation and centring, the warm-up
joint by joint, the build toward the peak, the counter-pose that answers it and the cool-down
that goes down to the floor and stays there."""

from accounts.models import Avoidance
from poses.models import FLOOR_POSITIONS, Category, Caution, Difficulty, Effort, Kind, Position
from sequences.checks import NOT_THREE_IN_A_ROW, neutralises
from sequences.generator import (
    after_peak,
    arm_counters,
    counter_words,
    plank_counters,
    reasons,
    rests_given,
    settling,
)
from sequences.generator.avoid_shapes import deep_knee_flexion
from sequences.generator.cool_down_descent import CoolDownDescent
from sequences.generator.extension import SpinalExtension
from sequences.generator.fit import allowance
from sequences.generator.flow_rests import is_rest as is_a_rest
from sequences.generator.focus import back_extension
from sequences.generator.grouping import Grouping
from sequences.generator.plan import CLOSE, OPEN, STANCE_OF, UP, Draft, ordered, round5
from sequences.generator.reasons import DOES
from sequences.generator.round_rests import cooled_in_other_shapes
from sequences.generator.shapes import (
    RISE_HEIGHT,
    entered_from,
    family,
    floor_height,
    is_deep_backbend,
    is_hamstring_fold,
    is_rest,
    loads_the_neck_upside_down,
    needs_a_held_backbend,
    on_the_floor,
    peak_needs,
    peak_plane,
    spine_action,
    upright,
    wrist_flexion_balance,
)
from sequences.generator.stillness import savasana_least, seated_closing_most
from sequences.generator.vocabulary import (
    ARM_BALANCE_EXTENSIONS,
    BREATH_SECONDS,
    FOCUS_TARGETS,
    HELD_BACKBENDS,
    LINKING_OR_QUIET,
    LINKING_SLUGS,
    PREPARES,
    QUIET_SLUGS,
    SET_UP_PROPS,
    SHORT_MINUTES,
    SPINE_WARM_UPS,
    WRIST_RELEASES,
    teachers_counters,
)
from sequences.generator.wrist_counter import wrist_release
from sequences.models import Focus, Style
from sequences.steps import PoseCard

# The phases a cool-down pose must not make three of a kind with: a seated fold peak counts
# (a fold peak, then two seated folds, is three in a row).
AFTER_THE_PEAK = ("peak", "counter", "cool_down")
# The build's rank of strength work held on the hands before a peak off the floor: first.
HANDS_FIRST = -1
# How `reasons.standing_warm_up` labels its cue.
STANDING_WARM_UP = "Standing warm-up: "
# Seconds a centring lasts at least (ten fewer in a practice under ten minutes).
CENTRING_LEAST = 60


class Phases(Grouping, SpinalExtension, CoolDownDescent):
    """What each phase of the arc asks for (mixed into `arc.Planner`)."""

    def calm(self) -> bool:
        return self.style in (Style.YIN, Style.RESTORATIVE, Style.GENTLE) or (
            Focus.RELAXATION in self.focus
        )

    def relaxation(self) -> None:
        """Corpse, Side-Lying Savasana when lying on the back is left out, or a body scan for a
        calm practice: one lying relaxation, `stillness.savasana_least` seconds at least; a
        seated meditation (`stillness.seated_closing_most` at most) may close a long calm one."""
        if self.layout == "rise" or (self.short and self.choices.minutes < 8):
            return
        rest = None
        scan = self.card("body-scan")
        if self.calm() and scan is not None and self.choices.minutes >= 30:
            rest = scan if self.rng.random() < 0.4 else None
        for slug in ("corpse", "side-lying-savasana"):
            if rest is None and self.card(slug) is not None:
                rest = self.card(slug)
        rest = rest or self.pick(is_rest)
        if rest is None:
            return
        draft = self.draft(rest, "relaxation")
        # A practice for relaxation gives the final rest a fifth of the time.
        relaxing = Focus.RELAXATION in self.focus and not self.flowing
        share = (0.2 if relaxing else self.shape.relaxation_share) * self.target
        draft.low = max(draft.low, min(draft.high, round5(share * (0.9 if relaxing else 0.6))))
        draft.high = max(draft.low, min(draft.high, round5(share * (1.2 if self.flowing else 1.4))))
        # Three minutes at least from twenty minutes (review r9 #18: Corpse 1:35); the fit
        # takes the time from the rest of the class.
        least = min(rest.hold_range(self.style)[1], savasana_least(self.choices.minutes))
        draft.low = max(draft.low, least)
        draft.high = max(draft.low, min(draft.high, self.end_room()))
        draft.hold = round5(max(draft.low, min(draft.high, share)))
        back_care = Avoidance.BACK_CARE in self.choices.avoid
        draft.describe = lambda d: reasons.relaxation(
            d.card, d.hold, style=self.style, back_care=back_care
        )
        self.add("relaxation", CLOSE, 0, [draft], optional=False)
        meditation = self.card("seated-meditation")
        most = min(seated_closing_most(self.style, self.choices.focus), self.end_room("closing"))
        if (
            self.calm()
            and rest is not scan
            and meditation is not None
            and self.choices.minutes >= 45
            and most >= meditation.hold_range(self.style)[0]
        ):
            closing = self.draft(meditation, "closing", cue=reasons.closing(meditation))
            closing.hold = round5(max(closing.low, min(closing.high, 180, most)))
            closing.high = max(closing.hold, min(closing.high, most))
            self.add("closing", CLOSE, 0, [closing])

    def centring(self, budget: float) -> None:
        """A breathing practice (Ujjayi before a flow), or a quiet seat for a short one; a
        breath again where no quiet seat is left. At least CENTRING_LEAST seconds: the breath
        needs a minute to slow down (a 20 s centring is two breaths)."""
        breathing = [c for c in self.pool if c.kind == Kind.PRANAYAMA and c.intensity <= self.cap]
        card = None
        # An energy class centres on a fuller breath, not a quiet seat (review r6 #12).
        energy = Focus.ENERGY in self.focus and not self.slow
        if budget < 50 and not self.slow and not (energy and breathing):
            card = self.pick(
                lambda c: (
                    c.kind == Kind.ASANA
                    and entered_from(c) in (Position.SEATED, Position.SUPINE)
                    and c.intensity == 1
                    and not c.is_bilateral
                    and not is_rest(c)
                    and Caution.INVERSION not in c.cautions
                ),
                prefer=lambda c: 2.0 * (c.slug in QUIET_SLUGS),
            )
        if card is None and breathing:

            def prefer(card: PoseCard) -> float:
                if self.flowing or energy:
                    return 3.0 * (card.slug == "ujjayi-breath")
                return 1.5 * (card.intensity == 1) - 1.0 * bool(card.cautions)

            card = max(breathing, key=lambda c: self.score(c, prefer(c)))
        if card is None:
            return
        draft = self.draft(
            card, "centring", cue=reasons.centring(card, style=self.style, energy=energy)
        )
        # A few minutes at most: a long practice moves sooner rather than breathing longer.
        longest = 420 if self.slow else 300
        share = 0.1 if self.slow else 0.07
        least = CENTRING_LEAST if self.choices.minutes >= SHORT_MINUTES else CENTRING_LEAST - 10
        draft.low = max(draft.low, min(draft.high, least))
        most = max(draft.low, min(draft.high, longest, round5(max(60, share * self.target))))
        draft.high = most
        draft.hold = round5(max(draft.low, min(most, budget)))
        self.add("centring", OPEN, 0, [draft], optional=False)

    def warm_up(self, budget: float) -> None:
        if self.slow:
            while self.phase_seconds("warm_up") < budget * 0.8 and self.more_slow_warm_up():
                pass
            return
        standing_later = self.layout != "floor"
        share = 0.45 if self.flowing else 0.7
        self.floor_warm_up(budget * share if standing_later else budget)
        if standing_later:
            self.rise()
            self.standing_warm_up(budget - self.phase_seconds("warm_up"))

    def floor_warm_up(self, budget: float) -> None:
        """Joint by joint, then the spine, then what the peak will ask of the body."""
        wrists = self.flowing or Caution.WRIST_LOAD in self.peak.cautions
        joints = (["wrist-circles"] if wrists else []) + ["neck-release", "shoulder-circles"]
        most = 1 if self.choices.minutes < 20 else 2 if self.choices.minutes < 45 else 3
        for index, slug in enumerate(joints[:most]):
            card = self.card(slug)
            if card is None or not self.free(card):
                continue
            loaded = self.loads(card)
            self.hold(card, "warm_up", OPEN, 0.01 * (index + 1), reasons.mobility(card, loaded))
        # Cat-Cow on all fours, else Seated Cat-Cow: the spine moves before it folds or twists.
        spine = self.pick(
            lambda c: c.slug in SPINE_WARM_UPS, prefer=lambda c: 5.0 * (c.slug == "cat-cow")
        )
        if spine is not None:
            self.hold(spine, "warm_up", OPEN, RISE_HEIGHT.get(spine.position, 0) + 0.5,
                      reasons.warm_up(spine, self.peak), optional=False)  # fmt: skip
        extra = 1 if self.choices.minutes < 30 else 2
        while extra and self.phase_seconds("warm_up") < budget * 0.9 and self.more_warm_up():
            extra -= 1

    def floor_warm_up_fits(self, card: PoseCard) -> bool:
        return (
            card.kind == Kind.ASANA
            and on_the_floor(card)
            and card.effort == Effort.ACTIVE
            and card.intensity == 2
            and card.intensity <= self.cap
            and card.difficulty == Difficulty.BEGINNER
            and card.category not in (Category.INVERSION, Category.RESTORATIVE, Category.MOBILITY)
            # twists and backbends only once the spine has moved, on the knees or the belly
            and (
                card.category not in (Category.TWIST, Category.BACKBEND)
                or card.position in (Position.KNEELING, Position.PRONE)
            )
            and card.slug not in LINKING_OR_QUIET
            and not is_deep_backbend(card)
            # hamstring folds wait for a warm spine and legs (the build or the cool-down)
            and not is_hamstring_fold(card)
            and not deep_knee_flexion(card)  # Hero waits for warm legs (avoid_shapes)
            and (self.layout == "floor" or self.common(card) >= 1)
        )

    def more_warm_up(self) -> bool:
        extra = sum(
            1
            for b in self.blocks
            if b.phase == "warm_up"
            and b.kind == "hold"
            and b.cards[0].category != Category.MOBILITY
        )
        if extra >= 2 + self.choices.minutes // 30:
            return False
        card = self.pick(
            lambda c: True,
            prefer=lambda c: 1.0 * self.common(c),
            among=self.among("warm-up", self.floor_warm_up_fits),
        )
        if card is None or not self.room_for(1, keep=4):
            return False
        rank = RISE_HEIGHT.get(card.position, 0) + 0.6 + 0.001 * self.order
        if card.category in (Category.BACKBEND, Category.TWIST):
            rank = max(rank, RISE_HEIGHT[Position.KNEELING] + 0.52)  # the spine moves first
        self.hold(card, "warm_up", OPEN, rank, reasons.warm_up(card, self.peak))
        return True

    def loads(self, card: PoseCard) -> list[str]:
        """Poses later in the practice that will put weight on this joint."""
        areas = set(card.target_areas)
        if "wrists" in areas and self.flowing:
            loaded = [
                name
                for slug, name in (("plank", "Plank"), ("downward-facing-dog", "Down Dog"))
                if self.card(slug) is not None and Caution.WRIST_LOAD in self.card(slug).cautions
            ]
            if loaded:
                return loaded
        # The peak, where it needs or bears weight on this joint (the reason says so).
        return [self.peak.name] if reasons.warms_for(card, self.peak) else []

    def rise(self) -> None:
        """From the knees to the feet through Down Dog, when the wrists allow."""
        dog = self.card("downward-facing-dog")
        if dog is None or dog.intensity > self.cap or not self.free(dog):
            return
        self.hold(dog, "warm_up", OPEN, 9.0, reasons.warm_up(dog, self.peak), optional=False)

    def standing_warm_up(self, budget: float) -> None:
        if self.flowing or (self.style == Style.HATHA and self.choices.minutes >= 45):
            self.sun_salutations(budget)
            if any(b.kind == "sun" for b in self.blocks):
                return
            # No salutation the avoid list leaves (the standing fold and the hands spared):
            # the class still warms up on its feet, in one standing shape of its own.
        card = self.pick(
            lambda c: (
                c.position == Position.STANDING
                and c.intensity == 2
                and c.slug not in LINKING_SLUGS
                and c.slug not in STANCE_OF
                and c.category in (Category.STANDING, Category.HIP_OPENER)
                and not c.cautions
            )
        )
        if card is not None and budget > 20:
            self.hold(card, "warm_up", UP, 0.5, reasons.standing_warm_up(card))

    def more_slow_warm_up(self) -> bool:
        card = self.pick(
            lambda c: (
                c.kind == Kind.ASANA
                and c.intensity == 1
                and on_the_floor(c)
                and c.slug not in QUIET_SLUGS
                and not is_rest(c)
                and not is_deep_backbend(c)
                and Caution.INVERSION not in c.cautions
                # added late, it must not make a third seated fold with the build's first
                and not self.crowded(c, ("warm_up", "build"))
            ),
            prefer=lambda c: (
                1.0 * self.common(c) + 3.0 * (c.position in (Position.SEATED, Position.KNEELING))
            ),
        )
        if card is None or (self.phase_seconds("warm_up") and self.choices.minutes < 45):
            return False
        first = not self.phase_seconds("warm_up")
        self.hold(card, "warm_up", OPEN, 1 + 0.001 * self.order,
                  reasons.slow_warm_up(card, self.peak, style=self.style),
                  optional=not (first and self.needs_warming(self.peak)))  # fmt: skip
        return True

    @staticmethod
    def needs_warming(card: PoseCard) -> bool:
        """Advanced poses and inversions above beginner level never come first or second."""
        return card.difficulty == Difficulty.ADVANCED or (
            Caution.INVERSION in card.cautions and card.difficulty != Difficulty.BEGINNER
        )

    def peak_block(self) -> None:
        peak = self.peak
        draft = self.draft(peak, "peak")
        if self.flowing:
            draft.hold = round5(
                max(draft.low, min(draft.high, (self.breaths + 1) * BREATH_SECONDS))
            )
        draft.describe = lambda d: reasons.peak(
            d.card, self.preparers(), style=self.style, hold=d.hold
        )
        rank = -floor_height(peak) if on_the_floor(peak) else 0
        self.add("peak", self.segment_of(peak), rank, [draft], optional=False)

    @staticmethod
    def counter_shape(card: PoseCard) -> bool:
        """What any counter-pose is, whatever the peak: an asana, no rest, of intensity 2 at
        most (`answers`, `answers_loosely`: below the peak, and never above 2)."""
        return card.kind == Kind.ASANA and not is_rest(card) and card.intensity <= 2

    def answers(self, card: PoseCard) -> bool:
        """The counter-pose a teacher gives after this peak."""
        peak = self.peak
        if (
            card.kind != Kind.ASANA
            or is_rest(card)
            or card.intensity > min(2, max(1, self.cap - 1))
        ):
            return False
        if is_deep_backbend(card) or loads_the_neck_upside_down(card):
            return False
        if self.bends_the_peaks_way(card):
            return False
        if card.slug == "mountain" and card.slug in teachers_counters(peak):
            return self.layout == "arc"  # a short practice closes in Mountain anyway
        if card.slug == "mountain" and peak.category == Category.HIP_OPENER:
            # A short practice that ends standing brings the feet together after a wide
            # standing hip opener in Mountain, a breath or two, rather than a held fold.
            return self.layout == "rise" and upright(peak)
        if card.slug in LINKING_OR_QUIET or card.category == Category.MOBILITY:
            return False
        if Caution.INVERSION in card.cautions:
            return False
        if self.stays_down_after_the_plank:
            return plank_counters.answers_on_the_floor(card)  # review r16 F11
        if self.layout == "rise" and not upright(card):
            return False
        if self.layout != "rise" and not on_the_floor(card) and self.segment_of(peak) == CLOSE:
            return False
        if not self.slow and set(card.props) & SET_UP_PROPS:
            return False  # no fetching a chair or finding a wall in the middle of a class
        if card.slug in teachers_counters(peak):
            return True
        if loads_the_neck_upside_down(peak):
            return card.opens_the_chest
        if peak.category == Category.INVERSION or peak.position == Position.INVERTED:
            return neutralises(card) and on_the_floor(card)
        if peak.category == Category.BACKBEND or is_deep_backbend(peak):
            return neutralises(card)
        if peak.position == Position.ARM_BALANCE:
            return neutralises(card) and card.category in (
                Category.RESTORATIVE,
                Category.FORWARD_FOLD,
            )
        if arm_counters.bears_weight_on_the_arms(peak):
            return arm_counters.answers_weight_on_the_arms(card, peak)  # r11b plan 2
        if counter_words.hamstrings_peak(peak) and self.slack_in_the_pool:
            # Review r11 #1: knees bent, the hamstrings slack, after a fold on the back.
            return counter_words.slackens_the_hamstrings(card)
        if peak.category in (Category.FORWARD_FOLD, Category.CORE):
            return card.opens_the_chest
        if peak.category == Category.TWIST:
            return neutralises(card) and card.category != Category.TWIST
        if peak.category == Category.HIP_OPENER and self.slow:
            # A yin class answers its hip shape with any neutral shape of another kind, never
            # one that opens the hips the peak's way.
            action = reasons.hip_action(peak)
            return (
                neutralises(card)
                and card.category != Category.HIP_OPENER
                and not (action and reasons.hip_action(card) == action)
            )
        if peak.category == Category.HIP_OPENER:
            return reasons.answers_the_hips(card, peak)
        if peak.category == Category.RESTORATIVE and peak_plane(peak) == "forward":
            # A long supported forward bend is answered by a gentle, supported backbend or a
            # neutral rest (review r5 #13: Supported Fish, not Child's Pose).
            return card.opens_the_chest or neutralises(card)
        if peak.category == Category.RESTORATIVE:
            return neutralises(card) or card.category == Category.TWIST
        # Standing poses and balances: a standing fold where the legs worked.
        return (
            card.category == Category.FORWARD_FOLD
            and neutralises(card)
            and (upright(card) or not upright(peak))
        )

    @property
    def stays_down_after_the_plank(self) -> bool:
        """A short class that rises to a plank counters it on the belly and closes seated
        (`plank_counters`)."""
        return self.layout == "rise" and plank_counters.faces_the_floor_on_the_arms(self.peak)

    @property
    def slack_in_the_pool(self) -> bool:
        """A pose that slackens the hamstrings is left to choose."""
        cards = (self.card(slug) for slug in counter_words.SLACKENS_THE_HAMSTRINGS)
        return any(card is not None and self.free(card) for card in cards)

    def counter(self) -> None:
        peak = self.peak
        if self.style == Style.RESTORATIVE and not self.needs_countering(peak):
            return  # a supported rest asks for nothing to undo

        favourites = teachers_counters(peak)
        if counter_words.hamstrings_peak(peak):
            favourites = (counter_words.FIRST,)
        if self.stays_down_after_the_plank:
            favourites = plank_counters.FRONT_FIRST
        hips = peak.category == Category.HIP_OPENER and on_the_floor(peak)

        def prefer(card: PoseCard) -> float:
            same = entered_from(card) == entered_from(peak)
            near = on_the_floor(card) == on_the_floor(peak)
            both_sides = card.is_bilateral and self.choices.minutes <= 15
            favourite = (
                30.0 - 10.0 * favourites.index(card.slug) if card.slug in favourites else 0.0
            )
            # After a hip opener on the floor, the counter stays as high as it can: a seated
            # fold rather than lying down, so the cool-down still has its seated shapes.
            high = 0.8 * floor_height(card) if hips and on_the_floor(card) else 0.0
            # A class that moves on into its cool-down does not lie down to rest first.
            lies = 8.0 * (not self.slow and settling.lying_rest(card))
            return (
                favourite + 3.0 * same + 1.5 * near - 0.5 * card.intensity - 2.0 * both_sides + high
            ) - lies

        # (`answers` and `answers_loosely` fail every pose `counter_shape` fails)
        shapes = self.pool_where(("counter_shape",), self.counter_shape)
        card = self.pick(self.answers, prefer=prefer, among=shapes)
        if card is None and not self.slow and peak.effort == Effort.ACTIVE:
            # An active peak is always answered: a neutral rest where its usual answer is left
            # out (Child's Pose or Knees-to-Chest after Chair when folds are avoided).
            card = self.pick(self.answers_loosely, prefer=prefer, among=shapes)
        if card is None:
            return
        segment = self.segment_of(card)
        if segment == UP and self.segment_of(peak) == CLOSE:
            segment = CLOSE
        rank = -floor_height(card) if segment == CLOSE else 0
        needed = self.needs_countering(peak) or not self.slow
        self.hold(card, "counter", segment, rank, reasons.counter(card, peak), optional=not needed)
        if wrist_flexion_balance(peak) and segment == CLOSE:
            self.release_the_wrists(rank)

    def bends_the_peaks_way(self, card: PoseCard) -> bool:
        """The pose bends the spine the way the peak did (`shapes.peak_plane`): Child's Pose
        after a long forward bend is flexion again, not a counter (review r5 #13)."""
        plane = peak_plane(self.peak)
        return bool(plane) and spine_action(card) == plane

    def answers_loosely(self, card: PoseCard) -> bool:
        """A neutral rest below the peak on its side of the room: a fold, a resting pose,
        Child's Pose or Knees-to-Chest, of another category than the peak."""
        if card.kind != Kind.ASANA or is_rest(card):
            return False
        if card.intensity > min(2, max(1, self.cap - 1)):
            return False  # below the peak
        if card.slug in LINKING_OR_QUIET or Caution.INVERSION in card.cautions:
            return False
        if set(card.props) & SET_UP_PROPS or card.category == self.peak.category:
            return False
        if self.bends_the_peaks_way(card):
            return False
        action = reasons.hip_action(self.peak)
        if action and reasons.hip_action(card) == action:
            return False  # a wide-legged fold after Side Lunge stretches the same again
        if self.layout == "rise" and not upright(card):
            return False
        if self.segment_of(self.peak) == CLOSE and not on_the_floor(card):
            return False
        return neutralises(card) and card.category != Category.TWIST

    def release_the_wrists(self, rank: float) -> None:
        """After an arm balance on bent wrists with the spine rounded (Crow, Firefly): the
        wrists released the other way and the front body opened, before the resting
        counter-pose (more flexion straight after would only add to the peak's)."""
        peak = self.peak
        wrists = next((self.card(s) for s in WRIST_RELEASES if self.card(s) is not None), None)
        if wrists is not None:
            describe = wrist_release(peak)  # flexed: the other way (r19 F2)
            block = self.hold(wrists, "counter", CLOSE, rank - 0.2, describe, optional=False)
            block.drafts[0].cue = describe(block.drafts[0])
        options = [self.card(s) for s in ARM_BALANCE_EXTENSIONS if self.card(s) is not None]
        options = [c for c in options if c.intensity < peak.intensity and on_the_floor(c)]
        extension = next((c for c in options if self.free(c)), options[0] if options else None)
        if extension is not None:
            cue = (
                f"Counter-pose: opens the chest and the front body after {peak.name} rounded them."
            )
            self.hold(extension, "counter", CLOSE, rank - 0.1, cue, optional=False)

    @property
    def build_cap(self) -> int:
        """Build poses stay below a strong peak (level with it up to a moderate one)."""
        return self.cap - 1 if self.cap >= 4 else self.cap

    @property
    def build_neighbours(self) -> tuple[str, ...]:
        """The phases a build pose may make three of a kind with: in yin and restorative
        practice the warm-up's last shapes run straight into the build's first."""
        return ("warm_up", "build", "peak") if self.slow else ("build", "peak")

    def crowded(self, card: PoseCard, phases: tuple[str, ...]) -> bool:
        """Two poses of its kind on the floor already in these phases (two seated twists, two
        seated folds): a third would make three in a row (sequences.checks)."""
        if card.category not in NOT_THREE_IN_A_ROW or card.position not in FLOOR_POSITIONS:
            return False
        kind = (card.category, card.position)
        return (
            sum(
                1
                for block in self.blocks
                if block.phase in phases
                for draft in block.drafts
                if not draft.fixed and (draft.card.category, draft.card.position) == kind
            )
            >= 2
        )

    def build_fits(self, card: PoseCard, *, floor: bool, relevant: bool = True) -> bool:
        if not self.build_shape(card, floor=floor):
            return False
        if self.slow:
            return (
                not self.crowded(card, self.build_neighbours)
                and (card.intensity >= 2 or self.style == Style.RESTORATIVE or not relevant)
                and card.intensity <= self.cap
            )
        if card.intensity > self.build_cap:
            return False
        if relevant and not self.serves(card):
            return False
        if floor:
            return (
                on_the_floor(card)
                and (floor_height(card) >= floor_height(self.peak) or self.backbend_block(card))
                and not self.crowded(card, ("build", "peak"))
                and not self.drops_back(card, self.build_climbed())
            )
        return upright(card) and card.slug not in STANCE_OF

    def build_shape(self, card: PoseCard, *, floor: bool) -> bool:
        """`build_fits`'s tests of the card alone (the style's, not the peak's or the plan's):
        an asana that links or quiets nothing, no rest, deep backbend, inversion or load on
        the neck; on the floor in yin and restorative; else active, of some effort, no arm
        balance, on the side of the room asked (`floor`)."""
        if card.kind != Kind.ASANA or card.slug in LINKING_OR_QUIET:
            return False
        if self.slow:
            return (
                on_the_floor(card)
                and not is_rest(card)
                and not is_deep_backbend(card)
                and not loads_the_neck_upside_down(card)
                and Caution.INVERSION not in card.cautions
            )
        if card.effort != Effort.ACTIVE or card.intensity < 2:
            return False
        if card.category in (Category.MOBILITY, Category.RESTORATIVE, Category.INVERSION):
            return False
        if card.position in (Position.ARM_BALANCE, Position.INVERTED):
            return False
        if is_deep_backbend(card) or loads_the_neck_upside_down(card):
            return False
        return on_the_floor(card) == floor

    def build_pool(self, floor: bool) -> list[PoseCard]:
        """The pool's poses that pass `build_shape`, in pool order: what the build's role
        lists look through (`Planner.pool_where`)."""
        return self.pool_where(("build_shape", floor), lambda c: self.build_shape(c, floor=floor))

    def backbend_block(self, card: PoseCard) -> bool:
        """A back class extends the back in its build on the floor below the peak's height
        (Locust, Cobra and Bridge before Frog: a short backbend block on the belly and the
        back, then up to the knees for the peak), where the build stays on the floor: the
        floor build goes down by height, and only back extension goes below the peak."""
        return Focus.BACK in self.focus and back_extension(card)

    def serves(self, card: PoseCard) -> bool:
        """The pose works a focus area asked for, or prepares the peak (`reasons.prepares`:
        what it really works meets what the peak needs). A whole-body class takes any pose
        that shares a main area with the peak. Review #3, #10, #18: Dolphin in a hips and
        balance class, Humble Warrior in a core class, Bird Dog before Frog served neither."""
        areas = [f for f in self.focus if f != Focus.FULL_BODY]
        if self.warm_up_shape(card) and not reasons.prepares(card, self.peak):
            return False
        if not areas:
            return self.common(card) >= 1
        return any(self.works(card, f) for f in areas) or bool(reasons.prepares(card, self.peak))

    def warm_up_shape(self, card: PoseCard) -> bool:
        """A gentle beginner's shape (Bird Dog, Cat-Cow) in an advanced active class: a warm-up
        there, not a build pose (review r4 #18: Bird Dog before an advanced Frog)."""
        return (
            not self.slow
            and self.choices.level == Difficulty.ADVANCED
            and card.difficulty == Difficulty.BEGINNER
            and card.intensity <= 2
        )

    def prepares(self, card: PoseCard | None) -> bool:
        """The pose may lead into the peak: in the practice's pool, a shape not yet used and
        below the peak, no inversion or rest, on the peak's side of the room (no getting up
        or down for it) and, on the floor, no lower than the peak."""
        if card is None or not self.free(card) or card.slug == self.peak.slug:
            return False
        if not self.slow and (
            card.intensity > self.peak.intensity
            # below a strong peak; level with a gentle one (Bound Angle before Head-to-Knee)
            or (card.intensity == self.peak.intensity and self.peak.intensity > 2)
        ):
            return False
        if Caution.INVERSION in card.cautions or is_rest(card):
            return False
        floor = on_the_floor(card)
        if (self.layout == "rise" and floor) or (self.layout == "floor" and not floor):
            return False
        if (self.segment_of(card) == CLOSE) != (self.segment_of(self.peak) == CLOSE):
            return False
        if needs_a_held_backbend(self.peak) and card.slug in HELD_BACKBENDS:
            return True  # Locust on the belly, then up onto the knees for Camel
        return not (floor and floor_height(card) < floor_height(self.peak))

    def prepare_the_peak(self) -> None:
        """The poses that lead straight into the peak, last in the build: one for each of its
        needs (PEAK_NEEDS: adductors before Frog, a prone extension before Locust, core
        compression and the shoulders behind the knees before Firefly), else those a teacher
        leads in with (PREPARES: Fire Log before Lotus, Dolphin before Forearm Stand), up to
        two."""
        needs = peak_needs(self.peak)
        if needs:
            for number, need in enumerate(needs, start=1):
                card = self.pick(
                    lambda c, need=need: c.slug in need and self.prepares(c),
                    prefer=lambda c, need=need: 3.0 - 0.5 * need.index(c.slug),
                )
                if card is None:
                    continue  # met by a pose of an earlier need (Low Lunge opens both)
                if not self.room_for(1, keep=3):
                    return
                self.build_hold(card, floor=on_the_floor(card), optional=False, last=number)
            return
        added = 0
        for slug in PREPARES.get(self.peak.slug, ()):
            card = self.card(slug)
            if added == 2 or not self.prepares(card):
                continue
            if not self.room_for(1, keep=3):
                return
            self.build_hold(card, floor=on_the_floor(card), optional=False, last=added + 1)
            added += 1

    def build(self, budget: float) -> None:
        if self.slow:
            while self.phase_seconds("build") < budget * 0.85 and self.more_build(floor=True):
                pass
            return
        floor_peak = self.layout == "arc" and on_the_floor(self.peak)
        if self.layout != "floor":
            upright_budget = budget * (0.65 if floor_peak else 1.0)
            if self.flowing:
                self.side_flow(required=True)
            while self.phase_seconds("build") < upright_budget * 0.85:
                if not self.more_build(floor=False):
                    break
        if floor_peak or self.layout == "floor":
            if self.flowing and not any(b.kind == "flow" for b in self.blocks):
                self.side_flow(required=True, floor=True)
            while self.phase_seconds("build") < budget * 0.85:
                if not self.more_build(floor=True):
                    break

    def more_build(self, *, floor: bool) -> bool:
        # Vinyasa and power build in flows; a pose held on its own is the exception there.
        chance = 0.9 if self.flowing else 0.5
        more_flows = self.flows < 1 + self.choices.minutes // (15 if self.flowing else 25)
        # A focus area short of its share gets a pose that works it before another flow of
        # standing poses (review r5 #8, #10: core and arms squeezed out by standing flows).
        short = self.short_of()
        if short and not self.strict and self.focus_round(short):
            return True  # the time short too: the focus pose once more first
        if not floor and more_flows and self.rng.random() < chance and self.side_flow():
            if not self.dilutes(self.blocks[-1]):
                return True
            if not self.strict or self.relaxed:
                # Out of other poses (or in the last tries), the time comes first: the area
                # stays short.
                self.exhausted = set(self.exhausted) | set(self.short_of())
                return True
            self.take_back(self.blocks[-1])  # the flow would leave a focus area short
        singles = sum(1 for b in self.blocks if b.phase == "build" and b.kind == "hold")
        if self.strict and self.flowing and not floor and singles >= 2 + self.choices.minutes // 20:
            return False
        lunges = self.peak.category == Category.HIP_OPENER and "kneeling" not in self.stances
        if floor and lunges and self.rng.random() < 0.5 and self.side_flow(floor=True):
            return True

        def prefer(card: PoseCard) -> float:
            serving = sum(self.meets(card, area) for area in short)
            return 1.5 * self.common(card) + 0.3 * card.intensity + 3.0 * serving

        role = f"build-{floor}"
        card = self.pick(
            lambda c: not self.crowded(c, self.build_neighbours),
            prefer,
            among=self.among(
                role, lambda c: self.build_fits(c, floor=floor), within=self.build_pool(floor)
            ),
        )
        if card is None and not self.strict:
            # Out of poses that serve the focus or the peak, and the time still short: one
            # that shares a main area with the peak (never a warm-up shape, `warm_up_shape`).
            card = self.pick(
                lambda c: not self.crowded(c, self.build_neighbours),
                prefer,
                among=self.among(
                    f"{role}-near",
                    lambda c: (
                        self.build_fits(c, floor=floor, relevant=False)
                        and self.common(c) >= 1
                        and not self.warm_up_shape(c)
                    ),
                    within=self.build_pool(floor),
                ),
            )
        if card is None or not self.room_for(1, keep=3):
            return False
        self.build_hold(card, floor=floor)
        return True

    def build_hold(
        self,
        card: PoseCard,
        *,
        floor: bool,
        optional: bool = True,
        last: int = 0,
        on_the_way_down: bool = False,
    ) -> None:
        """A build pose held on its own. `on_the_way_down`: a floor pose before a peak on the
        hands and feet, last of the standing work and before the poses on the hands (Half
        Boat, then Plank, then Side Plank: down once, review r5 #10)."""
        works_focus = any(self.works(card, f) for f in self.focus if f != Focus.FULL_BODY)
        variant = sum(1 for b in self.blocks if b.phase == "build" and b.kind == "hold")
        focus_areas = tuple(
            area
            for area in card.target_areas
            if any(area in FOCUS_TARGETS.get(f, ()) for f in self.focus if self.works(card, f))
        )
        cue = reasons.build(
            card,
            self.peak,
            focus_words=self.focus_words,
            works_focus=works_focus,
            variant=variant,
            focus_areas=focus_areas,
            slow=self.slow,
            style=self.style,
        )
        if last:
            cue = reasons.leads_into(card, self.peak, last)
        if on_the_way_down:
            segment, rank = UP, 19.5
        elif floor:
            segment, rank = CLOSE, -floor_height(card)
            if last:
                rank = 10 + 0.1 * last  # straight before the peak, after the others there
        else:
            # On hands and feet: the way down after the standing work, or, before a peak off
            # the floor, strength work straight after the warm-up, before the class stands
            # (`stand_after_the_hands`; review r5 #14: standing → Plank → standing).
            on_hands = card.position == Position.HANDS_AND_FEET
            balance = card.category == Category.BALANCE
            rank = card.intensity + (0.5 if balance else 0)
            if on_hands:
                rank = (
                    HANDS_FIRST + 0.1 * card.intensity
                    if self.peak_stands()
                    else 20 + card.intensity
                )
            if last:
                rank = 50 + last  # straight before the peak
            segment = UP
        block = self.hold(card, "build", segment, rank, cue, optional=optional)
        block.leads_in = bool(last)

    def peak_stands(self) -> bool:
        """The peak is off the floor (standing, on the hands, an arm balance)."""
        return self.segment_of(self.peak) == UP

    def stand_after_the_hands(self) -> None:
        """Strength work held on the hands before a peak off the floor (Plank, Side Plank)
        opens the build straight after Down Dog, and the standing warm-up pose follows it as
        the first standing pose of the build: down on the hands once, then up, not standing →
        Plank → standing (review r5 #14). A practice that salutes the sun stands in its
        salutations and comes down to the hands once after them."""
        hands = [
            b
            for b in self.blocks
            if b.phase == "build" and b.segment == UP and b.rank < HANDS_FIRST + 1
        ]
        if not hands:
            return
        for block in self.blocks:
            if block.phase == "warm_up" and block.segment == UP and block.kind == "hold":
                block.phase = "build"
                block.rank = HANDS_FIRST + 0.9
                for draft in block.drafts:
                    draft.phase = "build"
                    # the first standing pose of the build says what it does, not "warm-up"
                    if draft.cue.startswith(STANDING_WARM_UP):
                        said = draft.cue.removeprefix(STANDING_WARM_UP)
                        draft.cue = said[:1].upper() + said[1:]

    def preparers(self) -> list[PoseCard]:
        """The poses that trained what the peak needs, the last ones before it first (in the
        practice's order once it is known): the build's, and a warm-up shape only where it was
        held a minute or more (review r5 #18: not a 20-second Happy Baby)."""
        drafts = self.practice_order or [d for b in self.blocks for d in b.drafts]
        found = [
            draft.card
            for draft in drafts
            if (draft.phase == "build" or (draft.phase == "warm_up" and draft.hold >= 60))
            and not draft.fixed
            and not draft.flow.startswith("Sun Salutation")
            and draft.card.slug not in LINKING_OR_QUIET
            and draft.card.category != Category.MOBILITY
            and draft.card.slug not in DOES
            and len(set(draft.card.target_areas[:3]) & set(self.peak.target_areas[:3])) >= 1
        ]
        return list(dict.fromkeys(reversed(found)))

    def cool_down_shape(self, card: PoseCard) -> bool:
        """`cool_down_fits`'s tests of the card alone: no meditation, rest or quiet pose; a
        breathing practice, or a releasing shape for the style (`releases` less the peak)."""
        if card.kind == Kind.MEDITATION or is_rest(card) or card.slug in QUIET_SLUGS:
            return False
        return card.is_breathing or self.releasing_shape(card)

    def cool_down_pool(self) -> list[PoseCard]:
        """The pool's poses that pass `cool_down_shape`, in pool order (`Planner.pool_where`)."""
        return self.pool_where(("cool_down_shape",), self.cool_down_shape)

    def cool_down_fits(self, card: PoseCard) -> bool:
        if not self.cool_down_shape(card):
            return False
        if not card.is_breathing and card.intensity > self.cap:
            return False  # (`releases`) the cheap test of the last line first
        if self.crowded(card, AFTER_THE_PEAK) or after_peak.wide_again(self, card):
            return False
        counters = (c for b in self.blocks if b.phase == "counter" for c in b.cards)
        if not settling.after_a_lying_rest(card, counters):
            return False  # review r11b plan 2: no work again after a rest lying down
        if card.is_breathing:
            return (
                not self.flowing
                and card.intensity == 1  # a calming breath (not Ujjayi's heat or a held one)
                and self.choices.minutes >= 30
                and Caution.BREATH_RETENTION not in card.cautions
                # one breathing practice in the cool-down, and none if the centring was one
                and not any(
                    b.phase in ("cool_down", "centring") and b.cards[0].is_breathing
                    for b in self.blocks
                )
            )
        if not self.slow and card.category == Category.RESTORATIVE and card.props:
            if self.flowing:
                return False  # a flowing class cools down without bolsters and blocks
            if self.another_supported_shape(card):
                return False
        if on_the_floor(self.peak) and floor_height(card) > max(floor_height(self.peak), 3):
            return False  # down from the peak, not back up onto the knees
        if (card.category == Category.BACKBEND or card.opens_the_chest) and (
            self.peak.category == Category.BACKBEND or is_deep_backbend(self.peak)
        ):
            return False  # the counter-pose took the spine back to neutral: it stays there
        counter = self.counter_card()
        if (
            counter is not None
            and on_the_floor(counter)
            and floor_height(card) > floor_height(counter)
        ):
            return False  # down from the counter-pose, not back up
        if (
            counter is not None
            and on_the_floor(self.peak)
            and floor_height(counter) > floor_height(self.peak)
            and floor_height(card) == floor_height(self.peak)
        ):
            # Up from the peak to the counter-pose (Child's Pose after Locust or a seated
            # fold), then on down: not back to the peak's height (review r5 #2).
            return False
        if on_the_floor(self.peak) and self.up_and_back_down(card):
            return False
        if not self.slow and set(card.props) & SET_UP_PROPS:
            return False
        return (
            self.releases(card)
            and not is_deep_backbend(card)
            and not loads_the_neck_upside_down(card)
        )

    def releases(self, card: PoseCard) -> bool:
        """Releasing, not working: on the floor, gentle, no strength, balance or joint work
        (the cool-down's tests that need nothing of the practice so far)."""
        return self.releasing_shape(card) and card.intensity <= self.cap

    def releasing_shape(self, card: PoseCard) -> bool:
        """`releases` below any peak: the style's ceiling of intensity alone."""
        ceiling = 1 if self.slow and self.style == Style.YIN else 2
        working = (Category.MOBILITY, Category.CORE, Category.STANDING, Category.BALANCE)
        return (
            on_the_floor(card)
            and card.intensity <= ceiling
            and card.category not in working
            and card.slug not in LINKING_SLUGS
        )

    def cool_down(self, budget: float) -> None:
        if self.layout == "rise":
            counter = self.counter_card()
            if counter is None or not on_the_floor(counter) or not self.seated_close():
                self.standing_close()
            return
        least = 0 if self.short or (self.slow and self.choices.minutes < 20) else 1
        least += self.choices.minutes >= 20
        while self.phase_seconds("cool_down") < budget * 0.85 or least > 0:
            if not self.more_cool_down(optional=least <= 0):
                return
            least -= 1

    def more_cool_down(self, *, optional: bool = True) -> bool:
        poses = [b for b in self.blocks if b.phase == "cool_down"]
        most = 2 + self.choices.minutes // 15 + (0 if self.strict else 2) + 2 * self.relaxed
        if not self.slow and len(poses) >= most:
            return False  # a few poses held a while, not a string of short ones
        used = {c.category for b in poses for c in b.cards}

        def prefer(card: PoseCard) -> float:
            passive = 0.5 * (card.effort == Effort.PASSIVE)
            return 1.0 * self.common(card) + 1.0 * (card.category not in used) + passive

        poses = self.among(
            "cool-down",
            lambda c: not c.is_breathing and self.cool_down_fits(c),
            within=self.cool_down_pool(),
        )
        breathing = [
            c for c in self.among("breathing", lambda c: c.is_breathing) if self.cool_down_fits(c)
        ]
        twist = self.room_for_a_twist()  # (the blocks do not change during the pick)
        floor_peak = on_the_floor(self.peak)
        lone_rest = rests_given.only_a_rest_left(self.blocks, self.style, self.choices.minutes)
        card = self.pick(
            lambda c: (
                not self.crowded(c, AFTER_THE_PEAK)
                and (c.category != Category.TWIST or twist)
                # What the cool-down already holds changes from pick to pick; the role list
                # above was worked out at the first.
                and not (floor_peak and self.up_and_back_down(c))
                and not self.another_supported_shape(c)
                and not (lone_rest and is_a_rest(c))
            ),
            prefer,
            among=poses + breathing,
        )
        if card is None or not self.room_for(1):
            return False
        # Down through the heights; at one height the poses that still stretch come before
        # those that only rest.
        rank = -floor_height(card) if not card.is_breathing else -2.5
        rank += 0.3 * (card.effort == Effort.PASSIVE) + 0.001 * self.order
        rank += 0.5 * (card.category == Category.TWIST)  # the twist last, before the rest
        self.hold(card, "cool_down", CLOSE, rank, self.cool_down_words(card), optional=optional)
        return True

    # Twists the cool-down and counter-pose hold at most: two, or one after a build and peak
    # that twisted three times already (review r4: three or four twists and no fold in #4, #5,
    # #9; #5's build had twisted four times).
    COOL_DOWN_TWISTS = 2

    def twists_held(self, phases: tuple[str, ...]) -> int:
        """Held twisting poses in these phases (a Sun Salutation's passing breaths aside)."""
        return sum(
            1
            for b in self.blocks
            if b.phase in phases and b.kind != "sun"
            for card in dict.fromkeys(b.cards)
            if card.category == Category.TWIST
        )

    def room_to_twist(self, card: PoseCard) -> bool:
        """One more twist fits the cool-down: two at most after the peak, one where the build
        and peak already twisted three times."""
        return card.category != Category.TWIST or self.room_for_a_twist()

    def room_for_a_twist(self) -> bool:
        """`room_to_twist` for a twist: worked out once before a pick over many cards."""
        most = self.COOL_DOWN_TWISTS - (self.twists_held(("warm_up", "build", "peak")) >= 3)
        return self.twists_held(("counter", "cool_down")) < most

    def wants_a_fold(self, phases=("build", "peak", "counter", "cool_down")) -> bool:
        """No forward fold recently: none among the last three poses held in these phases (by
        default up to the cool-down so far), so the cool-down folds forward."""
        held = [
            draft.card
            for draft in ordered(self.blocks)
            if draft.phase in phases and not draft.flow.startswith("Sun Salutation")
        ]
        held = list(dict.fromkeys(held))  # one pose once, both sides or flow rounds
        return not any(self.folds_forward(card) for card in held[-3:])

    @staticmethod
    def folds_forward(card: PoseCard) -> bool:
        """A forward fold over the legs, standing or on the floor (not Down Dog or Dolphin, on
        the hands and feet)."""
        return card.category == Category.FORWARD_FOLD and card.position != Position.HANDS_AND_FEET

    def fold_to_close(self) -> None:
        """A forward fold in the cool-down where the class has not folded recently: added if
        the time allows, else in place of an optional cool-down pose that is neither a fold
        nor a twist."""
        if self.slow or not self.wants_a_fold(("build", "peak", "counter")):
            return
        if any(b.phase == "cool_down" and self.folds_forward(b.cards[0]) for b in self.blocks):
            return
        fold = self.pick(
            lambda c: (
                self.folds_forward(c)  # (the cheap test first: a pick over the whole pool)
                and self.cool_down_fits(c)
                and not self.crowded(c, AFTER_THE_PEAK)
            ),
            prefer=lambda c: 1.0 * (c.position == Position.SEATED) + 0.5 * self.common(c),
        )
        if fold is None or not self.room_for(1):
            return
        if not self.fits_one_more(fold):
            spare = [
                b
                for b in self.blocks
                if b.phase == "cool_down"
                and b.optional
                and b.cards[0].category not in (Category.FORWARD_FOLD, Category.TWIST)
            ]
            if not spare:
                return
            out = max(spare, key=lambda b: (b.drafts[0].low, b.order))
            self.blocks.remove(out)
            if not self.fits_one_more(fold):
                self.blocks.append(out)
                return
            self.families.discard(family(out.cards[0]))
        self.cool_down_hold(fold, optional=False)

    def finish_cool_down(self) -> None:
        """Once the whole practice is planned: the cool-down adds no fourth hamstring stretch
        (a pose that works the hamstrings first), and gives the spine a twist where the
        practice had none. A hamstring stretch past the third gives way to another cool-down
        pose, a twist if the practice still lacks one; then the order a teacher would teach
        (`grouping.Grouping.settle_the_order`). A focus worked only in a flow is held there
        (`FocusShare.hold_the_focus`), and its main work keeps its share at the fitted holds
        (`main_work.MainWork.hold_the_main_work`)."""
        self.hold_the_focus()
        if self.layout == "rise":
            self.settle_the_order()
            self.hold_the_main_work()
            return
        after_peak.knees_together_instead(self)  # no Happy Baby after Frog (after_peak.py)
        cool = sorted((b for b in self.blocks if b.phase == "cool_down"), key=lambda b: b.rank)
        earlier = {
            card.slug
            for b in self.blocks
            if b.phase != "cool_down" and b.kind != "sun"
            for card in b.cards
            if reasons.stretches_hamstrings(card)
        }
        allowed = max(0, 3 - len(earlier))
        # One seated fold to close may go past the third, where nothing folded recently.
        closing_fold = self.wants_a_fold(("build", "peak", "counter"))
        for block in cool:
            card = block.cards[0]
            if not reasons.stretches_hamstrings(card) or card.slug in earlier:
                continue
            if allowed:
                allowed -= 1
                continue
            if closing_fold and self.folds_forward(card):
                closing_fold = False
                continue
            self.blocks.remove(block)
            self.families.discard(family(card))
            other = self.pick(
                lambda c: (
                    self.cool_down_fits(c)
                    and not reasons.stretches_hamstrings(c)
                    and self.room_to_twist(c)
                ),
                prefer=lambda c: 3.0 * (c.category == Category.TWIST and not self.twisted()),
            )
            if other is not None and self.fits_one_more(other):
                self.cool_down_hold(other, optional=block.optional)
        cooled_in_other_shapes(self)  # not in a round's rest again (round_rests.py)
        self.fold_to_close()
        if not self.twisted() and self.style != Style.RESTORATIVE and self.room_for(1):
            twist = self.pick(lambda c: self.cool_down_fits(c) and c.category == Category.TWIST)
            if twist is not None and (self.fits_one_more(twist) or self.make_room_for(twist)):
                self.cool_down_hold(twist, optional=False)
        self.extend_the_spine()  # a whole-body class holds a backbend (extension.py)
        self.descend()  # the belly after sitting (cool_down_descent.py)
        self.settle_the_order()
        self.hold_the_main_work()

    def make_room_for(self, card: PoseCard) -> bool:
        """A practice whose long holds leave no room for one more cool-down pose gives up an
        optional pose for it — of the cool-down, else the warm-up, else the build furthest
        from the peak (a yin class of three- to five-minute shapes) — where the rest still
        works every focus area, and the pose fits once held at its shortest (the time between
        the shapes is found later, `_room_to_set_up`); else it stays as it was."""
        order = ("cool_down", "warm_up", "build")
        spare = [
            b for b in self.blocks if b.phase in order and b.optional and self.keeps_the_focus(b)
        ]
        if not spare:
            return False
        block = min(spare, key=lambda b: (order.index(b.phase), b.rank, b.order))
        self.blocks.remove(block)
        low = self.draft(card, "cool_down").low * (2 if card.is_bilateral else 1)
        if self.capacity()[0] + low > self.target:
            self.blocks.append(block)
            return False
        for other in block.cards:
            if not any(other in b.cards for b in self.blocks):
                self.families.discard(family(other))
        return True

    def fits_one_more(self, card: PoseCard) -> bool:
        """Held at its shortest, the pose still leaves the practice within its time."""
        low = self.draft(card, "cool_down").low * (2 if card.is_bilateral else 1)
        # and, in yin and restorative practice, the time set aside between the shapes
        aside = allowance(
            ordered(self.blocks), self.target, style=self.style, pregnant=self.choices.pregnant
        )
        return self.capacity()[0] + low + aside <= 0.95 * self.target

    def twisted(self) -> bool:
        """The practice holds a twist (a Sun Salutation's passing breaths aside)."""
        return any(
            card.category == Category.TWIST
            for b in self.blocks
            if b.kind != "sun"
            for card in b.cards
        )

    def cool_down_hold(self, card: PoseCard, *, optional: bool = True) -> None:
        """A cool-down pose at its height (as `more_cool_down` places it)."""
        rank = -floor_height(card) if not card.is_breathing else -2.5
        rank += 0.3 * (card.effort == Effort.PASSIVE) + 0.001 * self.order
        rank += 0.5 * (card.category == Category.TWIST)
        self.hold(card, "cool_down", CLOSE, rank, self.cool_down_words(card), optional=optional)

    def cool_down_words(self, card: PoseCard):
        variant = sum(1 for b in self.blocks if b.phase == "cool_down")

        def describe(draft: Draft) -> str:
            return reasons.cool_down(card, self.worked_by(card), style=self.style, variant=variant)

        return describe

    def worked_by(self, card: PoseCard) -> PoseCard | None:
        """The peak, where it worked first of all what this pose releases first of all (a
        cool-down names the peak or nothing, never a pose far back up the page)."""
        if card.slug not in DOES and set(card.target_areas[:2]) & set(self.peak.target_areas[:3]):
            return self.peak
        return None

    def another_supported_shape(self, card: PoseCard) -> bool:
        """A second supported shape in an active class's cool-down: one, not a restorative
        class at the end."""
        return (
            not self.slow
            and card.category == Category.RESTORATIVE
            and bool(card.props)
            and any(
                b.phase == "cool_down"
                and b.cards[0].category == Category.RESTORATIVE
                and b.cards[0].props
                for b in self.blocks
            )
        )

    def up_and_back_down(self, card: PoseCard) -> bool:
        """After a floor peak, the cool-down would sit up from the peak's height and lie down
        to it again (Bridge → Seated Side Bend → a supine stretch): one cool-down shape above
        the peak's height and another at it. The final relaxation is not a cool-down shape."""
        peak = floor_height(self.peak)
        heights = {floor_height(b.cards[0]) for b in self.blocks if b.phase == "cool_down"}
        height = floor_height(card)
        if height > peak:
            return peak in heights
        return height == peak and any(h > peak for h in heights)

    def counter_card(self) -> PoseCard | None:
        return next((b.cards[0] for b in self.blocks if b.phase == "counter"), None)

    def seated_close(self) -> bool:
        """After a counter-pose on the floor, a short class closes seated, not standing up
        again (`plank_counters`, review r16 F11)."""
        card = self.card(plank_counters.SEATED_CLOSE)
        if card is None:
            return False
        draft = self.draft(card, "closing", cue=plank_counters.SEATED_CLOSE_CUE)
        draft.hold = round5(max(draft.low, min(draft.high, plank_counters.SEATED_CLOSE_SECONDS)))
        self.add("closing", UP, 99, [draft])
        return True

    def standing_close(self) -> None:
        mountain = self.card("mountain")
        if mountain is not None:
            draft = self.draft(mountain, "closing", cue=reasons.closing(mountain))
            draft.hold = round5(max(draft.low, min(draft.high, 30)))
            self.add("closing", UP, 99, [draft])
