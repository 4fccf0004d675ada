"""What a reason may say and still be true and read as a sentence (teacher review r9, issue
11): the peak "needs" only what its shape asks of it, a claim of direction (the front or the
back of the body, the spine rounding) matches the pose's own shape, no reason says its own
claim twice, and no template join leaves a slot without its verb.

Pure functions over PoseCard data and cue text; `reasons` words its cues with them and the
quality figures of `quality.sentences` check the practice against them."""

import re
from functools import lru_cache

from poses.models import Caution, TargetArea
from sequences.generator.shape_words import true_areas
from sequences.generator.shapes import spine_action
from sequences.steps import PoseCard

# A peak's needs: its first three target areas (reasons.NEEDS), as the library lists them.
NEEDS = 3


def needs(peak: PoseCard) -> list[str]:
    """The areas a reason may say the peak needs: its first three target areas, less the
    glutes of a hip opener that widens the hips without carrying the body on its legs (Frog,
    Bound Angle, Happy Baby: a passive stretch of the inner thighs, review r9 #3; Pigeon and
    Figure Four, which turn the hips out, stretch the glutes; Goddess, standing, works them)."""
    from sequences.generator import reasons  # (reasons words its cues with these)

    areas = true_areas(peak, NEEDS)  # (no hamstrings for a lunge: review r11b)
    wide = reasons.hip_action(peak) == "wide"
    if "glutes" in areas and wide and not reasons.strengthens(peak, "glutes"):
        areas.remove("glutes")
    return areas


# --- direction: the front or the back of the body ----------------------------------------


def rounds_the_spine(card: PoseCard) -> bool:
    """The pose rounds the spine (Child's Pose, Knees-to-Chest, a seated fold): flexion among
    its cautions. A fold lying flat with the spine long (Supine Hand-to-Big-Toe) does not."""
    return bool(card.cautions & {Caution.SPINAL_FLEXION, Caution.SPINAL_ROUNDING})


def opens_the_front(card: PoseCard) -> bool:
    """The pose opens or lengthens the front of the body: a backbend or a supported chest
    opener (`shapes.spine_action` "back")."""
    return spine_action(card) == "back"


def lengthens_the_back(card: PoseCard) -> bool:
    """The pose lengthens the back of the body: it rounds the spine or folds over the legs."""
    return rounds_the_spine(card) or spine_action(card) == "forward"


# What a cue says of the body's direction, and the test the pose must pass for it to be true.
DIRECTION_WORDS = (
    (re.compile(r"\bfront (?:of the )?body\b"), opens_the_front, "open the front"),
    (re.compile(r"\bback of the body\b"), lengthens_the_back, "lengthen the back"),
    (
        re.compile(r"\brounds? the spine\b|\bthe spine rounds\b"),
        rounds_the_spine,
        "round the spine",
    ),
)
# What a cue says of another pose ("after Locust Pose rounded them"): not this pose's claim.
AFTER = re.compile(r"\bafter [^.;:]*")


def false_directions(cue: str, card: PoseCard) -> list[str]:
    """The claims of direction in the cue that the pose's shape makes false ("lengthens the
    front of the body" of a forward fold)."""
    text = AFTER.sub("", cue)
    return [
        said for pattern, true, said in DIRECTION_WORDS if pattern.search(text) and not true(card)
    ]


# --- said twice ----------------------------------------------------------------------------

# The verbs a claim is made with, by their stem.
CLAIM_VERB = re.compile(
    r"\b(lengthen|open|strengthen|stretch|turn|rest|release|loosen|soften|widen|arch|steadie|"
    r"steady|wake|warm)(?:s|es|ed|ing)?\b",
    flags=re.IGNORECASE,
)
AREA_LABELS = sorted(
    ((str(label).lower(), value) for value, label in TargetArea.choices),
    key=lambda item: -len(item[0]),
)


# Each label as a word, compiled once.
AREA_WORDS = [(re.compile(rf"\b{re.escape(label)}\b"), value) for label, value in AREA_LABELS]


@lru_cache(maxsize=4096)
def _areas(text: str) -> frozenset[str]:
    """The target areas the text names (kept: the figures read the same clauses often)."""
    found = set()
    for label, value in AREA_WORDS:
        if label.search(text):
            found.add(value)
            text = label.sub(" ", text)
    return frozenset(found)


def claims_in(clause: str) -> set[tuple[str, str]]:
    """(verb stem, area) for each verb of a claim and area named in one clause."""
    verbs = {v.lower().replace("steadie", "steady") for v in CLAIM_VERB.findall(clause)}
    return {(verb, area) for verb in verbs for area in _areas(clause.lower())}


def said_twice(cue: str) -> list[str]:
    """The claims the cue makes in two of its clauses ("Lengthens the hamstrings and hips: the
    hamstrings lengthen toward …", review r9 #4): a verb on an area said again."""
    seen: dict[tuple[str, str], int] = {}
    found = []
    for index, clause in enumerate(c for c in re.split(r"[.;:] ", cue) if c.strip()):
        for claim in sorted(claims_in(clause)):
            if seen.setdefault(claim, index) != index and claim not in found:
                found.append(claim)
    return [f"{verb} the {area}" for verb, area in found]


# --- a sentence ----------------------------------------------------------------------------

# Words a clause cannot end on: an article, a conjunction, a possessive with nothing owned.
DANGLING = re.compile(r"\b(?:the|a|an|and|or|its|their)\s*(?:[,.;:]|$)|'s?\s*(?:[,;:]|\.$|$)")
PREPOSITIONS = r"(?:out|of|from|into|to|for|with|in|on|at|by|toward|towards|onto|over|under)"
# Marks of a slot left empty or filled twice.
EMPTY_SLOT = re.compile(r" {2}| [,.;:]|\{|\}|,,|\(\)|(?<!\.)\.\.(?!\.)|\b(\w+) \1\b")


def not_a_sentence(cue: str, names: list[str], *, fragment: bool = False) -> list[str]:
    """Why the cue does not read as a sentence ([] where it does): a lower-case start, no full
    stop at the end (`fragment`: a flow's passing step, "Exhale, fold", needs none), a slot
    left empty, a clause that ends on an article or conjunction, or a pose name followed only
    by prepositions (a verb left out at a template join: "the shape Wild Thing out of", review
    r9 #2). `names` are the practice's pose names."""
    problems = []
    if cue[:1].islower():
        problems.append("starts lower-case")
    if not fragment and cue and cue[-1] not in ".!?":
        problems.append("no full stop")
    if EMPTY_SLOT.search(cue):
        problems.append(f"empty slot at {EMPTY_SLOT.search(cue).group(0)!r}")
    if DANGLING.search(cue):
        problems.append(f"ends on {DANGLING.search(cue).group(0)!r}")
    for name in names:
        if name not in cue:
            continue  # (the pattern starts with the name as written)
        verbless = _verbless(name).search(cue)
        if verbless:
            problems.append(f"no verb in {verbless.group(0)!r}")
    return problems


@lru_cache(maxsize=4096)
def _verbless(name: str) -> re.Pattern:
    """The name followed only by prepositions to the end of its clause (`not_a_sentence`)."""
    return re.compile(rf"{re.escape(name)}(?:'s?)?(?:\s+{PREPOSITIONS})+\s*(?:[,.;:]|$)")
