"""Every one-leg balance says how to make its shape (blind review r12 F3: Tree and Eagle both
"balances on one leg, steadying the ankles", and neither said where the lifted foot goes or how
Eagle wraps). The words are each pose's own instructions (poses/content/poses.json), said
whatever the phase or role the planner gives the pose: a lead-in, a balance for the focus, a
peak or a cool-down alike."""

import re

from sequences.checks.common import PASSING_SECONDS
from sequences.generator.peaks import peak_how
from sequences.generator.said_words import said_first
from sequences.models import Side

# {slug: (the shape from the pose's own instructions, words that show a cue says its shape)}
SHAPES: dict[str, tuple[str, re.Pattern]] = {
    "tree": (
        "Root through the standing foot, the other sole to the inner thigh or calf, never on "
        "the knee; hands at the heart, gaze on one still point. ",
        re.compile(r"\bsole\b|\binner thigh\b|\bcalf\b", re.I),
    ),
    "eagle": (
        "Sit low, cross the right thigh over the left, right elbow under the left, lift the "
        "elbows; the top toes can rest on the floor as a kickstand. ",
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
    words on a step of a flow. A step of one side says that side's crossing (`SIDED`)."""
    sided(draft)
    if not shape_unsaid(draft.card.slug, draft.cue, hold=draft.hold, flow=draft.flow):
        return
    words = SHAPES[draft.card.slug][0]
    draft.cue = said_first(draft, mirrored(words) if draft.side == Side.LEFT else words)


# {slug: (the words of a pose's shape with no side named, the right side's)}: a step on one
# side says which (r19 F4: "right thigh over the left, right elbow under the left"; the left
# side mirrored).
SIDED = {
    "eagle": (
        "wrap elbow over elbow and thigh over thigh",
        "cross the right thigh over the left, right elbow under the left",
    ),
}


def sided(draft) -> None:
    """A step of a pose in SIDED on one side says that side's words in place of the words
    naming none, the left side the right's mirrored."""
    if draft.card.slug not in SIDED or draft.side not in (Side.RIGHT, Side.LEFT):
        return
    either, right = SIDED[draft.card.slug]
    words = right if draft.side == Side.RIGHT else mirrored(right)
    found = re.search(re.escape(either), draft.cue, re.IGNORECASE)
    if found:
        said = words[0].upper() + words[1:] if found.group(0)[0].isupper() else words
        draft.cue = draft.cue[: found.start()] + said + draft.cue[found.end() :]


def unsided(slug: str, cue: str) -> str:
    """The cue with a side's words (SIDED) said as the words naming none, as the pose's own
    cue has them."""
    if slug not in SIDED:
        return cue
    either, right = SIDED[slug]
    for words in (right, mirrored(right)):
        cue = re.sub(re.escape(words), either, cue, flags=re.IGNORECASE)
    return cue


def wrong_side(slug: str, side: str, cue: str) -> str | None:
    """The other side's words a step of a pose in SIDED or SHAPES says on `side`, or None."""
    right = [SIDED[slug][1]] if slug in SIDED else []
    if slug in SHAPES and _SIDE_WORD.search(SHAPES[slug][0]):
        right.append(SHAPES[slug][0].split(", ", 1)[1].split(", ")[0])
    for words in right:
        other = words if side == Side.LEFT else mirrored(words) if side == Side.RIGHT else None
        if other and other.lower() in cue.lower():
            return other
    return None


_SIDE_WORD = re.compile(r"\b(right|left)\b")


def mirrored(words: str) -> str:
    """The right side's words said for the left (r19 F4: the left Eagle said "cross the right
    thigh over the left", the right side's crossing): each right and left swapped."""
    return _SIDE_WORD.sub(lambda found: "left" if found.group(1) == "right" else "right", words)
