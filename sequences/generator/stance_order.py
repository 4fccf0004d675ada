"""One stance, one level at a time before the peak (blind review r18 F1, F3).

A teacher orders a run of held poses so the feet and the body's level change as few times as
the poses allow, one way towards the peak: the one-legged balances together, then the poses
with the feet together, the lunges, the wide stance building to the squat, and on the floor
each level (kneeling, seated, on the back, on the belly) once, the peak's own stance or level
last, the poses that prepare it nearest it.

F1 (45 min hatha, hips and balance): Tree (one leg), Side Lunge (wide), Chair (feet
together), Goddess (wide), Eagle (one leg), Garland (squat): five resets in six poses; the
teacher: Tree → Eagle → Chair → Side Lunge → Goddess → Garland. F3 (60 min vinyasa, energy,
Camel): Hero (kneeling) → Upward Plank (seated) → Bridge (back) → Low Lunge → Extended Puppy
(kneeling) → Sphinx (belly) → Camel; the teacher: Upward Plank → Bridge → Sphinx → Hero →
Low Lunge → Extended Puppy → Camel (seated → back → belly → kneeling).

`stance_of` names what a pose is done in: a stance of STANCE_ORDER for a standing pose, its
floor level (`floor_order.level_of`) on the floor, None on the hands (Down Dog, Plank), for
an arm balance or an inversion. `runs` finds the runs a teacher may reorder: consecutive held
build poses done once through (side "both": a flow taught right then left keeps its order), a
rest between rounds or a shape on the hands ending a run. `one_stance_at_a_time`, once the
holds are fitted and before any cue is worded, groups each run by stance and level
(`grouped`); a linked mini-flow whose steps the grouping parts is linked again from its steps
as they stand (`relinked`). The holds and the time are unchanged. The figure is
`stance_hops` (quality/stance_changes.py).
"""

import re

from poses.models import FLOOR_POSITIONS, Position
from sequences.checks import PASSING_SECONDS
from sequences.generator import flow_labels, reasons
from sequences.generator.entries import ENTRY_POSE
from sequences.generator.floor_order import level_of
from sequences.generator.flow_rests import is_rest
from sequences.generator.grouping import drops_back
from sequences.generator.knee_rotations import stacked
from sequences.generator.lead_in import misplaced_balances, standing_peak
from sequences.generator.linking import LONGEST_UNLINKED
from sequences.generator.prep import REHEARSALS
from sequences.generator.shapes import peak_needs
from sequences.generator.squat_order import FLOWING
from sequences.generator.vocabulary import BREATH_SECONDS, PEAK_NEED_RECENT
from sequences.models import MAX_CUE_LENGTH, Side

# The standing stances, in the order a teacher takes them on the way down to the floor: on
# one leg, feet together, a lunge, the wide stance, the squat (Garland: the step to the floor).
STANCE_ORDER = ("one_leg", "together", "lunge", "wide", "squat")
STANCES = {
    "one_leg": (
        "tree",
        "eagle",
        "dancer",
        "warrior-iii",
        "half-moon",
        "standing-hand-to-big-toe",
        "standing-split",
    ),
    "together": (
        "mountain",
        "upward-salute",
        "chair",
        "revolved-chair",
        "standing-forward-fold",
        "halfway-lift",
        "standing-side-bend",
    ),
    "lunge": (
        "high-lunge",
        "warrior-i",
        "humble-warrior",
        "twisted-crescent-lunge",
        "revolved-side-angle",
        "pyramid",
        "revolved-triangle",
    ),
    "wide": (
        "warrior-ii",
        "reverse-warrior",
        "extended-side-angle",
        "triangle",
        "goddess",
        "five-pointed-star",
        "wide-legged-forward-fold",
        "skandasana",
    ),
    "squat": ("garland",),
}
# The squat keeps the place `squat_order.squat_to_the_floor` gave it (next to the floor work
# it leads to): it ends a run rather than moving in one.
FIXED_STANCES = frozenset({"squat"})
STANCE_OF = {slug: stance for stance, slugs in STANCES.items() for slug in slugs}
SALUTATION = "Sun Salutation"
# Regroupings of one run at most: each spares a reset.
MOVES = 4
# The words a mini-flow's later step opens with (`linking._words`): its breaths.
BREATHS_SAID = re.compile(r"^\d+ breaths: ")


def stance_of(card) -> str | None:
    """The stance (STANCE_ORDER) a standing pose is done in, the floor level of a floor pose,
    None for a shape on the hands, an arm balance or an inversion."""
    if card.slug in STANCE_OF:
        return STANCE_OF[card.slug]
    level = level_of(card)
    return level if level in FLOOR_POSITIONS else None


def _card(step):
    return step.card if hasattr(step, "card") else step.pose


def _seconds(step) -> int:
    return step.hold if hasattr(step, "hold") else step.duration_seconds


def _peak(steps) -> int | None:
    return next((n for n, s in enumerate(steps) if s.phase == "peak"), None)


def movable(steps, n: int) -> bool:
    """The nth step is a held pose of the build done once through (not a side of a flow, not
    a Sun Salutation's, not a rest), in a stance or at a floor level."""
    step = steps[n]
    card = _card(step)
    return (
        step.phase == "build"
        and step.side == Side.BOTH
        and not step.flow.startswith(SALUTATION)
        and _seconds(step) > PASSING_SECONDS
        and not card.is_breathing
        and not is_rest(card)
        and stance_of(card) not in (None, *FIXED_STANCES)
    )


def runs(steps) -> list[tuple[int, int]]:
    """(first index, end index) of each run of two or more movable steps before the peak."""
    peak = _peak(steps)
    if peak is None:
        return []
    found: list[tuple[int, int]] = []
    start = None
    for n in range(peak + 1):
        if n < peak and movable(steps, n):
            start = n if start is None else start
            continue
        if start is not None and n - start > 1:
            found.append((start, n))
        start = None
    return found


def peak_key(steps, end: int) -> str | None:
    """The peak's stance or level where the run ending at `end` leads straight into it (a
    peak entered from the pose before it, Monkey from Half Splits, at that pose's level)."""
    peak = _peak(steps)
    if peak is None or end != peak:
        return None
    card = _card(steps[peak])
    before = _card(steps[peak - 1])
    if ENTRY_POSE.get(card.slug) == before.slug:
        return stance_of(before)
    return stance_of(card)


def keys(steps, start: int, end: int) -> list[str]:
    """The stances and levels of the run, the peak's after it where it leads into the peak."""
    found = [stance_of(_card(s)) for s in steps[start:end]]
    tail = peak_key(steps, end)
    return found + ([tail] if tail else [])


def returns(found: list[str]) -> list[int]:
    """Indices where the stances or levels come back to one they have left."""
    seen: set[str] = set()
    back = []
    for n, key in enumerate(found):
        if n and found[n - 1] == key:
            continue
        if key in seen:
            back.append(n)
        seen.add(key)
    return back


def grouped(run: list, last: str | None) -> list:
    """The run's steps grouped by stance and level, each group in the run's order: standing
    before the floor (the class goes down), the standing stances in STANCE_ORDER, the floor
    levels in the order the run first takes them; the peak's stance or level (`last`) last."""
    first_seen = {}
    for n, step in enumerate(run):
        first_seen.setdefault(stance_of(_card(step)), n)

    def key(item) -> tuple:
        n, step = item
        stance = stance_of(_card(step))
        standing = stance in STANCE_ORDER
        order = STANCE_ORDER.index(stance) if standing else first_seen[stance]
        return (stance == last, not standing, order, n)

    return [step for _, step in sorted(enumerate(run), key=key)]


def orders(steps, start: int, end: int) -> list[list]:
    """The regroupings tried for a run (`grouped`), best first: the peak's stance or level
    last; then the run's last pose kept last (what leads into the peak, or a pose preparing it
    that the run ended with: Revolved Chair before Garland, Crow and Side Crow), the rest
    grouped with the peak's stance or level nearest it, then towards the last pose's own. Where
    the run's last pose prepares the peak (`_prepares`), only the orders that keep it last."""
    run = list(steps[start:end])
    peak = _peak(steps)
    last = _card(run[-1])
    tries = []
    if not _prepares(last, _card(steps[peak])):
        tries.append(grouped(run, peak_key(steps, end)))
    tries.append(grouped(run[:-1], peak_key(steps, end) or stance_of(last)) + run[-1:])
    tries.append(grouped(run[:-1], stance_of(last)) + run[-1:])
    return tries


def _prepares(card, peak) -> bool:
    """The pose meets a need of the peak (`shapes.peak_needs`) or rehearses it (REHEARSALS)."""
    return card.slug in REHEARSALS.get(peak.slug, ()) or any(
        card.slug in need for need in peak_needs(peak)
    )


def better_order(steps, start: int, end: int, style: str) -> list | None:
    """The first regrouping of the run (`orders`) that comes back to fewer stances and levels
    and keeps what the run owed the peak (`keeps_the_lead`, the linked steps it would leave
    alone counted as held on their own: `linked_pieces`); None where none does."""
    before = len(returns(keys(steps, start, end)))
    if not before:
        return None
    for order in orders(steps, start, end):
        now = list(steps[:start]) + order + list(steps[end:])
        alone = {id(p[0]) for p in linked_pieces(order) if len(p) == 1}
        if len(returns(keys(now, start, end))) < before and keeps_the_lead(
            steps, now, style, alone
        ):
            return order
    return None


def fewer_resets(steps, start: int, end: int, style: str) -> bool:
    """A regrouping of the run spares a reset (`better_order`): the run holds more than
    needed."""
    return better_order(steps, start, end, style) is not None


def one_stance_at_a_time(drafts: list, mini_flows: set[str], style: str) -> None:
    """Once the holds are settled: each run of the build (`runs`) that comes back to a stance
    or level it has left regrouped (`better_order`), its mini-flows linked again
    (`relinked`); else left as it is. Drafts changed in place, `mini_flows` (the planner's
    names of them) given the new names."""
    for start, end in runs(drafts):
        for _ in range(MOVES):  # until no regrouping spares a reset (as the figure asks)
            order = better_order(drafts, start, end, style)
            if order is None:
                break
            drafts[start:end] = order
            relinked(drafts[start:end], mini_flows, drafts[_peak(drafts)].card, style)


def keeps_the_lead(was: list, now: list, style: str, alone=frozenset()) -> bool:
    """The reordered drafts (`now`) keep what the order before (`was`) gave the peak and the
    build: the last held pose before the peak meets one of its needs or rehearses it where it
    did (`quality.arc._peak_prepared`), each need met in the last PEAK_NEED_RECENT shapes is
    met there still (`_peak_prepared_recently`), the build drops back to an easy floor shape no
    more often (`quality.grouping._build_climbs`), no more knee turn-outs stack up in a floor
    run (`knee_rotations.stacked`), and a flowing build holds no longer run of
    single holds (`linking.LONGEST_UNLINKED`; `alone`: the ids of linked steps a regrouping
    leaves held on their own)."""
    peak = _peak(now)
    card = _card(now[peak])
    needs = peak_needs(card)
    if needs:
        old, new = _recent(was, peak), _recent(now, peak)
        # the pose straight before the peak meets at least the needs the one before did
        if (
            old[:1] != new[:1]
            and _met(old[:1], needs, card)
            and (not new or not all(new[0] in need for need in needs if old[0] in need))
        ):
            return False
        for need in needs:
            if set(need) & set(old) and not set(need) & set(new):
                return False
    if _drops(now, peak, card) > _drops(was, peak, card):
        return False
    if len(stacked(now, peak)) > len(stacked(was, peak)):
        return False
    if len(_balances_out(now, peak)) > len(_balances_out(was, peak)):
        return False
    if style in FLOWING:
        longest = max(LONGEST_UNLINKED, _longest_single(was, peak))
        return _longest_single(now, peak, alone) <= longest
    return True


def _recent(drafts: list, peak: int) -> list[str]:
    """The last PEAK_NEED_RECENT held shapes before the peak, nearest first (a rest between a
    pose's rounds none)."""
    slugs = [_card(d).slug for d in drafts[: peak + 1]]
    held = [
        slug
        for draft, slug in zip(drafts, slugs[:-1], strict=False)
        if _seconds(draft) > PASSING_SECONDS and slug != slugs[-1]
    ]
    shapes: list[str] = []
    for n in range(len(held) - 1, -1, -1):
        between = 0 < n < len(held) - 1 and held[n - 1] == held[n + 1]
        if not between and held[n] not in shapes:
            shapes.append(held[n])
        if len(shapes) == PEAK_NEED_RECENT:
            break
    return shapes


def _balances_out(steps, peak: int) -> list:
    """Before a standing peak, the balances out of order in the run of single standing holds
    straight before it (`quality.lead_in._balance_last`)."""
    card = _card(steps[peak])
    if not standing_peak(card):
        return []
    run = []
    for step in reversed(steps[:peak]):
        if step.phase != "build" or step.flow or _card(step).position != Position.STANDING:
            break
        run.insert(0, _card(step))
    return misplaced_balances(run, card)


def _met(slugs: list[str], needs, peak) -> bool:
    return any(
        slug in need or slug in REHEARSALS.get(peak.slug, ()) for slug in slugs for need in needs
    )


def _drops(drafts: list, peak: int, card) -> int:
    """Easy floor shapes held in the build after it climbed (`grouping.drops_back`)."""
    climbed, count = False, 0
    for n in range(peak):
        draft = drafts[n]
        if draft.phase != "build" or _seconds(draft) <= PASSING_SECONDS:
            continue
        if draft.flow.startswith(SALUTATION):
            continue
        if 0 < n < peak - 1 and _card(drafts[n - 1]).slug == _card(drafts[n + 1]).slug:
            continue
        if _card(draft).intensity >= 3:
            climbed = True
        elif climbed and drops_back(_card(draft), card):
            count += 1
    return count


def _longest_single(drafts: list, peak: int, alone=frozenset()) -> int:
    """The longest run of single holds in the build, a pose's rounds linking them
    (`squat_order._single_run`, `quality.linking.unlinked_runs`)."""

    def single(k: int) -> bool:
        if drafts[k].phase != "build" or (drafts[k].flow and id(drafts[k]) not in alone):
            return False
        near = {_card(drafts[j]).slug for j in (k - 2, k + 2) if 0 <= j < len(drafts)}
        return _card(drafts[k]).slug not in near

    longest = count = 0
    for n in range(peak):
        count = count + 1 if single(n) else 0
        longest = max(longest, count)
    return longest


def linked_pieces(run: list) -> list[list]:
    """The run's linked steps, side by side, that stay linked after a regrouping: those of one
    flow or at one stance or level, a lone one a piece of its own."""
    pieces: list[list] = []
    before = None
    for step in run:
        joined = (
            before is not None
            and before.flow
            and step.flow
            and (before.flow == step.flow or stance_of(_card(before)) == stance_of(_card(step)))
        )
        if joined:
            pieces[-1].append(step)
        elif step.flow:
            pieces.append([step])
        before = step
    return pieces


def relinked(run: list, mini_flows: set[str], peak, style: str) -> None:
    """The run's linked steps after a regrouping: steps side by side that were linked, at one
    level or of one flow, linked again (named from their poses as they stand, as
    `linking.Linking.mini_flow` names a flow), each later step saying its breaths, a first
    step not; a step left alone is held on its own, worded as any build hold is
    (`reasons.build`: its own job or what it prepares for `peak`)."""
    pieces = linked_pieces(run)
    for piece in pieces:
        if len(piece) == 1:
            draft = piece[0]
            draft.flow, draft.describe = "", None
            draft.cue = reasons.build(
                draft.card, peak, focus_words="", works_focus=False, style=style
            )
            continue
        cards = [d.card for d in piece]
        name = f"{flow_labels.head(cards)}: {' → '.join(c.name for c in cards)}"
        mini_flows.add(name)
        for index, draft in enumerate(piece):
            draft.flow = name
            _said_at(draft, index)


def _said_at(draft, index: int) -> None:
    """The draft's words as the indexth step of its flow (or a single hold, 0): a later step
    opens with its breaths, a first one does not."""
    describe = draft.describe
    if describe is None:
        return

    def said(d, describe=describe) -> str:
        words = BREATHS_SAID.sub("", describe(d))
        if index == 0:
            return words
        return f"{d.hold // BREATH_SECONDS} breaths: {words}"

    draft.describe = said


# The way from a balance on one leg to the feet together, before the pose's name (review r18
# F1: "unwind from Eagle, feet together, sit back into Chair"): the wrapped legs of Eagle
# unwind; any other lifted foot comes down beside the standing one.
UNWIND = "Unwind from {}, then"
FOOT_DOWN = "Lower the lifted foot from {} beside the standing one, then"
WRAPPED = frozenset({"eagle"})
# How the next pose is taken, not what it works (`neighbours.POSE_WORDS`): the words around
# the balance's name.
WAY_WORDS = tuple(part for way in (UNWIND, FOOT_DOWN) for part in way.split("{}"))


def stance_words(drafts: list) -> None:
    """Once the cues are worded: a pose with the feet together held on its own straight after
    a one-leg balance held on its own says the way from the balance (UNWIND, FOOT_DOWN) before
    its own words, where they open with its set-up (`reasons.HOW`, before the colon: "Big toes
    together, sit back as if into a chair") and the cue has room (MAX_CUE_LENGTH); drafts
    changed in place."""
    for before, draft in zip(drafts, drafts[1:], strict=False):
        if draft.phase != "build" or draft.flow or before.flow or not draft.cue:
            continue
        if stance_of(before.card) != "one_leg" or stance_of(draft.card) != "together":
            continue
        set_up = reasons.HOW.get(draft.card.slug, "").partition(": ")[0]
        if not set_up or not draft.cue.lower().startswith(set_up.lower()):
            continue
        way = (UNWIND if before.card.slug in WRAPPED else FOOT_DOWN).format(before.card.name)
        cue = f"{way} {draft.cue[0].lower()}{draft.cue[1:]}"
        if len(cue) <= MAX_CUE_LENGTH:
            draft.cue = cue
