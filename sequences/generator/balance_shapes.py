"""Every one-leg balance says how to make its shape (blind review r12 F3: Tree and Eagle both
"balances on one leg, steadying the ankles", and neither said where the lifted foot goes or how
Eagle wraps). The words are each pose's own instructions (poses/content/poses.json), said
whatever the phase or role the planner gives the pose: a lead-in, a balance for the focus, a
peak or a cool-down alike."""

import re

from sequences.checks.common import PASSING_SECONDS
from sequences.generator.peaks import peak_how
from sequences.generator.said_words import said_first

# {slug: (the shape from the pose's own instructions, words that show a cue says its shape)}
SHAPES: dict[str, tuple[str, re.Pattern]] = {
    "tree": (
        "Root through the standing foot, the other sole to the inner thigh or calf, never on "
        "the knee; hands at the heart, gaze on one still point. ",
        re.compile(r"\bsole\b|\binner thigh\b|\bcalf\b", re.I),
    ),
    "eagle": (
        "Sit low, cross the right thigh over the left, wrap the arms elbow over elbow, lift "
        "the elbows; the top toes can rest on the floor as a kickstand. ",
        re.compile(r"\bcross|\bwrap", re.I),
    ),
    "dancer": (
        "Hold the inside of the lifted foot, reach the other arm forward and press the foot "
        "into the hand as the chest tips forward, hips level. ",
        re.compile(r"\bfoot into the hand\b|\bhold the (?:back|inside|lifted) foot\b", re.I),
    ),
    "warrior-iii": (
        "Lean forward and lift the back leg until torso and leg are level with the floor, hips "
        "level; weight in the standing foot, a micro-bend in its knee. ",
        re.compile(r"\bback leg (?:lifts|until|to hip height)\b|\btorso and (?:back )?leg\b", re.I),
    ),
    "half-moon": (
        "Fingertips on a block ahead of the front foot, lift the back leg to hip height, stack "
        "the hips and reach the top arm up. ",
        re.compile(r"\blift the back leg\b|\bstack the hips\b", re.I),
    ),
    "standing-hand-to-big-toe": (
        "Hold the big toe or a strap around the foot, chest lifted, the standing leg firm; "
        "extend the leg forward only while the spine stays upright. ",
        re.compile(r"\bbig toe\b|\bstrap\b|\bleg lifted forward\b", re.I),
    ),
    "standing-split": (
        "Fingertips on the floor or blocks, lift the back leg, hips roughly level, and fold "
        "toward the standing leg. ",
        re.compile(r"\blift the back leg\b|\bover the standing leg\b", re.I),
    ),
}


# A later round of a flow or a peak in rounds, or a flow's later side ("Warrior III, left
# side, about 40 s."): its first round or side said the shape.
LATER_ROUND = re.compile(r"\bOnce more\b|^Round (?!1 )\d+ of|^[A-Z][^.:]*, (?:left|right) side\b")


def held(hold: int, flow: str) -> bool:
    """Held, not passed through in a flow (a breath or four)."""
    return not (flow and hold <= PASSING_SECONDS)


def first_said(cue: str) -> bool:
    """Not a later round, whose first round said how to take the pose (`LATER_ROUND`)."""
    return not LATER_ROUND.search(cue)


def shape_unsaid(slug: str, cue: str, *, hold: int, flow: str) -> bool:
    """Whether a held step of a one-leg balance (SHAPES) says nothing of its shape."""
    if slug not in SHAPES or not held(hold, flow) or not first_said(cue):
        return False
    how = peak_how(slug)
    if how and how[0][:30].lower() in cue.lower():
        return False  # the peak's how-to (peaks.PEAK_HOW) says its shape
    return not SHAPES[slug][1].search(cue)


def shaped(draft) -> None:
    """Say the shape on a held one-leg balance whose cue does not: first, or after the flow's
    words on a step of a flow."""
    if not shape_unsaid(draft.card.slug, draft.cue, hold=draft.hold, flow=draft.flow):
        return
    draft.cue = said_first(draft, SHAPES[draft.card.slug][0])
