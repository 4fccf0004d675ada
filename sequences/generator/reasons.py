"""Why each pose is where it is, in a teacher's words: its job here (what it prepares for the
peak and how, what it counters, why this hold), from the pose's own facts."""

from poses.models import Category, Caution, Effort, Position, Prop, TargetArea
from sequences.generator.shapes import (
    loads_the_neck_upside_down,
    peak_needs,
    works,
)
from sequences.generator.versions import taught_for
from sequences.generator.vocabulary import (
    FOCUS_CATEGORIES,
    FOCUS_TARGETS,
    FOCUS_WORDS,
    PREPARES,
    SLOW_FOCUS_TARGETS,
)
from sequences.models import Focus, Style
from sequences.steps import PoseCard

# What a peak needs: its first three target areas (the library lists a pose's areas most
# important first). What a pose works: its first two. A pose prepares the peak only where the
# two meet (see `prepares`).
NEEDS = 3
OWN = 2
# Styles where a class stays cool: no "heat" in what they say.
CALM_STYLES = frozenset({Style.GENTLE, Style.YIN, Style.RESTORATIVE})

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
# The peak, as what it is the most of.
PEAK_WORDS = {
    Category.STANDING: "the strongest standing pose",
    Category.BALANCE: "the hardest balance",
    Category.BACKBEND: "the deepest backbend",
    Category.FORWARD_FOLD: "the deepest fold",
    Category.TWIST: "the deepest twist",
    Category.HIP_OPENER: "the deepest hip opener",
    Category.CORE: "the strongest core work",
    Category.INVERSION: "the inversion",
    Category.RESTORATIVE: "the quiet centre",
    Category.SEATED: "the deepest seated shape",
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
    """ "45 seconds", "1 minute", "about 4 minutes"."""
    if seconds < 60:
        return f"{seconds} seconds"
    whole = int(seconds / 60 + 0.5)  # halves up: 4:30 is about 5 minutes
    about = "" if seconds % 60 == 0 else "about "
    return f"{about}{whole} minute{'s' if whole > 1 else ''}"


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
    twist, "balances on one leg, steadying" the ankles for Tree."""
    head = list(card.target_areas[:NEEDS])
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
    return action(card), areas


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
    needs = list(peak.target_areas[:NEEDS])
    own = [] if card.slug in DOES else job(card)[1]
    common = [area for area in needs if area in own]
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


# The areas a joint warm-up or Cat-Cow readies, and what in the peak loads each.
LOADED_BY = {
    "wrists": "wrist_load",
    "neck": "neck_load",
}


def warms_for(card: PoseCard, peak: PoseCard) -> bool:
    """A joint warm-up or Cat-Cow readies what the peak loads: a joint the peak names among
    its areas or bears weight on (its cautions), or the spine for a peak that bends it."""
    if card.slug in ("cat-cow", "chair-cat-cow"):
        spine = set(BACK_AREAS) & set(peak.target_areas[:NEEDS])
        return peak.category in SPINE_PEAKS or bool(spine)
    if card.category != Category.MOBILITY:
        return False
    return any(
        area in peak.target_areas[:NEEDS] or LOADED_BY.get(area) in peak.cautions
        for area in card.target_areas[:OWN]
    )


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
}
PROP_WORDS = ("bolster", "blanket", "block", "strap", "chair", "wall", "towel")


def support(card: PoseCard) -> str:
    """How the props hold this pose in a restorative class ("over a bolster laid lengthwise,
    a blanket under the knees"); a folded blanket where the pose lists nothing."""
    if card.slug in SUPPORT:
        return SUPPORT[card.slug]
    return props_words(card) or "on a folded blanket"


def breath_words(card: PoseCard) -> str:
    """ "in for 6, out for 6" from the breath pattern (holds named too)."""
    names = {"inhale": "in", "hold": "hold", "exhale": "out", "hold_empty": "hold"}
    return ", ".join(f"{names[phase]} for {count}" for phase, count in card.breath_pattern)


def centring(card: PoseCard, *, style: str) -> str:
    if card.breath_pattern:
        pattern = breath_words(card)
        if style in (Style.VINYASA, Style.POWER) and card.slug == "ujjayi-breath":
            return f"Centring: {pattern}, the steady breath every flow of this practice moves with."
        return f"Centring: {pattern}; arrive and let the breath slow down before you move."
    if card.is_breathing:
        return "Centring: sit still and let the attention settle before you move."
    where = WHERE.get(card.position, "still")
    return f"Centring {where}: nothing to do yet; notice the breath and let the day go."


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
        verb = "loads" if len(loaded_later) == 1 else "load"
        return (
            f"Joint by joint: loosens the {areas} before {words(loaded_later[:2])} "
            f"{verb} {pronoun(own)}."
        )
    return f"Joint by joint: loosens the {areas}, gently, one joint at a time."


def _turn(card: PoseCard, frames: tuple[str, ...]) -> str:
    """One of a few ways of saying the same kind of thing, chosen by the pose (so a page of
    warm-up poses does not read as one sentence with the names changed)."""
    return frames[sum(map(ord, card.slug)) % len(frames)]


WARM_FOR_THE_PEAK = (
    "Warms the {areas} gently, for {peak} later.",
    "Wakes up the {areas} at an easy intensity; {peak} will need {them}.",
    "Eases into the {areas} that {peak} works hardest.",
)
WARM_FOR_ITSELF = (
    "Warms the {areas} at an easy intensity.",
    "Eases the {areas} awake before the stronger work.",
    "Warms the {areas}, gently, with the breath.",
)
SPINE_PEAKS = (Category.BACKBEND, Category.TWIST, Category.FORWARD_FOLD)


def warm_up(card: PoseCard, peak: PoseCard) -> str:
    """A warm-up pose: what it warms, and the peak only where it warms what the peak needs."""
    if card.slug in ("cat-cow", "chair-cat-cow"):
        if warms_for(card, peak):
            return f"Moves the spine both ways with the breath, warming it for {peak.name}."
        return "Moves the spine both ways with the breath: flexion and extension, one breath each."
    if card.slug in DOES:
        verb, own = DOES[card.slug]
        return f"{verb.capitalize()} the {own} gently, a warm-up for the spine's sideways reach."
    if card.position == Position.HANDS_AND_FEET and card.category == Category.FORWARD_FOLD:
        return f"Lengthens the {area_words(job(card)[1])} and takes you up to standing."
    common = prepares(card, peak)
    if common and common != ["shape"]:
        return _turn(card, WARM_FOR_THE_PEAK).format(
            areas=area_words(common), peak=peak.name, them=pronoun(common)
        )
    return _turn(card, WARM_FOR_ITSELF).format(areas=area_words(job(card)[1]))


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
LEADS_INTO = "{action} the {areas}; {peak} grows out of this shape"
# Ways of saying a build pose is there for the practice's focus rather than for the peak:
# the focus it serves, named.
FOR_THE_FOCUS = (
    "{action} the {areas}, for today's focus on {focus}",
    "{action} the {areas}, {focus} being today's focus",
    "{action} the {areas}, as today's focus on {focus} asks",
    "{action} the {areas}, in keeping with today's focus on {focus}",
)
# And for the work of the practice itself (active styles) or the long opening (yin,
# restorative); heat only in a class that builds it.
FOR_ITSELF = (
    "{action} the {areas}, building heat",
    "{action} the {areas} while the body is warm",
    "{action} the {areas}, held steady",
)
CALM_FOR_ITSELF = (
    "{action} the {areas}, at an easy effort",
    "{action} the {areas} while the body is warm",
    "{action} the {areas}, breathing slowly",
)
SLOW_FOR_ITSELF = (
    "{action} the {areas}, slowly, with no effort",
    "{action} the {areas}; let the shape open in its own time",
    "{action} the {areas}, muscles soft",
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
    common = prepares(card, peak)
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
    focus = served(card, focus_words, slow=slow) if works_focus and card.slug not in DOES else []
    used, how = uses(card, peak)
    if used and not focus:
        if how == "holds":
            text = f"{verb} the {area_words(used)} that will hold you in {peak.name}"
        else:
            text = f"{verb} the {area_words(used)}, as {peak.name} will ask of {pronoun(used)}"
        return text + tail + "."
    if focus:
        frame = FOR_THE_FOCUS[variant % len(FOR_THE_FOCUS)]
        # The areas that serve the focus, among those the pose's own verb is true of.
        doing = job(card)[1]
        areas = area_words([a for a in doing if a in focus_areas] or doing)
        named = words(FOCUS_WORDS[f] for f in focus)
        return frame.format(action=verb, areas=areas, focus=named) + tail + "."
    frames = SLOW_FOR_ITSELF if slow else CALM_FOR_ITSELF if style in CALM_STYLES else FOR_ITSELF
    frame = frames[variant % len(frames)]
    return frame.format(action=verb, areas=own) + tail + "."


# How a pose is the way into a hip opener's shape: Child's Pose with the knees wide before Frog.
HIP_ENTRY = {
    "wide": "the inner thighs begin {shape} shape",
    "out": "the hips begin to turn out toward {shape} shape",
    "front": "the front of the hip begins to lengthen toward {shape} shape",
}
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
    shape = HIP_ENTRY[action].format(shape=possessive(peak.name))
    load = " with no load" if card.effort == Effort.PASSIVE else ""
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
    common = prepares(card, peak)
    if common and common != ["shape"]:
        return f"{verb.capitalize()} the {area_words(common)}, which {peak.name} needs."
    return LEADS_INTO.format(action=verb.capitalize(), areas=areas, peak=peak.name) + "."


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
REBOUND = "After {shape}, a rebound: lie flat, knees hugged in, for a few breaths. "
# In pregnancy the rebound is taken sitting or on the side, not flat on the back.
REBOUND_PREGNANT = "After {shape}, a rebound: sit tall or lie on the side for a few breaths. "


def needs_rebound(card: PoseCard, phase: str) -> bool:
    """A yin shape that asks for a rebound after it (REBOUND_AFTER, a deep backbend, the
    peak)."""
    if card.is_breathing:
        return False
    return phase == "peak" or card.slug in REBOUND_AFTER or Caution.DEEP_BACKBEND in card.cautions


def rebound(before: PoseCard, *, pregnant: bool) -> str:
    """The rebound after this shape, named: the body settles before the next one."""
    return (REBOUND_PREGNANT if pregnant else REBOUND).format(shape=before.name)


INCLINED = "Inclined, not flat, on a bolster propped on blocks. "
LEGS_WIDE = "Legs wide, a bolster between them for the belly. "
REST_BETWEEN = " Rest in Mountain between sides."
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
    pose."""
    for index in rebounds:
        before = drafts[index - 1]
        if needs_rebound(before.card, before.phase):
            cue = rebound(before.card, pregnant=choices.pregnant)
            drafts[index].cue = cue + drafts[index].cue
    told: set[tuple[str, str]] = set()
    for draft in drafts:
        card = draft.card
        if choices.pregnant and draft.phase not in ("relaxation", "closing", "centring"):
            if lies_flat(card) and draft.hold >= 60:
                draft.cue = INCLINED + draft.cue
            elif folds_legs_together(card):
                draft.cue = LEGS_WIDE + draft.cue
        taught_for(draft, choices, told)
        if choices.style == Style.GENTLE and card.position == Position.STANDING:
            if draft.side == "left" and draft.cue.startswith("Left side: the same flow, "):
                draft.cue = GENTLE_LEFT + draft.cue[len("Left side: ") :]
            elif card.is_bilateral and not draft.flow and card.intensity >= 3:
                draft.cue = draft.cue + REST_BETWEEN


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
    "reverse-warrior": "keep the front knee bent, sweep the front arm up and back: the side "
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
# How a flow says what it is for, one frame per flow down the page.
FLOW_FOR_THE_PEAK = (
    "opens the way to {peak} through the {areas}",
    "more {areas} for {peak}, {stance}",
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
        common = [a for pose in poses for a in prepares(pose, peak) if a != "shape"]
        common = list(dict.fromkeys(common))
        if common:
            frame = FLOW_FOR_THE_PEAK[(number - 1) % len(FLOW_FOR_THE_PEAK)]
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
    what = PEAK_WORDS.get(card.category, "the strongest pose")
    if card.category == Category.RESTORATIVE and card.opens_the_chest:
        what = "the supported opening at the heart"
    if card.position == Position.ARM_BALANCE:
        what = "the arm balance"
    elif card.position == Position.HANDS_AND_FEET and card.category == Category.FORWARD_FOLD:
        what = "the strongest pose on hands and feet"
    credited = [(p, prepares(p, card)) for p in dict.fromkeys(preparers)]
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
    # The richest wording that a saved sequence keeps whole (200 characters).
    texts = [f"Peak: {what} of the practice. {stay}", f"Peak: {what}. {stay}"]
    if credit:
        texts[:0] = [
            f"Peak: {what} of the practice; {credit}. {stay}",
            f"Peak: {what}; {credit}. {stay}",
        ]
    return next((t.strip() for t in texts if len(t.strip()) <= 200), texts[-1].strip())


# What a hip opener does to the hips, as a teacher answers it: it widens them (the inner
# thighs lengthen: Frog, Side Lunge, Butterfly), turns them out (Pigeon, Fire Log, Lotus), or
# lengthens the front of the hip (Low Lunge, Lizard, Dragon, the splits).
WIDENS_THE_HIPS = frozenset(
    {
        "frog",
        "skandasana",
        "goddess",
        "garland",
        "five-pointed-star",
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
        job = f"Takes the spine back to neutral after {possessive(peak.name)} backbend"
    elif (
        peak.category == Category.BACKBEND
        and card.category == Category.RESTORATIVE
        and (card.position == Position.PRONE)
    ):
        job = f"Lets the back rest after {possessive(peak.name)} backbend"
    elif peak.category == Category.BACKBEND:
        job = f"Rounds the spine gently after {possessive(peak.name)} backbend"
    elif peak.category == Category.FORWARD_FOLD:
        job = f"Opens the front of the body after {possessive(peak.name)} fold"
    elif peak.category == Category.TWIST:
        job = f"Brings the spine back to neutral after {possessive(peak.name)} twist"
    elif peak.category == Category.HIP_OPENER:
        verb, areas = does(card)
        job = f"{verb.capitalize()} the {areas} after {peak.name}, resting the hips"
    elif peak.category == Category.CORE:
        job = f"Lengthens the front of the body after {possessive(peak.name)} core work"
    elif peak.position == Position.ARM_BALANCE:
        job = f"Rests the wrists and shoulders after {peak.name}"
    elif peak.category == Category.RESTORATIVE:
        job = f"Lets the spine settle after {peak.name}"
    else:
        job = f"Lets the legs rest after {peak.name}"
    job = job[0].lower() + job[1:]
    return f"Counter-pose: {job}{', ' + same_place if same_place else ''}."


# What a resting shape does in an active class's cool-down, in a teacher's words (its row's
# first areas would say "rests the hips" of Supported Bridge, which rests the lower back).
COOL_REST = {
    "supported-bridge": "Lets the lower back rest on the block",
    "reclined-bound-angle": "Opens the hips and chest, fully supported",
    "knees-to-chest": "Releases the lower back, the knees hugged in",
    "supported-fish": "Opens the chest over the bolster, fully supported",
}
# Ways of saying what a cool-down pose does, for itself, taken in turn down the page.
COOL_FOR_ITSELF = (
    "{action} the {areas}",
    "{action} the {areas}, slowly",
    "{action} the {areas} as the breath slows",
    "{action} the {areas}, letting the practice settle",
)
# Ways of saying what a cool-down pose does, taken in turn down the page.
COOL_DOWN = (
    "{action} the {areas} {worked} worked",
    "{action} the {areas} after {worked}",
    "{action} the {areas} as the breath slows",
    "{action} the {areas}, letting {worked} settle",
)
YIN_TAILS = (
    "a long, passive hold",
    "stay still and let gravity do the work",
    "soften, and wait for the shape to open",
    "stay, and notice the sensation change",
)


def cool_down(card: PoseCard, worked_by: PoseCard | None, *, style: str, variant: int = 0) -> str:
    verb, areas = does(card)
    verb = verb.capitalize()
    if card.breath_pattern:
        return f"Closing breath, {breath_words(card)}: calms the nervous system before the rest."
    if style == Style.RESTORATIVE:
        return f"{verb} the {areas}, {support(card)}; let the props take the weight."
    named = []
    if worked_by is not None and card.slug not in DOES:
        # The peak is named only for what it worked itself (`peak_work`).
        named = [a for a in job(card)[1] if a in peak_work(worked_by)]
    if card.slug in COOL_REST and style != Style.YIN:
        text = COOL_REST[card.slug]
    elif named:
        frame = COOL_DOWN[variant % len(COOL_DOWN)]
        text = frame.format(action=verb, areas=area_words(named), worked=worked_by.name)
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
    common = prepares(card, peak)
    if common and common != ["shape"]:
        return f"A gentle shape{props}: softens the {area_words(common)} before {peak.name}."
    return _turn(card, SLOW_WARM_UP).format(props=props, areas=area_words(job(card)[1]))


def relaxation(card: PoseCard, hold: int, *, style: str = "", back_care: bool = False) -> str:
    """The final relaxation and how long it lasts; in restorative practice and for back care,
    the support under the knees."""
    if card.is_breathing:
        knees = ", a bolster under the knees" if back_care or style == Style.RESTORATIVE else ""
        return (
            f"Final relaxation: {card.name}, {minutes(hold)}{knees}; move the attention slowly "
            "from the feet to the head."
        )
    if card.position == Position.SIDE_LYING:
        return (
            f"Final relaxation on the left side, a bolster between the knees, {minutes(hold)}: "
            "the pregnancy-safe rest."
        )
    if card.slug == "constructive-rest":
        return (
            f"Final relaxation in Constructive Rest, {minutes(hold)}: knees bent and resting "
            "together, feet wide, so the lower back rests flat."
        )
    if back_care or style == Style.RESTORATIVE:
        return (
            f"Final relaxation, {support(card)}, {minutes(hold)}: the support under the knees "
            "lets the lower back rest."
        )
    return f"Final relaxation: lie still and let the whole body be heavy for {minutes(hold)}."


def closing(card: PoseCard) -> str:
    if card.position == Position.STANDING:
        return "Close standing: eyes closed, feel what the practice did."
    return "Come up to sit: a few minutes of stillness before you go."
