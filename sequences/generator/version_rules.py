"""The versions a teacher teaches as the way to do a pose, never as the optional "easier" one
(issue "Today's practice a teacher would teach"): the supported Child's Pose in pregnancy,
padded knees for sore knees, the head no lower than the heart with no inversions, Down Dog
with bent knees for back care, a passive Deer in yin and restorative, a block under a
beginner's kneeling seat. versions.py says them on the step; the quality figures of
sequences/generator/quality/versions.py fail when one is missing or contradicted.
"""

import re

from accounts.models import Avoidance
from sequences.models import Style
from sequences.steps import PoseCard

# Standing shapes whose chest tips forward and down (a revolved standing pose, a halfway
# fold): with no inversions the chest stays level so the head is no lower than the heart.
# Half Moon says it with its wall (versions.VERSIONS).
HEAD_DROPS = frozenset(
    {
        "revolved-triangle",
        "revolved-side-angle",
        "twisted-crescent-lunge",
        "revolved-chair",
        "halfway-lift",
        "pyramid",
        "wide-legged-forward-fold",
        "standing-forward-fold",
    }
)
HEAD_LEVEL = ("Chest level, the head no lower than the heart. ", "no lower than the heart")

# The Down Dog family: with back care the knees bend and the heels lift so the pelvis tips
# forward and the lower back stays long instead of rounding to reach the heels down.
# Three-Legged Dog says it with its lifted leg (versions.VERSIONS).
DOWN_DOGS = frozenset({"downward-facing-dog", "dolphin"})
DOG_BENT = ("Knees bent, heels lifted, so the back stays long. ", "heels lifted")

# Kneeling seats: a beginner sits on a block between the heels, so the knees are not forced
# to bend fully under the body's weight.
KNEELING_SEATS = frozenset({"hero-pose", "reclined-hero", "saddle-yin"})
ON_A_BLOCK = ("Sit on a block between the heels, knees together. ", "on a block")


# Lowered knees rest on padding, for sore knees and back care alike: each pose whose own
# text or peak line lowers the knees. Added to versions.VERSIONS.
PLANK_KNEES = ("Knees down on a folded blanket if the lower back sags. ", "folded blanket")
CHATURANGA_KNEES = ("Knees down on a folded blanket, the belly drawn in. ", "folded blanket")
MORE_VERSIONS = {
    Avoidance.KNEE_FRIENDLY: {
        "plank": PLANK_KNEES,
        "chaturanga": CHATURANGA_KNEES,
        "forearm-plank": ("Knees down on a folded blanket to rest. ", "folded blanket"),
        "side-plank": (
            "Bottom knee down on a folded blanket, or the forearm down, to ease it. ",
            "folded blanket",
        ),
        "dolphin": ("Knees down on a folded blanket to rest. ", "folded blanket"),
        "wild-thing": ("To ease it, the bottom knee down on a folded blanket. ", "folded blanket"),
    },
    Avoidance.BACK_CARE: {
        "three-legged-dog": (
            "Knees bent, heels lifted, the lifted leg at hip height, hips level. ",
            "hip height",
        ),
    },
}


def head_drops(card: PoseCard) -> bool:
    return card.slug in HEAD_DROPS


def down_dog(card: PoseCard) -> bool:
    return card.slug in DOWN_DOGS


# Versions of each kind kept for an avoid choice, in versions.KIND_CUES' shape.
KINDS = (
    (Avoidance.NO_INVERSIONS, head_drops, *HEAD_LEVEL),
    (Avoidance.BACK_CARE, down_dog, *DOG_BENT),
)

# Versions of each kind for a level: {level: ((shape, words, words that show it is said))}.
LEVEL_KINDS = {
    "beginner": ((lambda card: card.slug in KNEELING_SEATS, *ON_A_BLOCK),),
}


def level_versions(card: PoseCard, level: str) -> list[tuple[str, str, str]]:
    """(level, words, marker) for a pose taught a set way at the practitioner's level."""
    return [(level, w, said) for shape, w, said in LEVEL_KINDS.get(level, ()) if shape(card)]


# The easier version a peak offers ("; easier: a bolster under the chest."): a version the
# practitioner's choice requires is not it, so what it says does not count as said.
_EASIER = re.compile(r";? easier: [^.]*\.?")


def taught(cue: str) -> str:
    """The cue without the easier version it offers: what it teaches as the way to do it."""
    return _EASIER.sub(".", cue)


# What each avoid choice rules out when a version is said (review: a wrist-friendly Deer
# "hands behind you", Plank "knees down" on bare knees for sore knees): no cue, and no
# version for another choice, says it.
_AGAINST = {
    Avoidance.WRIST_FRIENDLY: re.compile(
        r"\bhands behind you\b|\blean(?:ing)? on the hands\b|\bweight (?:in|on) the hands\b"
    ),
    Avoidance.NO_INVERSIONS: re.compile(
        r"(?<!no )(?<!not )\bhead (?:below the heart|to the (?:floor|mat)|hanging)\b"
    ),
}
# Weight on the knees, and the padding that makes it knee-friendly.
_ON_THE_KNEES = re.compile(
    r"(?<!press the )\bknees? down\b|\blower the (?:back |bottom )?knees?\b|\bkneel"
)
_PADDED = re.compile(r"\bblanket|\bpadd|\bcushion|\bmat folded")


def against(choice: str, text: str) -> list[str]:
    """The clauses of `text` that say a shape the way `choice` rules out: for sore knees a
    knee lowered where the cue puts nothing under it."""
    if choice == Avoidance.KNEE_FRIENDLY:
        if _PADDED.search(text.lower()):
            return []  # the cue pads the knees it lowers
        clauses = re.split(r"[,;.:(]| or ", text.lower())
        return [c.strip() for c in clauses if _ON_THE_KNEES.search(c) and not _PADDED.search(c)]
    words = _AGAINST.get(choice)
    return [m.group(0) for m in words.finditer(text.lower())] if words else []


# In yin and restorative a shape is passive or supported: the arms do not hold the body up.
HELD_BY_THE_ARMS = re.compile(
    r"\bhands behind you\b(?![^.]*\bbolster)|\blean(?:ing)? (?:back )?on the hands\b"
)
STILL_STYLES = frozenset({Style.YIN, Style.RESTORATIVE})
