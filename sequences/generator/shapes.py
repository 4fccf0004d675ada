"""What a pose is to the generator: its shape family, where it is done from, what it works."""

from functools import lru_cache

from poses.models import (
    FLOOR_POSITIONS,
    Category,
    Caution,
    Effort,
    Kind,
    Position,
    fold_for_search,
)
from sequences.checks import is_final_relaxation, is_hamstring_fold  # noqa: F401
from sequences.generator.stretch_needs import stretch_need
from sequences.generator.vocabulary import (
    CLOSING_ONLY,
    DEEPER_VARIANTS,
    ENTERED_FROM,
    FOCUS_CATEGORIES,
    FOCUS_DIRECT_AREAS,
    FOCUS_TARGETS,
    FULL_BODY_AREAS,
    FULL_BODY_REGION_CATEGORIES,
    FULL_BODY_REGIONS,
    HELD_BACKBENDS,
    LEVELS,
    PEAK_NEEDS,
    SANSKRIT_QUALIFIERS,
    SETTLED_PEAK_CATEGORIES,
    SHAPE_GROUPS,
    SLOW_FOCUS_TARGETS,
)
from sequences.models import Focus
from sequences.steps import PoseCard

_GROUP_OF = {slug: group[0] for group in SHAPE_GROUPS for slug in group}
# Heights on the floor, highest first: a floor sequence goes down through them.
FLOOR_HEIGHT = {
    Position.KNEELING: 5,
    Position.PRONE: 4,
    Position.SEATED: 3,
    Position.SUPINE: 2,
    Position.SIDE_LYING: 1,
}
# Up from the floor in a warm-up: seated or lying, then kneeling, then on hands and feet.
RISE_HEIGHT = {
    Position.SEATED: 0,
    Position.SUPINE: 0.2,
    Position.SIDE_LYING: 0.2,
    Position.PRONE: 0.4,
    Position.KNEELING: 1,
    Position.HANDS_AND_FEET: 2,
}


@lru_cache(maxsize=1024)
def _sanskrit_root(name_sa: str) -> str:
    root = fold_for_search(name_sa)
    for qualifier in SANSKRIT_QUALIFIERS:
        if qualifier.startswith("("):
            root = root.replace(qualifier, " ")
    root = " ".join(root.split())
    for qualifier in SANSKRIT_QUALIFIERS:
        if not qualifier.startswith("(") and root.startswith(qualifier):
            root = root[len(qualifier) :]
    return root


def family(card: PoseCard) -> str:
    """The shape a pose is one way of teaching (one per practice)."""
    return _family(card.slug, card.name_sa)


@lru_cache(maxsize=1024)
def _family(slug: str, name_sa: str) -> str:
    if slug in _GROUP_OF:
        return _GROUP_OF[slug]
    root = _sanskrit_root(name_sa) if name_sa else ""
    return f"sa:{root}" if root else slug


def entered_from(card: PoseCard) -> str:
    """Where the pose starts: its position, or where it is entered from (Wheel: lying down)."""
    return ENTERED_FROM.get(card.slug, card.position)


def on_the_floor(card: PoseCard) -> bool:
    return entered_from(card) in FLOOR_POSITIONS


def upright(card: PoseCard) -> bool:
    """Done on the feet, or from them (Plank, Down Dog, arm balances, Handstand)."""
    return not on_the_floor(card)


def floor_height(card: PoseCard) -> int:
    return FLOOR_HEIGHT.get(entered_from(card), 3)


def works(
    card: PoseCard,
    focus: str,
    *,
    strictly: bool = False,
    slow: bool = False,
    first: int | None = None,
) -> bool:
    """The pose works the focus area: by its category, or by its target areas (strictly: one
    of the first three it names, which the library lists most important first; `first`: one of
    the first that many). `slow`: as yin and restorative practice work it
    (SLOW_FOCUS_TARGETS)."""
    if focus == Focus.FULL_BODY:
        return not card.is_breathing
    if focus == Focus.RELAXATION and card.is_breathing:
        return True
    if card.is_breathing:
        return False
    if card.category in FOCUS_CATEGORIES[focus]:
        return True
    if focus == Focus.BALANCE and card.position == Position.ARM_BALANCE:
        return True
    if (
        focus == Focus.STRENGTH
        and not slow
        and (card.effort != Effort.ACTIVE or card.intensity < 3)
    ):
        return False
    if first is None and strictly:
        first = 3
    areas = card.target_areas[:first]
    return bool((SLOW_FOCUS_TARGETS if slow else FOCUS_TARGETS)[focus].intersection(areas))


def is_deep_backbend(card: PoseCard) -> bool:
    return Caution.DEEP_BACKBEND in card.cautions


def loads_the_neck_upside_down(card: PoseCard) -> bool:
    """Shoulder Stand, Plough, Snail: the checks ask for a backbend for the neck after them."""
    return (
        Caution.INVERSION in card.cautions
        and Caution.NECK_LOAD in card.cautions
        and Caution.FALL_RISK not in card.cautions
    )


def is_rest(card: PoseCard) -> bool:
    """A final relaxation (Corpse, Side-Lying Savasana)."""
    return is_final_relaxation(card)


def is_supported(card: PoseCard) -> bool:
    """A restorative shape: the props (or the floor) hold the body."""
    return card.effort == Effort.PASSIVE and (
        card.category == Category.RESTORATIVE or bool(card.props)
    )


def chair_practice_only(card: PoseCard) -> bool:
    """Done sitting on a chair, its only prop: for a chair practice, not a mat class."""
    return card.props == ("chair",)


def outranks(card: PoseCard, peak: PoseCard) -> bool:
    """Harder than the peak: more intense, a deeper variant of it (DEEPER_VARIANTS), or of its
    category and intensity at a higher level with two of its main target areas."""
    if card.slug == peak.slug:
        return False
    if card.intensity > peak.intensity or card.slug in DEEPER_VARIANTS.get(peak.slug, ()):
        return True
    if (
        card.kind == Kind.ASANA
        and card.effort == Effort.ACTIVE
        and peak.effort == Effort.ACTIVE
        and card.intensity == peak.intensity
        and LEVELS.index(card.difficulty) > LEVELS.index(peak.difficulty)
    ):
        # Level with the peak but a level harder: Warrior III and Standing Split (intermediate)
        # before a Chair peak (beginner) make Chair no peak.
        return True
    return (
        card.category == peak.category
        and card.intensity == peak.intensity
        and LEVELS.index(card.difficulty) > LEVELS.index(peak.difficulty)
        and len(set(card.target_areas[:3]) & set(peak.target_areas[:3])) >= 2
    )


def outranks_key(peak: PoseCard, cards: "OutrankFacts") -> tuple:
    """What `outranks(card, peak)` reads of the peak, for these cards (`outrank_facts`): two
    peaks with the same key are outranked by the same of them, and are the same card as the
    same of them. Its intensity; its slug only where it is one of theirs or has deeper
    variants; its effort and level only where an active asana among them is of its intensity
    at a harder level (the third rule of `outranks`); its level, category and main areas only
    where one of them of its category is (the fourth). Keep it beside `outranks`: a new rule
    there reads something here."""
    slugs, active, kinds = cards
    slug = peak.slug if peak.slug in slugs or peak.slug in DEEPER_VARIANTS else ""
    level = LEVELS.index(peak.difficulty)
    harder = range(level + 1, len(LEVELS))
    third = None
    if any((peak.intensity, other) in active for other in harder):
        third = (peak.effort == Effort.ACTIVE, level)
    fourth = None
    if any((peak.intensity, other, peak.category) in kinds for other in harder):
        fourth = (level, peak.category, frozenset(peak.target_areas[:3]))
    return (slug, peak.intensity, third, fourth)


# The cards' slugs; (intensity, level's index) of the active asanas among them; (intensity,
# level's index, category) of each: what `outranks_key` needs.
OutrankFacts = tuple[frozenset, frozenset, frozenset]


def outrank_facts(cards: list[PoseCard]) -> OutrankFacts:
    return (
        frozenset(card.slug for card in cards),
        frozenset(
            (card.intensity, LEVELS.index(card.difficulty))
            for card in cards
            if card.kind == Kind.ASANA and card.effort == Effort.ACTIVE
        ),
        frozenset((card.intensity, LEVELS.index(card.difficulty), card.category) for card in cards),
    )


def peak_needs(peak: PoseCard) -> tuple[tuple[str, ...], ...]:
    """What the peak needs opened or woken before it, as sets of poses that give it
    (PEAK_NEEDS); a peak with none named needs what it shares with its preparation. A
    backbend peak entered from the floor (Camel, Bow, Wheel, Fish, Saddle) also needs a
    held backbend below it (HELD_BACKBENDS) where no need of it gives one."""
    needs = PEAK_NEEDS.get(peak.slug, ()) or tuple(n for n in (stretch_need(peak),) if n)
    if needs_a_held_backbend(peak) and not any(set(need) <= set(HELD_BACKBENDS) for need in needs):
        needs = (*needs, HELD_BACKBENDS)
    return needs


def needs_a_held_backbend(peak: PoseCard) -> bool:
    """A strong backbend entered from the floor: the spine has held a milder one first."""
    return peak.category == Category.BACKBEND and peak.intensity >= 3 and on_the_floor(peak)


def loads_bent_knees(card: PoseCard) -> bool:
    """Standing with the weight on bent knees as its main work (Chair, Goddess): not the top
    of a knee-friendly class, whatever the tags say."""
    return card.position == Position.STANDING and card.target_areas[:1] == ("quadriceps",)


def quietens(card: PoseCard) -> bool:
    """A quietening pose that belongs in the closing (Plough, Snail): not an energising peak."""
    return card.slug in CLOSING_ONLY or loads_the_neck_upside_down(card)


def wrist_flexion_balance(card: PoseCard) -> bool:
    """An arm balance on bent wrists with the spine rounded (Crow, Firefly): it is answered by
    a wrist release and an extension before resting."""
    return (
        card.position == Position.ARM_BALANCE
        and Caution.WRIST_LOAD in card.cautions
        and Caution.SPINAL_FLEXION in card.cautions
    )


def spine_action(card: PoseCard) -> str:
    """How the pose bends the spine: "back" (a backbend, the chest opened), "twist",
    "forward" (a fold over the legs, or the spine rounded: Child's Pose, Knees-to-Chest, a
    supported forward bend), or "" (neither: standing, balancing, on the hands)."""
    if (
        card.category == Category.BACKBEND
        or Caution.DEEP_BACKBEND in card.cautions
        or card.opens_the_chest
    ):
        return "back"
    if card.category == Category.TWIST:
        return "twist"
    if card.category == Category.FORWARD_FOLD and card.position != Position.HANDS_AND_FEET:
        return "forward"
    if card.cautions & {Caution.SPINAL_FLEXION, Caution.SPINAL_ROUNDING}:
        return "forward"
    return ""


def settles_as_peak(card: PoseCard) -> bool:
    """A peak the body settles into on the floor: a hip opener or a fold, seated, kneeling
    or lying (Frog, Pigeon, Lizard, Seated Forward Fold), or a passive one."""
    return card.effort == Effort.PASSIVE or (
        card.category in SETTLED_PEAK_CATEGORIES and on_the_floor(card)
    )


def peak_plane(card: PoseCard) -> str:
    """The way a peak bends the spine, which its counter-pose must not bend again: back, a
    twist, or forward where the fold is the pose (a forward fold, a supported or passive
    forward bend: Butterfly in yin), not where it is the hips' or the legs' (Pigeon, Humble
    Warrior), nor where the back stays flat on the floor (Supine Hand-to-Big-Toe: the fold is
    the leg's, and Knees-to-Chest answers it, review r11 #1)."""
    if card.category == Category.FORWARD_FOLD and card.position == Position.SUPINE:
        return ""
    action = spine_action(card)
    if action == "forward" and not (
        card.category in (Category.FORWARD_FOLD, Category.RESTORATIVE)
        or card.effort == Effort.PASSIVE
    ):
        return ""
    return action


def works_directly(card: PoseCard, focus: str, *, slow: bool = False) -> bool:
    """The focus area is the pose's main work: its category, or one of the first
    FOCUS_DIRECT_AREAS target areas it names (High Lunge names the core fourth: it steadies;
    Plank names it first). Strength asks an active hold of intensity 3 or more (as `works`);
    relaxation is worked as `works` has it."""
    first = None if focus == Focus.RELAXATION else FOCUS_DIRECT_AREAS
    return works(card, focus, slow=slow, first=first)


def body_regions(card: PoseCard) -> frozenset[str]:
    """The regions of a whole-body class (FULL_BODY_REGIONS) the pose works: named in its first
    FULL_BODY_AREAS target areas, or by its category."""
    if card.is_breathing:
        return frozenset()
    areas = set(card.target_areas[:FULL_BODY_AREAS])
    return frozenset(
        region
        for region, targets in FULL_BODY_REGIONS.items()
        if targets & areas or card.category in FULL_BODY_REGION_CATEGORIES[region]
    )
