"""The floor's own order (teacher review r15, F2, F4): within a floor section a teacher
groups the poses by position — kneeling or on all fours, on the belly, on the back, seated —
visiting each once where the plan allows, and at one position takes the backbends gentle to
strong. `floor_sections` names the sections both the figures and the planner read."""

from poses.models import FLOOR_POSITIONS, Category, Position
from sequences.generator.entries import ENTRY_POSE
from sequences.generator.prep import REHEARSALS
from sequences.generator.shapes import entered_from, is_hamstring_fold, peak_needs
from sequences.generator.vocabulary import DEEPER_VARIANTS, SPINE_WARM_UPS

AROUND = ("centring", "relaxation", "closing")
AFTER_THE_PEAK = ("counter", "cool_down")
BEFORE_THE_PEAK = ("warm_up", "build")
FLOWS = frozenset({"sun", "flow", "again"})
# The joint-by-joint warm-up (`phases.Phases` opens the warm-up with it): never moved out of
# the warm-up into the build.
JOINT_WARM_UPS = frozenset({"wrist-circles", "neck-release", "shoulder-circles"})
# A rest between two rounds of a pose (Crocodile, Child's Pose, Knees-to-Chest).
REST_INTENSITY = 1
# A regrouping weighs a fault a teacher would see far above a pose moved from its place.
FAULT, MOVED = 10.0, 0.01
# Moves tried one after another, each the best single move, while one lowers the faults.
MOVES = 8
# The blocks straight before the peak that prepare it lately stay there.
LEADS_IN = 4


def level_of(card) -> str:
    """The level a pose is done at: where it is entered from, lying on the side counted as
    lying on the back (`grouping.level_of`)."""
    position = entered_from(card)
    return Position.SUPINE if position == Position.SIDE_LYING else position


def floor_sections(steps, peak, *, after: bool = True) -> list[list[tuple[str, object]]]:
    """Each run of held floor shapes (level, step) in `steps`: broken by any shape off the
    floor (standing, on the hands and feet) and at the peak's end (the way to the peak, its
    rounds included, one section; the counter-pose and cool-down another; `after=False`
    leaves those out); a rest between two rounds of one pose (Crocodile between Locusts,
    Knees-to-Chest between Boats) and the rests between the peak's rounds are no visit, and a
    pose entered from the one before it (`entries.ENTRY_POSE`: Full Splits from Half Splits)
    is done at that one's level."""
    sections: list[list[tuple[str, object]]] = []
    current: list[tuple[str, object]] = []
    side = None
    steps = [s for s in steps if not s.pose.is_breathing and s.phase not in AROUND]
    for n, step in enumerate(steps):
        if step.phase == "peak" and peak is not None and step.pose.slug != peak.pose.slug:
            continue
        if (
            0 < n < len(steps) - 1
            and steps[n - 1].pose.slug == steps[n + 1].pose.slug != step.pose.slug
            and step.pose.intensity <= REST_INTENSITY
        ):
            continue  # a rest between a pose's rounds
        now = step.phase in AFTER_THE_PEAK
        level = level_of(step.pose)
        if current and n and ENTRY_POSE.get(step.pose.slug) == steps[n - 1].pose.slug:
            level = current[-1][0]
        if level not in FLOOR_POSITIONS or now != side:
            if current:
                sections.append(current)
            current = []
            side = now
            if level not in FLOOR_POSITIONS:
                continue
        current.append((level, step))
    if current:
        sections.append(current)
    if not after:
        sections = [s for s in sections if s[0][1].phase not in AFTER_THE_PEAK]
    return sections


def _level_runs(levels: list[str]) -> list[tuple[str, int, int]]:
    """(level, first index, end index) of each run of one level."""
    runs: list[tuple[str, int, int]] = []
    for n, level in enumerate(levels):
        if runs and runs[-1][0] == level:
            runs[-1] = (level, runs[-1][1], n + 1)
        else:
            runs.append((level, n, n + 1))
    return runs


def revisits(levels: list[str]) -> int:
    """How many times the levels go back to one they have left."""
    seen: set[str] = set()
    count = 0
    for level, _, _ in _level_runs(levels):
        count += level in seen
        seen.add(level)
    return count


def strong_before_gentle(cards: list[tuple[str, object]]) -> int:
    """How many backbends at one level come after a stronger one at that level."""
    strongest: dict[str, int] = {}
    count = 0
    for level, card in cards:
        if card.category != Category.BACKBEND:
            continue
        count += card.intensity < strongest.get(level, 0)
        strongest[level] = max(strongest.get(level, 0), card.intensity)
    return count


def _cards(block) -> list:
    return [d.card for d in block.drafts if not d.card.is_breathing]


def _warms_first(cards: list) -> int:
    """Backbends, twists and hamstring folds before the spinal warm-up (Cat-Cow), and a
    variant before its base pose: what the warm-up's own order forbids."""
    count = 0
    spine = any(c.slug in SPINE_WARM_UPS for c in cards)
    for n, card in enumerate(cards):
        if card.slug in SPINE_WARM_UPS:
            spine = False
        elif spine and (
            card.category in (Category.BACKBEND, Category.TWIST) or is_hamstring_fold(card)
        ):
            count += 1
        count += any(card.slug in DEEPER_VARIANTS.get(c.slug, ()) for c in cards[n + 1 :])
    return count


class FloorOrder:
    """The floor's own order, settled with the rest of the order (mixed into
    `grouping.Grouping`): each floor section on the way to the peak visits each position once
    where the plan allows, the backbends at one position gentle to strong."""

    def group_the_floor(self) -> None:
        """Each run of floor blocks before the peak (warm-up and build, no standing or flowing
        work between) reordered by the fewest single moves (of a block, or of a run of blocks
        at one level) that leave no position revisited — the floor shape before the run and
        the floor peak after it counted — and no gentler backbend after a stronger one at its
        position; what leads into the peak stays at the level the run ends at, the last
        LEADS_IN blocks before the peak keep what prepares it, the spinal warm-up comes
        before what bends or twists, a base pose before its variant (`_cost`). A run no
        move betters stays as it is; a block still taking the class away and back is left
        out where the practice may leave it out (`_lone_level_left_out`)."""
        if self.slow:
            return
        for section, head, tail, peak in self._floor_block_runs():
            order = _regrouped(section, head, tail, peak)
            if order is not section:
                _placed(section, order)
            self._lone_level_left_out(order, head, tail)

    def _lone_level_left_out(self, order: list, head: str | None, tail: str | None) -> None:
        """A block that still takes the class to a position and back (a lone seated Upward
        Plank between the Locusts on the belly and Child's Pose before Frog) is left out
        where the practice may leave it out (`keeps_the_focus`), its time given to the rest
        (review r15 F8)."""
        levels = [head] * bool(head) + [_level(b) for b in order] + [tail] * bool(tail)
        if not revisits(levels):
            return
        for block in order:
            if block.leads_in or not block.optional or _joints(block):
                continue
            kept = [b for b in order if b is not block]
            rest = [head] * bool(head) + [_level(b) for b in kept] + [tail] * bool(tail)
            if revisits(rest) < revisits(levels) and self.keeps_the_focus(block):
                self.take_back(block)
                return

    def _floor_block_runs(self) -> list[tuple]:
        """Each run of two or more floor blocks on the way to the peak (a block held at floor
        positions, not a flow), with the level of the floor shape just before it and the
        floor peak just after it (None where the class is off the floor)."""
        runs: list[tuple] = []
        current: list = []
        head = before = None
        for block in self._in_order():
            cards = _cards(block)
            if not cards:
                continue
            on_floor = all(level_of(c) in FLOOR_POSITIONS for c in cards)
            floor = on_floor and block.phase in BEFORE_THE_PEAK and block.kind not in FLOWS
            if floor:
                if not current:
                    head = before
                current.append(block)
            else:
                if len(current) > 1:
                    peak = cards[0] if block.phase == "peak" else None
                    tail = level_of(cards[0]) if on_floor and peak else None
                    if ENTRY_POSE.get(cards[0].slug) == _cards(current[-1])[-1].slug:
                        tail = None  # entered from what leads in, at its level
                    runs.append((current, head, tail, peak))
                current = []
            before = level_of(cards[-1]) if on_floor else None
        if len(current) > 1:
            runs.append((current, head, None, None))
        return runs


def _joints(block) -> bool:
    """The block circles a joint in the warm-up (JOINT_WARM_UPS)."""
    return any(c.slug in JOINT_WARM_UPS for c in _cards(block))


def _level(block) -> str:
    return level_of(_cards(block)[0])


def _cost(order: list, section: list, head: str | None, tail: str | None, peak=None) -> float:
    levels = [head] * bool(head) + [_level(b) for b in order] + [tail] * bool(tail)
    cards = [c for b in order for c in _cards(b)]
    cost = FAULT * (revisits(levels) + strong_before_gentle([(level_of(c), c) for c in cards]))
    cost += FAULT * _warms_first(cards)
    leads = [b for b in order if b.leads_in]
    if any(_level(b) != levels[-1] for b in leads):
        cost += 10 * FAULT
    for block, was in zip(order, section, strict=True):
        if was.phase != block.phase and _joints(block):
            cost += 10 * FAULT  # a joint circled in the build
    if peak is not None and _leads_in_moved(order, section, tail, peak):
        cost += 10 * FAULT
    return cost + MOVED * sum(abs(n - section.index(b)) for n, b in enumerate(order))


def _leads_in_moved(order: list, section: list, tail: str, peak) -> bool:
    """Before the peak, what leads into it and what meets its needs (`shapes.peak_needs`)
    among the last LEADS_IN blocks stay among them (`quality.arc._peak_prepared_recently`),
    and the last stays last but for a stronger shape of its family at its level (Locust after
    Sphinx, before Bow) or a shape at the peak's own level (Bridge before Wheel)."""
    now, was_there = order[-LEADS_IN:], section[-LEADS_IN:]
    if any(b.leads_in and not any(b is n for n in now) for b in was_there):
        return True
    near = {c.slug for b in now for c in _cards(b)}
    was_near = {c.slug for b in was_there for c in _cards(b)}
    if any(set(need) & was_near and not set(need) & near for need in peak_needs(peak)):
        return True
    last, was = _cards(order[-1])[0], _cards(section[-1])[0]
    return last is not was and not (
        level_of(last) == tail
        and _may_come_last(last, peak)
        or level_of(last) == level_of(was)
        and last.category == was.category
        and last.intensity > was.intensity
    )


def _may_come_last(card, peak) -> bool:
    """A shape may come last before a peak with needs only where it meets one or rehearses
    the peak (`quality.arc._peak_prepared`): Cow Face is seated as Upward Plank is, but not
    what it asks for (Bridge, Locust)."""
    needs = peak_needs(peak)
    return (
        not needs
        or any(card.slug in need for need in needs)
        or card.slug in REHEARSALS.get(peak.slug, ())
    )


def _moves(order: list):
    """Every order one block, or one run of blocks at one level, moved elsewhere."""
    units: list[tuple[int, int]] = [(n, n + 1) for n in range(len(order))]
    start = 0
    for n in range(1, len(order) + 1):
        if n == len(order) or _level(order[n]) != _level(order[start]):
            if n - start > 1:
                units.append((start, n))
            start = n
    for first, end in units:
        moved, rest = order[first:end], order[:first] + order[end:]
        for at in range(len(rest) + 1):
            if at == first:
                continue
            yield rest[:at] + moved + rest[at:]


def _regrouped(section: list, head: str | None, tail: str | None, peak=None) -> list:
    """The section's blocks in the order of the fewest faults (`_cost`), by best single
    moves; the section itself where no move lowers its faults."""
    best, best_cost = section, _cost(section, section, head, tail, peak)
    if best_cost < FAULT:
        return section
    for _ in range(MOVES):
        cost, order = min(
            ((_cost(o, section, head, tail, peak), o) for o in _moves(best)), key=_first
        )
        if cost >= best_cost:
            break
        best_cost, best = cost, order
        if best_cost < FAULT:
            break
    if int(best_cost / FAULT) >= int(_cost(section, section, head, tail, peak) / FAULT):
        return section
    return best


def _first(pair: tuple):
    return pair[0]


def _placed(section: list, order: list) -> None:
    """The blocks of `order` given the section's places (phase and rank) in turn: the phase
    a place had stays with the place, so the warm-up and build keep their share."""
    places = [(b.segment, b.phase, b.rank) for b in section]
    for n, (block, (segment, phase, rank)) in enumerate(zip(order, places, strict=True)):
        block.segment, block.rank = segment, rank + 1e-7 * n
        if block.phase != phase:
            block.phase = phase
            for draft in block.drafts:
                draft.phase = phase
