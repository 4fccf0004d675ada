"""A version said on a pose takes away what it softens, and the reason says nothing it took
(blind teacher review r15 F16): with the standing knee bent and the heel lifted, Three-Legged
Dog's standing leg hardly stretches, so "the hamstrings and calves of the standing leg
lengthen" is no longer true. A knee bent (not "slightly" or "softly") leaves no hamstring
length to claim, a heel lifted none of the calf.

Pure functions over cue text; the versions' words (`version_rules.REPLACED`) keep to them and
the figure of `quality.worked_claims` checks every cue against them."""

import re

from sequences.generator.truths import claims_in
from sequences.steps import PoseCard

# What a version's words take away: (the words, the areas whose stretch they take).
TAKES_AWAY = (
    (re.compile(r"\b(?:standing )?knees? bent\b", flags=re.IGNORECASE), ("hamstrings",)),
    (re.compile(r"\bheels? lifted\b", flags=re.IGNORECASE), ("calves",)),
)
# The stems of a claim of a stretch (`truths.claims_in`).
STRETCH_STEMS = frozenset({"lengthen", "stretch", "open", "release", "loosen"})


def taken(cue: str) -> set[str]:
    """The areas whose stretch the cue's versions take away."""
    return {area for words, areas in TAKES_AWAY if words.search(cue) for area in areas}


def taken_claims(cue: str) -> list[str]:
    """The claims of a stretch the cue makes on an area its own version took away ("knees
    bent … the hamstrings lengthen"), "{verb} the {area}"; a clause that says how far the
    stretch goes ("only as far as") makes none."""
    gone = taken(cue)
    if not gone:
        return []
    found = []
    for clause in re.split(r"[.;:] ", cue):
        if "only as far as" in clause:
            continue
        for verb, area in sorted(claims_in(clause)):
            if verb in STRETCH_STEMS and area in gone:
                found.append(f"{verb}s the {area}")
    return found


# A claim of a stretch: "Lengthens the hamstrings and calves", its areas one word each.
_OWN_STRETCH = re.compile(
    r"\b(?P<verb>Lengthens|Stretches|lengthens|stretches) the "
    r"(?P<areas>[a-z]+(?:(?:, | and )[a-z]+)*)"
)
# The same said of the areas: "the hamstrings and calves of the standing leg lengthen".
_SAID_STRETCH = re.compile(
    r"\bthe (?P<areas>(?:hamstrings|calves)(?:(?:, | and )(?:hamstrings|calves))*)"
    r"(?P<whose> of the standing leg)? lengthen\b"
)
# The one-word areas a claim of the back of the legs names with them.
_LEG_AREAS = frozenset({"hamstrings", "calves", "hips", "glutes", "quadriceps", "spine"})


def without_taken(cue: str, card: PoseCard) -> str:
    """The cue with the stretch its own version takes away left out of its claims: the areas
    taken go, and where none is left the claim is the back's, which the version keeps long
    (Down Dog with the knees bent and heels lifted "lengthens the back")."""
    gone = taken(cue)
    if not gone:
        return cue

    def kept(match: re.Match) -> str:
        named = re.split(r"(, | and )", match.group("areas"))
        words = named[::2]
        count = next((i for i, w in enumerate(words) if w not in _LEG_AREAS), len(words))
        areas = words[:count]
        if not set(areas) & gone:
            return match.group(0)
        left = [a for a in areas if a not in gone] or ["back"]
        rest = "".join(named[2 * count - 1 :]) if count < len(words) else ""
        return f"{match.group('verb')} the {' and '.join(left)}{rest}"

    def kept_said(match: re.Match) -> str:
        areas = re.split(r", | and ", match.group("areas"))
        left = [a for a in areas if a not in gone]
        if left == areas:
            return match.group(0)
        if not left:
            return "the back stays long"
        return f"the {' and '.join(left)}{match.group('whose')} lengthen"

    return _SAID_STRETCH.sub(kept_said, _OWN_STRETCH.sub(kept, cue))
