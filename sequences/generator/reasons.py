"""Why each pose is where it is, in a teacher's words: its job here (what it prepares for the
peak and how, what it counters, why this hold), from the pose's own facts."""

import itertools
import re

from poses.models import Category, Caution, Effort, Position, Prop, TargetArea
from sequences.generator import arm_counters, breath_technique, claims, counter_words, truths
from sequences.generator.flow_credit import giver_words, works_here
from sequences.generator.focus_balance import SIDE_BENDS
from sequences.generator.lowering import lowered
from sequences.generator.peaks import peak_how, shoulders_other_way
from sequences.generator.practice import HOLD_CAPS
from sequences.generator.rest_between import REST_BETWEEN, rests_between
from sequences.generator.shape_words import PEAK_WORDS, lying_fold, most_of, true_areas
from sequences.generator.shapes import (
    entered_from,
    family,
    loads_the_neck_upside_down,
    peak_needs,
    upright,
    works,
)
from sequences.generator.spoken_time import about_minutes
from sequences.generator.versions import level_versions, taught_for, versions_for
from sequences.generator.vocabulary import (
    BREATH_SECONDS,
    CHEST_OPENERS,
    CORE_COMPRESSION,
    FOCUS_CATEGORIES,
    FOCUS_TARGETS,
    FOCUS_WORDS,
    HAMSTRINGS,
    HIP_EXTERNAL_ROTATION,
    PREPARES,
    PRONE_EXTENSION,
    QUADRICEPS_OPENERS,
    SLOW_FOCUS_TARGETS,
    SPINAL_EXTENSION,
)
from sequences.models import Focus, Style
from sequences.steps import PoseCard

# What a peak needs: its first three target areas (the library lists a pose's areas most
# important first). What a pose works: its first two. A pose prepares the peak only where the
# two meet (see `prepares`).
NEEDS = 3
OWN = 2

# What each kind of pose does to the areas it names.
ACTION = {
    Category.STANDING: "strengthens",
    Category.BALANCE: "steadies",
    Category.BACKBEND: "opens",
    Category.FORWARD_FOLD: "lengthens",
    Category.TWIST: "turns and frees",
    Category.HIP_OPENER: "opens",
    Category.CORE: "strengthens",
    Category.INVERSION: "turns the body upside down and works",
    Category.RESTORATIVE: "rests",
    Category.MOBILITY: "loosens",
    Category.SEATED: "lengthens",
}
WHERE = {
    Position.STANDING: "standing",
    Position.KNEELING: "on the knees",
    Position.SEATED: "seated",
    Position.SUPINE: "on the back",
    Position.PRONE: "on the belly",
    Position.SIDE_LYING: "on the side",
    Position.HANDS_AND_FEET: "on hands and feet",
}


def words(items) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def area_words(areas, limit: int = 2) -> str:
    labels = []
    for area in list(areas)[:limit]:
        try:
            labels.append(TargetArea(area).label.lower())
        except ValueError:
            labels.append(area.replace("_", " "))
    return words(labels) or "whole body"


def minutes(seconds: int) -> str:
    """ "45 seconds", "1 minute", "4 and a half minutes", "1 minute 35 seconds": the hold as it
    is, never rounded (review r9 #18: "about 2 minutes" said of Corpse 1:35; the quality
    figure `cue_time`)."""
    whole, rest = divmod(seconds, 60)
    if not whole:
        return f"{seconds} seconds"
    said = f"{whole} minute{'s' if whole > 1 else ''}"
    if rest == 30:
        return "a minute and a half" if whole == 1 else f"{whole} and a half minutes"
    return f"{said} {rest} seconds" if rest else said


def possessive(name: str) -> str:
    """ "Camel Pose's", "Half Splits'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


# What some poses do, where their category and target areas would say it wrong: a side bend
# lengthens the side body; Bridge strengthens the back of the legs.
DOES = {
    "gate": ("lengthens", "side body"),
    "seated-side-bend": ("lengthens", "side body"),
    "standing-side-bend": ("lengthens", "side body"),
    "chair-side-bend": ("lengthens", "side body"),
    "banana-yin": ("lengthens", "side body"),
    "half-butterfly-side-bend-yin": ("lengthens", "side body"),
    "bridge": ("strengthens", "glutes and hamstrings"),
    "five-pointed-star": ("stretches", "arms and legs wide from the centre"),
    "three-legged-dog": ("lengthens", "hamstrings and calves, one leg lifted"),
    "dragonfly-yin": ("opens", "inner thighs and the back of the legs"),
}
# The areas a kind of pose works as its job, where its list names others too (a twist turns
# the spine, whatever it names for the hips; a fold lengthens the back of the body).
BACK_AREAS = ("spine", "upper_back", "lower_back", "neck")
JOB_AREAS = {
    Category.TWIST: BACK_AREAS,
    Category.FORWARD_FOLD: ("hamstrings", "calves", "lower_back", "spine", "upper_back"),
    Category.BALANCE: ("ankles", "feet"),
}


def job(card: PoseCard) -> tuple[str, list[str]]:
    """(verb, areas): what the pose itself does, from its own category, effort and first
    target areas — "strengthens" the upper and lower back for Locust, "turns" the spine for a
    twist, "balances on one leg, steadying" the ankles for Tree. "Strengthens" names only the
    areas the pose's effort works (`claims.effort_works`); where it works none of them the pose
    opens or lengthens them (review r8: Humble Warrior opens the shoulders and chest)."""
    verb, areas = _job(card)
    if verb != "strengthens":
        return verb, areas
    worked = claims.effort_works(card)
    kept = [a for a in areas if a in worked]
    return ("strengthens", kept) if kept else (claims.stretch_verb(areas), areas)


def _job(card: PoseCard) -> tuple[str, list[str]]:
    head = true_areas(card, NEEDS)  # (a lunge's row lists hamstrings it does not stretch)
    areas = head[:OWN]
    kind = card.category
    strong = card.effort == Effort.ACTIVE and card.intensity >= 3
    if kind == Category.FORWARD_FOLD and strong and areas[:1] in (["shoulders"], ["arms"]):
        return "strengthens", areas  # Dolphin: the shoulders carry it, not the hamstrings
    if kind in JOB_AREAS:
        areas = [a for a in head if a in JOB_AREAS[kind]][:OWN] or areas
    if card.position == Position.ARM_BALANCE:
        return "strengthens", areas
    if kind == Category.BALANCE:
        return "balances on one leg, steadying", areas
    if kind == Category.TWIST:
        return "turns", areas
    if kind == Category.BACKBEND:
        if areas and areas[0] in ("chest", "shoulders"):
            return "opens", areas
        return ("strengthens" if card.effort == Effort.ACTIVE else "arches"), areas
    if kind == Category.SEATED and areas and areas[0] == "hips":
        return "opens", areas  # Lotus, Half Lotus
    verb = action(card)
    if (
        verb == "rests"
        and "hamstrings" in areas
        and not counter_words.slackens_the_hamstrings(card)
    ):
        # A supported fold lengthens the hamstrings it is said to rest; only a pose with the
        # knees bent lets them go slack (`counter_words`, r11 F1).
        return "lengthens", areas
    return verb, areas


def does(card: PoseCard, areas=None) -> tuple[str, str]:
    """(verb, area words) for "{verb} the {areas}": the pose's own words where it has them,
    else its job (`job`), or the areas given."""
    if card.slug in DOES:
        return DOES[card.slug]
    verb, own = job(card)
    return verb, area_words(areas if areas else own)


def action(card: PoseCard) -> str:
    if card.slug in DOES:
        return DOES[card.slug][0]
    if card.category == Category.STANDING and card.intensity <= 2:
        return "lengthens"  # Triangle, Reverse Warrior, a standing side bend
    return ACTION.get(card.category, "works")


def shared(card: PoseCard, other: PoseCard) -> list[str]:
    return [area for area in card.target_areas if area in other.target_areas]


def prepares(card: PoseCard, peak: PoseCard) -> list[str]:
    """The areas the peak needs that this pose really works (its first two target areas
    against the peak's first three), or [] when it does not prepare the peak. Credit goes
    where the pose's main work meets the peak's first need, two of its needs, or the peak's
    own kind of pose; never to a twist for a peak that is no twist, a standing balance for a
    peak that does not stand, a side bend or a joint warm-up. A pose a teacher leads into the
    peak from (vocabulary.PREPARES: Garland before Crow), and a pose that gives one of the
    peak's needs (vocabulary.PEAK_NEEDS, read through `shapes.peak_needs`, the same table the
    build places them from: Sphinx before Bow), prepares it whatever it shares: `["shape"]`
    when it shares none of the peak's target areas."""
    if card.slug == peak.slug or card.is_breathing or card.category == Category.MOBILITY:
        return []
    needs = truths.needs(peak)  # (Frog needs no glutes: review r9 #3)
    own = [] if card.slug in DOES else job(card)[1]
    common = [a for a in needs if a in own and not shoulders_other_way(card.slug, peak.slug, a)]
    if card.slug in PREPARES.get(peak.slug, ()) or any(
        card.slug in need for need in peak_needs(peak)
    ):
        return common or ["shape"]
    if card.slug in DOES:
        return []
    if card.category == Category.TWIST and peak.category != Category.TWIST:
        return []
    if card.category == Category.BALANCE and peak.position not in (
        Position.STANDING,
        Position.ARM_BALANCE,
    ):
        return []
    if common and (common[0] == needs[0] or len(common) >= 2 or card.category == peak.category):
        return common
    return []


# Verbs that build strength; the others open, lengthen or turn. A pose that strengthens an
# area does not prepare a peak that opens it (review r5 #3: Goddess "strengthens the glutes"
# for Frog, a passive stretch of the inner thighs).
STRONG_VERBS = frozenset({"strengthens", "balances on one leg, steadying"})


def leads_by_shape(card: PoseCard, peak: PoseCard) -> bool:
    """The pose a teacher leads into the peak from (vocabulary.PREPARES: Garland before Crow),
    or one way of teaching the peak's own shape (`shapes.family`)."""
    return card.slug != peak.slug and (
        card.slug in PREPARES.get(peak.slug, ()) or family(card) == family(peak)
    )


def hip_way(card: PoseCard, peak: PoseCard | None = None) -> str:
    """How the pose opens the hips (`hip_action`: "wide", "out", "front"); a backbend that
    names the hips extends them ("front": Camel); the variant a pose is taught in before this
    peak (wide-knee Child's Pose before Frog: "wide")."""
    action = hip_action(card)
    if action:
        return action
    if peak is not None and (card.slug, hip_action(peak)) in ENTRY_VARIANT:
        return hip_action(peak)
    if card.category == Category.BACKBEND and "hips" in card.target_areas[:NEEDS]:
        return "front"
    return ""


def credits(card: PoseCard, peak: PoseCard) -> list[str]:
    """What a cue may say this pose prepared for the peak: the areas `prepares` finds, where
    the pose works them the peak's way (strength for a strong peak, opening for an opening
    one; the hips opened in the peak's direction: Garland's deep hip flexion is not Camel's
    hip extension), or `["shape"]` where it leads into the peak by shape (`leads_by_shape`);
    [] where a cue must not name the peak for it (Five-Pointed Star before Camel, review r5
    #4)."""
    found = prepares(card, peak)
    if not found:
        return []
    if found == ["shape"]:
        return found if leads_by_shape(card, peak) else []
    # A backbend that opens the upper back still prepares one that strengthens it (Puppy
    # before Locust): the same movement of the spine.
    other_way = (job(card)[0] in STRONG_VERBS) != (job(peak)[0] in STRONG_VERBS)
    if other_way and card.category != peak.category and not leads_by_shape(card, peak):
        return []
    way = hip_way(peak)
    found = [a for a in found if not (a == "hips" and way and hip_way(card, peak) != way)]
    if card.category != peak.category:
        # Per area, the same action as the peak's (review r6 #4: Reverse Warrior works the
        # front leg's quadriceps; Camel stretches them, so it prepares nothing there).
        found = [a for a in found if strengthens(card, a) == strengthens(peak, a)]
        if not found and leads_by_shape(card, peak):
            return ["shape"]
    return found


# Areas a standing pose carries the body on: it works them, whatever its verb says of the
# others (Reverse Warrior "lengthens" the side body on a bent, working front leg).
CARRYING = frozenset({"quadriceps", "glutes", "calves", "ankles", "feet"})


def strengthens(card: PoseCard, area: str) -> bool:
    """Whether the pose strengthens this area (True) or lengthens or rests it (False): a
    standing pose works the legs it stands on, an active pose works the core, a passive one
    strengthens nothing; otherwise the pose's own verb (`job`, `does`) says it."""
    if card.effort == Effort.PASSIVE or card.category == Category.RESTORATIVE:
        return False
    if card.position == Position.STANDING and area in CARRYING:
        return True
    if area == "core":
        return True
    verb = DOES[card.slug][0] if card.slug in DOES else job(card)[0]
    return verb in STRONG_VERBS


# What a peak's need (vocabulary.PEAK_NEEDS) gives, said of a pose that gives it where it
# shares none of the peak's first areas (Sphinx before Reclined Hero: "a first arch of the
# spine"), with what the pose must itself be for the words to be true of it.
NEED_WORDS = (
    (SPINAL_EXTENSION + PRONE_EXTENSION, "arch", "the arch that {peak} deepens, begun gently"),
    (QUADRICEPS_OPENERS, "quadriceps", "the fronts of the thighs open toward {peak}"),
    (HIP_EXTERNAL_ROTATION, "out", "the hips turn out toward {peak}"),
    (HAMSTRINGS, "hamstrings", "the hamstrings lengthen toward {peak}"),
    (CORE_COMPRESSION, "core", "the core draws in, as {peak} asks"),
    (CHEST_OPENERS, "chest", "a step toward {possessive} open chest"),
)


def _gives(card: PoseCard, peak: PoseCard, what: str) -> bool:
    areas = card.target_areas[:NEEDS]
    if what == "arch":
        return card.category == Category.BACKBEND
    if what == "out":
        return hip_action(card) == "out"
    if what == "chest":
        # Upright before a peak on the feet or hands, on the floor before one on the floor.
        return bool({"chest", "shoulders"} & set(areas[:2])) and upright(card) == upright(peak)
    return what in areas


def need_words(card: PoseCard, peak: PoseCard) -> str:
    """What the pose gives of the peak's needs (`peak_needs`), in words true of the pose; ""
    where it gives none of them that way."""
    for need in peak_needs(peak):
        if card.slug not in need:
            continue
        for given, what, said in NEED_WORDS:
            if set(need) <= set(given) and _gives(card, peak, what):
                return said.format(peak=peak.name, possessive=possessive(peak.name))
    return ""


# Areas a peak bears weight on, where it is held on the hands, arms or head.
WEIGHT_AREAS = frozenset({"shoulders", "arms", "wrists", "core"})
WEIGHT_POSITIONS = frozenset({Position.HANDS_AND_FEET, Position.ARM_BALANCE, Position.INVERTED})


def peak_work(peak: PoseCard) -> set[str]:
    """What the peak itself works, that a reason may say it worked: its own job's areas
    (`job`: the ankles of a standing balance, the spine of a twist) and its first target
    area — not every area its row names (Side Lunge does not work the spine, nor a standing
    balance the hips)."""
    return set(job(peak)[1]) | set(peak.target_areas[:1])


def uses(card: PoseCard, peak: PoseCard) -> tuple[list[str], str]:
    """(areas, how) where the pose readies what the peak uses without preparing its shape
    (`prepares`): the same verb on the peak's areas ("asks"), or strength for the shoulders,
    arms or core a peak on the hands bears weight on ("holds"). ([], "") otherwise."""
    if card.slug in DOES or card.is_breathing or card.category == Category.MOBILITY:
        return [], ""
    verb, own = job(card)
    areas = [a for a in own if a in peak.target_areas[:NEEDS]]
    areas = [a for a in areas if not shoulders_other_way(card.slug, peak.slug, a)]
    if not areas:
        return [], ""
    weight = [a for a in areas if a in WEIGHT_AREAS]
    if verb == "strengthens" and weight and peak.position in WEIGHT_POSITIONS:
        return weight, "holds"
    if verb == job(peak)[0]:
        return areas, "asks"
    return [], ""


# What a pose's verb must be to serve a focus: flexibility is not served by strengthening,
# strength not by lengthening.
# Energy is served by opening the chest and moving the spine (a backbend, whatever its verb),
# not by "strengthening the shoulders"; relaxation not by strengthening anything; the core by
# strengthening it.
FOCUS_VERBS = {
    Focus.FLEXIBILITY: ("lengthens", "opens", "turns", "arches", "stretches"),
    Focus.STRENGTH: ("strengthens", "balances on one leg, steadying"),
    Focus.BALANCE: ("balances on one leg, steadying",),
    Focus.ENERGY: ("opens", "arches", "turns"),
    Focus.RELAXATION: ("rests", "lengthens", "opens", "arches", "turns", "loosens"),
    Focus.CORE: ("strengthens", "balances on one leg, steadying"),
}
# Kinds of pose that serve a focus whatever their verb (Locust "strengthens" the back: a
# backbend still wakes a class up).
FOCUS_KINDS = {Focus.ENERGY: frozenset({Category.BACKBEND})}


def warms_for(card: PoseCard, peak: PoseCard) -> bool:
    """A joint warm-up or Cat-Cow readies what the peak loads: the warm-up's own joint (its
    first area) where the peak names it among its areas or bears weight on it
    (`claims.loads_joint`: Neck Release before a Headstand, not before Plank), or the spine for
    a peak that bends it: a backbend, a twist, or a fold that names the back (not Half Splits,
    a long spine over a straight leg: Cat-Cow "warming it for Half Splits" was untrue)."""
    if card.slug in ("cat-cow", "chair-cat-cow"):
        spine = set(BACK_AREAS) & set(peak.target_areas[:NEEDS])
        return peak.category in (Category.BACKBEND, Category.TWIST) or bool(spine)
    if card.category != Category.MOBILITY or not card.target_areas:
        return False
    return claims.loads_joint(peak, card.target_areas[0])


def served(card: PoseCard, focus_words: str, *, slow: bool = False) -> list[str]:
    """The focus areas of today's practice (named in `focus_words`) this pose serves by its
    job: by its kind (a balance for balance, a backbend for the back), or by the areas its own
    verb is true of (`job`) — not by an area it names last."""
    verb, areas = job(card)
    targets = SLOW_FOCUS_TARGETS if slow else FOCUS_TARGETS
    found = []
    for focus, said in FOCUS_WORDS.items():
        if focus == Focus.FULL_BODY or said not in focus_words:
            continue
        if not works(card, focus, slow=slow):
            continue
        if verb not in FOCUS_VERBS.get(focus, (verb,)) and card.category not in FOCUS_KINDS.get(
            focus, ()
        ):
            continue
        if card.category in FOCUS_CATEGORIES[focus] or set(areas) & targets[focus]:
            found.append(focus)
    return found


def props_words(card: PoseCard) -> str:
    labels = [Prop(prop).label.lower() for prop in card.props if prop in Prop.values]
    return f"with {words(f'a {label}' for label in labels)}" if labels else ""


# How a restorative class sets each pose up, where the pose's own props say too little (Child's
# Pose and Crocodile list none): the words after the pose's job.
SUPPORT = {
    "childs-pose": "over a bolster laid lengthwise, a blanket under the knees",
    "crocodile": "a folded blanket under the pelvis, the forehead on the stacked hands",
    "knees-to-chest": "a folded blanket under the head",
    "constructive-rest": "knees bent and resting together, a blanket under the head",
    "supported-bridge": "a block under the sacrum at its lowest height",
    "supported-fish": "a bolster laid lengthwise behind you, a blanket under the head",
    "reclined-bound-angle": "a bolster laid lengthwise behind you, blocks under the knees",
    "legs-on-chair": "the lower legs resting on a chair seat, a blanket under the head",
    "legs-up-the-wall": "the legs up a wall, a folded blanket under the pelvis",
    "supported-seated-forward-bend": "the forehead resting on a bolster or a chair seat",
    "reclined-twist": "a bolster or a folded blanket between the knees",
    "corpse": "a bolster under the knees, a blanket under the head",
    "side-lying-savasana": "a bolster between the knees, a blanket under the head",
    # Every other pose that lists props, each prop where it goes (review: "with a blanket and a
    # bolster" on Dragonfly says nothing a beginner can set up).
    "dragonfly-yin": "a folded blanket under the sit bones, a bolster lengthwise between the "
    "legs for the chest",
    "half-butterfly-yin": "a folded blanket under the sit bones, a bolster along the long leg "
    "for the chest",
    "half-butterfly-side-bend-yin": "a folded blanket under the sit bones, a bolster along the "
    "inside of the long leg for the lower forearm",
    "supported-twist": "a bolster laid lengthwise beside the hip, a blanket between the knees",
    "caterpillar-yin": "a folded blanket under the sit bones, a bolster lengthwise along the "
    "legs for the chest",
    "butterfly-yin": "a folded blanket under the sit bones, a block under each knee, a bolster "
    "lengthwise over the feet for the chest",
    "sleeping-swan-yin": "a folded blanket under the front hip, a bolster lengthwise under the "
    "chest, a block under the forehead",
    "seated-forward-fold": "a folded blanket under the sit bones, a strap around the feet",
    "head-to-knee": "a folded blanket under the sit bones, a block under the bent knee, a strap "
    "around the long foot",
    "wide-angle-seated-forward-fold": "a folded blanket under the sit bones",
    "supine-hand-to-big-toe": "a strap around the lifted foot, a block under the head",
    "half-lord-of-the-fishes": "a folded blanket under the sit bones",
    "bharadvajas-twist": "a folded blanket under the sit bones",
    "marichyasana-c": "a folded blanket under the sit bones",
    "bound-angle": "a folded blanket under the sit bones, a block under each knee",
    "easy-pose": "a folded blanket under the sit bones",
    "lotus": "a folded blanket under the sit bones",
    "half-lotus": "a folded blanket under the sit bones, a block under the lifted knee",
    "deer-yin": "a folded blanket under the sit bones",
    "shoelace-yin": "a folded blanket under the sit bones",
    "fire-log": "a block under the top knee",
    "cow-face": "a block under the sit bones",
    "hero-pose": "a block under the sit bones",
    "toe-squat-yin": "a folded blanket under the knees",
    "gate": "a folded blanket under the kneeling knee",
    "low-lunge": "a folded blanket under the back knee",
    "lizard": "a folded blanket under the back knee, a block under each hand",
    "dragon-yin": "a folded blanket under the back knee, a block under each hand",
    "pigeon-prep": "a folded blanket under the front hip, a block under the forehead",
    "frog": "a folded blanket under each knee",
    "full-splits": "a bolster lengthwise under the front thigh, a block under each hand",
    "half-splits": "a folded blanket under the back knee, a block under each hand",
    "happy-baby": "a strap around each sole if the hands do not reach",
    "reclined-hero": "a bolster lengthwise behind you, propped on a block",
    "saddle-yin": "a bolster lengthwise behind you",
    "snail-yin": "a folded blanket under the shoulders",
    "plough": "a folded blanket under the shoulders",
    "supported-shoulder-stand": "a folded blanket under the shoulders, the head off it",
    "camel": "a folded blanket under the knees, blocks beside the feet",
    "puppy": "a block under the forehead",
    "body-scan": "a bolster under the knees, a blanket under the head",
}
PROP_WORDS = ("bolster", "blanket", "block", "strap", "chair", "wall", "towel")
# Where a prop goes, for a pose that lists it and is not set up above, by the prop.
PLACE = {
    "blanket": "a folded blanket under the knees",
    "bolster": "a bolster lengthwise under the chest",
    "block": "a block under the hand",
    "strap": "a strap around the foot",
    "chair": "sitting tall on a steady chair",
    "wall": "a wall behind you",
    "towel": "a rolled towel under the neck",
}


def support(card: PoseCard) -> str:
    """How the props hold this pose in a restorative class ("over a bolster laid lengthwise,
    a blanket under the knees"), each prop where it goes (BLANKET_UNDER, PLACE); a folded
    blanket where the pose lists nothing."""
    if card.slug in SUPPORT:
        return SUPPORT[card.slug]
    blanket = BLANKET_UNDER.get(card.position, PLACE["blanket"])
    placed = [blanket if prop == "blanket" else PLACE[prop] for prop in card.props if prop in PLACE]
    return ", ".join(placed) or blanket


# Where a folded blanket goes, by the position the pose is held in.
BLANKET_UNDER = {
    Position.SEATED: "a folded blanket under the sit bones",
    Position.SUPINE: "a folded blanket under the head",
    Position.PRONE: "a folded blanket under the pelvis",
    Position.SIDE_LYING: "a folded blanket under the head",
    Position.KNEELING: "a folded blanket under the knees",
    Position.HANDS_AND_FEET: "a folded blanket under the knees",
}


def breath_words(card: PoseCard) -> str:
    """ "in for 6, out for 6" from the breath pattern, in its technique's words (the nostrils
    in turn, the hum: `breath_technique.pacing`)."""
    return breath_technique.pacing(card)


def centring(card: PoseCard, *, style: str, energy: bool = False) -> str:
    """The centring's words; for an energy class (`energy`) a fuller, brisker breath that
    wakes the body, never "let the day go" (review r6 #12)."""
    if energy:
        return ENERGY_CENTRING.get(
            card.slug,
            f"Centring {WHERE.get(card.position, 'still')}: sit tall, breathe fuller and a little "
            "brisker through the nose, and let each inhale wake you up.",
        ).format(pattern=breath_words(card) if card.breath_pattern else "")
    if card.breath_pattern:
        pattern = breath_words(card)
        if style in (Style.VINYASA, Style.POWER) and card.slug == "ujjayi-breath":
            return f"Centring: {pattern}, the steady breath every flow of this practice moves with."
        return f"Centring: {pattern}; arrive and let the breath slow down before you move."
    if card.is_breathing:
        return "Centring: sit still and let the attention settle before you move."
    where = WHERE.get(card.position, "still")
    return f"Centring {where}: nothing to do yet; notice the breath and let the day go."


# A centring worded for an energy class: the breath made fuller and audible, to wake up.
ENERGY_CENTRING = {
    "ujjayi-breath": "Centring: {pattern}, full enough to wake the body and build warmth "
    "before you move.",
    "three-part-breath": "Centring: {pattern}; let each full inhale wake you up.",
}


# Target areas a sentence calls "it" rather than "them".
SINGULAR_AREAS = frozenset(
    {"core", "spine", "lower_back", "upper_back", "neck", "chest", "nervous_system", "full_body"}
)


def pronoun(areas) -> str:
    """ "it" for one area that is one thing (the core), else "them" (the hips, the core and
    the spine)."""
    areas = list(areas)
    return "it" if len(areas) == 1 and areas[0] in SINGULAR_AREAS else "them"


def mobility(card: PoseCard, loaded_later: list[str]) -> str:
    own = list(card.target_areas[:OWN])
    areas = area_words(own)
    if loaded_later:
        # Only the joint the later poses load is said to be loaded (`warms_for`).
        verb = "loads" if len(loaded_later) == 1 else "load"
        joint = area_words(own[:1])
        return (
            f"Joint by joint: loosens the {areas} before {words(loaded_later[:2])} "
            f"{verb} the {joint}."
        )
    return f"Joint by joint: loosens the {areas}, gently, one joint at a time."


def _turn(card: PoseCard, frames: tuple[str, ...]) -> str:
    """One of a few ways of saying the same kind of thing, chosen by the pose (so a page of
    warm-up poses does not read as one sentence with the names changed)."""
    return frames[sum(map(ord, card.slug)) % len(frames)]


WARM_FOR_THE_PEAK = (
    "Warms the {areas} gently, for {peak} later.",
    "Wakes up the {areas} at an easy intensity; {peak} will need {them}.",
    "Eases into the {areas}, which {peak} asks the most of.",
)
WARM_FOR_ITSELF = (
    "Warms the {areas} at an easy intensity.",
    "Eases the {areas} awake before the stronger work.",
    "Warms the {areas}, gently, with the breath.",
)


def warm_up(card: PoseCard, peak: PoseCard) -> str:
    """A warm-up pose: what it warms, and the peak only where it warms what the peak needs."""
    if card.slug in ("cat-cow", "chair-cat-cow"):
        if warms_for(card, peak):
            return f"Moves the spine both ways with the breath, warming it for {peak.name}."
        return "Moves the spine both ways with the breath: flexion and extension, one breath each."
    if card.slug in DOES:
        verb, own = DOES[card.slug]
        return f"{verb.capitalize()} the {own} gently, {_does_for(own, peak)}."
    if card.position == Position.HANDS_AND_FEET and card.category == Category.FORWARD_FOLD:
        return f"Lengthens the {area_words(job(card)[1])} and takes you up to standing."
    common = credits(card, peak)
    if common and common != ["shape"]:
        return _turn(card, WARM_FOR_THE_PEAK).format(
            areas=area_words(common), peak=peak.name, them=pronoun(common)
        )
    return _turn(card, WARM_FOR_ITSELF).format(areas=area_words(job(card)[1]))


def _does_for(own: str, peak: PoseCard) -> str:
    """What a DOES pose warms for: the peak's sideways reach only where the peak is a side bend
    (review r13 F2: Gate "for the spine's sideways reach" before Half Splits)."""
    if peak.slug in SIDE_BENDS:
        return f"a warm-up for {peak.name}'s sideways reach"
    return "the ribs widening with each inhale" if own == "side body" else "at an easy intensity"


def standing_warm_up(card: PoseCard) -> str:
    verb, areas = does(card)
    return f"Standing warm-up: {verb} the {areas} at low effort."


# Ways of saying what a build pose does for the peak, taken in turn down the page.
FOR_THE_PEAK = (
    "{action} the {areas}, which {peak} needs",
    "{action} the {areas}, ready for {peak}",
    "{action} the {areas} on the way to {peak}",
    "{action} the {areas}: {peak} asks for {them}",
)
# And in a restorative class, where nothing is worked: what it settles first.
REST_FOR_THE_PEAK = (
    "{action} the {areas} before {peak}",
    "{action} the {areas}, on the way to {peak}",
    "{action} the {areas} ahead of {peak}",
)
# The pose a teacher leads into the peak from, sharing its shape rather than its areas.
LEADS_INTO = "{action} the {areas}; {peak} takes this shape further"
# Ways of saying a build pose is there for the practice's focus rather than for the peak:
# the focus it serves, named.
FOR_THE_FOCUS = (
    "{action} the {areas}, for today's focus on {focus}",
    "{action} the {areas}, {focus} being today's focus",
    "{action} the {areas}, as today's focus on {focus} asks",
    "{action} the {areas}, in keeping with today's focus on {focus}",
)
# Words that give a held pose no job and no action (review: Tree "held steady", Standing
# Crescent Moon "while the body is warm"): a build reason is never only its claim and these.
FILLER_TAILS = (
    "held steady",
    "while the body is warm",
    "building heat",
    "at an easy effort",
    "breathing slowly",
    "with no effort",
    "let the shape open in its own time",
    "muscles soft",
)


def build(
    card: PoseCard,
    peak: PoseCard,
    *,
    focus_words: str,
    works_focus: bool,
    variant: int = 0,
    focus_areas: tuple[str, ...] = (),
    slow: bool = False,
    style: str = "",
) -> str:
    """A build pose: what it really prepares for the peak (`prepares`), else the focus it
    serves (naming the areas that work it), else its own job — always from its own facts."""
    verb, own = does(card)
    verb = verb.capitalize()
    tail = f", {support(card)}" if style == Style.RESTORATIVE else ""
    common = credits(card, peak)
    if common == ["shape"]:
        text = LEADS_INTO.format(action=verb, areas=own, peak=peak.name)
        return text + tail + "."
    if common:
        frames = REST_FOR_THE_PEAK if style == Style.RESTORATIVE else FOR_THE_PEAK
        frame = frames[variant % len(frames)]
        text = frame.format(
            action=verb, areas=area_words(common), peak=peak.name, them=pronoun(common)
        )
        return text + tail + "."
    way_in = entry(card, peak) if style != Style.RESTORATIVE and prepares(card, peak) else ""
    if way_in:
        return way_in[:-1] + tail + "."
    need = need_words(card, peak)
    if need:
        return f"{claim_and_need(card, verb, own, need)}{tail}."
    focus = served(card, focus_words, slow=slow) if works_focus and card.slug not in DOES else []
    used, how = uses(card, peak)
    # Only the weight a peak on the hands bears is named for it: an area the peak merely
    # shares is no preparation (review r5 #4: Garland "opens the hips, as Camel will ask").
    if used and how == "holds" and not focus:
        text = f"{verb} the {area_words(used)} that will hold you in {peak.name}"
        return text + tail + "."
    # A pose held for a focus by its areas says how it is taken and what that does to them
    # (review r10 #9: "Opens the hips, flexibility being today's focus" told the class nothing);
    # a balance held for balance names it; a slow class says its support.
    by_kind = card.category == Category.BALANCE and Focus.BALANCE in focus
    if focus and not (slow or style == Style.RESTORATIVE or by_kind):
        return action_cue(card) + "."
    if focus:
        frame = FOR_THE_FOCUS[variant % len(FOR_THE_FOCUS)]
        # The areas that serve the focus, among those the pose's own verb is true of.
        doing = job(card)[1]
        areas = area_words([a for a in doing if a in focus_areas] or doing)
        named = words(FOCUS_WORDS[f] for f in focus)
        return frame.format(action=verb, areas=areas, focus=named) + tail + "."
    # Neither the peak nor the focus: how the pose is taken and what it then does, as a
    # teacher cues it (review: Tree "held steady", a job or an action, never filler).
    return action_cue(card) + tail + "."


def action_cue(card: PoseCard) -> str:
    """How the pose is set up and what it then does, capitalised, no full stop: "One foot to
    the inner thigh or calf, hands at the heart: the standing ankle steadies" (HOW, or the
    flow's own cue); its job where the pose has neither."""
    how = HOW.get(card.slug) or FLOW_CUES.get(card.slug)
    if how is None:
        verb, areas = does(card)
        how = f"{verb} the {areas}"
    return how[0].upper() + how[1:]


def builds_heat(card: PoseCard) -> bool:
    """A pose a cue may say builds heat (`claims.builds_heat`: an active standing or flowing
    pose of intensity 3 or more)."""
    return claims.builds_heat(card)


def bears_no_load(card: PoseCard) -> bool:
    """A shape a cue may say is taken "with no load": passive, and not carried on a leg (review
    r6 #7: Dragon's front leg bears the body's weight) — lying, sitting, or an easy (intensity
    1) kneeling rest such as Child's Pose."""
    if card.effort != Effort.PASSIVE:
        return False
    return card.intensity <= 1 or card.position in (
        Position.SUPINE,
        Position.PRONE,
        Position.SEATED,
        Position.SIDE_LYING,
    )


# The variant of a pose that is the entry (its name as the cue says it).
ENTRY_VARIANT = {("childs-pose", "wide"): "Wide-knee Child's Pose"}


def entry(card: PoseCard, peak: PoseCard) -> str:
    """The pose as the way into the peak's hip shape (review r4: wide-knee Child's Pose before
    Frog "begins Frog's shape with no load", not "rests the hips, which Frog needs"); "" where
    the pose does not open the hips the peak's way."""
    action = hip_action(peak)
    variant = ENTRY_VARIANT.get((card.slug, action))
    if not action or not (variant or hip_action(card) == action):
        return ""
    # Only a pose that works the hips itself leads into the peak's hip shape, each in its own
    # words (review r8: one sentence for four poses, and Five-Pointed Star barely opens them).
    if "hips" not in card.target_areas[:NEEDS]:
        return ""
    shape = claims.entry_words(card, action, peak.name)
    load = ", with no load" if bears_no_load(card) else ""
    if variant:
        return f"{variant}: {shape}{load}."
    verb, areas = does(card)
    return f"{verb.capitalize()} the {areas}: {shape}{load}."


def leads_into(card: PoseCard, peak: PoseCard, order: int) -> str:
    """A pose placed in the build to lead into the peak (vocabulary.PREPARES). Which one comes
    last before the peak is known only once the practice is in order: `in_order` says it."""
    way_in = entry(card, peak)
    if way_in:
        return way_in
    verb, areas = does(card)
    common = credits(card, peak)
    if common and common != ["shape"]:
        return f"{verb.capitalize()} the {area_words(common)}, which {peak.name} needs."
    if common:
        return LEADS_INTO.format(action=verb.capitalize(), areas=areas, peak=peak.name) + "."
    need = need_words(card, peak)
    if need:
        return f"{claim_and_need(card, verb.capitalize(), areas, need)}."
    return action_cue(card) + "."


def claim_and_need(card: PoseCard, verb: str, areas: str, need: str) -> str:
    """ "{Verb} the {areas}: {need}", or where the need says the claim again ("Lengthens the
    hamstrings and hips: the hamstrings lengthen toward …", review r9 #4) how the pose is set
    up, then the need (HOW's words before their colon), else the need alone."""
    said = f"{verb} the {areas}: {need}"
    if not truths.said_twice(said):
        return said
    set_up = (HOW.get(card.slug) or FLOW_CUES.get(card.slug) or "").split(": ", 1)[0]
    if set_up and not truths.said_twice(f"{set_up}: {need}"):
        return f"{set_up[0].upper()}{set_up[1:]}: {need}"
    return need[0].upper() + need[1:]


LAST_BEFORE = "Last before {peak}. "


def in_order(drafts) -> None:
    """Reasons that depend on the order, once it is known: the held pose straight before the
    peak, where it prepares it, is named the last step into it."""
    index = next((n for n, d in enumerate(drafts) if d.phase == "peak"), None)
    if not index:
        return
    peak, before = drafts[index].card, drafts[index - 1]
    if before.flow or before.phase not in ("build", "warm_up") or not prepares(before.card, peak):
        return
    if peak.name in before.cue:
        before.cue = LAST_BEFORE.format(peak=peak.name) + before.cue


# The yin shapes that ask for a rebound after them: the deep hip and back shapes (Dragon,
# Saddle and Reclined Hero, Sleeping Swan, Frog), any deep backbend, and the peak. A passive
# fold, a twist or Legs on a Chair asks for none (review r4: one rebound sentence on every step).
REBOUND_AFTER = frozenset(
    {"dragon-yin", "saddle-yin", "reclined-hero", "sleeping-swan-yin", "frog", "camel"}
)
# Said on the shape after the deep one, where its time is set aside (`fit.rebounds`), as a
# thing of its own done before the shape (review r6 #7, #13: "After Dragon, a rebound: rest on
# the belly" read as the cue of a 3:45 Sphinx, and its length cut Supported Fish's own reason
# off). The shape before is the step just above, so it is not named again.
REBOUND = "Before this shape, a rebound: {how}, a few breaths. "
# How the body rests between two shapes, in the position the next one starts from (review r5
# #7: not "lie flat, knees hugged in" before a prone Sphinx).
REBOUND_HOW = {
    Position.SUPINE: "lie flat, knees hugged in",
    Position.PRONE: "rest on the belly",
    Position.SEATED: "sit, legs long and loose",
    Position.KNEELING: "on hands and knees, sway the hips",
    Position.HANDS_AND_FEET: "on hands and knees, sway the hips",
    Position.SIDE_LYING: "lie on the side",
    Position.STANDING: "stand, legs loose",
}
# In pregnancy the rebound is taken sitting or on the side, not flat on the back.
REBOUND_PREGNANT = "Before this shape, a rebound: sit tall or lie on the side, a few breaths. "
# The rebound that opens a cue (what is said before the shape itself).
REBOUND_SAID = re.compile(r"^Before this shape, a rebound: [^.]*\. ")


def needs_rebound(card: PoseCard, phase: str) -> bool:
    """A yin shape that asks for a rebound after it (REBOUND_AFTER, a deep backbend, the
    peak)."""
    if card.is_breathing:
        return False
    return phase == "peak" or card.slug in REBOUND_AFTER or Caution.DEEP_BACKBEND in card.cautions


def rebound(before: PoseCard, *, pregnant: bool, after: PoseCard | None = None) -> str:
    """The rebound after this shape, named: the body settles before the next one, in the
    position that one starts from (lying flat where it is unknown)."""
    if pregnant:
        return REBOUND_PREGNANT
    where = entered_from(after) if after is not None else Position.SUPINE
    how = REBOUND_HOW.get(where, REBOUND_HOW[Position.SUPINE])
    return REBOUND.format(how=how)


INCLINED = "Inclined, not flat, on a bolster propped on blocks. "
LEGS_WIDE = "Legs wide, a bolster between them for the belly. "
# The peak's own words (how to, why) fit in this many characters of its cue.
PEAK_CUE_ROOM = 200
GENTLE_LEFT = "Rest in Mountain, then the left side: "


def stretches_hamstrings(card: PoseCard) -> bool:
    """A pose that works the hamstrings first (a fold, Triangle, Half Splits, Down Dog): a
    practice's fourth such pose in the cool-down is one too many."""
    return (
        not card.is_breathing
        and card.category != Category.RESTORATIVE
        and card.target_areas[:1] == ("hamstrings",)
    )


def lies_flat(card: PoseCard) -> bool:
    """A shape held lying on the back (not the final rest, which pregnancy takes on the side)."""
    return card.position == Position.SUPINE and card.effort == Effort.PASSIVE


def folds_legs_together(card: PoseCard) -> bool:
    """A seated fold over both legs (Supported Seated Forward Bend, Dragonfly's fold): in
    pregnancy the legs go wide so the belly has room."""
    return (
        card.position == Position.SEATED
        and card.category
        in (
            Category.FORWARD_FOLD,
            Category.RESTORATIVE,
        )
        and "hamstrings" in card.target_areas[:2]
    )


def settle(drafts, choices, *, rebounds=()) -> None:
    """The words the class's set-up adds, once the order and holds are known: a rebound before
    a yin shape that follows another (`fit.rebounds`) where the shape before asks for one
    (`needs_rebound`), in that shape's words; in pregnancy, shapes on the back inclined on a
    bolster and seated folds with the legs wide; how a pose is taught for each avoid choice
    (AVOID_CUES); in a gentle class, a rest in Mountain between the sides of a strong standing
    pose. First, a cue that says what its neighbour just said is said another way (`vary`)."""
    vary(drafts, style=choices.style)
    own_purpose(drafts)
    rounds(drafts)
    relative(drafts)
    for index in rebounds:
        before = drafts[index - 1]
        if needs_rebound(before.card, before.phase):
            cue = rebound(before.card, pregnant=choices.pregnant, after=drafts[index].card)
            drafts[index].cue = cue + drafts[index].cue
    told: set[tuple[str, str]] = set()
    for draft in drafts:
        card = draft.card
        if choices.pregnant and draft.phase not in ("relaxation", "closing", "centring"):
            # How the shape is set up comes after the rebound taken before it.
            first = REBOUND_SAID.match(draft.cue)
            at = first.end() if first else 0
            if lies_flat(card) and draft.hold >= 60:
                draft.cue = draft.cue[:at] + INCLINED + draft.cue[at:]
            elif folds_legs_together(card):
                draft.cue = draft.cue[:at] + LEGS_WIDE + draft.cue[at:]
        if draft.phase in ("counter", "cool_down") and (
            versions_for(card, choices.avoid) or level_versions(card, choices.level)
        ):
            draft.cue = _result_only(draft.cue, card)
        taught_for(draft, choices, told)
        if draft.phase in ("counter", "cool_down"):
            draft.cue = result_once(draft.cue, card)
        if choices.style == Style.GENTLE and card.position == Position.STANDING:
            if draft.side == "left" and draft.cue.startswith("Left side: the same flow, "):
                draft.cue = GENTLE_LEFT + draft.cue[len("Left side: ") :]
            elif rests_between(card, style=choices.style, flow=draft.flow):
                draft.cue = draft.cue + REST_BETWEEN
    # For back care the way down from Plank to the belly is said (lowering.py).
    lowered(drafts, choices.avoid)


def own_purpose(drafts) -> None:
    """Each pose before the peak gives its own purpose (review r8: "the inner thighs begin Frog
    Pose's shape" for four poses): a held pose whose clause naming the peak an earlier pose
    already said is cued by how it is taken instead (HOW, `action_cue`)."""
    index = next((n for n, d in enumerate(drafts) if d.phase == "peak"), None)
    if not index:
        return
    name = drafts[index].card.name
    said: dict[str, str] = {}
    for draft in drafts[:index]:
        if draft.flow or name not in draft.cue:
            continue
        head = LAST_BEFORE.format(peak=name)
        text = draft.cue.removeprefix(head)
        clauses = [c.strip(" .") for c in re.split(r"[:;.] ", text) if name in c]
        if any(said.get(c, draft.card.slug) != draft.card.slug for c in clauses):
            draft.cue = action_cue(draft.card) + "."
            continue
        for clause in clauses:
            said.setdefault(clause, draft.card.slug)


def _result_only(cue: str, card: PoseCard) -> str:
    """A settling cue said with the pose's set-up (HOW), kept to what the shape then does, where
    a version for an avoid choice or the level says how it is taken instead (Happy Baby held
    by the backs of the thighs, not the soles)."""
    how = HOW.get(card.slug, "")
    set_up, _, result = how.partition(": ")
    said = how[:1].upper() + how[1:]
    if not result or said not in cue:
        return cue
    return cue.replace(said, result[0].upper() + result[1:], 1)


def result_once(cue: str, card: PoseCard) -> str:
    """A settling cue whose version for an avoid choice already says what its result says
    (Bound Angle for back care: "open the hips without folding forward", then "The hips
    open"): the pose's set-up (HOW, before its colon) said instead of the result again."""
    how = HOW.get(card.slug, "")
    set_up, _, result = how.partition(": ")
    said = result[:1].upper() + result[1:]
    if not result or said not in cue or not truths.said_twice(cue):
        return cue
    return cue.replace(said, set_up[0].upper() + set_up[1:], 1)


# The relative claims a reason makes about the rest of the practice, each with the words said
# instead where the practice makes it false (review: Dragonfly "before the longer holds" when
# the holds after it are as long). `false_claims` checks them; the quality bar reads it too.
LONGER = "before the longer holds"
STRONGER = "before the stronger work"
RELATIVE = {LONGER: "for the holds to come", STRONGER: "before the work to come"}
# "more {areas} for {peak}", "the {areas} once more before {peak}" (FLOW_FOR_THE_PEAK): the
# areas were worked before.
MORE = re.compile(r"(?:; |^)(more (?P<a>[a-z ]+?) for |the (?P<b>[a-z ]+?) once more before )")
# The phases whose holds and efforts a relative claim compares against.
WORK_PHASES = ("warm_up", "build", "peak", "counter", "cool_down")
# The words that make a peak the most of its kind.
SUPERLATIVES = ("the deepest", "the strongest", "the hardest")
# "The longer holds" are two or more held a quarter longer at least (4:35 after 4:30 is no
# longer hold a class notices).
LONGER_BY = 1.25
# Steps this short are passed through (checks.PASSING_SECONDS), not held.
PASSING = 20


def area_slugs(text: str) -> list[str]:
    """The target areas named in words ("hips and hamstrings" → hips, hamstrings)."""
    found = []
    for area in TargetArea:
        label = str(area.label).lower()
        if re.search(rf"\b{re.escape(label)}\b", text):
            found.append(area.value)
    return found


def false_claims(cue: str, index: int, shapes: list[tuple]) -> list[str]:
    """The relative claims of the cue at `index` that the practice makes false ("the longer
    holds", "the stronger work", "more hips", the peak "the deepest backbend"). `shapes` is
    the practice in order as (card, hold, phase, flow) tuples."""
    card, hold, _, flow = shapes[index]
    held = [
        (c, h)
        for c, h, phase, f in shapes[index + 1 :]
        if phase in WORK_PHASES and not (f and h <= PASSING)
    ]
    found = []
    if LONGER in cue and sum(h >= hold * LONGER_BY for _, h in held) < 2:
        found.append(LONGER)
    if STRONGER in cue and not any(c.intensity > card.intensity for c, _ in held):
        found.append(STRONGER)
    # The peak "the deepest backbend", "the hardest balance" (PEAK_WORDS): no other pose of its
    # kind in the practice is more intense.
    most = most_of(card) if lying_fold(card) else PEAK_WORDS.get(card.category, "")
    if most.startswith(SUPERLATIVES) and most in cue.lower() and shapes[index][2] == "peak":
        rivals = [c for c, *_ in shapes if c.category == card.category and c.slug != card.slug]
        if any(c.intensity > card.intensity for c in rivals):
            found.append(most)
    said = MORE.search(cue)
    if said:
        areas = area_slugs(said.group("a") or said.group("b"))
        before = [
            c for c, _, phase, f in shapes[:index] if phase in WORK_PHASES and (not f or f != flow)
        ]
        if not areas or not any(set(areas) & set(c.target_areas[:NEEDS]) for c in before):
            found.append(said.group(1).strip())
    return found


def relative(drafts) -> None:
    """A relative claim is said only where the practice makes it true (`false_claims`): else
    its plain words (RELATIVE), or the flow's areas named without "more"."""
    shapes = [(d.card, d.hold, d.phase, d.flow) for d in drafts]
    for index, draft in enumerate(drafts):
        for claim in false_claims(draft.cue, index, shapes):
            if claim in RELATIVE:
                draft.cue = draft.cue.replace(claim, RELATIVE[claim])
            elif claim.startswith("more "):
                draft.cue = draft.cue.replace(claim + " ", "the " + claim[len("more ") :] + " ", 1)
            elif "once more" in claim:
                draft.cue = draft.cue.replace(" once more before ", " before ", 1)


# How a teacher sets each pose up, in a few words, and what it then does: said instead of the
# pose's job where the step before it (or two before) has just said the same thing in nearly
# the same words (review r5: Standing and Wide-Legged Forward Fold both "lengthen the
# hamstrings and calves"; Goddess and Chair both "strengthen the glutes"). Areas named are
# among the pose's first three.
HOW = {
    "chair": "big toes together, sit back as if into a chair, hands overhead: the quadriceps and "
    "glutes carry you",
    "goddess": "wide squat, knees pointing where the toes point, hands overhead: the quadriceps "
    "and glutes work, the inner thighs open",
    "eagle": "wrap elbow over elbow and thigh over thigh, sit low: the shoulders widen and the "
    "outer hip stretches",
    "standing-hand-to-big-toe": "leg lifted forward, a strap if needed: the hamstrings lengthen "
    "while you stand tall",
    "standing-forward-fold": "heels hip-width, knees soft, head heavy: the hamstrings and calves "
    "let go",
    "wide-legged-forward-fold": "a wide stance, fold from the hips, head heavy: the inner thighs "
    "and the backs of the legs lengthen together",
    "side-plank": "stack the heels or lower the bottom knee, lift the pelvis high: the core and "
    "arms hold you up sideways",
    "plank": "hands under the shoulders, heels pressing back: the core and arms hold one long line",
    "dolphin": "forearms down, the seat high, walk the toes in: the shoulders and arms carry the "
    "weight",
    "forearm-plank": "elbows under the shoulders, legs long: the core holds the body level",
    "half-butterfly-yin": "one leg long, the sole of the other foot in, round softly over the "
    "long leg: the hamstrings and lower back soften",
    "half-butterfly-side-bend-yin": "lean sideways toward the straight leg, the forearm resting "
    "on a bolster, chest open to the front: the side body lengthens",
    "supported-twist": "the hip against a bolster's short end, turn and lie down along it: the "
    "spine rests in a gentle turn",
    "head-to-knee": "one leg long, the other foot to the inner thigh, fold over the long leg: the "
    "hamstrings lengthen",
    "marichyasana-c": "one knee up, hug it, sit tall and turn toward it: the spine twists from "
    "its base",
    "revolved-head-to-knee": "side-on to the straight leg, the top arm reaching over it, heart "
    "turning up: the spine twists as the hamstrings stretch",
    "half-lord-of-the-fishes": "one foot over the other knee, sit tall, turn on the exhale: the "
    "spine twists, the upper back widens",
    "fire-log": "shins stacked like logs, sit tall: the hips and glutes open deeply",
    "shoelace-yin": "knees stacked, heels out to the sides, fold if it is easy: the outer hips "
    "and glutes open",
    "half-lotus": "one foot high on the opposite thigh, the knee lowering: the hip turns out",
    "sleeping-swan-yin": "front shin angled, back leg long, fold down over the front leg: the "
    "outer hip and glutes open",
    "pigeon-prep": "front shin angled, back leg long, hips level: the front hip turns out",
    "cow-face": "knees stacked, one hand reaching down the back to the other: the hips and "
    "shoulders open together",
    "reclined-figure-four": "ankle over the opposite knee, draw the legs in: the outer hip and "
    "glutes open",
    "deer-yin": "one leg in front, one behind, both knees bent: one hip turns out, the other in",
    "bound-angle": "soles together, sit tall, knees heavy: the hips open",
    "butterfly-yin": "soles together, heels away from the body, round forward: the hips and lower "
    "back soften",
    "caterpillar-yin": "legs long, round forward softly, head heavy: the spine and hamstrings let "
    "go",
    "dragonfly-yin": "legs wide, fold forward only as far as is easy: the inner thighs and "
    "hamstrings release",
    "seated-forward-fold": "legs long, hinge forward, lead with the breastbone: the hamstrings "
    "and lower back lengthen",
    "wide-angle-seated-forward-fold": "legs wide, walk the hands forward from the hips: the inner "
    "thighs and hamstrings lengthen",
    "happy-baby": "hold the outer edges of the soles, knees toward the armpits, rock side to "
    "side: the hips widen, the lower back rests",
    "crocodile": "let each breath widen the lower back toward the ceiling",
    "locust": "lift the breastbone and the legs together, gaze down: the upper back and lower "
    "back work",
    "cobra": "palms beside the ribs, lift the chest with the back, not the hands: the upper back "
    "works",
    "sphinx": "elbows below the collarbones, forearms parallel: a mild arch of the lower back",
    # Its own text ("gently opens the chest and hip flexors"): not Child's Pose's resting
    # lower back, which it so often sits beside in a cool-down.
    "supported-bridge": "the sacrum heavy on the block: the hips and chest open gently",
    "supported-fish": "lie back over the bolster, hands wide, palms up: the chest and shoulders "
    "open",
    "reclined-bound-angle": "soles together, knees falling open, lie back: the hips and chest open",
    "childs-pose": "big toes together, hips back to the heels, forehead down: the lower back rests",
    "upward-plank": "hands behind, fingers toward the heels, lift the pelvis: the shoulders and "
    "chest open",
    "tree": "one foot to the inner thigh or calf, hands at the heart: the standing ankle steadies",
    "three-legged-dog": "from Down Dog lift one leg high, hips level: the hamstrings and calves "
    "of the standing leg lengthen",
    "garland": "a wide squat, heels down or on a blanket, elbows inside the knees: the hips and "
    "ankles open",
    "skandasana": "wide stance, one knee bent deep, the other leg long: the inner thigh of the "
    "long leg opens",
    "half-boat": "knees bent, shins level, breastbone lifted: the core holds you",
    "boat": "legs straight and high, breastbone lifted: the core holds the V",
    "bridge": "feet under the knees, lift the hips: the glutes and hamstrings hold you up",
    "puppy": "the seat over the knees, walk the hands forward, heart toward the floor: the "
    "shoulders and upper back open",
    "thread-the-needle": "slide one arm under, the shoulder to the floor: the upper back and "
    "shoulders open",
    "balancing-table": "reach one hand forward and the opposite leg back: the core keeps the "
    "pelvis level",
    "reclined-twist": "knees to one side, gaze the other way: the lower back and spine turn",
    "knees-to-chest": "hug the knees in, rock gently: the lower back releases",
    "hero-pose": "sit between or on the heels, knees together: the quadriceps and ankles stretch",
    "legs-on-chair": "the lower legs resting on a chair seat: the lower back and hips rest",
    "standing-side-bend": "feet together, arms up, lean to one side and then the other: the ribs "
    "open on the long side",
    "seated-side-bend": "one hand down beside you, the other arm over the ear: the ribs open on "
    "the long side",
    "chair-side-bend": "sit tall on the chair, one arm over the ear, lean away: the ribs open",
    "gate": "one knee down, the other leg out to the side, reach over it: the long side of the "
    "waist opens",
    "banana-yin": "lying flat, walk the feet and the arms to one side: a long crescent",
    "supported-seated-forward-bend": "round forward over the support, the head resting: the "
    "hamstrings and lower back let go",
    "bharadvajas-twist": "legs folded to one side, turn the heart the other way: the spine and "
    "upper back turn",
    "dragon-yin": "a low lunge, the back knee down, the hips sinking: the front of the back hip "
    "opens",
    "lotus": "one foot onto the opposite thigh, then the other, only if the knees are easy: the "
    "hips turn out",
    "supine-hand-to-big-toe": "lying down, one leg up, a strap around the foot: the hamstrings "
    "lengthen, the back stays flat",
    "saddle-yin": "sitting between the heels, recline onto the hands or a bolster: the quadriceps "
    "open",
    "shoulder-circles": "roll the shoulders slowly back and down: the chest and upper back ease",
    "mountain": "feet hip-width, weight even through them, crown lifting: the quadriceps firm, "
    "the core quietly lifts",
    "upward-salute": "hands sweep overhead, palms facing: the shoulders and chest lift, the spine "
    "lengthens",
    "dancer": "hold the back foot, kick it into the hand, tip forward: the quadriceps and chest "
    "open",
    "crow": "knees high on the upper arms, tip forward, lift the toes: the arms and core carry you",
    "side-crow": "twist, the outer knee on the upper arm, tip sideways: the arms and core carry "
    "you",
    "firefly": "the thighs over the upper arms, hands down, lift and straighten the legs: the "
    "arms and core carry you",
    "halfway-lift": "hands to the shins, a long flat back: the spine lengthens, the hamstrings "
    "stay long",
    "cat-cow": "arch and round with the breath: the spine moves both ways",
    "upward-facing-dog": "press the hands down, thighs lifted, heart forward: the chest and "
    "shoulders open",
    "bow": "reach back for the outer shins, kick into the hands: the chest and quadriceps open",
    "camel": "hands on the sacrum or the heels, lift the heart: the chest and quadriceps open",
    "wheel": "hands by the ears, press up: the chest and shoulders open, the spine arches",
    "fish": "forearms under you, lift the heart, the crown light: the chest and upper back open",
    "wild-thing": "from Side Plank step the top foot back, lift the hips and heart: the chest and "
    "shoulders open",
    "revolved-chair": "sit low, hands at the heart, elbow outside the knee: the quadriceps work "
    "as the spine turns",
    "easy-seated-twist": "cross-legged, one hand behind, turn on the exhale: the spine and upper "
    "back turn gently",
    "easy-pose": "cross-legged on a blanket, hands on the knees: the hips settle, the spine tall",
    "staff-pose": "legs long together, hands beside you, sit tall: the spine lifts, the "
    "hamstrings stay active",
    "downward-facing-dog": "hands wide, heels toward the floor, knees soft if needed: the "
    "hamstrings and calves lengthen",
    "supported-headstand": "forearms down, fingers laced, crown light, walk the legs in: the "
    "shoulders and arms hold you",
    "supported-shoulder-stand": "on a folded blanket, hands on the back, legs lifted: the "
    "shoulders carry the weight, never the neck",
    "plough": "from Shoulder Stand lower the toes behind the head: the spine and shoulders stretch",
    "forearm-stand": "forearms down, kick up one leg then the other, a wall nearby: the shoulders "
    "and arms hold you",
    "handstand": "hands shoulder-width, kick up to the wall: the shoulders and arms hold you",
    "chaturanga": "lower halfway, elbows hugging in: the arms and core hold you",
    "corpse": "lie still, palms up, and let go",
    "legs-up-the-wall": "the legs resting up the wall, the pelvis on a blanket: the hamstrings "
    "and lower back let go",
    "knees-chest-chin": "from Plank lower the knees, then chest and chin, seat high: the arms and "
    "upper back work",
    "tabletop": "hands under the shoulders, knees under the pelvis, back level: the core holds "
    "the spine",
    "reclined-hero": "from Hero lean back onto the hands, then a bolster: the quadriceps and hips "
    "open",
    "frog": "knees wide, shins parallel, forearms down: the hips open",
    "toe-squat-yin": "the toes tucked under, sit back on the heels: the feet and ankles stretch",
    "snail-yin": "from Plough let the knees rest by the ears: the spine and upper back round",
    "side-lying-savasana": "lie on the left side, a bolster between the knees, and rest",
    "constructive-rest": "soles wide on the floor, knees resting together: the lower back settles",
    "neck-release": "ear toward the shoulder, then the other: the neck lengthens",
    "wrist-circles": "circle the wrists both ways: they loosen before they bear weight",
    "chair-cat-cow": "hands on the knees, arch and round with the breath: the spine moves both "
    "ways",
    "chair-twist": "sit sideways on the chair, turn toward its back: the spine and upper back turn",
    "chair-forward-fold": "sit at the chair's edge, fold over the thighs, head heavy: the lower "
    "back and neck release",
    "chair-figure-four": "ankle over the opposite knee, sit tall, lean forward a little: the hips "
    "and glutes open",
    "five-pointed-star": "feet wide, toes turned a little out, arms long at shoulder height: "
    "reach out through the fingers and toes",
    "warrior-ii": "front knee over the ankle, a wide stance, gaze over the front hand: the "
    "quadriceps and hips work",
    "high-lunge": "back heel high, hips square, hands overhead: the back hip's front lengthens",
    "warrior-i": "back heel down, hips forward, hands overhead: the quadriceps work, the back hip "
    "opens",
    "revolved-triangle": "square the hips, hand to a block, turn the heart up: a twist on a long "
    "leg",
}
# The phases whose cues are compared with their neighbours'.
VARIED_PHASES = ("warm_up", "build", "counter", "cool_down")
NEIGHBOURS = 3
# The words of a claim after its verb: "strengthens the quadriceps and glutes" (the words that
# follow, "while the body is warm", "building heat", say how, not what).
CLAIM_WORDS = frozenset(
    {"the", "and", "side", "body"}
    | {word for area in TargetArea.labels for word in str(area).lower().split()}
)
_LABELS = ("Counter-pose: ", "Joint by joint: ", "Standing warm-up: ")


def _words(cue: str, names: list[str]) -> tuple[str, set[str]]:
    text = cue
    for name in names:
        text = text.replace(name, "_")
    text = text.split("Last before _. ", 1)[-1]
    for label in _LABELS:
        text = text.removeprefix(label)
    text = re.sub(r"^A gentle shape[^:]*: ", "", text)
    first = re.split(r"[,;:.]", text, maxsplit=1)[0].strip().lower()
    return first, set(re.findall(r"[a-z']+", text.lower())) - {"the", "and", "a", "of", "to"}


def claim_of(first: str) -> str:
    """The verb and the areas a cue's first clause opens with ("strengthens the quadriceps and
    glutes"), or "" where it names no area after its verb."""
    said = first.split()
    kept = said[:1] + list(itertools.takewhile(CLAIM_WORDS.__contains__, said[1:]))
    return " ".join(kept).removesuffix(" and") if len(kept) >= 3 else ""


def near_same(cue: str, other: str, names: list[str]) -> bool:
    """The two cues say nearly the same thing: the same first clause, the same verb on the
    same areas, or most of the same words, once the pose names are left out."""
    first, found = _words(cue, names)
    other_first, other_found = _words(other, names)
    if len(first.split()) >= 2 and first == other_first:
        return True
    if claim_of(first) and claim_of(first) == claim_of(other_first):
        return True
    return len(found & other_found) >= 0.6 * max(len(found | other_found), 1)


def vary(drafts, *, style: str = "") -> None:
    """A held step whose cue says nearly what a step just before it said (`near_same`, within
    NEIGHBOURS steps) says how the pose is set up and what it does instead (HOW)."""
    names = sorted({d.card.name for d in drafts}, key=len, reverse=True)
    kept = [(i, d) for i, d in enumerate(drafts) if not d.flow and d.phase in VARIED_PHASES]
    for n, (index, draft) in enumerate(kept):
        how = HOW.get(draft.card.slug) or FLOW_CUES.get(draft.card.slug)
        if how is not None and draft.phase in ("counter", "cool_down") and claims_effort(how):
            # A cool-down settles the body: Bridge's lift, not "the glutes hold you up".
            how = SETTLING.get(draft.card.slug)
        if how is None:
            continue
        close = [d for i, d in kept[:n] if index - i <= NEIGHBOURS and d.card != draft.card]
        if not any(near_same(draft.cue, d.cue, names) for d in close):
            continue
        head = draft.cue.split(". ", 1)[0] + ". " if draft.cue.startswith("Last before ") else ""
        label = next((lb for lb in _LABELS if draft.cue[len(head) :].startswith(lb)), "")
        text = how if label else how[0].upper() + how[1:]
        if style == Style.RESTORATIVE:
            text += f"; {support(draft.card)}"
        # How a capped hold is taken (Down Dog with the knees bent) is kept after the new words.
        held = "".join(f" {w}" for cap in HOLD_CAPS for w in cap.cues if w in draft.cue)
        draft.cue = f"{head}{label}{text}.{held}"


def distinct(cue: str, card: PoseCard, taken: set[str]) -> str:
    """The cue, told apart from an identical one earlier in the practice."""
    where = WHERE.get(card.position)
    candidates = [
        f"{cue.rstrip('.')}, {where}." if where and where not in cue else cue,
        f"{cue.rstrip('.')} ({card.name}).",
    ]
    for candidate in candidates:
        if candidate not in taken:
            return candidate
    return candidates[-1]


# What each pose of a standing or kneeling flow asks for and gives, as a teacher cues it on
# the way through (the right side; the left side is "the same").
FLOW_CUES = {
    "warrior-ii": "front knee over the ankle, arms long; the legs work",
    "reverse-warrior": "keep the front knee bent, sweep the front arm up and over: the side "
    "body opens",
    "extended-side-angle": "forearm to the thigh or hand to a block, top arm over the ear: one "
    "line from the back heel to the fingers",
    "triangle": "straighten the front leg, reach forward, then down: the hamstring lengthens",
    "half-moon": "a block under the hand, lift the back leg: balance on a warm leg",
    "high-lunge": "back heel high, hips square, arms up: the back hip's front lengthens",
    "warrior-i": "back heel down, hips forward, arms up: the legs work, the back hip opens",
    "humble-warrior": "clasp the hands behind, bow inside the front knee: the shoulders open",
    "twisted-crescent-lunge": "hands at the heart, elbow outside the knee: the spine turns "
    "over steady legs",
    "revolved-side-angle": "elbow outside the knee, turn from the belly: the deepest twist of "
    "the flow",
    "pyramid": "shorten the stance, straighten the front leg, fold over it: the hamstring "
    "lengthens",
    "revolved-triangle": "square the hips, hand to a block, turn the chest up: a twist on a "
    "long leg",
    "warrior-iii": "tip forward onto the front leg, the back leg lifts: balance and the back "
    "of the legs",
    "standing-split": "fold over the standing leg, lift the back leg: hamstrings and balance",
    "low-lunge": "back knee down, hips forward: the front of the back hip opens",
    "lizard": "both hands inside the front foot, hips low: the front hip opens",
    "half-splits": "shift back over the back knee, straighten the front leg: the hamstring "
    "lengthens",
    "full-splits": "slide the front heel forward, blocks under the hands: only as far as the "
    "breath stays easy",
}
# How a flow says what it is for, one frame per flow down the page; WORK_HERE's frame only
# where the first pose itself works every area named (`flow_credit.works_here`).
WORK_HERE = "the work of the"
FLOW_FOR_THE_PEAK = (
    "opens the way to {peak} through the {areas}",
    "{stance}; the work of the {areas} here prepares {peak}",
    "{stance}: the {areas} {peak} will ask for",
    "the {areas} once more before {peak}",
    "{stance}, and the {areas} for {peak}",
)
FLOW_FOR_ITSELF = (
    "{stance}",
    "{stance}: the legs work, the breath leads",
    "{stance}, the breath leading each move",
    "{stance}, steady and even on both sides",
    "{stance}, one move per breath",
)


def flow_first(
    card: PoseCard,
    poses: list[PoseCard],
    side: str,
    breaths_words: str,
    peak: PoseCard,
    stance: str,
    number: int = 1,
) -> str:
    """The first pose of a flow: the whole flow on this side, this pose's own hold (each later
    pose says its own), and what the flow is for — the peak only where its poses prepare it."""
    names = f"{card.name} ({breaths_words})"
    if len(poses) > 1:
        names += " → " + " → ".join(p.name for p in poses[1:])
    if side == "right":
        common = [a for pose in poses for a in credits(pose, peak) if a != "shape"]
        common = list(dict.fromkeys(common))
        frame = FLOW_FOR_THE_PEAK[(number - 1) % len(FLOW_FOR_THE_PEAK)]
        if common and WORK_HERE in frame and not works_here(card, peak, common):
            frame = FLOW_FOR_THE_PEAK[number % len(FLOW_FOR_THE_PEAK)]
        if not any(a != "shape" for a in credits(card, peak)) and common:
            # Only a later pose prepares the peak: it is named (review r11b: Warrior II said
            # to work the hamstrings that Extended Triangle lengthens).
            giver = next(p for p in poses if credits(p, peak) and credits(p, peak) != ["shape"])
            why = f"{stance}; {giver_words(giver, peak)}"
        elif common:
            why = frame.format(peak=peak.name, areas=area_words(common), stance=stance)
        else:
            why = FLOW_FOR_ITSELF[(number - 1) % len(FLOW_FOR_ITSELF)].format(stance=stance)
        return f"Right side: {names}; {why}."
    return f"Left side: the same flow, {names}."


def again(cue: str) -> str:
    """A flow's cue the second time through (pose names keep their capitals)."""
    if cue.startswith("Right side: "):
        return "Once more, right side: " + cue[len("Right side: ") :]
    if cue.startswith("Left side: the same flow, "):
        return "Once more on the left: " + cue[len("Left side: the same flow, ") :]
    if cue.startswith(("Vinyasa", "Link")):
        return cue
    return f"Once more: {cue}"


def _change(seconds: int) -> str:
    """What a flow's second round changes for a pose held this much longer than the first."""
    breaths = round(seconds / BREATH_SECONDS)
    if breaths <= 0:
        return "deeper into the shape"
    return "a breath longer" if breaths == 1 else f"{breaths} breaths longer"


def rounds(drafts) -> None:
    """A flow done again says what changes (review r5: "once more" rounds, each the same cue
    word for word): the flow's first pose names the flow and the change, each later pose its
    own hold and change, and none repeats what the first round said it was for."""
    for draft in drafts:
        before = getattr(draft, "after", None)
        if before is None or not draft.cue.startswith("Once more"):
            continue
        change = _change(draft.hold - before.hold)
        cue = draft.cue
        for opening in ("Once more, right side: ", "Once more on the left: "):
            if cue.startswith(opening):
                names = cue[len(opening) :].split("; ", 1)[0].rstrip(".")
                draft.cue = f"{opening[:-2]}, {change}: {names}."
                break
        else:
            if cue.startswith("Once more: "):
                # "Warrior I, 7 breaths: back heel down…": the pose and its hold, not the how.
                held = cue[len("Once more: ") :].split(": ", 1)[0].rstrip(".")
                draft.cue = f"Once more: {held}, {change}."


def flow_next(card: PoseCard, side: str, breaths_words: str) -> str:
    """A later pose of a flow: how to come into it and what it gives."""
    how = FLOW_CUES.get(card.slug)
    if how is None:
        verb, areas = does(card)
        how = f"{verb} the {areas}"
    if side == "left":
        return f"{card.name}, left side, {breaths_words}."
    return f"{card.name}, {breaths_words}: {how}."


def peak(card: PoseCard, preparers: list[PoseCard], *, style: str, hold: int) -> str:
    """The peak: what it is the most of, the poses that really prepared it (`prepares`, the
    nearest two) and what they prepared, and for yin and restorative how long to stay."""
    what = most_of(card)  # true of its shape (review r11b: no fold lying flat)
    credited = [(p, credits(p, card)) for p in dict.fromkeys(preparers)]
    credited = [(p, areas) for p, areas in credited if areas][:2]
    areas = [a for a in card.target_areas if any(a in found for _, found in credited)]
    credit = ""
    if areas:
        names = words(p.name for p, found in credited if found != ["shape"])
        verb = "settled" if style == Style.RESTORATIVE else "prepared"
        credit = f"{names} {verb} the {area_words(areas)}"
    elif credited:
        credit = f"it grows out of {words(p.name for p, _ in credited)}"
    each = " each side" if card.is_bilateral else ""
    stay = ""
    if style == Style.YIN:
        stay = f"Stay {minutes(hold)}{each}, still, and let gravity do the work."
    elif style == Style.RESTORATIVE:
        stay = f"Rest {minutes(hold)}{each}, {support(card)}."
    # How to take it comes first (review r6: a cue that only says why the pose is the peak
    # teaches nothing), then why it is the peak and how long to stay: a cue shortened for an
    # avoid choice's words loses the why, then the easier version, never the how
    # (`versions.said_on`).
    taught = peak_how(card.slug)
    if taught is None:
        texts = [f"Peak: {what} of the practice. {stay}", f"Peak: {what}. {stay}"]
        if credit:
            texts[:0] = [
                f"Peak: {what} of the practice; {credit}. {stay}",
                f"Peak: {what}; {credit}. {stay}",
            ]
    else:
        how, easier = taught
        head = f"Peak: {how}; easier: {easier}."
        why = f"{what[0].upper()}{what[1:]} of the practice"
        texts = [
            f"{head} {why}: {credit}. {stay}" if credit else f"{head} {why}. {stay}",
            f"{head} {why}. {stay}",
            f"{head} {stay}",
            head,
        ]
    # The richest wording within PEAK_CUE_ROOM characters (less a gentle class's rest between
    # sides, said after it: `settle`), leaving room up to the saved cue's MAX_CUE_LENGTH for
    # how the peak is taught for the practitioner's avoid choices (`versions`).
    room = PEAK_CUE_ROOM - (len(REST_BETWEEN) if style == Style.GENTLE else 0)
    return next((t.strip() for t in texts if len(t.strip()) <= room), texts[-1].strip())


# What a hip opener does to the hips, as a teacher answers it: it widens them (the inner
# thighs lengthen: Frog, Side Lunge, Butterfly), turns them out (Pigeon, Fire Log, Lotus), or
# lengthens the front of the hip (Low Lunge, Lizard, Dragon, the splits).
WIDENS_THE_HIPS = frozenset(
    {
        "frog",
        "skandasana",
        "goddess",
        "garland",
        "bound-angle",
        "butterfly-yin",
        "reclined-bound-angle",
        "happy-baby",
        "dragonfly-yin",
        "wide-legged-forward-fold",
        "wide-angle-seated-forward-fold",
    }
)
TURNS_THE_HIPS_OUT = frozenset(
    {
        "pigeon-prep",
        "sleeping-swan-yin",
        "fire-log",
        "lotus",
        "half-lotus",
        "reclined-figure-four",
        "chair-figure-four",
        "shoelace-yin",
        "cow-face",
        "deer-yin",
    }
)
LENGTHENS_THE_HIP_FRONT = frozenset(
    {"low-lunge", "lizard", "dragon-yin", "high-lunge", "full-splits", "saddle-yin"}
)
# The shapes that bring the knees or the legs back together, each as a teacher cues it: the
# answer to a hip opener (review r4: Child's Pose with the knees together after Frog, not Thread
# the Needle; a fold with the feet hip-width after Side Lunge, not a wide-legged one).
KNEES_TOGETHER = {
    "childs-pose": "knees together, hips back to the heels",
    "hero-pose": "knees together, sitting back between the heels",
    "mountain": "feet together, standing tall",
    "knees-to-chest": "knees hugged in together",
    "standing-forward-fold": "feet hip-width, knees soft, fold forward",
    "seated-forward-fold": "legs together and long, fold forward",
    "caterpillar-yin": "legs together and long, fold forward",
}
HIPS_AFTER = {
    "wide": "the inner thighs rest after {peak} opened them wide",
    "out": "the hips turn back in after {peak} turned them out",
    "front": "the front of the hips rests, folded, after {peak} lengthened it",
    "": "the hips rest, neutral, after {peak}",
}


def hip_action(card: PoseCard) -> str:
    """ "wide", "out" or "front": how the pose opens the hips ("" for none of these)."""
    if card.slug in WIDENS_THE_HIPS:
        return "wide"
    if card.slug in TURNS_THE_HIPS_OUT:
        return "out"
    if card.slug in LENGTHENS_THE_HIP_FRONT:
        return "front"
    return ""


def answers_the_hips(card: PoseCard, peak: PoseCard) -> bool:
    """The pose answers a hip opener: it brings the knees or legs back together (KNEES_TOGETHER)
    and does not stretch again what the peak stretched — no hamstring fold after a peak that
    lengthened the hamstrings (the splits), no shape that opens the hips the peak's way."""
    if card.slug not in KNEES_TOGETHER or card.slug == peak.slug:
        return False
    if hip_action(card) and hip_action(card) == hip_action(peak):
        return False
    hamstrings = peak.target_areas[:1] == ("hamstrings",)
    if hamstrings and "hamstrings" in card.target_areas[:2]:
        return False
    # Hero Pose turns the hips in after Frog or Pigeon, but lengthens the front of the hip
    # and thigh again after a lunge or the splits.
    return not (hip_action(peak) == "front" and card.target_areas[:1] == ("quadriceps",))


def counter(card: PoseCard, peak: PoseCard) -> str:
    if peak.category == Category.HIP_OPENER and card.slug in KNEES_TOGETHER:
        after = HIPS_AFTER[hip_action(peak)].format(peak=peak.name)
        return f"Counter-pose: {KNEES_TOGETHER[card.slug]}: {after}."
    same_place = WHERE.get(card.position) if card.position == peak.position else ""
    if loads_the_neck_upside_down(peak):
        job = f"Arches the neck and upper back the other way after {peak.name}"
    elif peak.category == Category.INVERSION or peak.position == Position.INVERTED:
        job = f"Rests the head and shoulders after {peak.name} until the breath is calm"
    elif peak.category == Category.BACKBEND and card.category == Category.TWIST:
        # Review r6 #7: a twist is no neutral spine; it turns the arched back gently.
        job = f"Turns the spine gently after {possessive(peak.name)} backbend"
    elif (
        peak.category == Category.BACKBEND
        and card.category == Category.RESTORATIVE
        and (card.position == Position.PRONE)
    ):
        job = f"Lets the back rest after {possessive(peak.name)} backbend"
    elif peak.category == Category.BACKBEND and truths.rounds_the_spine(card):
        job = f"Rounds the spine gently after {possessive(peak.name)} backbend"
    elif peak.category == Category.BACKBEND:
        job = f"Lets the spine rest, long and neutral, after {possessive(peak.name)} backbend"
    elif peak.category == Category.FORWARD_FOLD and peak.position == Position.SUPINE:
        # Review r6 #1: a fold lying on the back keeps the spine neutral and the front body
        # open; what asks for rest is the back of the leg.
        # Review r11 #1: the hamstrings rest only in a pose that slackens them.
        job = counter_words.after_hamstrings(card, peak)
    elif arm_counters.bears_weight_on_the_arms(peak) and arm_counters.rests_the_arms(card):
        job = arm_counters.after_weight_on_the_arms(peak)  # review r11b plan 2
    elif peak.category == Category.FORWARD_FOLD and truths.opens_the_front(card):
        job = f"Opens the front of the body after {possessive(peak.name)} fold"
    elif peak.category == Category.FORWARD_FOLD:
        job = f"Brings the spine back to neutral after {possessive(peak.name)} fold"
    elif peak.category == Category.TWIST:
        job = f"Brings the spine back to neutral after {possessive(peak.name)} twist"
    elif peak.category == Category.HIP_OPENER:
        # Its own work, then the peak's: "lengthens the hamstrings after Lizard" would credit
        # Lizard with the hamstrings (quality.true_words).
        own = settling(card)
        rest = "the body settles" if "hips" in own else "the hips rest"  # the hips said once
        job = f"{own}; {rest} after {peak.name}"
    elif peak.category == Category.CORE:
        # Review r9 #5: the front of the body lengthens in a backbend; a fold lengthens the
        # back of it.
        job = f"{core_counter(card)} after {possessive(peak.name)} core work"
    elif peak.category == Category.RESTORATIVE:
        job = f"Lets the spine settle after {peak.name}"
    else:
        job = f"Lets the legs rest after {peak.name}"
    job = job[0].lower() + job[1:]
    return f"Counter-pose: {job}{', ' + same_place if same_place else ''}."


def core_counter(card: PoseCard) -> str:
    """What a counter-pose does after core work, by its own shape: a backbend lengthens the
    front of the body, a fold or a rounded rest the back of it, anything else lets the core
    rest (`truths`)."""
    if truths.opens_the_front(card):
        return "Lengthens the front of the body"
    if truths.lengthens_the_back(card):
        return "Lets the belly soften as the back of the body lengthens"
    return "Lets the core rest"


# What a resting shape does in an active class's cool-down, in a teacher's words (its row's
# first areas would say "rests the hips" of Supported Bridge, which rests the lower back).
COOL_REST = {
    "supported-bridge": "Lets the lower back rest, the sacrum heavy on the block",
    "reclined-bound-angle": "Opens the hips and chest, {support}",
    "knees-to-chest": "Releases the lower back, the knees hugged in",
    "supported-fish": "Opens the chest, {support}",
}
# Ways of saying what a cool-down pose does, for itself, taken in turn down the page.
COOL_FOR_ITSELF = (
    "{action} the {areas}",
    "{action} the {areas}, slowly",
    "{action} the {areas} as the breath slows",
    "{action} the {areas}, letting the practice settle",
)
# Said after a cool-down pose's set-up (HOW), taken in turn down the page.
COOL_TAILS = ("", ", slowly", " as the breath slows", ", letting the practice settle")


def _settling_how(card: PoseCard) -> str:
    """How a cool-down pose is taken (HOW), where those words claim no effort."""
    how = HOW.get(card.slug) or FLOW_CUES.get(card.slug, "")
    return "" if claims_effort(how) else how


# Ways of saying what a cool-down pose does, taken in turn down the page.
COOL_DOWN = (
    "{action} the {areas} {worked} worked",
    "{action} the {areas} after {worked}",
    "{action} the {areas} as the breath slows after {worked}",
    "{action} the {areas}, letting {worked} settle",
)
YIN_TAILS = (
    "a long, passive hold",
    "stay still and let gravity do the work",
    "soften, and wait for the shape to open",
    "stay, and notice the sensation change",
)


# How a pose whose job is effort (Bridge strengthens the glutes) is taken in the cool-down or as
# a counter-pose: a small, slow version that settles the body (review: Bridge in the cool-down
# sold as "strengthens the glutes and hamstrings").
SETTLING = {
    "bridge": "A gentle lift: raise the hips a little on an inhale, lower slowly on an exhale, "
    "vertebra by vertebra",
    "cobra": "A low Cobra: lift the chest a little on an inhale, lower on an exhale, the back soft",
    "locust": "A small lift: raise the chest on an inhale, lower on an exhale, the forehead "
    "resting between breaths",
    "sphinx": "Elbows below the shoulders, the belly soft on the floor: a mild arch of the lower "
    "back",
    "balancing-table": "Reach one arm and the opposite leg long on an inhale, lower on an "
    "exhale, slowly",
    "tabletop": "Hands under the shoulders, knees under the hips: the spine rests level",
    "boat": "Sit back, hands behind you, knees bent, feet down: the belly softens",
    "half-boat": "Sit back, hands behind you, knees bent, feet down: the belly softens",
}
# Words a cool-down or counter-pose reason never says: it settles the body, it does not work
# it (the quality bar's `reason_settles` checks the same words).
EFFORT_WORDS = re.compile(
    r"\b(?:strengthen\w*|build(?:s|ing)? heat|heat|works|working|engag\w*|carr(?:y|ies) "
    r"(?:you|the weight)|holds? you|holds the|firm\w*|power\w*|balances on one leg)\b",
    flags=re.IGNORECASE,
)


def claims_effort(text: str) -> bool:
    return bool(EFFORT_WORDS.search(text))


def settling(card: PoseCard) -> str:
    """The pose as a cool-down takes it, capitalised, no full stop: its job where that claims
    no effort, else its settling cue (SETTLING), else a small, easy version of it."""
    verb, areas = does(card)
    text = f"{verb.capitalize()} the {areas}"
    if not claims_effort(text):
        return text
    if card.slug in SETTLING:
        return SETTLING[card.slug]
    return f"A small, easy version of the shape: the {areas} ease"


def cool_down(card: PoseCard, worked_by: PoseCard | None, *, style: str, variant: int = 0) -> str:
    verb, areas = does(card)
    verb = verb.capitalize()
    if claims_effort(f"{verb} the {areas}") and not card.breath_pattern:
        text = settling(card)
        where = WHERE.get(card.position)
        if style == Style.RESTORATIVE:
            return f"{text}, {support(card)}; let the props take the weight."
        if style == Style.YIN:
            return f"{text}; {YIN_TAILS[variant % len(YIN_TAILS)]}."
        return f"{text}{', ' + where if where and variant % 2 else ''}."
    if card.breath_pattern:
        return f"Closing breath, {breath_words(card)}: calms the nervous system before the rest."
    if style == Style.RESTORATIVE:
        return f"{verb} the {areas}, {support(card)}; let the props take the weight."
    named = []
    if worked_by is not None and card.slug not in DOES:
        # The peak is named only for what it worked itself (`peak_work`).
        named = [a for a in job(card)[1] if a in peak_work(worked_by)]
    if card.slug in COOL_REST and style != Style.YIN:
        text = COOL_REST[card.slug].format(support=support(card))  # the props named (r11b)
    elif named:
        frame = COOL_DOWN[variant % len(COOL_DOWN)]
        text = frame.format(action=verb, areas=area_words(named), worked=worked_by.name)
    elif _settling_how(card):
        # How it is taken, not only what it does (review r8: "Lengthens the side body, slowly").
        how = _settling_how(card)
        tail = COOL_TAILS[variant % len(COOL_TAILS)]
        if "breath" in how and "breath" in tail:
            tail = ", slowly"  # Crocodile's set-up is the breath already
        text = how[0].upper() + how[1:] + tail
    else:
        text = COOL_FOR_ITSELF[variant % len(COOL_FOR_ITSELF)].format(action=verb, areas=areas)
    where = WHERE.get(card.position)
    if style == Style.YIN:
        return f"{text}; {YIN_TAILS[variant % len(YIN_TAILS)]}."
    return f"{text}{', ' + where if where and variant % 2 else ''}."


SLOW_WARM_UP = (
    "A gentle shape{props}: softens the {areas} before the longer holds.",
    "Arrive in an easy shape{props}: lets the {areas} settle.",
    "An easy shape{props} to begin with the {areas}.",
)


def slow_warm_up(card: PoseCard, peak: PoseCard, *, style: str) -> str:
    """An opening shape of a yin or restorative class: what it softens, the peak only where it
    prepares it, and in restorative practice how the props hold it."""
    props = f", {support(card)}" if style == Style.RESTORATIVE else ""
    common = credits(card, peak)
    if common and common != ["shape"]:
        return f"A gentle shape{props}: softens the {area_words(common)} before {peak.name}."
    return _turn(card, SLOW_WARM_UP).format(props=props, areas=area_words(job(card)[1]))


def relaxation(card: PoseCard, hold: int, *, style: str = "", back_care: bool = False) -> str:
    """The final relaxation and how long it lasts; in restorative practice and for back care,
    the support under the knees. The time to the half minute (spoken_time.about_minutes)."""
    said = about_minutes(hold)
    if card.is_breathing:
        knees = ", a bolster under the knees" if back_care or style == Style.RESTORATIVE else ""
        return (
            f"Final relaxation: {card.name}, {said}{knees}; move the attention slowly "
            "from the feet to the head."
        )
    if card.position == Position.SIDE_LYING:
        return (
            f"Final relaxation on the left side, a bolster between the knees, {said}: "
            "the pregnancy-safe rest."
        )
    if card.slug == "constructive-rest":
        return (
            f"Final relaxation in Constructive Rest, {said}: knees bent and resting "
            "together, feet wide, so the lower back rests flat."
        )
    if back_care or style == Style.RESTORATIVE:
        return (
            f"Final relaxation, {support(card)}, {said}: the support under the knees "
            "lets the lower back rest."
        )
    if hold >= GUIDED_FROM:
        # One relaxation, the body scan's words inside it (review r9 #9), not a second one.
        return (
            f"Final relaxation: lie still for {said}; move the attention slowly from "
            "the feet to the head, then let the whole body be heavy."
        )
    return f"Final relaxation: lie still and let the whole body be heavy for {said}."


# A final rest in Corpse Pose this long or longer is guided by a body scan's words first.
GUIDED_FROM = 6 * 60


def closing(card: PoseCard) -> str:
    if card.position == Position.STANDING:
        return "Close standing: eyes closed, feel what the practice did."
    return "Come up to sit: a few minutes of stillness before you go."
