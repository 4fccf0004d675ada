"""A class for weakened bones rises with a flat back and never rolls up (blind review r18 F10:
a gentle osteoporosis_safe class's Down Dog "takes you up to standing" with no word on how; the
usual way, walking to the feet, folding and rolling up vertebra by vertebra, is loaded spinal
flexion, what osteoporosis_safe leaves out). The teacher's words: "From Down Dog walk the hands
back onto blocks, knees deeply bent, hands to the thighs, and rise with a flat back. Never roll
up."

`rise_with_a_flat_back` rewrites the practice's cues once they are worded
(`generate._practice`), every style alike: a pose that takes you up to standing says how
(RISE_FROM_DOG, RISE), a Sun Salutation said in one breath steps forward and rises with a
flat back, a rise from a hinge says the back flat, and a roll up (ROLLED_UP) becomes a rise
with a flat back. The `rises_flat_back` figure (quality/rise_flat.py) finds what is left."""

import re

from accounts.models import Avoidance
from poses.models import Category, Position
from sequences.generator.entries import TAKES_UP
from sequences.models import MAX_CUE_LENGTH, Side

# The teacher's words for the way up from Down Dog (r18 F10), said after "takes you up to
# standing" (so not "From Down Dog", which says where a pose is entered from: entries.SAID_FROM);
# from another pose that takes you up (Dolphin); and in a few words where a cue has no room.
RISE_FROM_DOG = (
    "walk the hands back onto blocks, knees deeply bent, hands to the thighs, and rise with a "
    "flat back. Never roll up."
)
RISE = "knees deeply bent, hands to the thighs, rise with a flat back. Never roll up."
RISE_SHORT = "knees bent, hands to the thighs, a flat back."
# Said after a fold, a hinge or Down Dog whose cue does not say how the class comes up.
COME_UP = "To come up: knees deeply bent, hands to the thighs, rise with a flat back."
COME_UP_SHORT = "Up with a flat back, hands to the thighs."
# Where a way up to standing starts: Down Dog and Dolphin, a hinge, a standing fold.
_DOWN = frozenset({"downward-facing-dog", "dolphin", "halfway-lift"})
# Words that say the back stays flat on the way up.
FLAT = re.compile(r"\bflat back\b|\blong back\b|\bback (?:flat|long)\b|\bspine long\b", re.I)
# The spine rolled or curled up or down, or rounded on the way, unless said not to be.
ROLLED_UP = re.compile(
    r"\b(?:roll(?:s|ing)?|curl(?:s|ing)?)(?: \w+)? (?:up|down)\b(?! (?:a |the )?(?:mat|blanket))"
    r"|\bround(?:s|ing)? (?:up|down)\b|\bvertebra by vertebra\b|\bone vertebra at a time\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\b(?:no|never|not|without)\s+$", re.I)

# (the roll, the flat-back way), in order.
_KEPT_FLAT = (
    (r"walk the hands back and roll up slowly, the head coming up at the end",
     "walk the hands back, hands to the thighs, and rise with a flat back, the head last"),
    (r"roll up slowly with the help of the hands",
     "walk the hands to the thighs and rise with a flat back"),
    (r"roll up to sit", "roll to one side and press up to sit"),
    (r"roll down onto the back", "lie down on one side, then roll onto the back"),
    (r"roll(?:ing)? (?:back )?up(?: slowly)?", "rise with a flat back"),
    (r"exhale fold, inhale halfway", "exhale hinge with a flat back, inhale halfway"),
    (r"then step forward and rise",
     "then step forward, knees bent, hands to the thighs, and rise with a flat back"),
    (r"bend the knees and reach up(?!,)", "bend the knees and reach up, the back flat"),
    (r"rise all the way up(?! with)", "rise all the way up with a flat back"),
)  # fmt: skip
# ("never roll up" is said as it is)
_KEPT_FLAT_RE = tuple(
    (re.compile(rf"(?<!never )\b{roll}", re.IGNORECASE), flat) for roll, flat in _KEPT_FLAT
)


def down(card) -> bool:
    """A pose the body is folded or hinged in, or Down Dog and Dolphin."""
    return card.slug in _DOWN or (
        card.category == Category.FORWARD_FOLD and card.position == Position.STANDING
    )


def rises(card, after, side: str) -> bool:
    """Whether the step after one of `card` (of pose `after`, on `side`) comes up from a fold,
    a hinge or Down Dog to standing on both feet: the way up a teacher says."""
    return (
        down(card) and not down(after) and after.position == Position.STANDING and side == Side.BOTH
    )


def rolled(cue: str) -> list[str]:
    """The words of `cue` that roll or round the spine up or down (ROLLED_UP), unless said not
    to ("never roll up", "no curling up")."""
    return [
        found.group(0)
        for found in ROLLED_UP.finditer(cue)
        if not _NEGATED.search(cue[: found.start()])
    ]


def risen_flat(cue: str, slug: str) -> str:
    """`cue` rising with a flat back: the way up said (RISE_FROM_DOG, RISE) after "takes you up
    to standing", each roll a rise with a flat back (_KEPT_FLAT)."""
    for pattern, flat in _KEPT_FLAT_RE:
        cue = pattern.sub(flat, cue)
    if TAKES_UP + "." in cue and not FLAT.search(cue):
        rise = RISE_FROM_DOG if slug == "downward-facing-dog" else RISE
        said = cue.replace(TAKES_UP + ".", f"{TAKES_UP}: {rise}")
        if len(said) > MAX_CUE_LENGTH:
            said = cue.replace(TAKES_UP + ".", f"{TAKES_UP}: {RISE_SHORT}")
        cue = said
    return cue


def rise_with_a_flat_back(drafts, avoid) -> None:
    """Each draft's cue with a flat-back way up for weakened bones (`risen_flat`), in place."""
    if Avoidance.OSTEOPOROSIS_SAFE not in avoid:
        return
    for draft in drafts:
        draft.cue = risen_flat(draft.cue, draft.card.slug)
    for draft, after in zip(drafts, drafts[1:], strict=False):
        said = FLAT.search(draft.cue) or FLAT.search(after.cue)
        if rises(draft.card, after.card, after.side) and not said:
            up = COME_UP if len(draft.cue) + len(COME_UP) < MAX_CUE_LENGTH else COME_UP_SHORT
            draft.cue = (
                f"{draft.cue.rstrip()}{'' if draft.cue.rstrip().endswith('.') else '.'} {up}"
            )
