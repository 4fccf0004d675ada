"""A pose is never said to lengthen, stretch or open a muscle its own effort works (blind
teacher review r15 F3: "Reverse Warrior lengthens the quadriceps for Side Lunge", where the
bent front leg's quadriceps carries the body and the pose opens the side body). What a pose
is credited with opening comes from what it opens itself, not from what the peak needs: an
area it works is said as worked.

Pure functions over PoseCard data and cue text; `flow_credit` words a flow's credit with them
and the figure of `quality.worked_claims` checks every cue against them."""

import re
from functools import lru_cache

from poses.models import Category
from sequences.steps import PoseCard

# The verbs that claim a stretch.
STRETCH_VERBS = frozenset({"lengthens", "stretches", "opens"})
# The verb for an area the pose works.
WORKS = "works"


# The back of the legs a fold on its feet stretches, though it stands on them.
FOLDED_OVER = frozenset({"hamstrings", "calves"})


def works(card: PoseCard, area: str) -> bool:
    """The pose's effort works the area (`reasons.strengthens`), not counting the back of the
    legs a forward fold stretches as it stands on them (Standing Forward Fold's calves)."""
    from sequences.generator.reasons import strengthens  # (reasons words its cues with this)

    if card.category == Category.FORWARD_FOLD and area in FOLDED_OVER:
        return False
    return strengthens(card, area)


def split_claim(card: PoseCard, verb: str, areas: list[str]) -> tuple[str, list[str]]:
    """(verb, areas) true of the pose: a stretching verb keeps only the areas the pose does
    not work (`reasons.strengthens`); where it works every one of them, they are said as
    worked ("Reverse Warrior works the quadriceps")."""
    if verb not in STRETCH_VERBS:
        return verb, areas
    opened = [a for a in areas if not works(card, a)]
    return (verb, opened) if opened else (WORKS, areas)


@lru_cache(maxsize=1024)
def _named_claim(name: str) -> re.Pattern:
    """ "{name} lengthens the quadriceps and hips": the pose named, then a stretching verb and
    the words up to the clause's end."""
    verbs = "|".join(sorted(STRETCH_VERBS))
    return re.compile(rf"\b{re.escape(name)} (?:{verbs}) the (?P<areas>[a-z ,]+)")


# The step's own claim at a sentence's start: "Lengthens the quadriceps …".
OWN_CLAIM = re.compile(r"(?:^|[.:;] )(?:Lengthens|Stretches|Opens) the (?P<areas>[a-z ,]+)")


def stretched_but_worked(cue: str, card: PoseCard, others: dict[str, PoseCard]) -> list[str]:
    """The areas the cue says a pose lengthens, stretches or opens while that pose works them:
    the step's own pose (a sentence that starts with the verb), or a pose it names (`others`,
    by name)."""
    found = []
    for match in OWN_CLAIM.finditer(cue):
        found += [f"{card.slug} works the {a}" for a in _claimed(match) if works(card, a)]
    for name, other in others.items():
        for match in _named_claim(name).finditer(cue):
            areas = _claimed(match)
            found += [f"{other.slug} works the {a}" for a in areas if works(other, a)]
    return found


def _claimed(match: re.Match) -> frozenset[str]:
    """The target areas named in a claim, up to the first word that is no area's."""
    from sequences.generator.claims import CLAIM_WORDS
    from sequences.generator.truths import _areas

    kept = []
    for word in match.group("areas").replace(",", " ").split():
        if word not in CLAIM_WORDS:
            break
        kept.append(word)
    return _areas(" ".join(kept))
