"""Why each pose is where it is, in a teacher's words: its job here (what it prepares for the
peak and how, what it counters, why this hold), from the pose's own facts."""

from poses.models import Category, Position, Prop, TargetArea
from sequences.generator.shapes import loads_the_neck_upside_down
from sequences.models import Style
from sequences.steps import PoseCard

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
    "five-pointed-star": ("wakes up", "whole body"),
    "three-legged-dog": ("lengthens", "hamstrings and the shoulders"),
    "dragonfly-yin": ("opens", "inner thighs and the back of the legs"),
}


def does(card: PoseCard, areas=None) -> tuple[str, str]:
    """(verb, area words) for "{verb} the {areas}": the pose's own words where it has them."""
    if card.slug in DOES:
        return DOES[card.slug]
    return action(card), area_words(areas if areas else card.target_areas)


def action(card: PoseCard) -> str:
    if card.slug in DOES:
        return DOES[card.slug][0]
    if card.category == Category.STANDING and card.intensity <= 2:
        return "lengthens"  # Triangle, Reverse Warrior, a standing side bend
    return ACTION.get(card.category, "works")


def shared(card: PoseCard, other: PoseCard) -> list[str]:
    return [area for area in card.target_areas if area in other.target_areas]


def props_words(card: PoseCard) -> str:
    labels = [Prop(prop).label.lower() for prop in card.props if prop in Prop.values]
    return f"with {words(f'a {label}' for label in labels)}" if labels else ""


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


def mobility(card: PoseCard, loaded_later: list[str]) -> str:
    areas = area_words(card.target_areas)
    if loaded_later:
        verb = "loads" if len(loaded_later) == 1 else "load"
        return f"Joint by joint: loosens the {areas} before {words(loaded_later[:2])} {verb} them."
    return f"Joint by joint: loosens the {areas}, gently, one joint at a time."


def warm_up(card: PoseCard, peak: PoseCard) -> str:
    common = shared(card, peak)
    if card.slug in ("cat-cow", "chair-cat-cow"):
        return f"Moves the spine both ways with the breath, warming it for {peak.name}."
    if card.slug in DOES:
        verb, own = DOES[card.slug]
        return f"{verb.capitalize()} the {own} gently, on the way to {peak.name}."
    if card.position == Position.HANDS_AND_FEET and card.category == Category.FORWARD_FOLD:
        return f"Lengthens the {area_words(card.target_areas)} and takes you up onto the feet."
    if common:
        return f"Warms the {area_words(common)} gently, a first step toward {peak.name}."
    return f"Warms the {area_words(card.target_areas)} at an easy intensity."


def standing_warm_up(card: PoseCard) -> str:
    return f"Standing warm-up: {action(card)} the {area_words(card.target_areas)} at low effort."


# Ways of saying what a build pose does for the peak, taken in turn down the page.
FOR_THE_PEAK = (
    "{action} the {areas} that {peak} needs",
    "{action} the {areas}, ready for {peak}",
    "{action} the {areas} on the way to {peak}",
    "{action} the {areas}: {peak} asks for them",
)


# Ways of saying a build pose is there for the practice's focus rather than for the peak.
FOR_THE_FOCUS = (
    "{action} the {areas}: part of today's work on {focus}",
    "{action} the {areas}, for {focus}",
    "{action} the {areas}; {focus} is what today is for",
    "{action} the {areas}, more work on {focus}",
)
# And for the heat of the practice (active styles) or the long opening (yin, restorative).
FOR_ITSELF = (
    "{action} the {areas} and builds heat",
    "{action} the {areas} while the body is warm",
    "{action} the {areas}, strong and steady",
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
    """A build pose: what it opens or strengthens for the peak, else for the focus (naming
    the areas that work it), else for the practice itself."""
    common = shared(card, peak)
    verb, own = does(card)
    verb = verb.capitalize()
    supported = props_words(card) if style == Style.RESTORATIVE else ""
    if supported:
        verb = f"{verb}, {supported},"
    if common and card.slug not in DOES:
        frame = FOR_THE_PEAK[variant % len(FOR_THE_PEAK)]
        return frame.format(action=verb, areas=area_words(common), peak=peak.name) + "."
    if works_focus:
        frame = FOR_THE_FOCUS[variant % len(FOR_THE_FOCUS)]
        areas = own if card.slug in DOES else area_words(focus_areas or card.target_areas)
        return frame.format(action=verb, areas=areas, focus=focus_words) + "."
    frames = SLOW_FOR_ITSELF if slow else FOR_ITSELF
    frame = frames[variant % len(frames)]
    return frame.format(action=verb, areas=own) + "."


def leads_into(card: PoseCard, peak: PoseCard, order: int) -> str:
    """A pose placed straight before the peak because the peak grows out of it."""
    verb, areas = does(card)
    if order == 1:
        return f"{verb.capitalize()} the {areas}: the first step into {peak.name}."
    return f"Last before {peak.name}: {verb} the {areas} it asks for."


def distinct(cue: str, card: PoseCard, taken: set[str]) -> str:
    """The cue, told apart from an identical one earlier in the practice."""
    where = WHERE.get(card.position)
    candidates = [
        f"{cue.rstrip('.')}, {where}." if where else cue,
        f"{cue.rstrip('.')} ({card.name}).",
    ]
    for candidate in candidates:
        if candidate not in taken:
            return candidate
    return candidates[-1]


# What each pose of a standing or kneeling flow asks for and gives, as a teacher cues it on
# the way through (the right side; the left side is "the same").
FLOW_CUES = {
    "warrior-ii": "front knee over the ankle, arms long; the legs take the heat",
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
    "a last flow for the {areas}, then {peak}",
)
FLOW_FOR_ITSELF = (
    "{stance}",
    "{stance}: heat for the legs",
    "{stance}, the breath leading each move",
    "{stance}, steady and even on both sides",
    "{stance}, the last flow",
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
    """The first pose of a flow: the whole flow on this side, and what it is for."""
    names = " → ".join(p.name for p in poses)
    if side == "right":
        common = [area for pose in poses for area in shared(pose, peak)]
        common = list(dict.fromkeys(common))
        if common:
            frame = FLOW_FOR_THE_PEAK[(number - 1) % len(FLOW_FOR_THE_PEAK)]
            why = frame.format(peak=peak.name, areas=area_words(common), stance=stance)
        else:
            why = FLOW_FOR_ITSELF[(number - 1) % len(FLOW_FOR_ITSELF)].format(stance=stance)
        return f"Right side: {names}, {breaths_words} each; {why}."
    return f"Left side: the same flow, {names}, {breaths_words} each."


def again(cue: str) -> str:
    """A flow's cue the second time through."""
    if cue.startswith("Right side: "):
        return "Once more, right side: " + cue[len("Right side: ") :]
    if cue.startswith("Left side: the same flow, "):
        return "Once more on the left: " + cue[len("Left side: the same flow, ") :]
    if cue.startswith("Vinyasa"):
        return cue
    return f"Once more: {cue[0].lower()}{cue[1:]}"


def flow_next(card: PoseCard, side: str, breaths_words: str) -> str:
    """A later pose of a flow: how to come into it and what it gives."""
    how = FLOW_CUES.get(card.slug)
    if how is None:
        how = f"{action(card)} the {area_words(card.target_areas)}"
    if side == "left":
        return f"{card.name}, left side, {breaths_words}."
    return f"{card.name}, {breaths_words}: {how}."


def peak(card: PoseCard, preparers: list[PoseCard], *, style: str, hold: int) -> str:
    what = PEAK_WORDS.get(card.category, "the strongest pose")
    if card.category == Category.RESTORATIVE and card.opens_the_chest:
        what = "the supported opening at the heart"
    if card.position == Position.ARM_BALANCE:
        what = "the arm balance"
    elif card.position == Position.HANDS_AND_FEET and card.category == Category.FORWARD_FOLD:
        what = "the strongest pose on hands and feet"
    text = f"Peak: {what} of the practice"
    if preparers:
        text += (
            f"; {words(p.name for p in preparers[:2])} prepared the {area_words(card.target_areas)}"
        )
    if style == Style.YIN:
        text += f". Stay {minutes(hold)}, still, and let gravity do the work."
    elif style == Style.RESTORATIVE:
        supported = props_words(card)
        holder = "the props" if supported else "the floor"
        text += (
            f". Rest {minutes(hold)}{', ' + supported if supported else ''}: let {holder} hold you."
        )
    else:
        text += "."
    return text


def counter(card: PoseCard, peak: PoseCard) -> str:
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
        job = f"Releases the hips the other way after {peak.name}"
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


# Ways of saying what a cool-down pose does, taken in turn down the page.
COOL_DOWN = (
    "{action} the {areas} {worked} worked",
    "{action} the {areas} after {worked}",
    "{action} the {areas} as the breath slows",
    "{action} the {areas} while the heat of {worked} fades",
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
        supported = props_words(card)
        holder = "the props" if supported else "the floor"
        with_props = f", {supported}" if supported else ""
        return f"{verb} the {areas}{with_props}; let {holder} take the weight."
    if worked_by is not None:
        frame = COOL_DOWN[variant % len(COOL_DOWN)]
        if card.slug not in DOES:
            areas = area_words(shared(card, worked_by)) or areas
        text = frame.format(action=verb, areas=areas, worked=worked_by.name)
    else:
        text = f"{verb} the {areas}"
    where = WHERE.get(card.position)
    if style == Style.YIN:
        return f"{text}; {YIN_TAILS[variant % len(YIN_TAILS)]}."
    return f"{text}{', ' + where if where and variant % 2 else ''}."


def slow_warm_up(card: PoseCard, peak: PoseCard, *, style: str) -> str:
    common = shared(card, peak)
    supported = props_words(card) if style == Style.RESTORATIVE else ""
    first = f"A first, gentle shape{' ' + supported if supported else ''}"
    if common:
        return f"{first}: softens the {area_words(common)} before {peak.name}."
    return f"{first}: lets the {area_words(card.target_areas)} settle."


def relaxation(card: PoseCard, hold: int) -> str:
    if card.is_breathing:
        return (
            f"Final relaxation: a body scan, {minutes(hold)}; move the attention slowly from "
            "the feet to the head."
        )
    if card.position == Position.SIDE_LYING:
        return (
            f"Final relaxation on the left side, a bolster between the knees, {minutes(hold)}: "
            "the pregnancy-safe rest."
        )
    return f"Final relaxation: lie still and let the whole body be heavy for {minutes(hold)}."


def closing(card: PoseCard) -> str:
    if card.position == Position.STANDING:
        return "Close standing: eyes closed, feel what the practice did."
    return "Come up to sit: a few minutes of stillness before you go."
