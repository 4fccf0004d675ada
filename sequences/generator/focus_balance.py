"""A whole-body class balanced between its regions, and a flow done again only where it serves
the focus (issue 11, teacher review r9 #8 and #17): a 40-minute "full body" vinyasa class spent
about 17 minutes in standing leg work, its flows done twice, with 35 s of Forearm Plank for the
upper body, core and back; a 70-minute knee-friendly full-body class repeated both bent-knee
standing flows "once more, a breath longer" (10½ minutes more) and had no back-strengthening
pose. Mixed into `arc.Planner` beside `focus.FocusShare`."""

from collections.abc import Iterable

from accounts.models import Avoidance
from poses.models import Category, Caution, Effort
from sequences.generator import core_holds
from sequences.generator.extension import EXTENSION_SPARED
from sequences.generator.plan import CLOSE, Block, Draft, cool_down_held_up_to
from sequences.generator.shapes import body_regions, floor_height, loads_bent_knees
from sequences.generator.vocabulary import FULL_BODY_REGIONS
from sequences.models import Focus
from sequences.steps import PoseCard

# A whole-body class gives no region more than this part of the held time of its build and
# peak (seconds, both sides counted; a pose counts for every region it works), and each region
# at least REGION_LEAST of it (review r9 #8: legs about 70 %, the core 35 s in 40 minutes).
REGION_MOST = 0.65
REGION_LEAST = 0.1
# What the planner aims at, with room for the fit to move the holds afterwards.
REGION_AIM_MOST = 0.6
REGION_AIM_LEAST = 0.12
# The focus areas a flow done again must work directly: energy is served by the heat of any
# flow once more (review r9 #4: "once more, a breath longer builds heat"), relaxation and the
# whole body are not served by a share.
NOT_BY_A_REPEAT = frozenset({Focus.ENERGY, Focus.RELAXATION, Focus.FULL_BODY})
# Declared in `focus_spared` where a flow was done again that does not serve the focus: the
# last refuge of a practice that no focus pose, round or other way can fill to its time.
REPEATED_ANYWAY = "repeat"
# A hatha or gentle class whose poses, each at its longest, leave it at most this part short of
# its time is planned a little short (the fit's transitions and the tolerance take it) rather
# than with a flow that does not serve the focus once more (review r9 #11).
HELD_SHORT_AT_MOST = 0.05

# A back class works the spine in more than one plane (review r9 #13: a yin class for the back
# that bent it forward twice and back once, no side bend, no twist): forward and back bends
# (the sagittal plane), side bends (the frontal plane), twists (the transverse plane), from
# this many minutes, where the poses the choices allow offer a second plane ("back:planes" in
# `focus_spared` where not). Restorative classes rest the spine in supported shapes and are
# not asked.
BACK_PLANES = 2
BACK_PLANES_FROM_MINUTES = 20
BACK_PLANES_SPARED = "back:planes"
# Side bends of the library (no field of a pose says the spine bends sideways).
SIDE_BENDS = frozenset(
    {
        "seated-side-bend",
        "gate",
        "standing-side-bend",
        "chair-side-bend",
        "banana-yin",
        "half-butterfly-side-bend-yin",
    }
)
# Shapes that bend the spine forward or back without being a forward fold or a backbend by
# category (Child's Pose, Cat-Cow, the supported backbends of restorative and yin practice).
SAGITTAL_SHAPES = frozenset(
    {
        "childs-pose",
        "cat-cow",
        "chair-cat-cow",
        "knees-to-chest",
        "butterfly-yin",
        "snail-yin",
        "supported-bridge",
        "supported-fish",
        "supported-seated-forward-bend",
    }
)


def spine_planes(card: PoseCard) -> frozenset[str]:
    """The planes the pose moves the spine in: "sagittal" (a backbend, a forward fold, Child's
    Pose, Cat-Cow, Supported Bridge), "frontal" (a side bend, SIDE_BENDS), "transverse" (a
    twist)."""
    planes = set()
    if card.category in (Category.BACKBEND, Category.FORWARD_FOLD) or card.slug in SAGITTAL_SHAPES:
        planes.add("sagittal")
    if card.slug in SIDE_BENDS:
        planes.add("frontal")
    if card.category == Category.TWIST:
        planes.add("transverse")
    return frozenset(planes)


def region_shares(held: Iterable[tuple[PoseCard, int]], whole: int) -> dict[str, float]:
    """Each FULL_BODY_REGIONS region's share of `whole` seconds: the seconds of the held poses
    (card, seconds) that work it (`shapes.body_regions`)."""
    shares = dict.fromkeys(FULL_BODY_REGIONS, 0.0)
    for card, seconds in held:
        for region in body_regions(card):
            shares[region] += seconds
    return {region: seconds / (whole or 1) for region, seconds in shares.items()}


def unbalanced(shares: dict[str, float], *, most: float, least: float) -> list[str]:
    """What a whole-body class should work more: "region:<name>" for each region under
    `least`, "balance:<name>" for one over `most` (poses that work another region thin it
    out)."""
    return [f"region:{r}" for r, share in shares.items() if share < least] + [
        f"balance:{r}" for r, share in shares.items() if share > most
    ]


def thins_out(card: PoseCard, area: str) -> bool:
    """The pose works a region and not the one `area` ("balance:<name>") is over on."""
    regions = body_regions(card)
    return bool(regions) and area.removeprefix("balance:") not in regions


def spares_by_avoid(cards: Iterable[PoseCard], avoid: Iterable[str]) -> list[str]:
    """The poses of a flow whose load an avoid choice spares the practitioner: bent knees under
    the body's weight (Crescent Lunge, Warrior I, Chair) in a knee-friendly class, the hands
    bearing weight in a wrist-friendly one: done once where the class needs them, never again
    to fill time (review r9 #17)."""
    avoid = set(avoid)
    found = []
    for card in cards:
        knees = Avoidance.KNEE_FRIENDLY in avoid and loads_bent_knees(card)
        wrists = Avoidance.WRIST_FRIENDLY in avoid and Caution.WRIST_LOAD in card.cautions
        if knees or wrists:
            found.append(card.slug)
    return list(dict.fromkeys(found))


class FocusBalance:
    """The regions of a whole-body class in balance and flows repeated only for the focus
    (mixed into `arc.Planner`, after `FocusShare`)."""

    # The flows done again that do not serve the focus (set as the plan goes).
    repeated_anyway: frozenset[str] = frozenset()

    def repeats_anyway(self) -> bool:
        """A flow that does not serve the focus is still done again in the plan."""
        return any(
            b.kind == "again" and b.drafts[0].flow in self.repeated_anyway for b in self.blocks
        )

    def balance_spared(self) -> list[str]:
        """What the practice declares it could not give (`focus.FocusShare.declared_spared`):
        a flow done again anyway, a back class's second plane."""
        spared = [REPEATED_ANYWAY] if self.repeats_anyway() else []
        spared += [EXTENSION_SPARED] if self.extension_spared else []
        spared += self.lighter_spared  # core rounds kept out of the warm-up (warm_block.py)
        return spared + ([BACK_PLANES_SPARED] if self.planes_spared else [])

    # The back class's pool offers no second plane of the spine (set by `serve_planes`).
    planes_spared = False
    # A region over its most once the warm-up's rounds are cut (set by `warm_block.lighter`).
    lighter_spared: list[str] = []

    def planes_asked(self) -> bool:
        return (
            Focus.BACK in self.focus
            and self.style != "restorative"
            and self.choices.minutes >= BACK_PLANES_FROM_MINUTES
        )

    def planes_worked(self) -> set[str]:
        return {
            plane
            for b in self.blocks
            if b.phase in ("warm_up", "build", "peak", "counter", "cool_down")
            for d in b.drafts
            if self.held(d)
            for plane in spine_planes(d.card)
        }

    def serve_planes(self) -> None:
        """A back class that moves its spine in one plane only cools down in another: a twist
        or a side bend where one fits the cool-down (a seated side bend after a yin class of
        folds and Fish); else the plane is declared spared."""
        self.planes_spared = False
        if not self.planes_asked() or len(self.planes_worked()) >= BACK_PLANES:
            return
        worked = self.planes_worked()
        card = self.pick(
            lambda c: (
                bool(spine_planes(c) - worked)
                and self.cool_down_fits(c)
                and not self.crowded(c, ("counter", "cool_down"))
            ),
            prefer=lambda c: 0.5 * (c.effort == Effort.PASSIVE),
        )
        if card is None or not self.room_for(1):
            self.planes_spared = True
            return
        rank = -floor_height(card) + 0.5 * (card.category == Category.TWIST)
        self.hold(card, "cool_down", CLOSE, rank, self.cool_down_words(card), optional=False)

    def region_drafts(self, extra: list[Draft] = ()) -> tuple[list[tuple[PoseCard, int]], int]:
        drafts = [*self._build_and_peak(), *extra]
        whole = sum(d.seconds for d in drafts)
        return [(d.card, d.seconds) for d in drafts if self.held(d)], whole

    def regions_to_serve(self, without: Block | None = None) -> list[str]:
        """The whole-body regions under REGION_AIM_LEAST of the build and peak ("region:<name>")
        and any over REGION_AIM_MOST ("balance:<name>"), as `unbalanced` names them."""
        drafts = self._build_and_peak(without)
        whole = sum(d.seconds for d in drafts)
        if not whole:
            return []
        shares = region_shares([(d.card, d.seconds) for d in drafts if self.held(d)], whole)
        found = unbalanced(shares, most=REGION_AIM_MOST, least=REGION_AIM_LEAST)
        # A core hold capped a round (core_holds) counts at its cap, the others as long as
        # the fit may hold them: a region short so is served, or declared spared.
        level = self.choices.level
        if any(core_holds.round_most(d.card, level) for d in drafts if self.held(d)):
            most = sum(core_holds.fitted_seconds(d) for d in drafts)
            held = [(d.card, core_holds.fitted_seconds(d)) for d in drafts if self.held(d)]
            capped = unbalanced(region_shares(held, most), most=1.0, least=REGION_AIM_LEAST)
            found += [area for area in capped if area not in found]
        return found

    def repeat_serves(self, block: Block) -> bool:
        """A flow is done again only where that serves the focus: not with a pose whose load
        the avoid list spares (`spares_by_avoid`), in a focus class only a flow that works a
        chosen area directly (energy: any), in a whole-body class only where no region ends up
        over REGION_AIM_MOST of the build and peak."""
        if spares_by_avoid([d.card for d in block.drafts], self.choices.avoid):
            return False
        areas = [f for f in self.focus if f not in NOT_BY_A_REPEAT]
        if areas and not any(
            self.held(d) and self.meets(d.card, area) for d in block.drafts for area in areas
        ):
            return False
        if self.regions_asked():
            held, whole = self.region_drafts(block.drafts)
            shares = region_shares(held, whole)
            if any(share > REGION_AIM_MOST for share in shares.values()):
                return False
        return True

    def focus_work(self) -> bool:
        """Where no flow may be done again, the time goes to a build pose that works a chosen
        area (the least worked region of a whole-body class: Locust, Bridge, Bird Dog where
        the back is short), one at a time; True if one was added."""
        if not self.room_for(1, keep=3):
            return False
        areas = [f for f in self.focus if f not in NOT_BY_A_REPEAT]
        if self.regions_asked():
            held, whole = self.region_drafts()
            shares = region_shares(held, whole)
            areas += [f"region:{r}" for r in sorted(shares, key=shares.get)[:2]]
        if not areas:
            return False
        for area in areas:
            for floor in self.build_floors():
                card = self.pick(
                    lambda c, floor=floor, area=area: (
                        self.focus_work_fits(c, area, floor)
                        and not spares_by_avoid([c], self.choices.avoid)
                    ),
                    prefer=lambda c: 0.3 * c.intensity,
                )
                if card is not None:
                    self.build_hold(card, floor=floor)
                    return True
        return self.focus_round([a for a in areas if not a.startswith("region:")])

    def held_class_fills_first(self) -> bool | None:
        """A hatha or gentle class short of time that no focus pose can fill holds its focus
        poses longer first (`longer_focus_holds`), then takes the other lengthenings (a longer
        relaxation and centring, longer holds; `repeat_flow` is queued last), then a second set
        of the focus pose leading into the peak (Cobra, a rest on the belly, Cobra again before
        Locust), then a longer cool-down, then a plan up to HELD_SHORT_AT_MOST short, and
        repeats a flow that does not serve the focus only when none of them is left (review r9
        #11: a gentle back class 5½ minutes short did both standing flows once more). None
        where the flow may be done again now, else whether the practice grew."""
        if self.flowing or self.slow:
            return None
        last = ("repeat_flow", "quiet_fill")  # the quiet fill after the flow, still (quiet_fill)
        if any(name not in last for name in self.lengthenings):
            self.lengthenings = [n for n in self.lengthenings if n not in last] + list(last)
            return self.longer_focus_holds()
        areas = [f for f in self.focus if f not in NOT_BY_A_REPEAT]
        if self.focus_round(areas, lead_in=True) or self.cool_down_held_longer():
            return True
        if self.capacity()[1] >= self.target * (1 - HELD_SHORT_AT_MOST):
            return False  # a little short rather than a flow that serves no focus once more
        return None  # the last refuge: the flow once more (declared REPEATED_ANYWAY)

    def cool_down_held_longer(self) -> bool:
        """The cool-down poses held up to three minutes (a side), within each pose's range:
        where a held class is still short of time, a longer cool-down rather than a flow that
        does not serve the focus once more. True if one may be held longer."""
        return cool_down_held_up_to(self.blocks, self.style, lambda card: 180)

    def longer_focus_holds(self) -> bool:
        """The warm-up and build poses that work a focus area held up to the longest of their
        range (within the hold caps and no longer than a round of the peak: Cobra, Bird Dog,
        Extended Puppy in a back class); True if one may be held longer."""
        areas = [f for f in self.focus if f not in NOT_BY_A_REPEAT]
        grew = False
        for block in self.blocks:
            if block.phase not in ("warm_up", "build"):
                continue
            for draft in block.drafts:
                if draft.fixed or draft.card.is_breathing or self.capped_by_the_rounds(draft):
                    continue
                if not any(self.meets(draft.card, area) for area in areas):
                    continue
                high = max(draft.high, draft.card.hold_range(self.style)[1])
                for applies, seconds in self.caps:
                    if applies(draft.card):
                        high = max(draft.high, min(high, seconds))
                grew |= high > draft.high
                draft.high = high
        if grew:
            self.keep_the_peak_hardest()
        return grew
