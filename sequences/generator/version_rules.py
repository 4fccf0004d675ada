"""The versions a teacher teaches as the way to do a pose, never as the optional "easier" one
(issue "Today's practice a teacher would teach"): the supported Child's Pose in pregnancy,
padded knees for sore knees, the head no lower than the heart with no inversions, Down Dog
with bent knees for back care, a passive Deer in yin and restorative, a block under a
beginner's kneeling seat. versions.py says them on the step; the quality figures of
sequences/generator/quality/versions.py fail when one is missing or contradicted.
"""

import re

from accounts.models import Avoidance
from sequences.generator.hand_weight import spared
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
            "Standing knee bent, heel lifted, the lifted leg long at hip height, hips level. ",
            "hip height",
        ),
        # Extended Puppy is Down Dog's half on the knees: the knees are down already, so the
        # back-care words are the belly's, the chest sinking only while the lower back stays
        # long (it would sag into an arch).
        "puppy": (
            "Belly drawn in, the chest sinking only as far as the lower back stays long. ",
            "lower back stays long",
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
        r"\bhands behind you\b|\blean(?:ing)? on the hands\b|(?<!no )\bweight (?:in|on) the hands\b"
    ),
    # The head dropped, or the body tipped forward or down (the head goes with it); "stop
    # tipping before the head drops" is the version saying how far.
    Avoidance.NO_INVERSIONS: re.compile(
        r"(?<!no )(?<!not )(?<!before the )"
        r"\bhead (?:below the heart|to the (?:floor|mat)|hanging|down|drops?)\b"
        r"|\btip(?:ping)? (?:forward|sideways|down)\b|\bdrop(?:ping)? the head\b"
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


# A shape held this long in yin or restorative is supported, not held by the arms.
LONG_HOLD = 60
# Held long with the arms holding a position (Crocodile "forehead on the stacked hands" for
# 4:55, review r8 #15): the shoulders strain, so a still class supports it instead.
HELD_LONG_BY_THE_ARMS = re.compile(r"\bforehead on the (?:stacked |folded )?hands\b")


# The pose's own words a version changes (review r8 #2: Locust "lift the chest and legs a
# little", then the back-care "the chest only"): replaced by the version, never followed by
# the correction. {choice: {slug: ((the pose's words, said instead), ...)}}.
REPLACED = {
    Avoidance.BACK_CARE: {
        "locust": (
            ("lift the chest and legs a little", "lift the chest only, the legs stay down"),
        ),
        "goddess": (("hands overhead", "hands on the thighs"),),
        # The lifted leg stops at hip height (MORE_VERSIONS), not high.
        # The lifted leg low, never also "to hip height" (review r15 F18).
        "warrior-iii": (
            (
                "back leg to hip height",
                "the back leg lifts, leg low, the lower back long",
            ),
        ),
        "three-legged-dog": (
            ("lift one leg high", "lift one leg"),
            # The standing knee bent and heel lifted leave that leg little stretch (review r15
            # F16): its own text's glutes of the lifted leg work instead.
            (
                "the hamstrings and calves of the standing leg lengthen",
                "the glutes of the lifted leg work and the back stays long",
            ),
        ),
    },
    # Under knee care Tree's version says where the foot goes ("the foot to the calf or inner
    # thigh, never on the knee"): the pose's own placement goes, not said twice (review r14).
    Avoidance.KNEE_FRIENDLY: {
        "tree": (
            ("one foot to the inner thigh or calf, hands at the heart", "hands at the heart"),
            (
                "root through the standing foot, the other sole to the inner thigh or calf, "
                "never on the knee;",
                "root through the standing foot;",
            ),
            (
                "sole to the inner ankle, calf or thigh, never the side of the knee, hips level",
                "hips level, the gaze on one still point",
            ),
        ),
    },
    # No words tip the head down with no inversions (review r9: Side Crow "tip forward"): the
    # body goes forward only as far as the head stays up (head_level.py).
    Avoidance.NO_INVERSIONS: {
        "crow": (("tip forward", "shift the weight forward"),),
        "side-crow": (
            ("tip forward", "shift the weight forward"),
            ("tip sideways", "shift the weight forward"),
        ),
        "warrior-iii": (("tip forward", "hinge forward"),),
        "dancer": (("tip forward", "lean forward"),),
    },
    Avoidance.PREGNANCY_SAFE: {
        "goddess": (("hands overhead", "hands on the thighs"),),
        # The bolster is set up inclined on blocks (reasons.INCLINED), said once (review r8 #6).
        "reclined-bound-angle": (("lie back over a bolster", "lie back"),),
    },
}
# The halfway lift's hands go to the thighs, not down the shins, for each choice that keeps
# the back long (its versions say so).
for _choice in (Avoidance.BACK_CARE, Avoidance.OSTEOPOROSIS_SAFE, Avoidance.PREGNANCY_SAFE):
    REPLACED.setdefault(_choice, {})["halfway-lift"] = (
        ("hands to the shins or blocks", "hands on the thighs or blocks"),
    )
# In yin and restorative a long hold is supported where the pose's words have the arms hold it.
STILL_REPLACED = {
    "crocodile": (
        ("forehead on the stacked hands", "forehead on a folded blanket, the arms alongside"),
    ),
}


# Every replacement's words, for the quality bar to tell them from the reason.
REPLACING = tuple(
    dict.fromkeys(
        new
        for pairs in [*(p for poses in REPLACED.values() for p in poses.values())]
        + list(STILL_REPLACED.values())
        for _, new in pairs
    )
)


def replaced(cue: str, slug: str, choices: list[str], *, still: bool) -> str:
    """The cue with the pose's words each of `choices` (or a still class's long hold, `still`)
    changes said the way it is taught."""
    pairs = [pair for choice in choices for pair in REPLACED.get(choice, {}).get(slug, ())]
    pairs += STILL_REPLACED.get(slug, ()) if still else ()
    for old, new in pairs:
        cue = cue.replace(old, new).replace(old[0].upper() + old[1:], new[:1].upper() + new[1:])
    return cue


def as_taught(how: str, slug: str, choices, hold: int) -> str:
    """A pose's own words (its peak line) as the practitioner's `choices` have it taught on a
    step held `hold` seconds: what `replaced` makes of them, with no weight in the hands for
    wrist care (`hand_weight.spared`)."""
    still = choices.style in STILL_STYLES and hold >= LONG_HOLD
    how = replaced(replaced(how, slug, choices.avoid, still=False), slug, (), still=still)
    return spared(how, choices.avoid)  # no weight in the hands for wrist care (hand_weight)


# Words that cannot both be said of one shape (review r8 #2): a cue that says the first and
# then the second contradicts itself. (the pose's words, the version's words).
CONTRADICTIONS = (
    (r"\bchest and legs\b", r"\bchest only\b|\blegs only\b"),
    (r"\bforehead on the (?:stacked )?hands\b", r"\bunder the forehead\b|\barms alongside\b"),
    (r"\b(?:hands|arms) overhead\b", r"\bhands on the thighs\b"),
    (r"\bhands (?:to|on) the shins\b", r"\bhands on the thighs\b"),
    (r"\bheels (?:down|reaching down|to the floor)\b", r"\bheels lifted\b"),
    (r"\bhands behind you\b", r"\bhands (?:free|resting on the thighs)\b"),
    (r"\bleg high\b", r"\bat hip height\b"),
    (r"\bto hip height\b|\blevel with the floor\b", r"\bleg low\b"),
)
_CONTRADICTIONS = tuple((re.compile(a), re.compile(b)) for a, b in CONTRADICTIONS)


def contradicted(cue: str) -> list[str]:
    """The pairs of words in `cue` (without the peak's easier option) that contradict each
    other."""
    text = taught(cue).lower()
    return [
        f"{a.search(text).group(0)} / {b.search(text).group(0)}"
        for a, b in _CONTRADICTIONS
        if a.search(text) and b.search(text)
    ]
