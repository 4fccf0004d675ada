"""The arc: the peak first, then what prepares it, what answers it and how the class gets
there and back — in one direction, from the floor up to standing and down again.

The practice is planned as blocks (a held pose, a Sun Salutation round, a flow on both
sides), each in a segment of the room — on the floor before standing up, standing, on the
floor after — so the class comes up once and goes down once (a short practice: once). Poses
are scored by what they share with the peak and the focus, liked poses and a seeded chance,
so the same seed gives the same practice and another seed another one.
"""

import random
from collections.abc import Callable

from accounts.models import Avoidance
from poses.models import Category, Caution, Difficulty, Effort, Kind, Position
from sequences.generator import core_holds, long_quiet, pool_kept, reasons, rest_counter
from sequences.generator.arm_balance_rounds import shed, tries
from sequences.generator.core_directions import CoreDirections
from sequences.generator.fit import FEATURED_BY, SHAPE_PHASES, fitted_highs
from sequences.generator.flow_rounds import another_pose
from sequences.generator.flows import Flows
from sequences.generator.focus import FocusShare
from sequences.generator.focus_balance import FocusBalance
from sequences.generator.linking import Linking, power_rounds
from sequences.generator.main_work import MainWork
from sequences.generator.peak_rounds import wrist_words
from sequences.generator.peak_weight import too_light_to_peak
from sequences.generator.phases import Phases
from sequences.generator.plan import (
    CLOSE,
    MOST_STEPS,
    PHASE_ORDER,
    UP,
    Block,
    Draft,
    cool_down_held_up_to,
    round5,
)
from sequences.generator.power_rests import rounds_rested
from sequences.generator.practice import Choices
from sequences.generator.prep import ENTERED_FROM_POSE, Prep
from sequences.generator.prepare_needs import PrepareEveryNeed
from sequences.generator.quiet_fill import quiet_fill
from sequences.generator.salutation_rounds import salutation_round
from sequences.generator.shapes import (
    family,
    floor_height,
    is_deep_backbend,
    is_rest,
    loads_bent_knees,
    loads_the_neck_upside_down,
    on_the_floor,
    outranks,
    peak_needs,
    quietens,
    settles_as_peak,
    upright,
    works,
    wrist_flexion_balance,
)
from sequences.generator.side_links import links_kept
from sequences.generator.stillness import end_share, seated_closing_most
from sequences.generator.time_fill import (
    MEDITATION_FROM_MINUTES,
    closing_kept,
    longest_cool_down,
)
from sequences.generator.visits import stays_on_the_floor
from sequences.generator.vocabulary import (
    BREATH_SECONDS,
    CLOSING_ONLY,
    FLOWING_STYLES,
    FULL_BODY_PEAKS,
    HOLD_BOUNDS,
    LEVEL_PEAK_INTENSITY,
    NEVER_PEAK,
    PEAK_ROUNDS,
    REST_WORDS,
    SETTLED_PEAK_SECONDS,
    SHORT_FLOW_BREATHS,
    SHORT_MINUTES,
    SLOW_HOLD,
    SLOW_STYLES,
    STYLES,
    YIN_HOLDS,
    YIN_PEAK_HOLDS,
    YIN_SHORT_MINUTES,
    YIN_SPAN_FROM_MINUTES,
    focus_words,
)
from sequences.models import Focus, Side, Style
from sequences.steps import PoseCard

# The kinds of pose a practice with this first focus peaks in.
PEAK_KINDS = {
    Focus.HIPS: lambda c: c.category == Category.HIP_OPENER,
    Focus.BACK: lambda c: c.category in (Category.BACKBEND, Category.TWIST),
    Focus.CORE: lambda c: c.category == Category.CORE or c.position == Position.ARM_BALANCE,
    Focus.FLEXIBILITY: lambda c: c.category in (Category.FORWARD_FOLD, Category.HIP_OPENER),
    Focus.BALANCE: lambda c: c.category == Category.BALANCE,
    Focus.STRENGTH: lambda c: (
        c.category in (Category.CORE, Category.STANDING) or c.position == Position.ARM_BALANCE
    ),
    # A calming fold on the floor, not a Down Dog variation.
    Focus.RELAXATION: lambda c: (
        c.category in (Category.FORWARD_FOLD, Category.RESTORATIVE) and on_the_floor(c)
    ),
    Focus.ENERGY: lambda c: c.category in (Category.BACKBEND, Category.INVERSION),
}

# The ways a teacher fills a practice short of its time, in turn (see `Planner.lengthen`).
LENGTHENINGS = (
    "longer_cool_down_at_last",
    "longer_flows",
    "repeat_flow",
    "another_build_pose",
    "longer_relaxation",
    "longer_centring",
    "closing_meditation",
    "longer_holds",
    "longest_cool_down",
    "counter_as_cool_down",
    "quiet_fill",
    "salutation_round",
    "long_quiet",
)
# The lengthenings done again while they find one more.
AGAIN_WHILE_ONE = (
    "repeat_flow",
    "another_build_pose",
    "salutation_round",
    "quiet_fill",
)
# The longest breathing practice at the centring, in seconds: a calm class (gentle, yin,
# restorative, a relaxation focus) breathes longer before it moves.
CALM_CENTRING = 480
CENTRING = 360
# Yin and restorative practice this long or longer feature the peak, and the shapes of
# these phases stay shorter than it.
FEATURED_FROM_MINUTES = 15
FEATURED_UNDER = ("warm_up", "build", "counter", "cool_down")
# A practice this long or longer may rest as long as a calm one (`most_relaxation`).
LONG_REST_FROM_MINUTES = 75


class Planner(
    Prep,
    PrepareEveryNeed,
    Phases,
    Flows,
    FocusShare,
    FocusBalance,
    Linking,
    MainWork,
    CoreDirections,
):
    """One practice along the arc, planned in blocks (fitted to the time by `fit`)."""

    def __init__(
        self,
        pool: list[PoseCard],
        choices: Choices,
        rng: random.Random,
        *,
        relaxed=False,
        refused: frozenset[str] = frozenset(),
        kept: dict | None = None,
    ):
        self.pool = pool
        self.choices = choices
        # What every attempt at these choices on this pool works out alike (`peak_candidates`),
        # kept by `generate` for its own attempts; past the call, only what the pool and
        # choices alone decide (`pool_where`, `pool_values`: `pool_kept`).
        self.kept = {} if kept is None else kept
        # Peaks (slugs) that could not make a practice of these choices in earlier attempts.
        self.refused = refused
        self.by_slug = {card.slug: card for card in pool}
        self.family_of = {card.slug: family(card) for card in pool}
        focus = [f for f in (choices.focus or ()) if f != Focus.FULL_BODY]
        slow = choices.style in SLOW_STYLES
        # What focus and liking add to a pose's score, worked out once.
        # In pregnancy lying on the back is kept short (Caution.LONG_SUPINE): fewer such poses.
        on_the_side = Caution.LONG_SUPINE in choices.avoid_cautions
        # (the same for every attempt and call with this pool and these choices: `pool_kept`)
        self.bonus = self.pool_values(
            ("bonus",),
            lambda card: (
                1.5 * sum(works(card, f, slow=slow) for f in focus)
                + 1.5 * (card.slug in choices.liked)
                - 2.0 * (on_the_side and card.position == Position.SUPINE)
            ),
        )
        self.shared_with_peak: dict[tuple[str, str], int] = {}
        # Worked out once in this plan (its cards live as long as it): `outranks` by pair of
        # cards, whether the Sun Salutations stay below a peak (`Flows.suns_stay_below`).
        self.outranked: dict[int, dict[int, bool]] = {}
        self.suns_below: dict[tuple, bool] = {}
        self.roles: dict[str, list[PoseCard]] = {}
        self.below: dict[int, tuple] = {}  # `below_the_peak`, per list of cards
        self.rng = rng
        self.style = choices.style
        self.slow = choices.style in SLOW_STYLES
        self.flowing = choices.style in FLOWING_STYLES
        self.target = choices.minutes * 60
        # Caps on holds under the style or an avoid choice (practice.HOLD_CAPS), applied as
        # each step is drafted, so the time the plan can fill is the time the fit will find.
        self.caps = [(cap.applies, cap.seconds) for cap in choices.hold_caps]
        self.featuring = self.slow and choices.minutes >= FEATURED_FROM_MINUTES
        self.short = choices.minutes <= SHORT_MINUTES
        self.focus = choices.focus or (Focus.FULL_BODY,)
        self.focus_words = focus_words(choices.focus)
        self.shape = STYLES[choices.style]
        # Longer flowing practices hold each pose of a flow a breath or two longer; a short
        # one holds five breaths at most, or one round of a power flow is half its time.
        self.breaths = self.shape.breaths + (choices.minutes >= 45) + (choices.minutes >= 75)
        if self.short:
            self.breaths = min(self.breaths, SHORT_FLOW_BREATHS)
        self.families: set[str] = set()
        self.stances: set[str] = set()
        self.blocks: list[Block] = []
        self.cap = 5
        self.peak: PoseCard = None  # chosen first, in plan()
        self.layout = "arc"
        self.order = 0
        self.flows = 0
        self.no_more_flows: set[bool] = set()
        # The flows linking build holds, held by the breath (`Linking.mini_flow`).
        self.mini_flows: set[str] = set()
        # Their steps, each with the longest its hold could have been (`longer_mini_flows`).
        self.mini_flow_room: list[tuple[Draft, int]] = []
        # Their steps, each with the least its hold was given (`keep_the_needs_in_the_flows`),
        # by identity, the step kept beside it: an id alone may be a dropped step's, reused.
        self.linked_lows: dict[int, tuple[Draft, int]] = {}
        self._can_salute: bool | None = None  # worked out once (Flows.can_salute)
        self._sun_cards: list[PoseCard] | None = None  # worked out once (Flows.sun_cards)
        self._sun_facts = None  # and what outranks reads of them (shapes.outrank_facts)
        self._spared: tuple[str, ...] | None = None  # worked out once (FocusShare.spared)
        # Keep to the usual number of poses per phase; let go only if the time needs it.
        self.strict = True
        # Relaxed: a flowing class may cool down longer when it cannot fill the time moving.
        self.relaxed = relaxed
        self.keep_moving = self.flowing and not relaxed
        # What is left to lengthen when the poses cannot fill the time (see `lengthen`).
        self.lengthenings = list(LENGTHENINGS)
        # The drafts in practice order, once planned (the reasons name what came before).
        self.practice_order: list[Draft] = []
        # The shortest the peak may be held, once it is planned (`level_holds`).
        self.peak_least: int | None = None

    # --- choosing ---------------------------------------------------------------------

    def free(self, card: PoseCard) -> bool:
        """A shape not yet in the practice, and never one that outranks the peak (a deeper
        variant of it before it would make the preparation harder than the peak)."""
        if self.peak is not None and self.outranks(card, self.peak):
            return False
        return (self.family_of.get(card.slug) or family(card)) not in self.families

    def outranks(self, card: PoseCard, peak: PoseCard) -> bool:
        """`shapes.outranks`, worked out once per pair of cards in this plan (keyed by the
        cards' identity: a pool may not hold one card per slug)."""
        row = self.outranked.get(id(peak))
        if row is None:
            row = self.outranked[id(peak)] = {}
        found = row.get(id(card))
        if found is None:
            found = row[id(card)] = outranks(card, peak)
        return found

    def works(self, card: PoseCard, focus: str, *, strictly: bool = False) -> bool:
        return works(card, focus, strictly=strictly, slow=self.slow)

    def score(self, card: PoseCard, prefer: float = 0.0) -> float:
        """Focus and liking, a preference of the moment and a seeded chance."""
        bonus = self.bonus.get(card.slug)
        if bonus is None:
            bonus = 1.5 * sum(1 for f in self.focus if f != Focus.FULL_BODY and self.works(card, f))
        return bonus + prefer + 2.0 * self.rng.random()

    def among(
        self,
        role: str,
        fits: Callable[[PoseCard], bool],
        *,
        within: list[PoseCard] | None = None,
    ) -> list[PoseCard]:
        """The poses that fit a role, worked out once (the peak and cap do not change).
        `within`: the pool's poses, in its order, that may fit at all (`fits` fails for the
        others): the same list, looked for among fewer."""
        if role not in self.roles:
            cards = self.pool if within is None else within
            self.roles[role] = [card for card in cards if fits(card)]
        return self.roles[role]

    def pick(
        self,
        fits: Callable[[PoseCard], bool],
        prefer: Callable[[PoseCard], float] = lambda card: 0.0,
        *,
        among: list[PoseCard] | None = None,
    ) -> PoseCard | None:
        """The best-scoring pose of a shape not yet in the practice that fits."""
        best, best_score = None, None
        # `free` written out (the loop runs over hundreds of cards in a large library): the
        # cards below the peak and their shapes are worked out once per list and peak.
        families, score = self.families, self.score
        for card, shape in self.below_the_peak(self.pool if among is None else among):
            if shape in families or not fits(card):
                continue
            value = score(card, prefer(card))
            if best_score is None or value > best_score:
                best, best_score = card, value
        return best

    def below_the_peak(self, cards: list[PoseCard]) -> list[tuple[PoseCard, str]]:
        """The cards that do not outrank the peak (`outranks`; all before it is chosen), each
        with its shape (`family`), in their order: kept per peak for the pool and the role
        lists (`among`), which do not change in a plan (the list kept with them, so its
        identity is not taken by another)."""
        peak = self.peak
        kept = self.below.get(id(cards))
        if kept is not None and kept[0] is cards and kept[1] is peak:
            return kept[2]
        family_of = self.family_of
        found = [
            (card, family_of.get(card.slug) or family(card))
            for card in cards
            if peak is None or not self.outranks(card, peak)
        ]
        if cards is self.pool or any(cards is role for role in self.roles.values()):
            self.below[id(cards)] = (cards, peak, found)
        return found

    def card(self, slug: str) -> PoseCard | None:
        return self.by_slug.get(slug)

    def common(self, card: PoseCard) -> int:
        """How many of its main target areas the pose shares with the peak."""
        key = (self.peak.slug, card.slug)
        found = self.shared_with_peak.get(key)
        if found is None:
            found = len(set(card.target_areas[:3]) & set(self.peak.target_areas))
            self.shared_with_peak[key] = found
        return found

    def step_count(self) -> int:
        return sum(len(block.drafts) for block in self.blocks)

    def room_for(self, steps: int, *, keep: int = 0, closing: bool = False) -> bool:
        """Room for `steps` more, `keep` left over; a step is kept for the seated closing
        a long practice may fill its time with at last (`closing_kept`), and one for each
        vinyasa between flows (`side_links.links_kept`)."""
        kept = (0 if closing else closing_kept(self)) + links_kept(self)
        return self.step_count() + steps + keep + kept <= MOST_STEPS

    # --- holds ------------------------------------------------------------------------

    def draft(
        self,
        card: PoseCard,
        phase: str,
        *,
        side: str = Side.BOTH,
        cue: str = "",
        breaths: int | None = None,
        flow: str = "",
    ) -> Draft:
        """A step at the style's usual hold, within the pose's range (a flow's breaths are
        fixed)."""
        low, high = card.hold_range(self.style)
        if breaths is not None:
            hold = max(low, min(high, breaths * BREATH_SECONDS))
            return Draft(card, phase, side, hold, hold, hold, True, cue, flow)
        if not card.is_breathing and phase in ("warm_up", "build", "peak", "counter"):
            style_low, style_high = HOLD_BOUNDS[self.style]
            if phase == "peak" and not self.slow and self.settles(card):
                # A settled peak may be held as long as its own range allows, so that it is
                # the longest of the practice's stretches (fit: review r5 #9, Frog 1:00).
                style_high = max(style_high, high)
            if max(low, style_low) <= min(high, style_high):
                low, high = max(low, style_low), min(high, style_high)
        elif not card.is_breathing and phase == "cool_down" and not self.slow:
            # Long enough to let go, short enough to stay a cool-down and not a yin class.
            longer = self.choices.minutes >= 60
            high = max(low, min(high, (120 if longer else 90) if card.is_bilateral else 240))
            low = min(high, max(low, 30))
        if not card.is_breathing:
            low, high = self.level_holds(card, phase, low, high)
        featured = self.peak is not None and card is not self.peak and not card.is_breathing
        if self.featuring and featured and phase in FEATURED_UNDER:
            # Yin and restorative feature the peak, held longer than any other shape
            # (fit.fit): no other shape can count on a longer hold than the peak's longest.
            high = max(low, min(high, self.peak.hold_range(self.style)[1] - 5))
        hold = self.nominal(card, phase, low, high)
        if not card.is_breathing and phase not in ("centring", "relaxation", "closing"):
            # The time is met by the poses chosen, not by stretching or cutting holds.
            # A flowing class's cool-down stays short: its time goes to moving.
            stretch = 1.25 if self.keep_moving and phase == "cool_down" else 2
            low, high = (
                max(low, min(hold, round5(hold / 2))),
                min(high, max(hold, round5(stretch * hold))),
            )
        if phase == "peak":
            self.peak_least = low
        return Draft(card, phase, side, hold, low, high, False, cue, flow)

    def level_holds(self, card: PoseCard, phase: str, low: int, high: int) -> tuple[int, int]:
        """The span a held pose may take once the level, the peak and the caps have their
        say, within its range: yin shapes by level (YIN_HOLDS); a peak the body settles into
        a minute at least (SETTLED_PEAK_SECONDS) and no pose of its category before it held
        longer; the choices' caps (practice.HOLD_CAPS: weight on the hands in a gentle class
        or a beginner's hatha class, strong standing poses in a gentle one, pregnancy)."""
        if self.style == Style.YIN and phase in SHAPE_PHASES:
            least = self.yin_span(phase)[0]
            if phase != "peak" and self.peak is not None:
                # Room below the peak where its own range or a cap stops it short of the
                # span, so the fit may hold the peak longest (`fit._feature_the_peak`).
                caps = [c.seconds for c in self.choices.hold_caps if c.applies(self.peak)]
                top = min([self.peak.hold_range(self.style)[1], *caps])
                least = min(least, top - FEATURED_BY)
            low = min(max(low, least), high)
        elif not self.slow and phase == "peak" and self.settles(card):
            low = max(low, min(high, SETTLED_PEAK_SECONDS))
        elif (
            not self.slow
            and phase in ("warm_up", "build")
            and self.peak is not None
            and self.settles(self.peak)
            and card.category == self.peak.category
            and self.peak_least is not None
        ):
            high = max(low, min(high, self.peak_least))
        for cap in self.choices.hold_caps:
            if cap.applies(card):
                high = max(min(low, cap.seconds), min(high, cap.seconds))
                low = min(low, high)
        return low, high

    def yin_span(self, phase: str) -> tuple[int, int]:
        """The seconds a yin shape is held at this level (YIN_HOLDS, YIN_PEAK_HOLDS): the
        least is firm, the most is the usual hold, which only a class whose poses run out
        before its time goes past."""
        level = self.choices.level
        if self.choices.minutes < YIN_SHORT_MINUTES:
            level = Difficulty.BEGINNER
        least, most = (YIN_PEAK_HOLDS if phase == "peak" else YIN_HOLDS)[level]
        if self.choices.minutes < YIN_SPAN_FROM_MINUTES:
            least = 0
        return least, most

    @staticmethod
    def settles(card: PoseCard) -> bool:
        """A shape the body settles into on the floor (`shapes.settles_as_peak`)."""
        return settles_as_peak(card)

    def nominal(self, card: PoseCard, phase: str, low: int, high: int) -> int:
        if self.slow and not card.is_breathing:
            value = SLOW_HOLD[self.style]
            if phase == "peak":
                sides = 2 if card.is_bilateral else 1
                value = min(low + 0.8 * (high - low), 0.3 * self.target / sides)
                if self.style == Style.RESTORATIVE:
                    # the featured pose held longest, within its share of the time
                    value = max(value, min(1.3 * SLOW_HOLD[self.style], 0.3 * self.target / sides))
            if self.style == Style.YIN and phase in SHAPE_PHASES:
                value = min(value, self.yin_span(phase)[1])
        elif self.flowing and phase in ("warm_up", "build", "peak", "counter"):
            value = self.breaths * BREATH_SECONDS
        elif phase == "peak":
            value = max(card.hold, 30) * 1.5  # the peak is held longest
        elif self.style == Style.GENTLE:
            value = max(card.hold * 1.25, 30)
        elif self.style == Style.HATHA and phase == "build":
            value = max(card.hold * 1.5, 45)  # a hatha class stays in a pose eight breaths or so
        elif phase == "cool_down":
            # A minute or two each (a supported pose meant for minutes stays a cool-down).
            value = max(45, min(card.hold, 60 if card.is_bilateral else 120))
        else:
            value = max(card.hold, 30)
        return round5(max(low, min(high, value)))

    # --- blocks -----------------------------------------------------------------------

    def add(
        self,
        phase: str,
        segment: int,
        rank: float,
        drafts: list[Draft],
        *,
        optional: bool = True,
        kind: str = "hold",
    ) -> Block:
        self.order += 1
        block = Block(phase, segment, rank, drafts, optional, kind, self.order)
        self.blocks.append(block)
        for draft in drafts:
            if not draft.fixed:  # a breath in a flow is a passage, not the shape of the practice
                self.families.add(family(draft.card))
                self.say_how_it_is_held(draft)
        return block

    def say_how_it_is_held(self, draft: Draft) -> None:
        """Where a cap shortens the hold (practice.HOLD_CAPS), the cue says how the shorter
        hold is taken (Down Dog with the knees bent), after the reason."""
        words = next(
            (
                cap.words_for(draft.card)
                for cap in self.choices.hold_caps
                if cap.words_for(draft.card) and cap.applies(draft.card)
            ),
            "",
        )
        if not words:
            return
        reason = draft.describe

        def describe(d: Draft) -> str:
            said = reason(d) if reason is not None else d.cue
            return core_holds.said_with(said, words)

        draft.describe = describe

    def teach_in_rounds(self) -> None:
        """A strong hold a teacher teaches in rounds (vocabulary.PEAK_ROUNDS: Locust or Bow, a
        plank, Boat, Crow below the advanced level): the peak becomes short rounds with a rest
        between, each its own step so the player times it (two rounds in a short practice).
        Left as one hold where the practice may not use the rest pose or has no room."""
        if self.slow:
            return
        level = self.choices.level
        rule = next((r for r in PEAK_ROUNDS if r.applies(self.peak, level)), None)
        power = power_rounds(self.peak, self.choices.minutes) if self.style == Style.POWER else None
        rule = rule or power
        if rule is None:
            return
        rest = next((self.card(slug) for slug in rule.rest if self.card(slug) is not None), None)
        if rest is None and power is not None:
            rule = power  # a power peak is taught in rounds, rested as a power class rests
            rest = next((self.card(s) for s in rule.rest if self.card(s) is not None), None)
        count = rule.short_rounds if self.short else rule.rounds
        block = next((b for b in self.blocks if b.phase == "peak"), None)
        if rest is None or block is None or not self.room_for(2 * (count - 1)):
            return
        low, high = self.peak.hold_range(self.style)
        seconds = max(low, min(high, rule.seconds[level]))
        low, high = rest.hold_range(self.style)
        pause = max(low, min(high, rule.rest_seconds))
        planned = (seconds, pause)
        seconds, pause = tries(self.peak, seconds, pause, rest, self.style)  # (r18 F5)
        first = block.drafts[0]
        first.shed = shed(planned, (seconds, pause), count, first.weight)  # for the counter
        reason = first.describe

        def describe(d: Draft) -> str:
            said = reason(d) if reason is not None else d.cue
            half = f" {rule.first}" if rule.first else ""
            return f"Round 1 of {count}, {d.hold} s.{half} {said}"

        first.hold = first.low = first.high = seconds
        first.fixed = True
        first.describe = describe
        drafts = [first]
        for number in range(2, count + 1):
            drafts.append(
                Draft(rest, "peak", Side.BOTH, pause, pause, pause, True,
                      f"Rest {pause} s {wrist_words(self.peak, REST_WORDS[rest.slug])}, "
                      f"then round {number}.")
            )  # fmt: skip
            then = ", then rest." if number == count else "."
            drafts.append(
                Draft(self.peak, "peak", Side.BOTH, seconds, seconds, seconds, True,
                      f"Round {number} of {count}, {seconds} s: {rule.again}{then}")
            )  # fmt: skip
        block.drafts = drafts

    def hold(
        self, card: PoseCard, phase: str, segment: int, rank: float, cue="", **kwargs
    ) -> Block:
        draft = self.draft(card, phase)
        if callable(cue):
            draft.describe = cue
        else:
            draft.cue = cue
        return self.add(phase, segment, rank, [draft], **kwargs)

    def phase_seconds(self, phase: str) -> int:
        return sum(d.hold * d.weight for b in self.blocks if b.phase == phase for d in b.drafts)

    def total(self) -> int:
        return sum(d.hold * d.weight for b in self.blocks for d in b.drafts)

    def segment_of(self, card: PoseCard) -> int:
        if self.layout == "floor":
            return CLOSE
        if self.layout == "rise":
            return UP
        return CLOSE if on_the_floor(card) else UP

    # --- the peak ---------------------------------------------------------------------

    def peakable(self, card: PoseCard) -> bool:
        if card.kind != Kind.ASANA or card.slug in NEVER_PEAK or is_rest(card):
            return False
        if card.category == Category.MOBILITY or too_light_to_peak(card):
            return False
        if self.short and card.slug in ENTERED_FROM_POSE:
            return False  # no room in a few minutes for the pose it is entered from and its needs
        if stays_on_the_floor(self.choices) and not on_the_floor(card):
            return False
        # What the style asks of a peak before what the practice can make of it (the dearer
        # test, `fits_the_choices`, only for the poses the style leaves).
        if self.style == Style.YIN:
            style_fits = card.category != Category.RESTORATIVE
        elif self.style == Style.RESTORATIVE:
            style_fits = Caution.INVERSION not in card.cautions
        elif card.effort != Effort.ACTIVE or card.category == Category.RESTORATIVE:
            style_fits = False
        else:
            style_fits = not (self.short and self.flowing) or upright(card)
        return style_fits and self.fits_the_choices(card)

    def supported_peak(self, card: PoseCard) -> bool:
        """A supported shape a yin class may feature when no unsupported one serves its
        focus: a restorative asana held on a bolster, not a rest, a quiet seat, an inversion
        or the resting shape a counter-pose is (Child's Pose)."""
        return (
            card.kind == Kind.ASANA
            and card.category == Category.RESTORATIVE
            and card.slug not in NEVER_PEAK
            and card.slug != "childs-pose"
            and not too_light_to_peak(card)
            and not is_rest(card)
            and Caution.INVERSION not in card.cautions
            and self.fits_the_choices(card)
        )

    def fits_the_choices(self, card: PoseCard) -> bool:
        """Beyond the tags: an energy class does not top out in a quietening inversion
        (Plough belongs in the closing, after Bridge and Shoulder Stand); a knee-friendly one
        not in bent knees under load (Chair, Goddess); a power class not in a peak whose rounds
        it has no rest for (power_rests); and a peak whose needs (PEAK_NEEDS) the practice
        cannot meet on the peak's side of the room is no peak."""
        if not self.slow and card.slug in CLOSING_ONLY:
            return False
        if Focus.ENERGY in self.focus and quietens(card):
            return False
        if Avoidance.KNEE_FRIENDLY in self.choices.avoid and loads_bent_knees(card):
            return False
        if wrist_flexion_balance(card) and self.layout_for(card) == "rise":
            return False  # it asks for wrists released on the floor after it
        if not rounds_rested(card, self.card, style=self.style, level=self.choices.level,
                             minutes=self.choices.minutes):  # fmt: skip
            return False  # a power peak's rounds with no rest of their level (power_rests)
        if self.saluting(card) and not self.suns_stay_below(card):
            return False  # the practice's own Sun Salutations would outrank it
        return self.can_prepare(card)

    def short_of_a_salutation(self) -> bool:
        """Under ten minutes, or with no salutation the avoid list leaves."""
        return self.choices.minutes < SHORT_MINUTES or not self.can_salute()

    def saluting(self, peak: PoseCard) -> bool:
        """The practice warms up with Sun Salutations for this peak (flowing styles, and a
        hatha class of 45 minutes or more) unless it stays on the floor."""
        return self.layout_for(peak) != "floor" and (
            self.flowing or (self.style == Style.HATHA and self.choices.minutes >= 45)
        )

    def can_prepare(self, peak: PoseCard) -> bool:
        """Each need of the peak (PEAK_NEEDS) has a pose that may lead into it, and each need
        of a real peak (`needs.needs_of`) a pose the build may add for it."""
        needs = peak_needs(peak)
        saved = (self.peak, self.cap, self.layout)
        self.peak, self.cap, self.layout = peak, peak.intensity, self.layout_for(peak)
        try:
            if not all(any(self.prepares(self.card(slug)) for slug in need) for need in needs):
                return False
            # `gives` of each giver: its test of the need worked out once per plan
            # (`givers_of`), its test of the peak here.
            return all(
                any(
                    c.slug != peak.slug and c.intensity < peak.intensity and self.may_give(c)
                    for c in self.givers_of(need)
                )
                for need in self.needs_in_scope()
            )
        finally:
            self.peak, self.cap, self.layout = saved

    def fits_the_time(self, card: PoseCard) -> bool:
        """Its shortest hold (both sides) leaves room for the rest of a short practice."""
        low = card.hold_range(self.style)[0] * (2 if card.is_bilateral else 1)
        if self.slow and self.choices.minutes <= 15 and self.needs_countering(card):
            return False
        return low <= self.target * (0.3 if self.choices.minutes <= 15 else 0.4)

    @staticmethod
    def needs_countering(card: PoseCard) -> bool:
        """The checks ask for a pose after it: a deep backbend, or Shoulder Stand and Plough."""
        return is_deep_backbend(card) or loads_the_neck_upside_down(card)

    def layout_for(self, peak: PoseCard) -> str:
        """ "floor" (no standing), "rise" (a short practice that ends standing) or "arc"."""
        if self.slow or stays_on_the_floor(self.choices):
            return "floor"  # (a short calm class stays on the floor: review r9 #1)
        if self.short:
            return "floor" if on_the_floor(peak) else "rise"
        return "arc"

    def build_floors(self) -> list[bool]:
        """Where build poses may go: standing, and on the floor before a floor peak."""
        if self.layout == "floor":
            return [True]
        floors = [False]
        if self.layout == "arc" and on_the_floor(self.peak):
            floors.append(True)
        return floors

    def coverable(self, peak: PoseCard) -> bool:
        """With this peak, every other focus area can still be worked in the build."""
        saved = (self.peak, self.cap, self.layout)
        self.peak, self.cap, self.layout = peak, peak.intensity, self.layout_for(peak)
        try:
            for focus in self.focus[1:]:
                if focus in (Focus.FULL_BODY, Focus.RELAXATION) or self.works(peak, focus):
                    continue
                if not any(
                    self.works(c, focus) and self.build_fits(c, floor=floor, relevant=False)
                    for floor in self.build_floors()
                    for c in self.pool
                    if c is not peak
                ):
                    return False
            return True
        finally:
            self.peak, self.cap, self.layout = saved

    def peak_candidates(self) -> list[PoseCard]:
        """The pool's poses that may be the peak (`peakable`, `fits_the_time`), asked before
        anything is planned: the same for every attempt at these choices on this pool, so
        worked out once in `self.kept` (a new list each time: the caller may add to it), and
        across calls for this pool and these choices (`pool_kept`: nothing is planned yet)."""
        key = ("peak_candidates", self.relaxed)
        return list(self.pool_where(key, lambda c: self.peakable(c) and self.fits_the_time(c)))

    def pool_where(self, what: tuple, fits: Callable[[PoseCard], bool]) -> list[PoseCard]:
        """The pool's cards that `fits`, in pool order, for a test (named by `what`) of the
        card, the pool and the choices alone, asked before or apart from anything planned:
        worked out once for this call's attempts on this pool (`kept`) and across calls
        (`pool_kept`). The list is shared: never changed."""
        found = self.kept.get(what)
        if found is None:
            found = self.kept[what] = self.pool_key().positions(what, fits)
        return found

    def pool_values(self, what: tuple, of: Callable[[PoseCard], object]) -> dict:
        """{slug: `of(card)`} over the pool, for a value (named by `what`) of the card, the
        pool and the choices alone: kept as `pool_where` keeps its lists. Shared: never
        changed."""
        found = self.kept.get(what)
        if found is None:
            found = self.kept[what] = self.pool_key().values(what, of)
        return found

    def pool_key(self) -> pool_kept.PoolKey:
        key = self.kept.get(pool_kept.PoolKey)
        if key is None:
            key = self.kept[pool_kept.PoolKey] = pool_kept.PoolKey(self.pool, self.choices)
        return key

    def choose_peak(self) -> PoseCard | None:
        """The most intense pose the level allows that works the first focus area (a level
        below it now and then, for variety); the rest of the practice stays below it."""
        primary = self.focus[0]
        if self.style == Style.RESTORATIVE:
            # A supported opening (Supported Fish, Reclined Bound Angle), for the focus if any.
            rests = lambda c: c.category == Category.RESTORATIVE  # noqa: E731
            tiers = [
                lambda c: rests(c) and (primary == Focus.FULL_BODY or self.works(c, primary)),
                rests,
                lambda c: True,
            ]
        elif primary == Focus.FULL_BODY:
            # A plank is strong, but a whole-body class peaks standing, balancing or bending.
            tiers = [
                lambda c: c.category in FULL_BODY_PEAKS and c.category != Category.CORE,
                lambda c: c.category in FULL_BODY_PEAKS,
                lambda c: True,
            ]
        else:
            # A hips class peaks in a hip opener, a back class in a backbend or a twist: the
            # kind of pose the focus is named for first, then any pose that works it.
            kinds = PEAK_KINDS[primary]
            tiers = [
                lambda c: kinds(c) and self.works(c, primary, strictly=True),
                lambda c: kinds(c) and self.works(c, primary),
                lambda c: self.works(c, primary, strictly=True),
                lambda c: self.works(c, primary),
                # Another focus area before a pose that serves none of them.
                lambda c: any(self.works(c, f) for f in self.focus),
                lambda c: True,
            ]
        peakable = self.peak_candidates()
        if any(c.slug not in self.refused for c in peakable):
            peakable = [c for c in peakable if c.slug not in self.refused]
        if self.style == Style.YIN and primary != Focus.FULL_BODY:
            # A focus no unsupported yin shape left can serve (the back in pregnancy: Sphinx
            # and Dragonfly left out) peaks in a supported shape that serves it (a wide
            # Supported Seated Forward Bend), not in a shape that serves none of it (Toe Squat).
            serves = lambda c: any(self.works(c, f) for f in self.focus)  # noqa: E731
            if not any(serves(c) for c in peakable):
                peakable += [
                    c
                    for c in self.pool
                    if self.supported_peak(c) and serves(c) and self.fits_the_time(c)
                ]
        # The kind of pose the focus is named for, unless all of them are gentle where another
        # pose that works the focus is not (a beginner's hips class builds to Goddess rather
        # than to Garland; a short balance class to its hardest balance, unless it flows).
        strongest = max(
            (
                c.intensity
                for c in peakable
                if primary != Focus.FULL_BODY and self.works(c, primary)
            ),
            default=0,
        )
        # An active class climbs to a peak of its level where the focus offers one (an
        # advanced class to Firefly or Wheel rather than Pyramid).
        least = LEVEL_PEAK_INTENSITY[self.choices.level]
        by_level = (
            not self.slow and self.style != Style.GENTLE and Focus.RELAXATION not in self.focus
        )
        candidates, fallback, weaker = [], [], []
        for number, tier in enumerate(tiers):
            found = [c for c in peakable if tier(c)]
            if self.flowing:
                found = [c for c in found if c.intensity >= 3] or found
            candidates = self.keeping_the_core_directions([c for c in found if self.coverable(c)])
            top = max((c.intensity for c in candidates), default=0)
            if (
                number < 2
                and primary != Focus.FULL_BODY
                and self.style != Style.RESTORATIVE
                and (
                    (self.flowing and top < 3)
                    or (
                        (primary not in (Focus.BALANCE, Focus.RELAXATION) or self.target >= 2700)
                        and top < min(strongest, 3)
                    )
                )
            ):
                candidates = []
            if candidates and by_level and all(c.intensity < least for c in candidates):
                weaker, candidates = weaker or candidates, []
            if candidates:
                break
            fallback = fallback or found
        else:
            # No peak for the first focus leaves room for the others: one that works another.
            candidates = (
                weaker
                or [
                    c
                    for c in peakable
                    if self.coverable(c) and any(self.works(c, f) for f in self.focus)
                ]
                or fallback
            )
        if not candidates:
            return None
        top = max(c.intensity for c in candidates)
        lowest = top if self.slow or top <= 3 else top - 1
        if by_level and top >= least:
            lowest = max(lowest, least)

        def prefer(card: PoseCard) -> float:
            opening = (
                1.5 * card.opens_the_chest
                + 0.5 * ("hips" in card.target_areas)
                + 2.0 * (card.category == Category.RESTORATIVE)
            )
            return 1.5 * (card.intensity == top) + (
                opening if self.style == Style.RESTORATIVE else 0
            )

        return max(
            (c for c in candidates if c.intensity >= lowest),
            key=lambda c: self.score(c, prefer(c)),
        )

    # --- the plan ---------------------------------------------------------------------

    def plan(self) -> list[Block] | None:
        peak = self.choose_peak()
        if peak is None:
            return None
        self.peak = peak
        self.spare_the_stretch()
        self.cap = peak.intensity
        self.families.add(family(peak))
        self.layout = self.layout_for(peak)
        self.relaxation()
        main = self.target - self.total()
        shares = self.shape.shares
        self.centring(shares["centring"] * main)
        self.peak_block()
        self.teach_in_rounds()
        # What the peak needs is placed before the counter-pose, the cool-down and the
        # warm-up can use those poses up.
        self.prepare_the_peak()
        self.rehearse_the_arm_balance()
        self.open_the_back_leg()
        self.hold_the_deep_preparations()
        self.counter()
        self.answer_in_proportion()
        self.cool_down(shares["cool_down"] * main * (0.5 if not self.short else 1.0))
        self.warm_up(shares["warm_up"] * main)
        self.build(shares["build"] * main)
        self.rehearse_the_balance()
        self.give_the_build_to_the_peak()
        self.time_the_needs()
        if self.flowing and not any(b.kind == "flow" for b in self.blocks):
            return None
        # A vinyasa or power class that stands salutes the sun first (from ten minutes: a
        # shorter one may be a flow alone).
        saluted = any(b.kind == "sun" for b in self.blocks)
        if self.saluting(peak) and not saluted and not self.short_of_a_salutation():
            return None
        self.serve_focus()
        self.ensure_focus()
        self.serve_planes()
        if not all(self.worked(focus) for focus in self.focus if focus != Focus.FULL_BODY):
            return None
        self.warm_the_wrists()
        self.cue_the_preparations()
        self.keep_the_peak_hardest()
        self.fill_time()
        for _ in range(3):  # the time a capped hold gave back, given again
            if not self.keep_the_peak_hardest():
                break
            self.fill_time()
        for _ in range(3):  # held poses in a row linked into flows; the time they gave back
            if not self.link_the_holds():
                break
            self.keep_the_peak_hardest()  # a linked pose, too, no longer than a round
            self.fill_time()
        if self.capacity()[1] < self.target and self.longer_mini_flows():
            self.keep_the_peak_hardest()
        for _ in range(3):  # a flow the filling did again, no longer than a round either
            if not self.keep_the_peak_hardest():
                break
            self.fill_time()
        self.serve_planes()  # where shrinking to the time left out the one plane's shape
        self.warm_the_wrists()  # where filling the time added the first pose on the hands
        self.give_the_build_to_the_stretch(self.needs_in_scope())
        self.stand_after_the_hands()
        self.down_once()
        return self.blocks

    def worked(self, focus: str, without: Block | None = None) -> bool:
        """A pose works the focus where it counts: relaxation anywhere (the breath, the rest),
        in yin and restorative any held shape, else the build or the peak."""
        phases = ("build", "peak")
        if self.slow or focus == Focus.RELAXATION:
            phases = PHASE_ORDER
        return any(
            self.works(draft.card, focus)
            for block in self.blocks
            if block.phase in phases and block is not without
            for draft in block.drafts
            if not draft.fixed
        )

    def keeps_the_focus(self, block: Block, *, fitted: bool = True) -> bool:
        """Leaving the block out leaves every focus area it works still worked, and no area
        newly short of its share (`FocusShare.short_of`; `fitted`: at the holds the fit may
        give too)."""
        if not all(
            self.worked(focus, without=block) or not self.worked(focus)
            for focus in self.focus
            if focus != Focus.FULL_BODY
        ):
            return False
        if block.phase not in ("build", "peak"):
            return True
        short = self.short_of(fitted=fitted)
        if any(self.meets(d.card, area) for d in block.drafts for area in short):
            return False  # it serves an area already short of its share
        return set(self.short_of(without=block, fitted=fitted)) <= set(short)

    def ensure_focus(self) -> None:
        """Each focus area gets a pose that works it."""
        for focus in self.focus:
            if focus == Focus.FULL_BODY or self.worked(focus):
                continue
            if focus == Focus.RELAXATION:
                card = self.pick(
                    lambda c: self.cool_down_fits(c) and self.works(c, Focus.RELAXATION)
                )
                if card is not None and self.room_for(1):
                    rank = -floor_height(card) if not card.is_breathing else -2.5
                    self.hold(card, "cool_down", CLOSE, rank, self.cool_down_words(card),
                              optional=False)  # fmt: skip
                continue
            for floor in self.build_floors():
                card = self.pick(
                    lambda c, floor=floor, focus=focus: (
                        self.build_fits(c, floor=floor, relevant=False) and self.works(c, focus)
                    )
                )
                if card is not None and self.room_for(1):
                    self.build_hold(card, floor=floor, optional=False)
                    break

    # --- the time ---------------------------------------------------------------------

    def capacity(self, without: Block | None = None) -> tuple[int, int]:
        """The shortest and longest the practice can be with its holds within their ranges."""
        drafts = [d for b in self.blocks if b is not without for d in b.drafts]
        highs = fitted_highs(drafts, style=self.style)  # as the fit will allow
        shortest = sum(d.weight * d.low for d in drafts)
        longest = sum(d.weight * high for d, high in zip(drafts, highs, strict=True))
        return shortest, longest

    def fill_time(self) -> None:
        """More poses while the practice cannot reach the time, or only by stretching holds;
        fewer while it cannot be short enough, or only by cutting them short."""
        for strict in (True, False):
            self.strict = strict
            if not strict:
                self.longer_cool_down()
                self.longer_flows()
                self.keep_the_peak_hardest()  # a longer flow stays below the peak's round
            exhausted: set[str] = set()
            for _ in range(60):
                longest = self.capacity()[1]
                # A flowing class fills its time with movement, not by stretching the rest.
                enough = 0.97 if self.keep_moving else 0.92
                if longest >= self.target and self.total() >= self.target * enough:
                    break
                for phase in self.hungriest():
                    if phase in exhausted:
                        continue
                    if self.grow(phase):
                        # A pose or flow added holds no longer than a round of the peak.
                        self.keep_the_peak_hardest()
                        break
                    exhausted.add(phase)
                else:
                    break
            if self.capacity()[1] >= self.target:
                break
        self.strict = True
        # What filled the time may have diluted a focus area's share: poses that work it,
        # then the shrinking below leaves out what serves it least.
        self.serve_focus()
        for _ in range(60):
            shortest = self.capacity()[0]
            if shortest <= self.target and self.total() <= self.target * 1.08:
                break
            if not self.shrink():
                break

    def longer_cool_down(self, *, at_last: bool = False) -> bool:
        """A long practice short of time holds its cool-down poses longer (up to three minutes
        a side, within each pose's range) before it adds more of them; a flowing class only
        at last, once planned, and its cool-down stays a cool-down (1:30 a side at most;
        fit.time_shares holds its share of the time). True if one may."""
        moving = self.keep_moving
        if self.slow or (moving and not at_last):
            return False
        if self.choices.minutes < (45 if moving else 60):
            return False
        return cool_down_held_up_to(
            self.blocks,
            self.style,
            lambda card: (90 if card.is_bilateral else 150) if moving else 180,
            fixed_too=True,
        )

    def longer_cool_down_at_last(self) -> bool:
        return self.longer_cool_down(at_last=True)

    def longest_cool_down(self) -> bool:
        """The last way a long practice fills its time, every other spent: its cool-down
        held as long as each pose's range allows (`time_fill.LONGEST_COOL_DOWN`)."""
        return longest_cool_down(self)

    def counter_as_cool_down(self) -> bool:
        """A lying counter-pose with no cool-down after it held as a cool-down pose
        (`rest_counter`)."""
        return rest_counter.rest_longer(self)

    def salutation_round(self) -> bool:
        """More flow where the steps allow: Sun Salutation A again (`salutation_rounds`, review
        r16 F7)."""
        return salutation_round(self)

    def long_quiet(self) -> bool:
        """At last, a long restricted class breathes and rests longer (`long_quiet`)."""
        return long_quiet.longer_breathing(self) | long_quiet.longer_quiet_shapes(self)

    def quiet_fill(self) -> bool:
        """Near the last: a few quiet floor poses more (`quiet_fill`, review r12 F13), before
        more flow (`salutation_round`)."""
        return quiet_fill(self)

    def longer_flows(self) -> bool:
        """A flowing practice short of time holds each pose of its flows up to two breaths
        longer (the linking movements stay one breath); True if one may."""
        if not self.flowing:
            return False
        areas = self.share_areas()
        grew = self._longer_flows(areas)
        if areas and not grew:
            # Only flows that do not work the focus are left to lengthen: the time first,
            # the focus areas then short of their share (FocusShare.exhausted).
            grew = self._longer_flows([])
            self.exhausted = set(self.exhausted) | set(areas)
        return grew

    def _longer_flows(self, areas: list[str]) -> bool:
        """The flows working one of `areas` (every flow if none) held longer."""
        grew = False
        for block in self.blocks:
            if block.phase != "build" or block.kind not in ("flow", "again"):
                continue
            if areas and not any(self.meets(d.card, a) for d in block.drafts for a in areas):
                continue  # longer standing flows would thin out the focus's share
            if block.drafts[0].flow in self.mini_flows:
                continue  # linked holds stay at their few breaths (linking.MINI_FLOW_BREATHS)
            for draft in block.drafts:
                if self.capped_by_the_rounds(draft):
                    continue  # no longer than a round of the peak (`keep_the_peak_hardest`)
                if draft.fixed and draft.card.is_bilateral:
                    top = draft.card.hold_range(self.style)[1]
                    draft.fixed = False
                    draft.low = draft.hold
                    draft.high = max(draft.hold, min(top, draft.hold + 2 * BREATH_SECONDS))
                    grew |= draft.high > draft.hold
        return grew

    def lengthen(self) -> bool:
        """The next way a teacher fills a practice that its poses, each at its longest, still
        leave short of its time (LENGTHENINGS, in turn): longer cool-down holds, a breath or
        two more in each flow, a flow once more on each side, a longer final relaxation, a
        longer breathing practice at the centring, a short seated meditation to close, longer
        warm-up and build holds. Each stays within its pose's range; never a second lying
        relaxation (`stillness`: one Savasana, the body scan's words inside it); False when
        none is left."""
        while self.lengthenings:
            name = self.lengthenings.pop(0)
            if getattr(self, name)():
                if name in AGAIN_WHILE_ONE:
                    self.lengthenings.insert(0, name)  # once more, while there is one
                self.keep_the_peak_hardest()  # a longer hold stays below the peak's round
                return True
        return False

    def another_build_pose(self) -> bool:
        """One more build pose where no flow is done again (`flow_rounds.another_pose`)."""
        return another_pose(self)

    def longer_holds(self) -> bool:
        """A hatha or gentle class holds its warm-up and build poses longer, up to the style's
        longest hold (HOLD_BOUNDS) within each pose's range and caps (a gentle class's strong
        standing poses stay half a minute). A flowing class, which fills its time moving,
        does so only at last, its flows and salutations still a breath a movement (review r10
        #9: a 90-minute vinyasa class at 82:50, its poses and steps all used)."""
        if self.slow:
            return False
        grew = False
        for block in self.blocks:
            if block.phase not in ("warm_up", "build"):
                continue
            for draft in block.drafts:
                if draft.fixed or draft.card.is_breathing:
                    continue
                low, top = draft.card.hold_range(self.style)
                longest = max(HOLD_BOUNDS[self.style][1], low)
                high = max(draft.high, min(top, longest, 2 * draft.high))
                for applies, seconds in self.caps:
                    if applies(draft.card):
                        high = max(draft.high, min(high, seconds))
                grew |= high > draft.high
                draft.high = high
        return grew

    def _longer(self, phase: str, most: int) -> bool:
        """The steps of a phase may hold up to `most` seconds, within their ranges."""
        grew = False
        for block in self.blocks:
            if block.phase != phase:
                continue
            for draft in block.drafts:
                high = max(draft.high, min(draft.card.hold_range(self.style)[1], round5(most)))
                grew |= high > draft.high
                draft.high = high
        return grew

    def longer_relaxation(self) -> bool:
        """The final relaxation as long as `most_relaxation` and its pose allow (Corpse Pose:
        ten minutes)."""
        return self._longer("relaxation", self.most_relaxation())

    def most_relaxation(self) -> int:
        """Seconds of final relaxation a teacher gives at most when the time needs filling: a
        sixth of a calm or a long practice (fifteen minutes in ninety), else an eighth."""
        long = self.choices.minutes >= LONG_REST_FROM_MINUTES
        return min(round5(self.target / (6 if self.calm() or long else 8)), self.end_room())

    def end_room(self, phase: str = "relaxation") -> int:
        """Seconds the final relaxation (or the seated closing: `phase`) may take at most: what
        `stillness.end_share` of the class leaves once the other is at its longest."""
        other = "closing" if phase == "relaxation" else "relaxation"
        taken = sum(d.high * d.weight for b in self.blocks if b.phase == other for d in b.drafts)
        return 5 * int((end_share(self.style, self.choices.focus) * self.target - taken) // 5)

    def longer_centring(self) -> bool:
        """The breathing practice at the centring up to a tenth of the practice: eight minutes
        at most in a calm one, six in another."""
        longest = CALM_CENTRING if self.calm() else CENTRING
        return self._longer("centring", min(longest, self.target / 10))

    def closing_meditation(self) -> bool:
        """A practice of half an hour or more closes with a seated meditation (none after a
        body scan), up to a tenth of its time and `stillness.seated_closing_most` (four
        minutes in an active class, five in a calm one: review r9 #9)."""
        if self.layout == "rise" or self.choices.minutes < MEDITATION_FROM_MINUTES:
            return False
        most = min(seated_closing_most(self.style, self.choices.focus), max(180, self.target / 10))
        most = min(most, self.end_room("closing"))
        if any(b.phase == "closing" for b in self.blocks):
            return self._longer("closing", most)
        meditation = self.card("seated-meditation")
        scan = any(
            d.card.is_breathing for b in self.blocks if b.phase == "relaxation" for d in b.drafts
        )
        if meditation is None or scan or not self.room_for(1, closing=True):
            return False
        if most < meditation.hold_range(self.style)[0]:
            return False  # the stillness at the end has its share already
        closing = self.draft(meditation, "closing", cue=reasons.closing(meditation))
        most = 5 * int(most // 5)
        closing.hold = max(closing.low, min(closing.high, 180, most))
        closing.high = max(closing.hold, min(closing.high, most))
        self.add("closing", CLOSE, 0, [closing])
        return True

    def hungriest(self) -> list[str]:
        """The phases furthest below their share of the time, hungriest first."""
        main = self.target * (1 - self.shape.relaxation_share)
        shares = self.shape.shares
        phases = [p for p in ("cool_down", "build", "warm_up") if shares[p] > 0]
        return sorted(phases, key=lambda p: self.phase_seconds(p) / (shares[p] * main))

    def grow(self, phase: str) -> bool:
        if phase == "cool_down":
            if self.keep_moving and self.phase_seconds("cool_down") >= 0.15 * self.target:
                # A flowing class short of time moves longer rather than cooling down longer.
                return not self.strict and self.repeat_flow()
            return self.layout != "rise" and self.more_cool_down()
        if phase == "build":
            if self.slow:
                return self.more_build(floor=True)
            floor_peak = self.layout == "arc" and on_the_floor(self.peak)
            if self.layout != "floor" and self.more_build(floor=False):
                return True
            if (floor_peak or self.layout == "floor") and self.more_build(floor=True):
                return True
            # Out of new shapes: a flow a second time (the time is met by repeating poses).
            return not self.strict and self.repeat_flow()
        if self.slow:
            return self.more_slow_warm_up()
        if self.layout != "floor" and (
            self.flowing or (self.style == Style.HATHA and self.choices.minutes >= 45)
        ):
            rounds = sum(1 for b in self.blocks if b.kind == "sun")
            if rounds < self.most_sun_rounds():
                self.sun_salutations(1)
                if sum(1 for b in self.blocks if b.kind == "sun") > rounds:
                    return True
        return self.more_warm_up()

    def shrink(self) -> bool:
        """Leave out the optional block of the phase furthest over its share, as long as the
        practice can still last the time."""
        candidates = [
            b
            for b in self.blocks
            if b.optional and self.capacity(without=b)[1] >= self.target and self.keeps_the_focus(b)
        ]
        if not candidates:
            return False
        main = self.target * (1 - self.shape.relaxation_share)
        shares = self.shape.shares

        def excess(block: Block) -> float:
            share = shares.get(block.phase) or 0.05
            return self.phase_seconds(block.phase) / (share * main)

        self.take_back(max(candidates, key=lambda b: (excess(b), b.order)))
        return True
