"""The peak prepared the way a teacher prepares it, and answered in proportion (teacher review
r7): the wrists warmed in the warm-up of any practice that loads the hands; an advanced arm
balance rehearsed in its own shape before it; a deep stretch's key preparations held long
enough to open (and, in a short practice, the build's time given to them first); the
counter-poses as many as the peak's time asks, none loading what an earlier one released.

`Prep` is a part of the `arc.Planner`: each method is one pass over the planned blocks."""

import re

from poses.models import Caution
from sequences.generator import reasons
from sequences.generator.flow_breaths import held_to_breaths
from sequences.generator.plan import OPEN
from sequences.generator.shapes import on_the_floor
from sequences.generator.versions import versions_for
from sequences.generator.visits import spares_the_wrists
from sequences.generator.vocabulary import (
    LUNGE_OPENERS,
    LUNGE_PEAKS,
    SHORT_MINUTES,
    WRIST_RELEASES,
)

# Poses that loosen the wrists in a warm-up.
WRIST_WARM_UPS = ("wrist-circles",)
# A pose that loads the hands in extension enough to ask for warm wrists first: weight on the
# hands at intensity 3 or more (Plank, Chaturanga, Down Dog, Upward Dog, an arm balance);
# Cat-Cow and Tabletop on the knees are themselves the gentle warm-up.
WRIST_LOAD_FROM = 3

# The shape each advanced arm balance is rehearsed in before it: an easier arm balance, or
# the same shape with the feet down (Garland with the shoulders behind the knees for
# Firefly; Revolved Chair's hooked elbow for Side Crow).
REHEARSALS = {
    "firefly": ("garland", "crow"),
    "side-crow": ("crow", "revolved-chair", "twisted-crescent-lunge"),
    "crow": ("garland",),
}
# From this many minutes a practice has room to rehearse its arm balance.
REHEARSED_FROM_MINUTES = 20
# What a preparation is cued to do where a teacher teaches it as the peak's rehearsal or
# readies the peak's actions with it (peak, pose): words true of both.
PREP_CUES = {
    ("firefly", "garland"): (
        "Garland, hands flat on the mat, then lean forward between the knees: the squat "
        "{peak} lifts from, rehearsed with the heels down, the hips and ankles open."
    ),
    ("firefly", "crow"): (
        "Crow, a few breaths: an easier arm balance before {peak}, the wrists, arms and core awake."
    ),
    ("crow", "garland"): (
        "Garland, hands down in front, knees wide: the squat {peak} lifts from, rehearsed with "
        "the heels down, the hips and ankles open."
    ),
    ("side-crow", "crow"): (
        "Crow, a few breaths: an easier arm balance before {peak}, the wrists, arms and core awake."
    ),
    ("side-crow", "twisted-crescent-lunge"): (
        "Twisted Crescent Lunge, elbow hooked outside the front knee: the twist of {peak} "
        "rehearsed standing, the spine turning."
    ),
    ("side-crow", "revolved-chair"): (
        "Revolved Chair, elbow hooked outside the knee, knees level: the twist of {peak} "
        "rehearsed standing, the spine turning."
    ),
    ("upward-plank", "bridge"): (
        "Bridge, hands clasped under the back, the chest rolling open: the glutes lift as "
        "they will in {peak}, with no weight on the hands."
    ),
    ("upward-plank", "locust"): (
        "Locust, hands clasped behind, knuckles reaching to the heels: the upper back lifts "
        "and opens, as {peak} asks."
    ),
    ("full-splits", "low-lunge"): (
        "Low Lunge, back knee on a blanket, hips sinking; reach back for the back foot if it "
        "is easy: the front of the hip and the quadriceps lengthen for {peak}."
    ),
    ("full-splits", "lizard"): (
        "Lizard, both hands inside the front foot, hips low, back knee down if needed: the "
        "hips open deeper toward {peak}."
    ),
    ("full-splits", "half-splits"): (
        "Half Splits, hips back over the knee, front leg long, hands on blocks: the "
        "hamstrings lengthen for {peak}."
    ),
}
PREP_CUES |= {
    ("wild-thing", "high-lunge"): (
        "High Lunge, reaching up, lifting through the heart into a gentle arch: the backbend "
        "{peak} opens into, begun standing."
    ),
    ("wild-thing", "low-lunge"): (
        "Low Lunge, back knee on a blanket, arms up, the chest lifting: the front of the hips "
        "and the chest open for {peak}'s backbend."
    ),
    ("wild-thing", "side-plank"): (
        "Side Plank, hand under the shoulder, the body one long line, each side: the shape {peak} "
        "steps out of, the arms and core awake."
    ),
}
# Half Splits grows out of the kneeling lunge (review r14 F1, the teacher's words).
PREP_CUES[("half-splits", "low-lunge")] = (
    "Low Lunge, back knee down on a blanket, hands on blocks, hips ease forward: the front of "
    "the back hip softens, the lunge {peak} starts from."
)
# Before a lunge peak the kneeling lunge opens the back leg's hip flexor; then the back knee
# lifts and the class rises into the peak.
PREP_CUES |= {
    (peak, "low-lunge"): (
        "Low Lunge, back knee on a blanket, hips sinking forward: the front of the back hip "
        "opens before {peak}; then tuck the back toes and lift the knee."
    )
    for peak in LUNGE_PEAKS
}
# What a deep stretch needs long, and the poses that contract it hard: not among the last
# poses before the peak (teacher review r8 #18: Half Boat, the hip flexors contracted,
# straight before the lunges and Monkey).
SHORTENS = {"full-splits": ("boat", "half-boat")}
# A peak entered from another pose, and the poses it is entered from: that pose shortly
# before it (teacher review r8 #4: Side Plank 25 minutes before Wild Thing).
ENTERED_FROM_POSE = {
    "wild-thing": ("side-plank",),
    "side-crow": ("crow", "revolved-chair", "twisted-crescent-lunge"),
    "full-splits": ("half-splits",),
}
# Peaks of deep flexibility: their key preparations are held at least DEEP_PREP_SECONDS (per
# side) so the tissue has time to open, and in a short practice the build's time goes to them
# first.
DEEP_FLEXIBILITY_PEAKS = frozenset({"full-splits", "frog", "lotus"})
DEEP_PREP_SECONDS = 45
# A practice shorter than this gives its build to the peak's needs before anything else.
SHORT_BUILD_MINUTES = 30
# Counter-poses in proportion to the peak's time: at most this many after a peak held less
# than PROPORTION_SECONDS in all (its rounds counted), one more after a longer one.
FEWEST_COUNTERS = 2
PROPORTION_SECONDS = 90


def loads_the_wrists(card) -> bool:
    """Weight on the hands in extension, strong enough to warm the wrists for first."""
    return Caution.WRIST_LOAD in card.cautions and card.intensity >= WRIST_LOAD_FROM


def rehearses(card, peak) -> bool:
    """The pose rehearses this arm balance: its rehearsal shape, or an easier arm balance."""
    if card.slug in REHEARSALS.get(peak.slug, ()):
        return True
    return card.position == peak.position and card.intensity < peak.intensity


def most_counters(peak_seconds: int) -> int:
    return FEWEST_COUNTERS if peak_seconds < PROPORTION_SECONDS else FEWEST_COUNTERS + 1


class Prep:
    """Passes of the planner that prepare the peak as a teacher does (see the module)."""

    def cue_the_preparations(self) -> None:
        """The poses held in the build that rehearse the peak or ready its actions say so
        (PREP_CUES): Bridge with the hands clasped before Upward Plank."""
        for block in self.blocks:
            if block.phase != "build" or block.kind != "hold" or len(block.drafts) != 1:
                continue  # a pose taught in rounds keeps the words of each round
            for draft in block.drafts:
                cue = PREP_CUES.get((self.peak.slug, draft.card.slug))
                placed = any(
                    re.search(r"\b(arms?|hands?)\b", words, flags=re.IGNORECASE)
                    for _, words, _ in versions_for(draft.card, self.choices.avoid)
                )  # an avoid choice's version places the arms (Bridge, arms by the sides)
                if cue and not placed:
                    draft.cue, draft.describe = cue.format(peak=self.peak.name), None

    def rehearse_the_arm_balance(self) -> None:
        """An advanced arm balance whose needs placed nothing that rehearses it gets its
        rehearsal shape (REHEARSALS) straight before it, where the practice may use one."""
        peak = self.peak
        if peak.slug not in REHEARSALS or peak.difficulty != "advanced":
            return
        if any(rehearses(c, peak) for b in self.blocks if b.phase == "build" for c in b.cards):
            return
        for slug in REHEARSALS[peak.slug]:
            card = self.card(slug)
            if self.prepares(card) and self.room_for(1, keep=3):
                self.build_hold(card, floor=on_the_floor(card), optional=False, last=3)
                return

    def hold_the_deep_preparations(self) -> None:
        """Before a deep stretch (Monkey, Frog, Lotus) its key preparations are held at least
        DEEP_PREP_SECONDS, within the pose's own range."""
        if self.slow or self.peak.slug not in DEEP_FLEXIBILITY_PEAKS:
            return
        for block in self.blocks:
            if block.phase != "build" or not block.leads_in:
                continue
            for draft in block.drafts:
                most = draft.card.hold_range(self.style)[1]
                least = min(DEEP_PREP_SECONDS, most)
                draft.high = max(draft.high, least)
                draft.low = max(draft.low, least)
                draft.hold = max(draft.hold, least)

    def give_the_build_to_the_peak(self) -> None:
        """A short practice building to a deep stretch spends its build on the peak's needs:
        a held build pose that prepares nothing of the peak (Half Lotus before Monkey) goes."""
        if (
            self.slow
            or self.peak.slug not in DEEP_FLEXIBILITY_PEAKS
            or self.choices.minutes >= SHORT_BUILD_MINUTES
        ):
            return
        for block in list(self.blocks):
            if block.phase != "build" or block.kind != "hold" or block.leads_in:
                continue
            if not block.optional or any(reasons.credits(c, self.peak) for c in block.cards):
                continue
            self.blocks.remove(block)

    def warm_the_wrists(self) -> None:
        """Any practice that loads the hands in extension (Plank, Chaturanga, Down Dog, an arm
        balance) loosens the wrists in the warm-up, first of the joints."""
        if self.slow or self.choices.minutes <= SHORT_MINUTES:
            return  # a few minutes' practice has no time for joint by joint
        loading = [d.card.name for b in self.blocks for d in b.drafts if loads_the_wrists(d.card)]
        if not loading:
            return
        warming = [b for b in self.blocks if b.phase == "warm_up"
                   if any(d.card.slug in WRIST_WARM_UPS for d in b.drafts)]  # fmt: skip
        if warming:
            for block in warming:  # picked as any joint warm-up: now it stays
                block.optional = False
            return
        card = next((self.card(s) for s in WRIST_WARM_UPS if self.card(s) is not None), None)
        if card is None or not self.room_for(1):
            return
        named = list(dict.fromkeys(loading))[:2]
        self.hold(card, "warm_up", OPEN, 0.005, reasons.mobility(card, named), optional=False)

    def answer_in_proportion(self) -> None:
        """No counter-pose loads the wrists after one that released them (Upward Plank after
        Wrist Circles), and a short peak gets few counter-poses (`most_counters`): the ones
        between the wrist release and the resting pose go first."""
        counters = sorted((b for b in self.blocks if b.phase == "counter"), key=lambda b: b.rank)
        released = False
        for block in list(counters):
            if released and any(Caution.WRIST_LOAD in c.cautions for c in block.cards):
                self.blocks.remove(block)
                counters.remove(block)
                continue
            released = released or any(c.slug in WRIST_RELEASES for c in block.cards)
        peak_seconds = sum(
            d.seconds for b in self.blocks if b.phase == "peak" for d in b.drafts
            if d.card.slug == self.peak.slug
        )  # fmt: skip
        while len(counters) > most_counters(peak_seconds) and len(counters) > 2:
            middle = counters.pop(len(counters) - 2)
            self.blocks.remove(middle)

    def open_the_back_leg(self) -> None:
        """A standing peak with the back leg long behind (LUNGE_PEAKS: Warrior I, High Lunge,
        Dancer) has the back leg's hip flexor opened in the build straight before it: Low
        Lunge on the back knee, then up (teacher review r8 #16)."""
        if self.slow or self.peak.slug not in LUNGE_PEAKS or self.choices.minutes <= SHORT_MINUTES:
            return  # a few minutes' practice keeps its room for the focus
        if any(c.slug in LUNGE_OPENERS for b in self.blocks if b.phase == "build" for c in b.cards):
            return
        openers = LUNGE_OPENERS
        if spares_the_wrists(self.choices):
            # the kneeling lunge alone between standing poses is a trip down to the floor, and
            # getting down puts the hands down: High Lunge opens the back hip standing
            openers = ("high-lunge", *(s for s in LUNGE_OPENERS if s != "high-lunge"))
        for slug in openers:
            card = self.card(slug)
            if card is None or not self.free(card) or card.intensity >= self.peak.intensity:
                continue
            if self.room_for(1, keep=3):
                # among the standing poses: the knee lifts and the class rises into the peak
                self.build_hold(card, floor=False, optional=False, last=0.5)
            return

    def keep_the_peak_hardest(self) -> bool:
        """A peak taught in rounds is the class's hardest effort: a held pose of its kind
        before it, as strong, is held no longer than one round (teacher review r8 #10: Half
        Boat 45 s before 20 s rounds of Plank). A flowing class's standing flows are held by
        the breath, too (`flow_breaths`, review r16 F7). True if a hold was cut."""
        breathed = held_to_breaths(self)
        rounds = [d for b in self.blocks if b.phase == "peak" for d in b.drafts
                  if d.card.slug == self.peak.slug]  # fmt: skip
        if len(rounds) < 2:
            return breathed
        most, capped = rounds[0].hold, False
        for block in self.blocks:
            if block.phase not in ("warm_up", "build"):
                continue
            for draft in block.drafts:
                if not outworks(draft.card, self.peak):
                    continue
                if draft.high * draft.weight > most:
                    capped = capped or draft.hold * draft.weight > most
                    draft.high = most // draft.weight
                    draft.low = min(draft.low, draft.high)
                    draft.hold = min(draft.hold, draft.high)
                # A round again may reach the cap, within its range, a breath past the round
                # before (a third round, added since, copies the first round's hold)...
                if draft.after is not None and draft.high * draft.weight < most:
                    room = draft.card.hold_range(self.style)[1]
                    draft.high = max(draft.high, min(room, most // draft.weight))
                # ... and the round before of a flow done again stays a breath shorter, so the
                # round again still progresses (plan.progress) under the cap.
                at_cap = draft.high * draft.weight >= most
                before, top = draft.after if at_cap else None, draft.high
                while before is not None:
                    top -= 5
                    if before.high > top:
                        capped = capped or before.hold > max(5, top)
                        before.high = max(5, top)
                        before.low = min(before.low, before.high)
                        before.hold = min(before.hold, before.high)
                    before = before.after
        return capped or breathed

    def capped_by_the_rounds(self, draft) -> bool:
        """The step is of the peak's kind, as strong, before a peak taught in rounds: held no
        longer than one round (`keep_the_peak_hardest`), so no filling of the time lengthens it."""
        if not outworks(draft.card, self.peak):
            return False
        rounds = sum(d.card.slug == self.peak.slug for b in self.blocks if b.phase == "peak"
                     for d in b.drafts)  # fmt: skip
        return rounds > 1

    def spare_the_stretch(self) -> None:
        """No pose that contracts what a deep stretch needs long (SHORTENS: Boat, the hip
        flexors contracted hard, straight before the lunges and Monkey) in a practice
        building to it: such a pose counts as outranking the peak, so no pass picks it."""
        row = self.outranked.setdefault(id(self.peak), {})
        for card in self.pool:
            if card.slug in SHORTENS.get(self.peak.slug, ()):
                row[id(card)] = True


def outworks(card, peak) -> bool:
    """A pose of the peak's kind (its category) at least as strong."""
    return card.category == peak.category and card.intensity >= peak.intensity
