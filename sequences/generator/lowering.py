"""For back care, the way down from Plank to the belly is said (issue 11, blind review r9: a Sun
Salutation went "step back to Plank" → "lift the chest (Cobra)" with no word on lowering).

Lowering from Plank or Chaturanga is the riskiest moment of a salutation for a sensitive lower
back: the body comes down as one long lever, and a back that sags or a belly that lets go
loads the lumbar spine at its weakest (the library's Plank and Chaturanga: knees down if the
lower back sags). So wherever a step on the hands and feet is followed by a lift from the
belly (Cobra, Upward Dog, Sphinx, any shape lying prone), the lift's cue says first: knees
down, lower all the way to the belly; a compact vinyasa that names the movements says it
between them. A held pose names the Plank it comes down from ("From Plank Pose: Knees down,
..."), and no step says the way down unless it is entered that way. The quality figures
`lowered_to_the_belly` (quality/safety.py) and `lowering_named` (quality/lowering.py) hold it.
"""

import re

from accounts.models import Avoidance
from poses.models import Position
from sequences.generator.versions import said_on
from sequences.steps import PoseCard

# The shapes the body lowers from, and the lifts and shapes on the belly it lowers to.
LOWERS_FROM = frozenset({"plank", "forearm-plank", "chaturanga", "knees-chest-chin"})
LIFTS = frozenset({"upward-facing-dog"})
# Their names in a compact vinyasa's cue ("Vinyasa: Chaturanga, Cobra, Down Dog").
_FROM_NAMES = r"Plank|Forearm Plank|Chaturanga|Knees-Chest-Chin"
_TO_NAMES = r"Cobra|Upward Dog|Sphinx|Locust"
_NAMED = re.compile(rf"\b({_FROM_NAMES}), ({_TO_NAMES})\b")
NAMES_BOTH = re.compile(rf"\b(?:{_FROM_NAMES})\b.*\b(?:{_TO_NAMES})\b")

SAID = "lower all the way to the belly"
LOWER = "Knees down, lower all the way to the belly. "
# For sore knees as well the knees come down onto padding (version_rules.against).
LOWER_PADDED = "Knees down on a folded blanket, lower all the way to the belly. "
# A held pose lowered to from a held Plank names where it comes from (blind review r11 F7:
# Crocodile and Sphinx cued "Knees down..." with nothing to say it is the way down from the
# Plank before): "From Plank Pose: Knees down, lower all the way to the belly. ".
FROM = "From {name}: "
SAID_FROM = re.compile(r"From [^:.]+: (?=Knees down)")
# What opens a flow's cue before its movement: the round, or the vinyasa between sides.
_LABEL = re.compile(r"^(?:Vinyasa|Sun Salutation [^:]*|Once more[^:]*): ")


def lowers_from(card: PoseCard) -> bool:
    return card.slug in LOWERS_FROM


def lands_on_the_belly(card: PoseCard) -> bool:
    """A lift from the belly or a shape lying prone: the body has come all the way down."""
    return card.slug in LIFTS or card.position == Position.PRONE


def unsaid(before: PoseCard | None, card: PoseCard, cue: str, cue_before: str = "") -> bool:
    """The step (`card`, `cue`) comes down from the step before (`before`, `cue_before`), or
    names the way down in a compact vinyasa, without saying it goes all the way to the
    belly."""
    if before is not None and lowers_from(before) and lands_on_the_belly(card):
        return SAID not in cue.lower() and SAID not in cue_before.lower()
    return bool(NAMES_BOTH.search(cue)) and SAID not in cue.lower()


def lowered(drafts, avoid) -> None:
    """With back care in `avoid`, say on each step that lowers to the belly from Plank or
    Chaturanga how it goes down (LOWER, padded for sore knees too): first, after a flow's
    label; in a compact vinyasa, between the names; on a held pose, from where (FROM)."""
    if Avoidance.BACK_CARE not in avoid:
        return
    words = LOWER_PADDED if Avoidance.KNEE_FRIENDLY in avoid else LOWER
    before = None
    for draft in drafts:
        card, cue = draft.card, draft.cue
        if unsaid(before and before.card, card, cue, before.cue if before else ""):
            if _NAMED.search(cue):
                draft.cue = _NAMED.sub(
                    lambda m: f"{m.group(1)}, {words[0].lower()}{words[1:-2]}, {m.group(2)}",
                    cue,
                    count=1,
                )
            else:
                label = _LABEL.match(cue)
                if label:
                    rest = cue[label.end() :]
                    draft.cue = (
                        label.group(0) + words[0].lower() + words[1:] + rest[:1].upper() + rest[1:]
                    )
                elif not draft.flow and before is not None and lowers_from(before.card):
                    draft.cue = said_on(cue, FROM.format(name=before.card.name) + words)
                else:
                    draft.cue = said_on(cue, words)
        elif before is not None and lowers_from(before.card) and lands_on_the_belly(card):
            draft.cue = _kneeling(draft.cue, words)
        before = draft


def _kneeling(cue: str, words: str) -> str:
    """A lowering a salutation says on its own breath ("Exhale, lower all the way to the
    belly; inhale, ...": salutation_breath) with the knees coming down first (`words`)."""
    if "knees down" in cue.lower():
        return cue
    knees = words[: -len(SAID) - 2].lower()  # "knees down[ on a folded blanket], "
    return re.sub(SAID, knees + SAID, cue, count=1, flags=re.IGNORECASE)


def unnamed(before: PoseCard | None, card: PoseCard, cue: str, flow: str) -> bool:
    """The step (`card`, `cue`, the `flow` it is part of, "" if held on its own) says the way
    down to the belly (SAID) but not where it comes from: it is not entered from a Plank or
    Chaturanga (`before`, the step before, None at the start), or it is a held pose that does
    not name it (FROM). The step that lowers, and a compact vinyasa naming both shapes, say
    it themselves."""
    if SAID not in cue.lower() or NAMES_BOTH.search(cue) or lowers_from(card):
        return False
    if before is None or not lowers_from(before):
        return True
    return not flow and FROM.format(name=before.name) not in cue
