"""What follows the peak does not reopen it (blind review r18 F2: after Frog, Crocodile, then
Happy Baby "opens the hips Frog Pose worked": the same wide-knee groin stretch again, and
nothing brought the knees together until Knees-to-Chest three poses later).

The counter-pose and the first cool-down poses bring the body back toward neutral. Scanning
the steps after the peak (the counter-pose and the cool-down, in order), until a pose has
neutralised the peak's shape none repeats it in the same direction:

- after a wide-knee, externally rotated peak (Frog, Bound Angle, Garland, Lizard, Fire Log,
  `WIDE_KNEES`) no wide-knee or turned-out shape (Happy Baby, Reclined Bound Angle, Reclined
  Figure Four, Frog again) until a pose
  has drawn the knees together (`KNEES_TOGETHER`: Knees-to-Chest, Reclined Twist, Bridge, a
  seated fold); a rest on the belly or the knees (Crocodile) rests but does not neutralise;
- after a deep backbend no second backbend before a pose that is not one;
- after a deep forward fold or the splits (a hamstring stretch at intensity 3 or more) no
  further hamstring stretch before a pose that is not one.

`reopened(peak, cards)` names the poses the quality figure `quality.after_peak` counts;
`knees_together_instead` is the generator's pass (`Phases.finish_cool_down`, before the
hamstring count): it runs once the build is planned, so only the cool-down changes.
"""

from poses.models import Category
from sequences.generator.reasons import stretches_hamstrings
from sequences.generator.shapes import family as shape_family
from sequences.generator.shapes import is_deep_backbend

# Wide-knee, externally rotated shapes: the groins open, the knees apart (or one knee turned
# out, the hip rotated the same way).
WIDE_KNEES = frozenset(
    {
        "frog",
        "bound-angle",
        "garland",
        "lizard",
        "fire-log",
        "happy-baby",
        "reclined-bound-angle",
        "goddess",
        "butterfly-yin",
        "dragon-yin",
        # one knee out, the hip turned out the same way (Figure Four, Pigeon)
        "reclined-figure-four",
        "pigeon-prep",
        "sleeping-swan-yin",
        "chair-figure-four",
    }
)
# Shapes that draw the knees together (or the legs parallel): the hips back to neutral.
KNEES_TOGETHER = frozenset(
    {
        "knees-to-chest",
        "reclined-twist",
        "bridge",
        "supported-bridge",
        "seated-forward-fold",
        "legs-up-the-wall",
        "supine-hand-to-big-toe",
    }
)
DEEP_FOLD = 3  # a hamstring stretch of this intensity or more as the peak is a deep fold


def family(peak) -> str:
    """The shape the peak opens at depth: "knees", "backbend", "fold", or "" (none of them)."""
    if peak.slug in WIDE_KNEES and peak.category == Category.HIP_OPENER:
        return "knees"
    if is_deep_backbend(peak):
        return "backbend"
    if stretches_hamstrings(peak) and peak.intensity >= DEEP_FOLD:
        return "fold"
    return ""


def _repeats(kind: str, card) -> bool:
    if kind == "knees":
        return card.slug in WIDE_KNEES
    if kind == "backbend":
        return card.category == Category.BACKBEND
    return stretches_hamstrings(card)


def _neutralises(kind: str, card) -> bool:
    if kind == "knees":
        return card.slug in KNEES_TOGETHER
    return not card.is_breathing and not _repeats(kind, card)


def reopens(peak, card, since) -> bool:
    """`card`, held after the poses `since` (those from the counter-pose on), repeats the
    peak's shape before any of them neutralised it."""
    kind = family(peak)
    if not kind or not _repeats(kind, card):
        return False
    return not any(_neutralises(kind, c) for c in since)


def reopened(peak, cards) -> list[int]:
    """Of `cards` (the poses from the counter-pose on, in order), the indices of those that
    repeat the peak's shape before one has neutralised it."""
    kind = family(peak)
    if not kind:
        return []
    found = []
    for n, card in enumerate(cards):
        if _neutralises(kind, card):
            break
        if _repeats(kind, card):
            found.append(n)
    return found


def knees_together_instead(planner) -> None:
    """After a wide-knee peak, each wide-knee or turned-out shape the cool-down picked
    (`WIDE_KNEES`: Happy Baby after Frog) gives its place to another cool-down pose, one that
    draws the knees together first (`KNEES_TOGETHER`: Knees-to-Chest, Reclined Twist), as the
    teacher did (r18 F2). Done once the build is planned (`Phases.finish_cool_down`), so only
    the cool-down changes; where no other pose fits, the shape is left out."""
    peak = planner.peak
    if peak is None or family(peak) != "knees":
        return
    planner.knees_together = True  # (and so for the poses the fit adds later: `wide_again`)
    for block in [b for b in planner.blocks if b.phase == "cool_down"]:
        card = block.cards[0]
        if card.slug not in WIDE_KNEES:
            continue
        planner.blocks.remove(block)
        planner.families.discard(shape_family(card))
        other = planner.pick(
            lambda c: (
                planner.cool_down_fits(c)
                and c.slug not in WIDE_KNEES
                and not stretches_hamstrings(c)
                and planner.room_to_twist(c)
            ),
            prefer=lambda c: 3.0 * (c.slug in KNEES_TOGETHER),
        )
        if other is not None and planner.fits_one_more(other):
            planner.cool_down_hold(other, optional=block.optional)


def wide_again(planner, card) -> bool:
    """Whether `card` is a wide-knee or turned-out shape the cool-down may no longer take once
    `knees_together_instead` has kept them out: a pose the fit adds to fill the time (a quiet
    pose, one more cool-down pose) keeps the rule too (Reclined Bound Angle after Dragon in a
    yin class)."""
    return getattr(planner, "knees_together", False) and card.slug in WIDE_KNEES
