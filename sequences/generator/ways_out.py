"""A long passive hold of a shape that loads the knees, arches the spine deeply, turns the body
upside down or loads the neck says how to come out of it (blind review r12 F9: a 5-minute
Reclined Hero with "nothing on how to come out"; the knees and lower back are most at risk on
the way out). The words are each pose's own instructions (poses/content/poses.json); the exit
happens in the time set aside between shapes, so the hold is unchanged."""

import re

from poses.models import Caution
from sequences.generator.said_words import said_last
from sequences.generator.version_rules import LONG_HOLD, STILL_STYLES

# The cautions whose shapes are risky to leave after minutes of stillness.
RISKY = frozenset({Caution.KNEE_LOAD, Caution.DEEP_BACKBEND, Caution.INVERSION, Caution.NECK_LOAD})
# {slug: how to come out, from the pose's own instructions}
WAYS_OUT = {
    "reclined-hero": "To come out, press into the forearms, lift the chest, sit up, then "
    "release the legs one at a time.",
    "saddle-yin": "To come out, press up through the forearms, lean forward and release each "
    "leg slowly.",
    "dragon-yin": "To come out, ease the back knee forward and come to sitting.",
    "sleeping-swan-yin": "To come out, press up slowly and come up to sitting.",
    "legs-up-the-wall": "To come out, bend the knees, roll to one side and rest before sitting up.",
    "deer-yin": "To come out, lift the knees and swing them over.",
    "shoelace-yin": "To come out, come up slowly and unwind the legs.",
    "toe-squat-yin": "To come out, lean forward onto the hands and untuck the toes.",
    "snail-yin": "To come out, support the back with the hands and roll down slowly, one "
    "vertebra at a time.",
    "half-butterfly-yin": "To come out, roll up slowly with the help of the hands.",
    "half-butterfly-side-bend-yin": "To come out, press the lower forearm down and come up slowly.",
}
# A cue that says how to come out of a shape.
SAYS_THE_WAY_OUT = re.compile(
    r"\b(?:come|coming) (?:out|up|down)\b|\broll (?:down|up|to one side)\b|\bunwind\b", re.I
)


def needs_a_way_out(card, *, style: str, hold: int, flow: str = "") -> bool:
    """A still style's passive hold of LONG_HOLD seconds or more of a risky shape (RISKY) whose
    own text says how to come out (WAYS_OUT)."""
    return (
        style in STILL_STYLES
        and hold >= LONG_HOLD
        and not flow
        and card.slug in WAYS_OUT
        and bool(RISKY & set(card.cautions))
    )


def no_room(cue: str, slug: str) -> bool:
    """Whether the way out cannot be said within what a sequence keeps without cutting what
    the cue's versions say for the avoid choices (a short yin class's Deer for pregnancy and
    wrist care says its rebound, seat, bolster and hands first): the versions come first."""
    return said_last(cue, WAYS_OUT[slug]) == cue.strip()


def said_out(draft, style: str) -> None:
    """Say how to come out last on a long risky hold (`needs_a_way_out`) that does not."""
    card = draft.card
    if not needs_a_way_out(card, style=style, hold=draft.hold, flow=draft.flow):
        return
    if SAYS_THE_WAY_OUT.search(draft.cue):
        return
    draft.cue = said_last(draft.cue, WAYS_OUT[card.slug])
