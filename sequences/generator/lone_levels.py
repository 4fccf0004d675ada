"""A lone build pose on another level than the poses around it is held on their level
instead (blind review r19 F7: 20 min advanced vinyasa for the hips, Twisted Crescent Lunge
standing → Wide-Angle Seated Forward Fold seated, 25 s → Low Lunge kneeling: two changes of
level for one short hold). The teacher held Wide-Legged Forward Fold, standing, for the same
25 s: the same job (the hamstrings and inner thighs for Monkey Pose) on the level the class is
already at.

`level_alone` runs once the holds are fitted and the stances grouped (`one_stance_at_a_time`),
before any cue is worded: a held build step whose level (HEIGHT) is neither of its neighbours',
the neighbours on one level or next to each other, is swapped for a pose of the pool on the
level before it (else after it) that does its job (`same_job`), held as long. The figure is
`lone_level` (quality/lone_levels.py)."""

from dataclasses import replace

from poses.models import Position
from sequences.checks.common import PASSING_SECONDS
from sequences.generator import reasons
from sequences.generator.floor_order import level_of
from sequences.generator.prep import REHEARSALS
from sequences.generator.shapes import family, peak_needs
from sequences.generator.version_rules import STILL_STYLES

# How far each level is from standing: a change between two next to each other is one step
# down or up (to the knees, to sit, to lie).
HEIGHT = {
    Position.STANDING: 0,
    Position.HANDS_AND_FEET: 1,
    Position.KNEELING: 1,
    Position.SEATED: 2,
    Position.SUPINE: 3,
    Position.PRONE: 3,
}


def height(card) -> int | None:
    """The card's level as HEIGHT counts it (None for an arm balance or an inversion)."""
    return HEIGHT.get(level_of(card))


def lone(before, card, after) -> bool:
    """Whether `card` stands alone on its level between `before` and `after` (cards): on
    neither one's level, theirs the same or next to each other."""
    levels = [height(c) for c in (before, card, after)]
    if None in levels:
        return False
    first, own, last = levels
    return own not in (first, last) and abs(first - last) <= 1


def swappable(card, peak, style: str) -> bool:
    """Whether `card` may be held as another pose before the `peak` (cards): not in a still
    style (yin, restorative: the time set aside between shapes is counted by them), nor a pose
    that meets a need of the peak or rehearses it (`shapes.peak_needs`, prep.REHEARSALS)."""
    if style in STILL_STYLES or peak is None:
        return False
    if card.slug in REHEARSALS.get(peak.slug, ()):
        return False
    return not any(card.slug in need for need in peak_needs(peak))


def same_job(card, other) -> bool:
    """`other` does `card`'s job: its kind (category), its sides, and a first target area
    among `card`'s first two."""
    return (
        other.category == card.category
        and other.is_bilateral == card.is_bilateral
        and other.target_areas[:1]
        and other.target_areas[0] in card.target_areas[:2]
    )


def climbed(steps) -> bool:
    """The build has climbed by these steps (card, phase, flow, seconds each): a pose of
    intensity 3 or more held in it, not passed through in a flow nor a Sun Salutation's
    (`quality.grouping`'s build_climbs)."""
    return any(
        phase == "build"
        and card.intensity >= 3
        and not (flow and seconds <= PASSING_SECONDS)
        and not flow.startswith("Sun Salutation")
        for card, phase, flow, seconds in steps
    )


def instead(card, hold: int, before, after, pool, held, style: str, *, peak=None, high=False):
    """A pose of the pool doing `card`'s job (`same_job`) on the level of `before`, else of
    `after` (cards), no harder, not held already nor of a held pose's shape (`held`: the
    class's cards), whose range takes `hold`: or None. Once the build has `high` (climbed), not
    a warm-up shape that does not serve the `peak` (`grouping.drops_back`: Puppy for Upward
    Plank after the standing flows is a step back down)."""
    from sequences.generator.grouping import drops_back  # (grouping reads the levels)

    slugs = {c.slug for c in held}
    families = {family(c) for c in held if c.slug != card.slug}
    for level in dict.fromkeys((height(before), height(after))):
        fits = sorted(
            (
                c
                for c in pool
                if height(c) == level
                and c.slug not in slugs
                and family(c) not in families
                and same_job(card, c)
                and c.intensity <= card.intensity
                and not c.is_breathing
                and not (high and peak is not None and drops_back(c, peak))
            ),
            key=lambda c: (
                set(c.target_areas[:2]) != set(card.target_areas[:2]),
                -len(set(c.target_areas[:3]) & set(card.target_areas[:3])),
                card.intensity - c.intensity,
                c.slug,
            ),
        )
        for other in fits:
            low, high = other.hold_range(style)
            if low <= hold <= high:
                return other
    return None


def level_alone(drafts, pool, style: str) -> None:
    """Each held build draft alone on its level (`lone`) held instead as a pose of its job on
    the level around it (`instead`), the hold unchanged, in place."""
    peak = next((d.card for d in drafts if d.phase == "peak"), None)
    if peak is None:
        return
    for n in range(1, len(drafts) - 1):
        draft, before, after = drafts[n], drafts[n - 1], drafts[n + 1]
        if draft.phase != "build" or draft.flow:
            continue
        if not swappable(draft.card, peak, style):
            continue
        if not lone(before.card, draft.card, after.card):
            continue
        held = [d.card for d in drafts]
        high = climbed((d.card, d.phase, d.flow, d.hold) for d in drafts[:n])
        other = instead(
            draft.card, draft.hold, before.card, after.card, pool, held, style, peak=peak, high=high
        )
        if other is not None:
            low, high = other.hold_range(style)
            cue = reasons.build(other, peak, focus_words="", works_focus=False, style=style)
            # its own words, not the swapped pose's worded later (`describe`)
            drafts[n] = replace(draft, card=other, low=low, high=high, cue=cue, describe=None)
