"""A supported shape in a beginners' gentle or restorative class says how to set it up with
its props and how to come out (blind review r12 F1: Supported Bridge "only says 'opens the front
of the body' and never explains the support that makes it supported"; without a block under
the sacrum it is a two-minute active bridge). The block of a Supported Bridge goes under the
sacrum, never "under the lower back". Half Splits, held on blocks, says where the hands go on
them. Words from each pose's own instructions."""

import re

from sequences.generator.said_words import said_first, said_last
from sequences.generator.set_ups import one_set_up
from sequences.generator.ways_out import SAYS_THE_WAY_OUT
from sequences.models import MAX_CUE_LENGTH, Style

STYLES = frozenset({Style.GENTLE, Style.RESTORATIVE})
# A cue that lays the torso on its bolster.
ON_A_BOLSTER = (
    r"\b(?:over|on|onto) (?:a|the) bolster\b|\bbolster (?:laid|lengthwise|propped|raised)"
)
# Where the class ends lying still, the closing words say the rest (reasons.relaxation).
LEFT_TO_THE_CLOSE = ("centring", "relaxation")
# {slug: (set-up, words that show a cue says it, way out)}, from the pose's own instructions;
# a pose the props only help into (Half Splits on blocks) has no way out to say.
SET_UPS: dict[str, tuple[str, re.Pattern, str]] = {
    "half-splits": (
        "Hands on blocks either side of the front foot, the front knee soft, shift the hips "
        "back over the back knee. ",
        re.compile(r"\bblocks?\b", re.I),
        "",
    ),
    "supported-bridge": (
        "Feet hip-width, lift the hips and slide a block under the sacrum at its lowest "
        "height; arms heavy, let the block take the weight. ",
        re.compile(r"\bblock under the sacrum\b", re.I),
        "To come out, lift up, slide the block out, lower slowly.",
    ),
    "supported-fish": (
        "Lie back over a bolster raised on a block, a blanket under the head, palms up. ",
        re.compile(ON_A_BOLSTER, re.I),
        "To come out, bend the knees and roll to one side.",
    ),
    "reclined-bound-angle": (
        "Soles together, lie back onto a bolster raised on a block, blocks under the thighs. ",
        re.compile(ON_A_BOLSTER, re.I),
        "To come out, bring the knees together with the hands and roll to one side.",
    ),
    "legs-up-the-wall": (
        "Sit side-on to the wall, swing the legs up as the back lowers, a folded blanket under "
        "the pelvis. ",
        re.compile(r"\bup (?:a|the) wall\b", re.I),
        "To come out, bend the knees, roll to one side and rest before sitting up.",
    ),
    "legs-on-chair": (
        "Lie back, the calves resting on a chair seat, knees over the hips, a blanket under "
        "the head. ",
        re.compile(r"\bchair seat\b", re.I),
        "To come out, slide the legs down, roll to one side, rest, then sit up.",
    ),
    "supported-seated-forward-bend": (
        "Sit on a folded blanket, legs wide, and fold to rest the forehead and forearms on a "
        "bolster or a chair seat. ",
        re.compile(r"\bon (?:a|the) bolster\b|\bchair seat\b", re.I),
        "To come out, walk the hands back and roll up slowly, the head coming up at the end.",
    ),
}
# What a Supported Bridge's cue must never say: the block goes under the sacrum.
WRONG_PLACE = re.compile(r"\bunder the lower back\b|\blower back (?:rest|resting) on the block")


def applies(card, *, level: str, style: str, phase: str, flow: str = "") -> bool:
    """A supported shape (SET_UPS) held on its own in a beginners' gentle or restorative class,
    outside the centring and the final relaxation."""
    return (
        level == "beginner"
        and style in STYLES
        and card.slug in SET_UPS
        and phase not in LEFT_TO_THE_CLOSE
        and not flow
    )


def unsaid(slug: str, cue: str) -> list[str]:
    """What the cue of a supported shape leaves unsaid: "set-up", "way out", "sacrum"."""
    _, marker, _ = SET_UPS[slug]
    missing = [] if marker.search(cue) else ["set-up"]
    if SET_UPS[slug][2] and not SAYS_THE_WAY_OUT.search(cue):
        missing.append("way out")
    if WRONG_PLACE.search(cue):
        missing.append("sacrum")
    return missing


def said_set_up(draft, choices) -> None:
    """Say the set-up first and the way out last on a supported shape that leaves them unsaid."""
    card = draft.card
    if not applies(
        card, level=choices.level, style=choices.style, phase=draft.phase, flow=draft.flow
    ):
        return
    missing = unsaid(card.slug, draft.cue)
    if not missing:
        return
    set_up, _, way_out = SET_UPS[card.slug]
    room = MAX_CUE_LENGTH - len(way_out) - 1 if way_out else MAX_CUE_LENGTH
    cue = WRONG_PLACE.sub("under the sacrum", draft.cue)
    if "set-up" in missing:
        draft.cue = cue
        cue = one_set_up(said_first(draft, set_up, room=room))
    if way_out and not SAYS_THE_WAY_OUT.search(cue):
        cue = said_last(cue, way_out)
    draft.cue = cue
