"""A vinyasa between flows (review r16 F14: after the left Half Moon the plan went straight to
"Right side: Low Lunge", though a vinyasa linked Half Moon's own sides; students standing on
the left leg had no way to a right-foot-forward lunge). In vinyasa and power, where a flow's
left side ends standing and the next flow (or the same flow once more) starts its right side
standing or kneeling, a vinyasa links them, as between a flow's sides: one step, Down Dog, its
cue naming the movements (`flows.vinyasa`, compact), or the standing link where the hands
bear no weight. Its seconds come from the longest quiet hold of the cool-down (else the
warm-up) that can give them within its range, so the practice keeps its time (the review took
them from Wide-Legged Forward Fold); never from the build, whose holds prepare the peak (a Boat
before Side Crow held shorter than its need asks was a fault of the quality bar).
Quality figure `flows_linked`, which no class is exempt from: the planner keeps a step free
for each link it may need (`links_kept`, review r18 F8: a 90-minute class that had spent every
step changed flows twice with no vinyasa).
"""

from poses.models import Position
from sequences.generator.fit import QUIET_PHASES, settle
from sequences.generator.flows import vinyasa, wrist_free_link
from sequences.generator.plan import MOST_STEPS, Draft
from sequences.generator.shapes import is_rest
from sequences.models import Side, Style

# Where a flow that follows starts: on the feet, or kneeling in a lunge.
STARTS = frozenset({Position.STANDING, Position.KNEELING})
GIVING_PHASES = ("warm_up", "cool_down")
# Which phase gives first: the cool-down, then the warm-up.
_first = {"cool_down": 1, "warm_up": 0}
# A hold that gives the link its seconds keeps at least this long (the review: Wide-Legged
# Forward Fold 50 s → 35 s).
LEAST_LEFT = 30
# The seconds are taken a breath at a time, from the longest hold each time.
PIECE = 5


def links_kept(planner) -> int:
    """Steps a vinyasa or power class keeps free (`Planner.room_for`) for the links
    `link_the_flows` may put between its flows once they are in order: one (a link is one
    step, `flows.vinyasa` compact or `flows.wrist_free_link`) after each build flow, or round
    of one, whose left side ends standing, as another flow's right side may follow it."""
    if planner.style not in (Style.VINYASA, Style.POWER):
        return 0
    return sum(1 for block in planner.blocks if block.drafts and _may_need_a_link(block.drafts[-1]))


def _may_need_a_link(last: Draft) -> bool:
    return (
        bool(last.flow)
        and not last.flow.startswith("Sun Salutation")
        and last.phase == "build"
        and last.side == Side.LEFT
        and last.card.position == Position.STANDING
    )


def unlinked(before, after) -> bool:
    """Two steps in order (drafts or steps) that need a vinyasa between them: a flow's left
    side ending on the feet, then a flow's right side starting on the feet or the knees."""
    return (
        bool(before.flow)
        and not before.flow.startswith("Sun Salutation")
        and before.phase == "build"
        and before.side == Side.LEFT
        and before.pose_position == Position.STANDING
        and bool(after.flow)
        and after.phase == "build"
        and after.side == Side.RIGHT
        and after.pose_position in STARTS
    )


class _Seen:
    """A draft as `unlinked` reads it."""

    def __init__(self, draft: Draft):
        self.flow, self.phase, self.side = draft.flow, draft.phase, draft.side
        self.pose_position = draft.card.position


def link_the_flows(planner, drafts: list[Draft]) -> None:
    """A vinyasa after each flow's left side that another flow's right side follows (see the
    module), its seconds taken from quiet holds as far as they can give them; where the steps
    are all used, none."""
    if planner.style not in (Style.VINYASA, Style.POWER):
        return
    index = 0
    while index < len(drafts) - 1:
        before, after = drafts[index], drafts[index + 1]
        if not unlinked(_Seen(before), _Seen(after)):
            index += 1
            continue
        link = _link(planner, before)
        if link is None or len(drafts) + len(link) > MOST_STEPS:
            return
        if any(d.card.slug in (before.card.slug, after.card.slug) for d in link):
            index += 1
            continue
        givers = _givers(drafts, sum(d.seconds for d in link), planner.style)
        for giver in givers:
            giver.hold -= PIECE
        drafts[index + 1 : index + 1] = link
        index += len(link) + 1


def links_timed(drafts: list[Draft], target: int) -> int:
    """Where the quiet holds `_givers` reads could not give every link its seconds and the
    practice now runs past `target` seconds, the quiet end (final relaxation, centring,
    closing, cool-down: `fit.QUIET_PHASES`) gives the rest, five seconds at a time within each
    hold's range, as a teacher takes the links' time from the rest at the end (a 47-minute
    class with nine links ran two minutes over); returns the total seconds."""
    total = sum(d.seconds for d in drafts)
    if total <= target:
        return total
    return settle(drafts, target, phases=QUIET_PHASES)


def _link(planner, before: Draft) -> list[Draft] | None:
    beats = vinyasa(planner.sun_pick, compact=True)
    if beats is None or planner.card("plank") is None:
        beats = wrist_free_link(planner.sun_pick, heat=planner.style == Style.POWER)
    if not beats:
        return None
    drafts = []
    for card, _, breaths, cue in beats:
        if not cue.startswith(("Vinyasa", "Link")):
            cue = f"Vinyasa: {cue[0].lower()}{cue[1:]}"
        draft = planner.draft(card, "build", breaths=breaths, flow=before.flow, cue=cue)
        drafts.append(draft)
    return drafts


def _givers(drafts: list[Draft], seconds: int, style: str) -> list[Draft]:
    """The holds that give `seconds`, PIECE at a time, each time the longest quiet hold (not
    in a flow nor a rest, held once) that can give a piece within its range and LEAST_LEFT,
    the cool-down first, then the warm-up (never the build: its holds prepare the peak,
    `needs`), as many pieces as the holds can give."""
    left = {id(d): d.hold for d in drafts}
    givers = []
    for _ in range(seconds // PIECE):
        found = [
            d
            for d in drafts
            if d.phase in GIVING_PHASES
            and not d.flow
            and not d.fixed
            and d.weight == 1
            and not d.card.is_breathing
            and not is_rest(d.card)
            and left[id(d)] - PIECE >= max(d.card.hold_range(style)[0], LEAST_LEFT)
        ]
        if not found:
            break  # the rest is the link's own: a practice a breath or three longer
        giver = max(found, key=lambda d: (_first[d.phase], left[id(d)]))
        left[id(giver)] -= PIECE
        givers.append(giver)
    return givers
