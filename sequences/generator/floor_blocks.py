"""A floor block is not taught between two standing sections (blind review r16 F5, F13; r15
F6: a Forearm Plank block with Child's or Crocodile rests, Side Plank, Dolphin and
Three-Legged Dog placed between the standing Sun Salutations and the standing build, so the
class goes from standing down to the floor and back up again). The block moves, unchanged,
to where the class is already down:

- before the standing work, at the end of the floor warm-up (after Reclined Figure Four or
  the Down Dog, before Mountain), still the class's work where the focus's share is measured
  (`Block.work`, `Step.work`); its last step says how to come to stand ("lower the knees,
  then come to stand at the top of the mat", `up_to_stand`);
- or, where the peak is on the floor after the standing work, after the standing build with
  the way into the peak: the class goes down once (not where a flowing build would hold
  more single holds in a row than it links, `quality.linking`).

`quality.floor_blocks` is the figure; `FloorBlocks` is mixed into `grouping.Grouping` and runs
after the lone visits are settled (`Visits.no_lone_floor_visit`)."""

from accounts.models import Avoidance
from poses.models import Position
from sequences.generator.plan import CLOSE
from sequences.generator.version_rules import against
from sequences.generator.warm_block import lighter
from sequences.models import MAX_CUE_LENGTH

# The cue the last step of a floor block moved before the standing work ends with (r16 F5).
UP_TO_STAND = "Then lower the knees and come to stand at the top of the mat."
# Its other ways up: from a shape facing up (Upward Plank, Wheel) or sitting or lying, where
# there are no knees to lower; from the belly; and for sore knees the knees lowered onto
# padding (a knee-friendly class is not told to kneel on bare knees, `quality.versions`).
FROM_FACING_UP = "Then lower down to sit and come to stand at the top of the mat."
FROM_THE_BELLY = "Then press up to hands and knees and come to stand at the top of the mat."
FROM_THE_BELLY_PADDED = (
    "Then press up to hands and knees on a folded blanket and come to stand at the top of the mat."
)
FROM_THE_HANDS = (
    "Then lower the knees onto a folded blanket and come to stand at the top of the mat."
)
WAYS_UP = (UP_TO_STAND, FROM_FACING_UP, FROM_THE_BELLY, FROM_THE_BELLY_PADDED, FROM_THE_HANDS)
FACING_UP = frozenset({"upward-plank", "wheel", "supported-shoulder-stand", "plough", "snail-yin"})
LYING_OR_SITTING = frozenset({Position.SEATED, Position.SUPINE, Position.SIDE_LYING})


class FloorBlocks:
    """A floor block of the build between two standing sections (the Sun Salutations or
    standing build poses before it, the standing build after it) goes where the class is
    already down (mixed into `grouping.Grouping`)."""

    def floor_block_first(self) -> None:
        if self.slow or self.layout == "floor":
            return
        for _ in range(3):
            run = self._floor_between_standing()
            if not run or not self._block_moved(run):
                return

    def _floor_between_standing(self) -> list:
        """The build blocks of the first floor run with standing work on both sides (the Sun
        Salutations count as standing), [] where there is none; a block that leads into the
        peak keeps its place (`Visits._lead_in_past_the_standing` moves it)."""
        for blocks, after in self._floor_visits():
            if any(b.phase != "build" or b.leads_in or b.segment == CLOSE for b in blocks):
                continue
            if not any(b.phase == "build" for b in after):
                continue
            return blocks
        return []

    def _block_moved(self, blocks: list) -> bool:
        """The run moved to the floor warm-up, or down with the peak; False where it stays."""
        return self._before_the_standing(blocks) or self._down_with_the_peak(blocks)

    def _before_the_standing(self, blocks: list) -> bool:
        """The run moved to the end of the floor warm-up, before the class stands, where it
        prepares no need of the peak (a need's pose is held near the peak)."""
        floor_warm_up = [
            b
            for b in self.blocks
            if b.phase == "warm_up"
            and b.kind != "sun"
            and all(c.position != Position.STANDING for c in b.cards)
        ]
        if not floor_warm_up:
            return False
        if any(self.serves_a_need(b) for b in blocks):
            return False  # the warm-up's holds prepare no need (`needs.PREPARING_PHASES`)
        where = floor_warm_up[0].segment
        top = max(b.rank for b in floor_warm_up if b.segment == where)
        for n, block in enumerate(blocks):
            block.segment = where
            block.phase = "warm_up"
            block.rank = top + 0.001 * (n + 1)
            block.work = True  # (still the class's work: its share of the focus is kept)
            for draft in block.drafts:
                draft.phase = "warm_up"
                draft.work = True
        lighter(self, blocks)  # no rounds at the peak's intensity in the warm-up (r17 F12)
        for block in blocks:
            for draft in block.drafts:
                draft.phase, draft.work = "warm_up", True
        return True

    def _down_with_the_peak(self, blocks: list) -> bool:
        """Where the peak is on the floor after the standing work, the run moved to just after
        the standing build: the class goes down once, to the floor work and the peak."""
        segment = blocks[0].segment
        if self.peak.position == Position.STANDING or self.segment_of(self.peak) != segment:
            return False
        standing = [
            b.rank
            for b in self.blocks
            if b.phase == "build"
            and b.segment == segment
            and any(c.position == Position.STANDING for c in b.cards)
        ]
        if not standing:
            return False
        top, ranks = max(standing), [b.rank for b in blocks]
        for n, block in enumerate(blocks):
            block.rank = top + 0.001 * (n + 1)
        if self.flowing and any(
            b is m for run in self.unlinked_runs() for b in run for m in blocks
        ):
            # (a flowing build keeps its holds linked, `quality.linking`: it stays)
            for block, rank in zip(blocks, ranks, strict=True):
                block.rank = rank
            return False
        return True


def way_up(card, avoid, cue: str) -> str:
    """How the class comes to stand from `card` (WAYS_UP): UP_TO_STAND from the hands and
    knees' shapes, other words where there are no knees to lower, or, for sore knees, where
    the step's `cue` has not padded them already."""
    if card.slug in FACING_UP or card.position in LYING_OR_SITTING:
        return FROM_FACING_UP
    knees = Avoidance.KNEE_FRIENDLY in avoid
    knees = knees and bool(against(Avoidance.KNEE_FRIENDLY, f"{cue} {UP_TO_STAND}"))
    if card.position == Position.PRONE:
        return FROM_THE_BELLY_PADDED if knees else FROM_THE_BELLY
    if knees and card.position != Position.KNEELING:
        return FROM_THE_HANDS
    return UP_TO_STAND


def up_to_stand(drafts, avoid=()) -> None:
    """The last step of a floor block moved before the standing work (`Draft.work`), straight
    before a standing step, says how to come to stand (`way_up`; its `back_to` before a
    Sun Salutation's way up, `warm_first`), the cue cut at a clause
    to keep it within MAX_CUE_LENGTH."""
    for draft, after in zip(drafts, drafts[1:], strict=False):
        moved = getattr(draft, "work", False) or getattr(draft, "back_to", "")
        if not moved or draft.card.position == Position.STANDING:
            continue
        if after.card.position != Position.STANDING or any(w in draft.cue for w in WAYS_UP):
            continue
        # (in a Sun Salutation, after its Down Dog, its own way up follows: `warm_first`)
        words = getattr(draft, "back_to", "") if after.flow else ""
        words = words or way_up(draft.card, avoid, draft.cue)
        if words in draft.cue:
            continue
        cue = draft.cue
        room = MAX_CUE_LENGTH - len(words) - 1
        if len(cue) > room:  # (cut at a sentence, else at a clause)
            cut = cue.rfind(". ", 0, room) + 1 or max(
                cue.rfind("; ", 0, room), cue.rfind(", ", 0, room)
            )
            cue = cue[:cut] if cut > 0 else cue[: room - 1].rsplit(" ", 1)[0]
            cue = cue if cue.endswith(".") else cue + "."
        draft.cue = f"{cue} {words}"
