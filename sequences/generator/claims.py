"""What a reason may claim of a pose, from the pose's own effort and shape (issue "Today's
practice a teacher would teach", review r8): "strengthens" only the areas its effort works,
"building heat" only of an active standing or flowing pose, each preparer's own words for the
way it leads into a hip opener, and what a joint warm-up may say the peak loads."""

import re

from poses.models import Caution, Effort, Position, TargetArea
from sequences.steps import PoseCard

# The words of a claim after its verb (reasons.CLAIM_WORDS): "lengthens the side body".
CLAIM_WORDS = frozenset(
    {"the", "and", "side", "body"}
    | {word for area in TargetArea.labels for word in str(area).lower().split()}
)


def claim_of(first: str) -> str:
    """The verb and the area words a clause opens with ("" where it names no area)."""
    said = first.split()
    kept = said[:1]
    for word in said[1:]:
        if word not in CLAIM_WORDS:
            break
        kept.append(word)
    return " ".join(kept).removesuffix(" and") if len(kept) >= 3 else ""


# The areas an active pose's effort works, by what carries it: the legs it stands on, the arms
# it bears weight on, the back a prone lift raises. The core works in every active pose.
WORKED_BY_POSITION = {
    Position.STANDING: frozenset(
        {"quadriceps", "glutes", "calves", "ankles", "feet", "hips", "hamstrings", "lower_back"}
    ),
    Position.HANDS_AND_FEET: frozenset({"arms", "wrists", "shoulders"}),
    Position.ARM_BALANCE: frozenset({"arms", "wrists", "shoulders"}),
    Position.INVERTED: frozenset({"arms", "wrists", "shoulders"}),
    Position.KNEELING: frozenset({"arms", "wrists", "shoulders", "lower_back", "glutes"}),
    Position.PRONE: frozenset({"upper_back", "lower_back", "glutes", "hamstrings"}),
    Position.SUPINE: frozenset({"glutes", "hamstrings", "lower_back"}),
    Position.SEATED: frozenset({"lower_back"}),
}


def effort_works(card: PoseCard) -> frozenset[str]:
    """The areas the pose's effort works, that a reason may say it strengthens: none for a
    passive or easy (intensity 1) pose; the core and what carries the body for an active one
    (review r8: Humble Warrior stretches the shoulders and chest; Half Boat works the core, not
    "the hips")."""
    if card.effort != Effort.ACTIVE or card.intensity < 2:
        return frozenset()
    return WORKED_BY_POSITION.get(card.position, frozenset()) | {"core"}


def stretch_verb(areas) -> str:
    """What a pose does to areas its effort does not work: opens the chest, shoulders or hips,
    lengthens the rest."""
    first = list(areas)[:1]
    return "opens" if first and first[0] in ("chest", "shoulders", "hips") else "lengthens"


# Where a pose is held upright and moving, so its effort warms the body.
HEATING_POSITIONS = frozenset({Position.STANDING, Position.HANDS_AND_FEET, Position.ARM_BALANCE})


def builds_heat(card: PoseCard) -> bool:
    """A pose a cue may say builds heat: an active standing or flowing pose (on the feet, the
    hands and feet, or the arms) of intensity 3 or more (Chair, Plank) — not a seated twist,
    which cools (review r8: Revolved Head-to-Knee "building heat"), nor an easy stretch."""
    return (
        card.effort == Effort.ACTIVE and card.intensity >= 3 and card.position in HEATING_POSITIONS
    )


# What in a peak loads each joint a joint warm-up readies (its first area): the peak names the
# joint among its first areas, or bears weight on it (its cautions).
JOINT_LOAD = {"wrists": Caution.WRIST_LOAD, "neck": Caution.NECK_LOAD}
NEEDS = 3


def loads_joint(peak: PoseCard, joint: str) -> bool:
    """The peak loads this joint: it names it among its first areas, or bears weight on it
    (review r8: Plank loads the wrists and shoulders, not the neck)."""
    return joint in peak.target_areas[:NEEDS] or JOINT_LOAD.get(joint) in peak.cautions


# Each pose's own way into a hip opener's shape, true of what the pose itself does (review r8:
# "the inner thighs begin Frog Pose's shape" for four poses, and wrong for Five-Pointed Star):
# hamstrings and inner thighs together, the inner thighs under load, or passive. {peak} is the
# peak's name.
ENTRY_WORDS = {
    # The hips widen (Frog, Bound Angle, a wide squat).
    "wide-legged-forward-fold": "the wide stance takes the inner thighs into the stretch too, "
    "toward the width {peak} asks for",
    "goddess": "the inner thighs open under the weight of a deep squat, knees wide as in {peak}",
    "childs-pose": "the inner thighs open, the knees as wide as {peak} takes them",
    "skandasana": "the inner thigh of the long leg opens, one side at a time, toward {peak}",
    "garland": "the hips widen in a deep squat, a first taste of {peak}",
    "bound-angle": "the inner thighs lengthen seated, the knees falling wide before {peak}",
    "butterfly-yin": "the inner thighs soften slowly, knees wide, before {peak}",
    "reclined-bound-angle": "the inner thighs open lying down, blocks under the knees, "
    "before {peak}",
    "happy-baby": "the hips widen on the back, the knees drawn toward the floor, before {peak}",
    "dragonfly-yin": "the legs wide and still, the fold deepens slowly before {peak}",
    "wide-angle-seated-forward-fold": "the legs wide, the inner thighs join the stretch, before "
    "{peak}",
    "frog": "the knees slide wide, the inner thighs open as {peak} asks",
    # The hips turn out (Pigeon, Lotus).
    "pigeon-prep": "the front hip turns out, the back leg long, as {peak} asks",
    "sleeping-swan-yin": "the front hip turns out and softens slowly before {peak}",
    "fire-log": "both hips turn out at once, shins stacked, before {peak}",
    "lotus": "both hips turn out fully, as {peak} asks",
    "half-lotus": "one hip turns out fully, a step toward {peak}",
    "reclined-figure-four": "the outer hip turns out lying down, no weight on it, before {peak}",
    "chair-figure-four": "the outer hip turns out, seated on the chair, before {peak}",
    "shoelace-yin": "the outer hips soften, knees stacked, before {peak}",
    "cow-face": "the hips turn out, knees stacked, before {peak}",
    "deer-yin": "the front hip turns out while the back hip turns in, before {peak}",
    # The front of the hip lengthens (the lunges, the splits).
    "low-lunge": "the front of the back hip lengthens, the knee down, before {peak}",
    "lizard": "the front hip opens low and the back hip's front lengthens, before {peak}",
    "dragon-yin": "the back hip's front lengthens slowly, the knee down, before {peak}",
    "high-lunge": "the back hip's front lengthens on working legs, before {peak}",
    "full-splits": "both hips lengthen front and back, as {peak} asks",
    "saddle-yin": "the fronts of the hips and thighs lengthen, lying back, before {peak}",
}
# A generic way in, by how the peak opens the hips, for a pose not above.
ENTRY_FALLBACK = {
    "wide": "the inner thighs open toward {peak}",
    "out": "the hips begin to turn out toward {peak}",
    "front": "the front of the hip begins to lengthen toward {peak}",
}


def entry_words(card: PoseCard, action: str, peak_name: str) -> str:
    """The pose's own words for how it leads into the peak's hip shape (ENTRY_WORDS)."""
    said = ENTRY_WORDS.get(card.slug, ENTRY_FALLBACK[action])
    return said.format(peak=peak_name)


# A cool-down reason that says only what a pose does, with no action to take it by (review r8:
# "Lengthens the side body, slowly"): its verb and areas, then at most these tails.
BARE_TAILS = ("slowly", "as the breath slows", "letting the practice settle")
_CLAUSE = re.compile(r"^[A-Z][a-z]+ the [a-z ]+$")


def bare(cue: str, places) -> bool:
    """The cue is only "{Verb} the {areas}" with a bare tail or a place ("seated")."""
    parts = [p.strip() for p in re.split(r"[,]| as ", cue.rstrip(".")) if p.strip()]
    if not parts or not _CLAUSE.match(parts[0]) or claim_of(parts[0].lower()) != parts[0].lower():
        return False
    tails = {t.removeprefix("as ") for t in BARE_TAILS} | set(places)
    return all(part in tails for part in parts[1:])
