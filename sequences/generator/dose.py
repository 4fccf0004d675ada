"""Dose: how much of one kind of load a practice gives, as a teacher counts it.

Three rules, each read by a quality figure (`quality.styles`) and kept by the generator:

- Knees (knee_friendly): the seconds each knee spends bent under the body's weight (Warrior
  I and II, Extended Side Angle, High Lunge, Chair, Goddess) are capped. A teacher of a
  knee-friendly class holds these five or six breaths and teaches each standing flow once a
  side (review of seed 617: about 17 minutes of bent-knee holds in a 70-minute class, 7½ on
  each front knee). The cap, KNEE_MOST, is what that teaching comes to — two standing flows
  once a side at six breaths, Chair and Goddess as long — with a little room: four minutes a
  knee. The time asked for is met by other poses and a longer rest, not longer knee holds.
- Families of shape (twists, hip openers, forward folds, backbends): no one family fills
  a class beyond what its focus asks (review of seed 505: five different twists, ten twist
  holds, in a strength and core class). FAMILY_MOST different poses of a family, more
  (FAMILY_ASKED) where a focus asks for that family (vocabulary.FOCUS_CATEGORIES).
- Slow classes: a restorative shape is held four minutes or more where its range allows
  (a teacher uses three or four shapes of 4–6 minutes in a short class), a yin shape three
  to six; the time set aside for props and rebounds stays proportionate: at most
  SET_UP_MOST seconds a change and TRANSITION_SHARE of the class.
"""

from poses.models import Category, Position
from sequences.generator.vocabulary import FOCUS_CATEGORIES
from sequences.models import Side, Style

# --- knees -------------------------------------------------------------------------------

# Six breaths: the longest a knee-friendly class holds a bent-knee standing pose.
KNEE_HOLD_MOST = 40
# Three breaths: the shortest they are held when a class has many of them.
KNEE_HOLD_LEAST = 15
# Seconds a knee spends bent under load in a knee-friendly class, at most (module docstring).
KNEE_MOST = 240


def bends_a_loaded_knee(card) -> bool:
    """Standing on a bent knee as the pose's work: the front thigh first among its areas
    (Chair, Warrior I and II, High Lunge, Goddess), or a lunge or wide stance that works the
    hips and the front thigh (Humble Warrior). Not Mountain or Five-Pointed Star."""
    if card.position != Position.STANDING or card.is_breathing:
        return False
    areas = card.target_areas[:4]
    return areas[:1] == ("quadriceps",) or {"quadriceps", "hips"} <= set(areas)


def knee_seconds(steps) -> dict[str, int]:
    """Seconds each knee spends bent under load: a one-sided step loads its side's (front)
    knee, a pose held on each side in turn loads each knee once, a two-footed pose (Chair,
    Goddess) both. `steps`: anything with `pose`/`card`, `side` and a hold."""
    load = {Side.RIGHT: 0, Side.LEFT: 0}
    for step in steps:
        card, hold = _card_and_hold(step)
        if not bends_a_loaded_knee(card):
            continue
        if step.side in load:
            load[step.side] += hold
        else:
            load[Side.RIGHT] += hold
            load[Side.LEFT] += hold
    return load


def knee_faults(steps, *, avoid) -> list[str]:
    """Under knee_friendly: each bent-knee hold within KNEE_HOLD_MOST, each knee's load within
    KNEE_MOST."""
    if "knee_friendly" not in avoid:
        return []
    problems = []
    for step in steps:
        card, hold = _card_and_hold(step)
        if bends_a_loaded_knee(card) and hold > KNEE_HOLD_MOST:
            problems.append(f"{card.slug} {hold} s")
    for side, seconds in knee_seconds(steps).items():
        if seconds > KNEE_MOST:
            problems.append(f"{seconds} s on the {side} knee")
    return problems


# --- families ----------------------------------------------------------------------------

FAMILIES = (Category.TWIST, Category.HIP_OPENER, Category.FORWARD_FOLD, Category.BACKBEND)
# Different poses of one family in a class whose focus does not ask for it, and in one whose
# focus does (a hip class is made of hip openers).
FAMILY_MOST = 4
FAMILY_ASKED = 8
# The phases a teacher counts a family's dose in: the arc, not the quiet end's rest.
ARC_PHASES = ("warm_up", "build", "peak", "counter", "cool_down")


def family_most(category: str, *, focus, style: str) -> int:
    """How many different poses of this family the class may hold."""
    if style in (Style.YIN, Style.RESTORATIVE):
        return FAMILY_ASKED  # a slow class is a few long shapes of the families it opens
    asked = any(category in FOCUS_CATEGORIES.get(f, ()) for f in focus)
    return FAMILY_ASKED if asked else FAMILY_MOST


def family_counts(cards) -> dict[str, set[str]]:
    """The different poses of each family among these cards."""
    found: dict[str, set[str]] = {}
    for card in cards:
        if card.category in FAMILIES and not card.is_breathing:
            found.setdefault(card.category, set()).add(card.slug)
    return found


def family_faults(cards, *, focus, style: str) -> list[str]:
    """Each family held in more different poses than `family_most` allows."""
    return [
        f"{len(slugs)} {category} poses: {', '.join(sorted(slugs))}"
        for category, slugs in family_counts(cards).items()
        if len(slugs) > family_most(category, focus=focus, style=style)
    ]


# --- slow classes ------------------------------------------------------------------------

# The shortest hold of a shape, where its range allows it, and the longest (yin).
SHORTEST_SHAPE = {Style.RESTORATIVE: 240, Style.YIN: 180}
LONGEST_SHAPE = {Style.YIN: 360}
# Seconds a change of shape takes at most (props fetched and arranged, coming out slowly).
SET_UP_MOST = 60
# The share of the class set aside between the holds, at most.
TRANSITION_SHARE = 0.15


def shape_floor(card, style: str) -> int | None:
    """The shortest a slow class holds this shape (SHORTEST_SHAPE) within its range, or None
    where the style has no such floor or the pose is a breath."""
    if style not in SHORTEST_SHAPE or card.is_breathing:
        return None
    low, high = card.hold_range(style)
    return max(low, min(high, SHORTEST_SHAPE[style]))


def shape_ceiling(card, style: str) -> int | None:
    """The longest a yin class holds this shape (LONGEST_SHAPE) within its range."""
    if style not in LONGEST_SHAPE or card.is_breathing:
        return None
    low, high = card.hold_range(style)
    return max(low, min(high, LONGEST_SHAPE[style]))


def slow_faults(steps, *, style: str, minutes: int, aside: int) -> list[str]:
    """In yin and restorative practice: each shape of the arc held within its floor (and yin
    ceiling); the time set aside within SET_UP_MOST a shape and TRANSITION_SHARE of the class."""
    if style not in SHORTEST_SHAPE:
        return []
    problems = []
    shapes = 0
    for step in steps:
        card = step.pose
        if card.is_breathing:
            continue
        if step.phase in ARC_PHASES or step.phase == "relaxation":
            shapes += 1
        if step.phase not in ARC_PHASES:
            continue
        floor, ceiling = shape_floor(card, style), shape_ceiling(card, style)
        if step.duration_seconds < floor:
            problems.append(f"{card.slug} {step.duration_seconds} s, under {floor} s")
        if ceiling is not None and step.duration_seconds > ceiling and step.phase != "peak":
            problems.append(f"{card.slug} {step.duration_seconds} s, over {ceiling} s")
    if aside > TRANSITION_SHARE * minutes * 60 + 2:
        problems.append(f"{aside} s set aside of {minutes} min")
    if shapes and aside > SET_UP_MOST * shapes + 2:
        problems.append(f"{aside} s set aside for {shapes} shapes")
    return problems


def _card_and_hold(step):
    card = getattr(step, "pose", None) or step.card
    hold = getattr(step, "duration_seconds", None)
    return card, step.hold if hold is None else hold


def knee_least(style: str = "") -> int:
    """The shortest a bent-knee hold is cut to: three breaths (a gentle class's twenty
    seconds)."""
    return max(KNEE_HOLD_LEAST, 20 if style == Style.GENTLE else 0)


def knee_tops(drafts, *, style: str = "") -> dict[int, int]:
    """The longest each bent-knee draft (by id) may be held so that neither knee passes
    KNEE_MOST: at most KNEE_HOLD_MOST (a breath less in a round done again, so the next one
    can hold a breath longer), then one level for every hold, lowered a breath at a time down
    to `knee_least`, until each knee's load fits (a breath kept for each pose of a round done
    again, plan.progress). A flow's fixed breaths count as they are."""
    least = knee_least(style)
    bent = [d for d in drafts if bends_a_loaded_knee(d.card)]
    before = {id(d.after) for d in bent if d.after is not None}
    first = {id(d): KNEE_HOLD_MOST - 5 * (id(d) in before) for d in bent}
    sides = []
    for side in (Side.RIGHT, Side.LEFT):
        loading = [d for d in bent if d.side in (side, Side.BOTH)]
        budget = KNEE_MOST - 5 * sum(d.after is not None for d in loading)
        sides.append((loading, budget))

    def load(loading, level: int) -> int:
        return sum(
            min(d.hold, first[id(d)]) if d.fixed else min(d.high, first[id(d)], level)
            for d in loading
        )

    level = KNEE_HOLD_MOST
    while level > least and any(load(lo, level) > budget for lo, budget in sides):
        level -= 5
    return {id(d): first[id(d)] if d.fixed else min(first[id(d)], level) for d in bent}


def knee_room(drafts, *, style: str = "", least: bool = False) -> int:
    """Seconds the fuller knee may still take, each bent-knee hold at its longest (within
    KNEE_HOLD_MOST; `least`: at `knee_least`), before its budget is met; below zero once
    holds must be shortened (`least`: once the dose cannot be kept)."""
    most = knee_least(style) if least else KNEE_HOLD_MOST
    tops = {id(d): most for d in drafts if bends_a_loaded_knee(d.card)}
    room = KNEE_MOST
    for side in (Side.RIGHT, Side.LEFT):
        loading = [d for d in drafts if id(d) in tops and d.side in (side, Side.BOTH)]
        budget = KNEE_MOST - 5 * sum(d.after is not None for d in loading)
        held = sum(
            min(d.hold, KNEE_HOLD_MOST) if d.fixed else min(d.high, tops[id(d)]) for d in loading
        )
        room = min(room, budget - held)
    return room


def knee_spared_seconds(drafts, *, style: str = "") -> int:
    """Seconds the longest holds of these drafts lose to `knee_tops` (for the planner to
    fill with other poses)."""
    tops = knee_tops(drafts, style=style)
    return sum(
        d.weight * max(0, d.high - tops[id(d)]) for d in drafts if id(d) in tops and not d.fixed
    )


def spare_the_knees(drafts, *, style: str = "") -> None:
    """Knee-friendly fitting, before the holds are scaled: each bent-knee standing hold at
    most its `knee_tops` (a flow's breaths too); the time goes to other poses. A round done
    again may then hold a breath longer than the round before."""
    bent = [d for d in drafts if bends_a_loaded_knee(d.card)]
    longest = {id(d): d.high for d in bent}
    least = knee_least(style)
    tops = knee_tops(bent, style=style)
    for draft in bent:
        _top(draft, tops[id(draft)])
    for draft in bent:
        if draft.after is None:
            continue
        if draft.fixed:
            draft.high = max(draft.high, draft.after.hold + 5)
        else:
            # This round may hold a breath longer than the round before (within the pose's
            # range and caps), or the round before give one.
            draft.high = max(draft.high, min(longest[id(draft)], draft.after.high + 5))
            draft.after.low = min(draft.after.low, max(least, draft.after.high - 5))


def _top(draft, seconds: int) -> None:
    """The draft held at most `seconds` (a flow's fixed breaths too), within its range."""
    if draft.fixed:
        draft.hold = draft.low = draft.high = min(draft.hold, seconds)
        return
    draft.high = max(min(draft.low, seconds), min(draft.high, seconds))
    draft.low = min(draft.low, draft.high)
    draft.hold = max(draft.low, min(draft.high, draft.hold))


def knee_caps(avoid) -> list:
    """The (applies, seconds) cap a knee-friendly class puts on each bent-knee hold, for the
    planner to count on as it drafts (so the time it plans for is the time the fit finds)."""
    return [(bends_a_loaded_knee, KNEE_HOLD_MOST)] if "knee_friendly" in avoid else []
