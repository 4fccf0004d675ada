"""No stack of knee-loading turn-outs before a peak that does not ask for them (blind review
r17 F7: before Monkey Pose the last seated block ran Half Lotus, Bound Angle, Cow Face,
Revolved Head-to-Knee, Fire Log, about 4:20 of knee torque, none of it for the splits; the
teacher swaps Fire Log for Lizard, 45 s each, which leads into Low Lunge and Half Splits).

`KNEE_LOADING_OUT` are the seated shapes that turn the hip out with the knee bent under load;
`stacked` finds, in one run of floor work before the peak, the ones past the second where the
peak does not turn the hip out. The quality figure is `quality.knee_rotations`'s.
"""

from dataclasses import replace

from poses.models import Category, Caution
from sequences.generator import reasons
from sequences.generator.given_seconds import STEP
from sequences.generator.grouping import drops_back
from sequences.generator.needs import HIP_OPENERS_OUT, HIP_WAY, gives, needs_of
from sequences.generator.shapes import family
from sequences.generator.squat_order import FLOOR, given_away, height, longest

# The turn-outs that load the bent knee: the foot high on the thigh, the shins stacked.
KNEE_LOADING_OUT = frozenset({"half-lotus", "lotus", "cow-face", "fire-log"})
# At most this many of them in one run of floor work before a peak that does not need them.
MOST_IN_A_RUN = 2


def _card(step):
    return step.card if hasattr(step, "card") else step.pose


def turns_out(peak) -> bool:
    """The peak itself turns the hip out (Lotus, Pigeon), so the turn-outs prepare it."""
    return HIP_WAY.get(peak.slug) == "out" or peak.slug in HIP_OPENERS_OUT


def stacked(steps, peak: int) -> list[int]:
    """The indexes of the knee-loading turn-outs held on their own past MOST_IN_A_RUN in one
    run of floor work of the build before the peak (the nth step; a flow's count toward the
    run), where the peak does not turn the hip out."""
    if turns_out(_card(steps[peak])):
        return []
    found, run = [], 0
    for n in range(peak):
        card = _card(steps[n])
        if steps[n].phase != "build" or height(card) != FLOOR:
            run = 0
            continue
        if card.slug in KNEE_LOADING_OUT and not (n and _card(steps[n - 1]).slug == card.slug):
            run += 1
            if run > MOST_IN_A_RUN and not steps[n].flow:
                found.append(n)
    return found


# The lunges a teacher climbs into the splits by, each a step of its own though one shape
# (`vocabulary.SHAPE_GROUPS`): Lizard opens the front groin, Low Lunge the back hip (r17 F7).
LADDERS = {"full-splits": frozenset({"lizard", "low-lunge"})}


def shape_of(card, peak) -> str:
    """The shape a pose is taught as (`shapes.family`), a rung of the peak's ladder (LADDERS)
    its own."""
    if peak is not None and card.slug in LADDERS.get(peak.slug, ()):
        return card.slug
    return family(card)


# What the pose that takes a stacked turn-out's place says, as the teacher says it (r17 F7).
TOWARD_THE_PEAK = {
    "lizard": "Back knee down on a blanket, both hands inside the front foot on blocks, the "
    "front knee over the ankle, hips low: the back hip flexor and the front groin open toward "
    "{peak}.",
}


def spare_the_knees(drafts, pool, style: str) -> None:
    """Once the holds are fitted: each stacked turn-out (`stacked`) held on its own gives its
    place and hold to a pose of the pool that prepares a need of the peak and loads no knee
    (TOWARD_THE_PEAK: F7, Fire Log 45 s each → Lizard 45 s each before Low Lunge, Half Splits
    and Monkey Pose), where one is not already held and its range takes the hold; else it is
    left out, its seconds given to the floor holds around it; drafts changed in place."""
    peak = next((n for n, d in enumerate(drafts) if d.phase == "peak"), None)
    if peak is None:
        return
    top = drafts[peak].card
    needs = needs_of(top)
    for n in reversed(stacked(drafts, peak)):
        draft = drafts[n]
        if draft.fixed:
            continue
        held = {d.card.slug for d in drafts}
        for card in pool:
            low, high = card.hold_range(style)
            if (
                card.slug in TOWARD_THE_PEAK
                and card.slug not in held
                and card.is_bilateral == draft.card.is_bilateral
                and card.intensity <= draft.card.intensity
                and low <= draft.hold <= high
                and any(gives(need, card, top) for need in needs)
            ):
                drafts[n] = replace(
                    draft,
                    card=card,
                    low=low,
                    high=high,
                    cue=TOWARD_THE_PEAK[card.slug].format(peak=top.name),
                    describe=None,
                )
                break
        else:
            # no pose of the peak's to take its place: left out, its seconds to the floor
            # holds around it, else to the holds around it at any level (a short gentle
            # build's floor holds already long)
            drafts.pop(n)
            most = longest(drafts, style)
            if not any(
                given_away(drafts, n, draft.seconds, style, level=level, most=most)
                for level in (FLOOR, None)
            ):
                drafts.insert(n, draft)
                _floor_instead(drafts, n, pool, style, most)


def _floor_instead(drafts, n: int, pool, style: str, most: int) -> None:
    """Where the holds around cannot take a left-out turn-out's seconds (a short gentle
    build's floor holds already at their longest): the nth draft held instead as another
    floor pose of the pool (the class's choices allow it) that loads no knee, its shape not
    held already (`shape_twice`), no harder, not a step back to a warm-up shape
    (`build_climbs`), of the same kind where one is (a hip opener for Fire Log), a restorative
    one last (Supported Fish before Upward Plank), as long as its range lets, the seconds it
    cannot take given to the holds around it; else left as it was."""
    draft = drafts[n]
    peak = next(d.card for d in drafts if d.phase == "peak")
    held = {d.card.slug for d in drafts}
    shapes = {family(d.card) for d in drafts}
    fits = sorted(
        (
            card
            for card in pool
            if height(card) == FLOOR
            and card.slug not in KNEE_LOADING_OUT
            and Caution.KNEE_LOAD not in card.cautions
            and not drops_back(card, peak)
            and card.slug not in held
            and family(card) not in shapes
            and card.intensity <= draft.card.intensity
            and not card.is_breathing
        ),
        key=lambda c: (
            c.category == Category.RESTORATIVE,
            c.category != draft.card.category,
            c.is_bilateral != draft.card.is_bilateral,
            c.slug,
        ),
    )
    for card in fits:
        low, high = card.hold_range(style)
        # its own job or what it prepares, from its own facts, as any build hold says
        cue = reasons.build(card, peak, focus_words="", works_focus=False, style=style)
        instead = replace(draft, card=card, low=low, high=high, cue=cue, describe=None)
        instead.hold = min(high, most, draft.seconds // instead.weight // STEP * STEP)
        if instead.hold < low:
            continue
        instead.high = instead.hold
        drafts[n] = instead
        left = draft.seconds - instead.seconds
        if not left or given_away(drafts, n, left, style, level=None, most=most):
            return
        drafts[n] = draft
