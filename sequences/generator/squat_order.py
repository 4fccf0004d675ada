"""A squat next to the floor work it leads to (blind review r17 F1, F4).

A squat (Garland) is the step between standing and the floor: held between two standing
poses it takes the class down into a deep squat only to stand straight back up (F1: Garland
after the Sun Salutations, then Wide-Legged Forward Fold; F4: Revolved Chair, Garland,
Wide-Legged Forward Fold), and the squat that prepares the peak ends up far from it. And the
poses just before a peak go one way in level: the class does not squat, sit and squat again
(F4: Crow, three rounds of Half Boat, then Firefly).

`height` is the level a pose is held at on the way down (standing, the squat and the hands,
the floor); `lead_heights` reads the run before the peak. `squat_to_the_floor` moves, once
the holds are fitted, a squat held between standing poses to where the class goes down to the
floor or the squat peak it prepares, and puts the run before a squat peak in one order: the
floor work, the squat, the smaller arm balance, the peak (F4: Half Boat ×3, Garland, Crow,
Firefly). The quality figures are `quality.squat_order`'s.
"""

from poses.models import Position
from sequences.checks.levels import SQUATS
from sequences.generator.flow_rests import is_rest
from sequences.generator.given_seconds import spread
from sequences.generator.linking import LONGEST_UNLINKED
from sequences.generator.shapes import entered_from, settles_as_peak
from sequences.generator.squat_warm import warmed_longer
from sequences.generator.vocabulary import SLOW_STYLES

STANDING, SQUAT, FLOOR = 3, 2, 1

SALUTATION = "Sun Salutation"
FLOWING = ("vinyasa", "power")
# Held on the hands (Down Dog, Plank, Handstand): the way between levels, not one of them.
ON_THE_HANDS = (Position.ARM_BALANCE, Position.HANDS_AND_FEET, Position.INVERTED)


def squat(card) -> bool:
    """A squat held on the feet (Garland), or an arm balance lifted from one (Crow, Firefly)."""
    return card.slug in SQUATS or (
        card.position == Position.ARM_BALANCE and entered_from(card) == Position.STANDING
    )


def height(card) -> int | None:
    """STANDING, SQUAT or FLOOR, where the pose is entered from (Upward Plank: seated); None
    on the hands (Down Dog, Plank), the way between them."""
    if squat(card):
        return SQUAT
    where = entered_from(card)
    if where in ON_THE_HANDS:
        return None
    return STANDING if where == Position.STANDING else FLOOR


def _card(step):
    return step.card if hasattr(step, "card") else step.pose


def between_rounds(steps, n: int) -> bool:
    """The nth step rests between two rounds of one pose (Knees-to-Chest between Boats), or is
    a resting shape (Child's Pose): not a level of its own."""
    if is_rest(_card(steps[n])):
        return True
    return 0 < n < len(steps) - 1 and _card(steps[n - 1]).slug == _card(steps[n + 1]).slug


def held_between_standing(steps, n: int) -> bool:
    """The nth step is a squat (Garland) held on its own in the build, a standing pose on each
    side."""
    step = steps[n]
    if step.phase != "build" or step.flow or _card(step).slug not in SQUATS:
        return False
    if not 0 < n < len(steps) - 1:
        return False
    return height(_card(steps[n - 1])) == STANDING and height(_card(steps[n + 1])) == STANDING


def lead_start(steps, peak: int) -> int:
    """Where the lead-in to the peak (the nth step) starts: its last standing pose, else the
    build's first step."""
    start = next((n for n, s in enumerate(steps) if s.phase == "build"), peak)
    for n in range(peak - 1, start - 1, -1):
        if height(_card(steps[n])) == STANDING:
            return n
    return start


def lead_heights(steps, peak: int) -> list[int]:
    """The levels the lead-in goes through, from its last standing pose to the peak (the nth
    step), a level once however many poses hold it; rests between rounds left out, and a
    flow's steps (a linked flow passes through the levels: Revolved Chair, Garland, Crow)."""
    heights: list[int] = []
    for n in range(lead_start(steps, peak), peak + 1):
        if n < peak and (steps[n].flow or between_rounds(steps, n)):
            continue
        here = height(_card(steps[n]))
        if here is None:
            continue
        if not heights or heights[-1] != here:
            heights.append(here)
    return heights


def back_again(heights: list[int]) -> bool:
    """A level left and come back to (squat, sit, squat)."""
    return len(heights) != len(set(heights))


def squat_to_the_floor(drafts, style: str) -> None:
    """Once the holds are fitted: each squat held between standing poses in the build moved
    next to the floor work it leads to (`landing`), or, where the build holds no floor work to
    go down to (a standing peak after standing work), left out, its seconds given to the
    standing holds around it (`given_away`); then the lead-in to a squat or floor peak put in
    one order (`one_way`); drafts changed in place."""
    peak = _peak(drafts)
    if peak is None:
        return
    for n in range(peak):
        if not held_between_standing(drafts, n):
            continue
        draft = drafts.pop(n)
        at = landing(drafts, _peak(drafts))
        if at is not None:
            drafts.insert(at, draft)
            if style not in FLOWING or _single_run(drafts, at) <= LONGEST_UNLINKED:
                continue
            drafts.pop(at)  # a vinyasa build keeps its single holds few in a row
        most = drafts[_peak(drafts)].hold
        if not (
            any(
                given_away(drafts, n, draft.seconds, style, level=level, most=most)
                for level in (STANDING, None)
            )
            or rested_longer(drafts, draft.seconds, style)
            or warmed_longer(drafts, draft.seconds, style)
        ):
            drafts.insert(n, draft)
    one_way(drafts, _peak(drafts))


def rested_longer(drafts, seconds: int, style: str) -> bool:
    """`seconds` given to the final relaxation where its range takes them (a flowing build
    of linked flows holds nothing on its own to take a left-out squat's minute); False,
    nothing given, where it cannot."""
    rest = next((d for d in drafts if d.phase == "relaxation" and d.weight == 1), None)
    if rest is None or rest.hold + seconds > rest.card.hold_range(style)[1]:
        return False
    rest.hold += seconds
    rest.high = max(rest.high, rest.hold)
    return True


def _single_run(drafts, at: int) -> int:
    """How many single holds of the build in a row the atth draft is one of (a flow's steps
    and rounds of one pose linking them: `quality.linking.unlinked_runs`)."""

    def single(k: int) -> bool:
        if not 0 <= k < len(drafts) or drafts[k].phase != "build" or drafts[k].flow:
            return False
        slug = drafts[k].card.slug
        near = {drafts[j].card.slug for j in (k - 2, k + 2) if 0 <= j < len(drafts)}
        return slug not in near

    if not single(at):
        return 0
    start, end = at, at
    while single(start - 1):
        start -= 1
    while single(end + 1):
        end += 1
    return end - start + 1


def given_away(
    drafts, n: int, seconds: int, style: str, level: int | None = STANDING, most: int = 600
) -> bool:
    """`seconds` given, a STEP (a side) at a time, to the cool-down's holds (not its rests;
    none past a settled peak's hold: `longest`), then to the three holds at `level` (None:
    any level off the hands) held on their own nearest the nth draft in the build (no longer
    than `most`, the peak's hold), each within its range for `style`; False, nothing given,
    where they cannot take them all."""
    near = sorted(
        (k for k, d in enumerate(drafts) if d.phase == "build" and not d.flow and not d.fixed),
        key=lambda k: abs(k - n),
    )
    cool = [
        d
        for d in drafts
        if d.phase == "cool_down" and not d.flow and not d.fixed and not is_rest(d.card)
    ]
    settled = longest(drafts, style)  # not past a settled peak's hold
    tops = [(d, min(d.card.hold_range(style)[1], settled)) for d in cool]
    tops += [
        (drafts[k], min(drafts[k].card.hold_range(style)[1], most))
        for k in near
        if (level is None or height(drafts[k].card) == level)
        and drafts[k].card.position not in ON_THE_HANDS
        and height(drafts[k].card) is not None
    ][:3]
    return spread(tops, seconds)


def longest(drafts, style: str) -> int:
    """The longest a hold given seconds may grow: in an active class with a peak the body
    settles into (Frog, Pigeon), the peak's hold (`settled_peak_longest`); else its range's."""
    peak = _peak(drafts)
    if peak is None or style in SLOW_STYLES or not settles_as_peak(drafts[peak].card):
        return 600
    return drafts[peak].hold


def _peak(drafts) -> int | None:
    return next((n for n, d in enumerate(drafts) if d.phase == "peak"), None)


def landing(drafts, peak: int) -> int | None:
    """Where a squat moved out from between standing poses goes (its index), in the build: just
    before a squat peak (F4: the squat Firefly lifts from; not before one on the hands, which
    it does not prepare: `peak_prepared`); else
    where the lead-in goes down from its last standing pose to the floor before the peak (F1:
    after Extended Hand-to-Big-Toe, before Child's Pose and Frog); else where the build comes
    up to its first standing pose from the floor or the hands; None where the build holds no
    such place."""
    if height(drafts[peak].card) == SQUAT:
        return peak
    start = lead_start(drafts, peak)
    if height(drafts[start].card) == STANDING and any(
        height(d.card) == FLOOR for d in drafts[start + 1 : peak + 1]
    ):
        return start + 1
    build = [n for n in range(peak) if drafts[n].phase == "build"]
    first = next((n for n in build if height(drafts[n].card) == STANDING), None)
    if first is None or first == build[0] or drafts[first].flow.startswith(SALUTATION):
        return None
    if height(drafts[first - 1].card) in (FLOOR, None) and not drafts[first - 1].flow:
        return first
    return None


def one_way(drafts, peak: int | None) -> None:
    """The lead-in to a squat or floor peak (from its last standing pose) in one order where it
    goes back to a level it left: before a squat peak the floor work, then the squat, then the
    smaller arm balance (F4: Half Boat ×3 with their rests, Garland, Crow, Firefly); before a
    floor peak the squat first. Each pose keeps its rounds and rests with it."""
    if peak is None or height(drafts[peak].card) == STANDING:
        return
    if not back_again(lead_heights(drafts, peak)):
        return
    start = lead_start(drafts, peak) + 1
    while start < peak and drafts[start].flow and drafts[start].flow == drafts[start - 1].flow:
        start += 1  # the rest of the flow the last standing pose begins stays with it
    units: list[list] = []
    for n in range(start, peak):
        draft = drafts[n]
        joined = units and (
            between_rounds(drafts, n)
            or draft.card.slug == units[-1][-1].card.slug
            or (draft.flow and draft.flow == units[-1][-1].flow)
        )
        if joined:
            units[-1].append(draft)
        else:
            units.append([draft])
    order = _squat_peak_rank if height(drafts[peak].card) == SQUAT else _floor_peak_rank
    units.sort(key=lambda unit: order(unit[0].card))
    drafts[start:peak] = [draft for unit in units for draft in unit]


def _squat_peak_rank(card) -> int:
    if card.slug in SQUATS:
        return 1
    return {FLOOR: 0, None: 1, SQUAT: 2}.get(height(card), 0)


def _floor_peak_rank(card) -> int:
    return {SQUAT: 0, None: 1}.get(height(card), 2)


def squat_words(drafts) -> None:
    """Once the cues are worded: a squat held on its own says the way into it from the floor
    and the way down from it, as the teacher does (r17 F4: "Roll forward from Half Boat onto
    the feet."; F1: "…, then lower the knees wide and walk the hands forward into Child's
    Pose."); drafts changed in place."""
    for n, draft in enumerate(drafts):
        if draft.flow or draft.card.slug not in SQUATS or draft.phase not in ("warm_up", "build"):
            continue
        before = drafts[n - 1] if n else None
        if before is not None and not before.flow and entered_from(before.card) in ROLLED_UP:
            draft.cue = f"{ROLL_UP[0]}{before.card.name}{ROLL_UP[1]} {draft.cue}"
        then = drafts[n + 1] if n + 1 < len(drafts) else None
        if then is not None and entered_from(then.card) == Position.KNEELING:
            draft.cue = f"{draft.cue.rstrip('.')}, then {_down_to(then)}."


# Where the class rolls forward from onto the feet, into a squat, and the words around the
# pose's name (how the squat is taken, not what it works: `neighbours.POSE_WORDS`).
ROLLED_UP = (Position.SEATED, Position.SUPINE)
ROLL_UP = ("Roll forward from ", " onto the feet.")
# The ways down from a squat to the knees, before the pose's name.
DOWN_TO_CHILDS = "lower the knees{} and walk the hands forward into"
DOWN_TO_THE_MAT = "lower the knees to the mat"
DOWN_TO_KNEES = f"{DOWN_TO_THE_MAT} for"
WAY_WORDS = (
    *ROLL_UP,
    DOWN_TO_CHILDS.format(" wide"),
    DOWN_TO_CHILDS.format(""),
    DOWN_TO_KNEES,
    DOWN_TO_THE_MAT,
)


def _down_to(then) -> str:
    """The way down from a squat to a kneeling pose (Child's Pose wide before Frog); the peak
    not named (a squat's cue naming it credits the squat with it: `reason_credit`)."""
    if then.phase == "peak":
        return DOWN_TO_THE_MAT
    if then.card.slug == "childs-pose":
        wide = " wide" if "wide" in then.cue.lower() else ""
        return f"{DOWN_TO_CHILDS.format(wide)} {then.card.name}"
    return f"{DOWN_TO_KNEES} {then.card.name}"
