"""The head no lower than the heart, said on every step of a pose that can take it there, for
a practitioner with no inversions (issue 11, blind review r9: a Side Crow peak cued "tip
forward" under no inversions, a Half Moon sent to the wall in a balance class).

No inversions is chosen for high blood pressure, glaucoma or a detached retina: the head below
the heart and a held breath both raise the pressure in the head (poses.models
AVOIDANCE_CAUTIONS; the library's Crow and Side Crow: "with glaucoma or uncontrolled high blood
pressure keep the gaze forward and the breath flowing, never holding it or bearing down, and
lift only one foot at a time"). So each such step says where the head stays, and a pose entered
by tipping the body forward (an arm balance, Warrior III, Half Moon, Dancer) also says the
breath keeps moving. versions.VERSIONS says the words the first time; `reminder` says them
again on a later side, round or pass, which a version says once. The quality figure
`head_above_heart` (quality/safety.py) holds every step to it.
"""

import re

from accounts.models import Avoidance
from poses.models import Position
from sequences.generator.avoid_shapes import floor_fold
from sequences.generator.version_rules import head_drops
from sequences.steps import PoseCard

# Poses entered by tipping the body forward until the chest is level or lower: the arm
# balances tip onto the hands, the standing balances onto the standing leg.
TIPS_FORWARD = frozenset({"warrior-iii", "half-moon", "dancer"})
# Poses whose own shape can lower the head to the heart or below, beyond the standing folds and
# twists (version_rules.HEAD_DROPS) and the folds from the floor (avoid_shapes.floor_fold):
# Triangle's hand to the floor, Lizard's forearms down, Child's Pose's forehead on the mat,
# Thread the Needle's head on the mat.
LOWERS_THE_HEAD = frozenset({"triangle", "lizard", "childs-pose", "thread-the-needle"})

# The versions under no inversions (added to versions.VERSIONS): (words said first, words that
# show the cue already says them).
ARM_BALANCE = (
    "Gaze forward, the head lifted, the breath flowing, never held; lift one foot at a time "
    "and stop tipping before the head drops below the heart. ",
    "before the head drops",
)
# Level, the head in line with the spine: the head is level with the heart (review r9's words
# for Half Moon).
LEVEL_BALANCE = (
    "Chest level, gaze down, head in line with the spine, breath flowing. ",
    "head in line with the spine",
)
NO_INVERSIONS_VERSIONS = {
    "crow": ARM_BALANCE,
    "side-crow": ARM_BALANCE,
    "warrior-iii": LEVEL_BALANCE,
    # Half Moon keeps its balance (review r9: "the back body to a wall" took the balance out of
    # a balance class): the head only needs to be level; the wall is an option.
    "half-moon": (
        "Chest level, gaze down or sideways, head in line with the spine, breath flowing. ",
        "head in line with the spine",
    ),
    "dancer": (
        "Lean forward only until the chest is level, the head no lower than the heart, breath "
        "flowing. ",
        "no lower than the heart",
    ),
    # The library's version (top hand on the hip, the stance shorter) and where the head stays.
    "triangle": (
        "Top hand on the hip, the stance shorter, the head no lower than the heart. ",
        "no lower than the heart",
    ),
    "lizard": (
        "Hands on blocks, the head no lower than the heart. ",
        "no lower than the heart",
    ),
    # Its own set-up slopes the torso up on a raised bolster with the head on a blanket; laid
    # flat (its modifications' option) the head can tip back below the chest (review r13 F14).
    "supported-fish": (
        "The bolster's head end up: the head above the heart. ",
        "head above the heart",
    ),
}
# The wall as an option, said after the version where no other version puts the pose at a wall
# (pregnancy's Half Moon is taught with the back body to it) and the cue has room.
WALL_OPTION = {"half-moon": "A wall behind you only if needed. "}

# Words that say where the head stays: level with the heart, no lower, resting on a support at
# that height (a bolster under the chest or the forehead).
HEAD_SAID = re.compile(
    r"\b(?:no lower than|level with|above) the heart\b|\bbefore the head drops below the heart\b"
    r"|\bchest level\b.*\bhead in line with the spine\b"
    r"|\bbolster (?:laid )?length(?:wise|ways)\b"
)
# Words that say the breath keeps moving.
BREATH_SAID = re.compile(r"\bbreath flowing\b|\bnever hold(?:ing)? the breath\b")
REMINDER = "The head no lower than the heart. "
BREATH_REMINDER = "The head no lower than the heart, the breath flowing. "


def head_can_drop(card: PoseCard) -> bool:
    """A pose whose shape can take the head to the heart or below: an arm balance, a balance
    tipped forward, a standing fold or twist, a fold from the floor, LOWERS_THE_HEAD."""
    return (
        card.position == Position.ARM_BALANCE
        or card.slug in TIPS_FORWARD
        or card.slug in LOWERS_THE_HEAD
        or head_drops(card)
        or floor_fold(card)
    )


def tips_forward(card: PoseCard) -> bool:
    """Entered by tipping the body forward: the breath is said as well as the head."""
    return card.position == Position.ARM_BALANCE or card.slug in TIPS_FORWARD


def unsaid(card: PoseCard, text: str) -> list[str]:
    """What `text` (a step's cue as taught) leaves unsaid of the head and the breath for this
    pose under no inversions: [] when it says them, or the pose cannot lower the head."""
    if not head_can_drop(card):
        return []
    text = text.lower()
    missing = [] if HEAD_SAID.search(text) else ["the head"]
    if tips_forward(card) and not BREATH_SAID.search(text):
        missing.append("the breath")
    return missing


def with_option(cue: str, card: PoseCard, avoid, *, room: int) -> str:
    """The cue with the wall offered as an option after the pose's no-inversions version
    (WALL_OPTION), where the version is said, no wall is, and it fits in `room` characters."""
    option = WALL_OPTION.get(card.slug)
    if option is None or Avoidance.NO_INVERSIONS not in avoid or "wall" in cue.lower():
        return cue
    words = NO_INVERSIONS_VERSIONS[card.slug][0].strip()
    at = cue.find(words)
    if at < 0 or len(cue) + len(option) > room:
        return cue
    at += len(words)
    return f"{cue[:at]} {option.strip()}{cue[at:]}"


def reminder(choice: str, card: PoseCard, said: str) -> str:
    """The words a later side, round or pass says again for `choice` where `said` (the cue so
    far) does not: the head level, and for a pose tipped forward the breath ("" for another
    choice or pose)."""
    if choice != Avoidance.NO_INVERSIONS or not unsaid(card, said):
        return ""
    return BREATH_REMINDER if tips_forward(card) else REMINDER
