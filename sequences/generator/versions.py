"""How a pose is taught for the practitioner: the version of a pose kept for an avoid choice
(Child's Pose with the knees wide in pregnancy, Tree beside a wall, a seated hip opener without
folding forward with osteoporosis, Chair and Goddess bent only as far as sore knees allow), and
the support a long yin shape offers (a bolster behind Reclined Hero), said on the step.

The words are the library's own: each pose's contraindications and modifications
(poses/content/poses.json) say how it is taken for each choice; VERSIONS holds them as a
teacher says them on the step. sequences/tests/test_generator_versions.py reads the library
and fails when a pose kept for a choice asks for a version VERSIONS does not say.
"""

import re

from accounts.models import Avoidance
from poses.models import Category, Position
from sequences.generator import version_merge
from sequences.generator.avoid_shapes import (
    arms_overhead,
    floor_fold,
    passive_knees_out,
    reaches_back,
    side_bend,
    side_fold,
)
from sequences.generator.head_level import NO_INVERSIONS_VERSIONS, reminder, with_option
from sequences.generator.rest_between import rests_between
from sequences.generator.set_ups import one_set_up
from sequences.generator.shapes import loads_bent_knees
from sequences.generator.straight_knees import CHOICE as STRAIGHT_KNEES
from sequences.generator.straight_knees import STRAIGHT_LEGS
from sequences.generator.straight_knees import reminder as knees_again
from sequences.generator.version_claims import without_taken
from sequences.generator.version_rules import (
    CHATURANGA_KNEES,
    KINDS,
    LEVEL_KINDS,
    LONG_HOLD,
    MORE_VERSIONS,
    PLANK_KNEES,
    REPLACING,
    STILL_STYLES,
    against,
    level_versions,
    replaced,
    taught,
)
from sequences.models import MAX_CUE_LENGTH, Style
from sequences.steps import PoseCard


def _kneeling_rest(card: PoseCard) -> bool:
    return card.position == Position.KNEELING and card.category == Category.RESTORATIVE


def _seated_hip_opener(card: PoseCard) -> bool:
    return card.position == Position.SEATED and card.category == Category.HIP_OPENER


# Sitting tall, for osteoporosis and back care alike. No semicolon: the words go before the
# step's own reason, whose clauses it separates.
SIT_TALL = (
    "Sit tall on a folded blanket, without folding forward. ",
    "without folding",
)

# How a kind of pose kept for an avoid choice is taught for it (review r5: Child's Pose in
# pregnancy, Bound Angle with osteoporosis, Chair and Goddess for sore knees): (choice, shape,
# words said first, words that show the cue already says it).
KIND_CUES = (
    (
        Avoidance.PREGNANCY_SAFE,
        _kneeling_rest,
        "Knees wide, big toes together, a bolster lengthwise under the chest: room for the belly. ",
        "bolster lengthwise",
    ),
    (Avoidance.OSTEOPOROSIS_SAFE, _seated_hip_opener, *SIT_TALL),
    (
        Avoidance.KNEE_FRIENDLY,
        loads_bent_knees,
        "Knees over the ankles, bent only as far as they are comfortable. ",
        "only as far as",
    ),
    (
        Avoidance.BACK_CARE,
        arms_overhead,
        "Reach up rather than back, ribs soft. ",
        "rather than back",
    ),
    (
        Avoidance.BACK_CARE,
        reaches_back,
        "Reach up rather than back, ribs soft, the back hand light on the thigh. ",
        "rather than back",
    ),
    (
        Avoidance.OSTEOPOROSIS_SAFE,
        side_fold,
        "Hand on a block or the leg, spine long: no rounding. ",
        "no rounding",
    ),
    (
        Avoidance.OSTEOPOROSIS_SAFE,
        side_bend,
        "Sit tall on a blanket, no rounding: a small side bend. ",
        "no rounding",
    ),
    (
        Avoidance.PREGNANCY_SAFE,
        passive_knees_out,
        "Blocks under the thighs, the knees resting. ",
        "under the thighs",
    ),
    (
        Avoidance.NO_INVERSIONS,
        floor_fold,
        "Head level with the heart: fold less, or rest it on a block. ",
        "level with the heart",
    ),
) + KINDS  # the head level, Down Dog's bent knees (version_rules)

# One version said the same way for several choices, so that it is said once when a
# practitioner has chosen more than one: (words, words that show the cue says it).
BOTTOM_FOOT = ("Bottom foot on the floor or a wall, the thigh not drawn in. ", "bottom foot on")
FRONT_KNEE = ("Front knee bent less, the stance a little shorter. ", "front knee bent less")
# Upright and supported, the hands free (a yin or restorative shape is passive; the wrists
# stay free for wrist care).
UPRIGHT = (
    "Lean back onto a bolster propped on blocks rather than folding over the front shin. ",
    "bolster propped",
)
LOW_BLOCK = ("The block at its lowest height. ", "lowest")
RECLINE = ("Recline straight onto stacked bolsters, hands free. ", "stacked bolsters")
SIDE_BEND_TALL = ("Spine tall, no rounding: a small side bend. ", "no rounding")
# Half Butterfly Side Bend (Yin)'s own text for disc problems and osteoporosis alike.
SIDE_BEND_SMALL = ("Bend only a little, the forearm on a higher bolster. ", "only a little")
FINGERTIPS_BEHIND = ("Fingertips light behind you, not the palm. ", "fingertips")

# The version of each pose kept for each avoid choice whose own text asks for one, from its
# contraindications and modifications: {choice: {slug: (words said first, words that show the
# cue already says it)}}. Dose alone ("keep holds short") is the hold's work, not a version.
VERSIONS: dict[str, dict[str, tuple[str, str]]] = {
    Avoidance.PREGNANCY_SAFE: {
        # Its own text: sit high, the chest open to the front so the belly stays free.
        "half-butterfly-side-bend-yin": (
            "Sit high, lean to the long leg, forearm on a bolster, the chest open to the front. ",
            "sit high",
        ),
        "chair": ("Feet hip-width apart, the back to a wall if balance wavers. ", "to a wall"),
        "warrior-i": ("Feet wider apart side to side: room for the belly. ", "room for the belly"),
        "extended-side-angle": (
            "Forearm on the thigh, not the hand inside the foot: the belly is not squeezed. ",
            "forearm on the thigh",
        ),
        "triangle": ("Bottom hand to a block, the back body to a wall. ", "to a wall"),
        "high-lunge": ("Back knee down on a blanket, or a hand on a chair. ", "on a blanket"),
        "goddess": (
            "Hands on the thighs; rise out of the squat as soon as the legs tire. ",
            "legs tire",
        ),
        "tree": ("Beside a wall or a chair, a hand on it: the belly shifts the balance. ", "wall"),
        "eagle": ("Toes of the crossed leg on the floor, a hand on a wall. ", "wall"),
        "warrior-iii": ("Hands on a chair back, the back leg lifted only a little. ", "chair"),
        "half-moon": ("The back body to a wall, a block under the hand. ", "wall"),
        "standing-hand-to-big-toe": ("Lifted heel on a chair seat, a hand on a wall. ", "chair"),
        "halfway-lift": ("Feet wide, the hands on the thighs or blocks. ", "feet wide"),
        "wide-legged-forward-fold": (
            "Feet moderately wide, hands on blocks, the head above the hips; come up slowly. ",
            "head above the hips",
        ),
        "wide-angle-seated-forward-fold": (
            "Sit high on a blanket and lean onto a bolster between the legs. ",
            "sit high",
        ),
        "supine-hand-to-big-toe": (
            "Head and shoulders raised on a bolster, not flat. ",
            "raised on a bolster",
        ),
        "puppy": ("Knees wide so the belly has room, the forehead on a block. ", "knees wide"),
        "bound-angle": (
            "Sit tall on a blanket, the back to a wall, knees supported: no folding onto the "
            "belly. ",
            "sit tall",
        ),
        "garland": ("Sit on one or two blocks so the squat is supported. ", "blocks"),
        "low-lunge": (
            "Hands on blocks or the front thigh, the front foot a little wider. ",
            "wider",
        ),
        "lizard": ("Hands on blocks, the front foot wide: room for the belly. ", "front foot wide"),
        "happy-baby": ("Knees wide around the belly; keep it brief. ", "knees wide"),
        "fire-log": ("Sit tall; lean forward only as far as the belly has room. ", "sit tall"),
        "reclined-figure-four": BOTTOM_FOOT,
        "dragon-yin": ("Hands on blocks, the front foot wide, the lunge shallow. ", "foot wide"),
        "downward-facing-dog": (
            "Feet wider apart; hands to a wall if the belly is heavy. ",
            "wider",
        ),
        "knees-to-chest": ("Knees wide around the belly; keep it brief. ", "knees wide"),
        "three-legged-dog": ("Feet wider apart. ", "wider"),
        "skandasana": ("The bent knee shallow, hands on blocks or a chair. ", "shallow"),
        "revolved-head-to-knee": (
            "Legs wide, the side bend gentle and open to the belly. ",
            "wide",
        ),
        "deer-yin": UPRIGHT,
        "side-lying-savasana": ("On the left side, a bolster between the knees. ", "left side"),
    },
    Avoidance.KNEE_FRIENDLY: {
        # Its own text: the feet further from the hips.
        "supported-twist": ("Feet further from the hips. ", "feet further"),
        "warrior-i": FRONT_KNEE,
        "warrior-ii": FRONT_KNEE,
        "extended-side-angle": FRONT_KNEE,
        "reverse-warrior": FRONT_KNEE,
        "humble-warrior": FRONT_KNEE,
        "high-lunge": ("Front knee bent less, the back knee lifted. ", "front knee bent less"),
        "five-pointed-star": ("Knees soft, bent only a little if at all. ", "only a little"),
        # The knee's version, not the balance's: a chair would make the peak easier than the
        # balances before it (review r15 F18); the peak offers it as its easier way.
        "warrior-iii": ("A soft bend in the standing knee. ", "soft bend"),
        "half-moon": ("A micro-bend in the standing knee, a block under the hand. ", "micro-bend"),
        "bound-angle": ("Blocks under the knees. ", "under the knees"),
        "reclined-bound-angle": ("Blocks under the thighs. ", "under the thighs"),
        # Their own texts (review r14 F13, F19): never the foot on the knee, toes down as a
        # kickstand; the lifted leg's shin held, the knee bent; hands behind the thighs.
        "tree": (
            "The foot to the calf or inner thigh, never on the knee. ",
            "never on the knee",
        ),
        "standing-hand-to-big-toe": (
            "The standing knee soft, not locked; the lifted knee bent as it needs. ",
            "standing knee soft",
        ),
        "knees-to-chest": ("Hands behind the thighs, not over the shins. ", "behind the thighs"),
    },
    Avoidance.WRIST_FRIENDLY: {
        "half-moon": ("Fingertips light on a tall block. ", "fingertips"),
        "standing-split": ("Fingertips light on tall blocks. ", "fingertips"),
        "half-splits": ("Fingertips light on tall blocks. ", "fingertips"),
        "revolved-triangle": (
            "Bottom hand light on the front thigh. ",
            "light on the front thigh",
        ),
        "half-lord-of-the-fishes": FINGERTIPS_BEHIND,
        "marichyasana-c": FINGERTIPS_BEHIND,
        "pigeon-prep": (
            "Forearms on a bolster or blocks, not the hands on the floor. ",
            "forearms",
        ),
        "staff-pose": ("Fingertips light beside the hips. ", "fingertips"),
        "reclined-hero": RECLINE,
        "saddle-yin": RECLINE,
        "deer-yin": ("Hands resting on the thighs, no weight in them. ", "on the thighs"),
    },
    Avoidance.BACK_CARE: {
        # Its own text: the bolster raised so the spine turns only partway.
        "supported-twist": ("The bolster raised: the spine turns only partway. ", "partway"),
        "half-butterfly-side-bend-yin": SIDE_BEND_SMALL,
        "warrior-iii": ("The lifted leg low. ", "leg low"),
        "standing-hand-to-big-toe": (
            "Knee bent at hip height, or a strap, the spine tall. ",
            "spine tall",
        ),
        "halfway-lift": ("Knees bent, hands on the thighs. ", "on the thighs"),
        "supine-hand-to-big-toe": ("Lifted knee slightly bent, a strap around the foot. ", "strap"),
        "cobra": ("Keep the lift low. ", "lift low"),
        "sphinx": ("Elbows further forward for less bend. ", "elbows further forward"),
        # Its own text: lift only the chest or only the legs; the chest alone is the one a
        # class is led in (review r8 #2), the legs staying down.
        "locust": ("Lift the chest only, the legs stay down. ", "chest only"),
        "bridge": ("A folded blanket under the shoulders, the lift moderate. ", "blanket under"),
        "upward-plank": ("Stay in Reverse Tabletop, knees bent. ", "reverse tabletop"),
        "reclined-twist": ("A bolster under the knees; keep the twist gentle. ", "bolster under"),
        "thread-the-needle": ("Head on a block or cushion. ", "head on a block"),
        "bound-angle": SIT_TALL,
        "fire-log": SIT_TALL,
        "chair-figure-four": ("Sit tall, leaning only a little, the spine long. ", "sit tall"),
        "happy-baby": ("Hold the backs of the thighs, a folded blanket under the head. ", "backs"),
        "reclined-figure-four": BOTTOM_FOOT,
        "staff-pose": ("Sit on a folded blanket, knees bent a little. ", "folded blanket"),
        "plank": PLANK_KNEES,
        "chaturanga": CHATURANGA_KNEES,
        "childs-pose": ("Chest on a bolster lengthwise. ", "bolster"),
        "corpse": ("A bolster under the knees. ", "under the knees"),
        "frog": ("Belly drawn in, the chest on a bolster. ", "chest on a bolster"),
        "supported-fish": (
            "A bolster under the knees if the lower back pinches. ",
            "under the knees",
        ),
        "supported-bridge": LOW_BLOCK,
        # Its own modifications: a block or the shin under the hand; with back care the side
        # stays long rather than rounding to reach the floor (review r13 F3).
        "triangle": ("Hand on a block or the shin, the spine long: no rounding. ", "spine long"),
        # Its own text: the torso upright, the tailbone lengthening down, the hands resting on
        # the thighs; not overhead, where a reach tips back into the lower back (review r14).
        "goddess": (
            "Hands on the thighs, the torso upright, the tailbone long. ",
            "tailbone long",
        ),
    },
    Avoidance.OSTEOPOROSIS_SAFE: {
        "half-butterfly-side-bend-yin": SIDE_BEND_SMALL,
        # Lying flat with the head down: a strap keeps the head from lifting and the upper back
        # from curling to reach the foot (loaded flexion, r6 #11).
        "supine-hand-to-big-toe": (
            "A strap around the foot, the head resting: no curling up. ",
            "no curling",
        ),
        "gate": SIDE_BEND_TALL,
        "chair-side-bend": SIDE_BEND_TALL,
        "standing-side-bend": SIDE_BEND_TALL,
        "halfway-lift": (
            "Hinge with a long back, hands on the thighs or blocks; rise to standing. ",
            "long back",
        ),
        "reclined-figure-four": BOTTOM_FOOT,
        "bridge": (
            "Arms by the sides, the lift moderate, the weight on the shoulder blades. ",
            "moderate",
        ),
        "downward-facing-dog": (
            "Knees bent so the back stays long, the knees lowered onto a blanket to come out. ",
            "knees bent",
        ),
    },
    Avoidance.NO_INVERSIONS: {
        # Triangle, Half Moon, the arm balances and the balances tipped forward: head_level.py.
        # Over a bolster (restorative, pregnancy) the head already rests level with the heart.
        "childs-pose": ("Forehead on a block or bolster, level with the heart. ", "bolster"),
        "supported-bridge": LOW_BLOCK,
        # Its own text: the head on a block or cushion rather than the mat (r6 #14).
        "thread-the-needle": ("Head on a block or cushion, level with the heart. ", "level with"),
    },
}

for _choice, _poses in MORE_VERSIONS.items():  # padded knees, Three-Legged Dog (version_rules)
    VERSIONS[_choice] |= _poses
VERSIONS[Avoidance.NO_INVERSIONS] |= NO_INVERSIONS_VERSIONS  # the head level (head_level)
VERSIONS[STRAIGHT_KNEES] |= STRAIGHT_LEGS  # straight legs under load, knees spared (r16 F10)


def _said_of(poses: dict[str, tuple[str, str]]) -> dict[tuple[str, str], frozenset[str]]:
    """{(words, marker): the slugs taught with them}: a version shared by several poses once."""
    slugs: dict[tuple[str, str], set[str]] = {}
    for slug, version in poses.items():
        slugs.setdefault(version, set()).add(slug)
    return {version: frozenset(found) for version, found in slugs.items()}


# Every version as one list in the KIND_CUES shape, the kinds first.
AVOID_CUES = KIND_CUES + tuple(
    (choice, lambda card, slugs=slugs: card.slug in slugs, words, said)
    for choice, poses in VERSIONS.items()
    for (words, said), slugs in _said_of(poses).items()
)

# The support a long yin shape offers, from its own modifications (review r5 #7: a 4-minute
# Reclined Hero with none): said in a yin class on a shape held YIN_SUPPORT_FROM seconds or
# more. {slug: (words, words that show the cue says it)}.
YIN_SUPPORT_FROM = 180
HALF_SADDLE = (
    "Recline onto a bolster only as far as the knees and back stay easy, or Half Saddle (one "
    "leg). ",
    "half saddle",
)
YIN_SUPPORT: dict[str, tuple[str, str]] = {
    "reclined-hero": HALF_SADDLE,
    "saddle-yin": HALF_SADDLE,
    # Said as the peak's own line says the blanket ("back knee on a blanket"), so it is set
    # up once (set_ups).
    "dragon-yin": ("The back knee on a thick blanket, hands on blocks. ", "back knee on a"),
    "sleeping-swan-yin": ("A blanket under the front hip, the chest on a bolster. ", "front hip"),
    "shoelace-yin": (
        "Sit on a cushion; the lower leg straight (Half Shoelace) if a knee pulls. ",
        "cushion",
    ),
    "toe-squat-yin": (
        "Knees on a blanket, or sit on a block between the heels. ",
        "knees on a blanket",
    ),
    "dragonfly-yin": (
        "Sit higher, rolled blankets under the legs, the head on bolsters. ",
        "sit higher",
    ),
    "caterpillar-yin": ("Sit on a bolster, a rolled blanket under the knees. ", "rolled blanket"),
    "half-butterfly-yin": ("Sit higher, a rolled blanket under the straight knee. ", "sit higher"),
    "butterfly-yin": ("Sit on a bolster, blocks under the knees. ", "blocks under"),
    # Minutes on the forearms (review r8 #15's kind): a bolster under the chest takes the
    # weight off the shoulders once they tire.
    "sphinx": ("A bolster under the chest once the shoulders tire. ", "bolster under the chest"),
}

# All words this module puts on a step, for the quality bar to tell them from the reason.
WORDS = (
    tuple(dict.fromkeys(w for _, _, w, _ in AVOID_CUES))
    + tuple(dict.fromkeys(w for w, _ in YIN_SUPPORT.values()))
    + tuple(dict.fromkeys(w for kinds in LEVEL_KINDS.values() for _, w, _ in kinds))
    + REPLACING  # the pose's words a version changes, said its way (version_rules)
)

# Room left on a peak's cue for what reasons.settle says after the version (a gentle class's
# " Rest in Mountain between sides.").
SAID_AFTER = 40
# What opens a cue before the shape is set up: a yin rebound (done before it) and the round
# of a peak taken in rounds ("Round 1 of 3, 15 s."). The version follows them.
_PREAMBLE = re.compile(
    r"^(?:(?:Before this shape|After [^:]*), a rebound: [^.]*\. )?(?:Round 1 of \d+, \d+ s\. )?"
)
# A later round of a peak in rounds says how to go again; the first round said the version.
_AGAIN = re.compile(r"^Round (?!1 )\d+ of \d+")


def own_words(cue: str) -> str:
    """The cue without the rebound or round that opens it: what it says of this shape ("sit
    tall or lie on the side" after Dragonfly is not Bound Angle sitting tall)."""
    return _PREAMBLE.sub("", cue, count=1)


def again(cue: str) -> bool:
    """A later round of a peak taken in rounds: the first round said how to take it."""
    return bool(_AGAIN.match(cue))


def versions_for(card: PoseCard, avoid) -> list[tuple[str, str, str]]:
    """(choice, words, words that show the cue says them) for each choice in `avoid` this pose
    is taught for: the kind (KIND_CUES) where one applies, else the pose's own version."""
    found = []
    for choice, shape, words, said in AVOID_CUES:
        # A kind says it for the choice (Warrior II bent "only as far as" sore knees allow):
        # the pose's own version would say it twice.
        if choice in avoid and shape(card) and not any(c == choice for c, _, _ in found):
            found.append((choice, words, said))
    return found


def yin_support(card: PoseCard, *, style: str, hold: int) -> tuple[str, str] | None:
    """(words, marker) of the support a yin shape held YIN_SUPPORT_FROM seconds or more
    offers, or None."""
    if style != Style.YIN or hold < YIN_SUPPORT_FROM:
        return None
    return YIN_SUPPORT.get(card.slug)


def taught_for(draft, choices, told: set[tuple[str, str]]) -> None:
    """Say on the draft how its pose is taught for each of `choices.avoid` (AVOID_CUES) and
    the level (version_rules.LEVEL_KINDS) and, in yin, the support a long shape offers
    (YIN_SUPPORT), unless the cue already says it outside the peak's easier option (which
    then goes: the version is the way to take the pose):
    on every step held on its own, once in a flow that comes back to the pose and on the
    first round of a peak in rounds. `told` holds the (choice, slug) pairs already said,
    shared across a practice's drafts. The words go first, after a rebound; on the peak,
    after its "Peak:" line (`said_on`)."""
    card = draft.card
    # The pose's words a choice changes are said the way it is taught (version_rules.REPLACED).
    still = choices.style in STILL_STYLES and draft.hold >= LONG_HOLD and not draft.flow
    cue = replaced(draft.cue, card.slug, choices.avoid, still=False)
    changed = cue != draft.cue
    draft.cue = replaced(cue, card.slug, (), still=still)
    changed = changed or draft.cue != cue  # the easier option goes with the pose's words
    own = taught(own_words(draft.cue))
    added = again_words = ""
    once = draft.flow or again(draft.cue)
    chosen = versions_for(card, choices.avoid) + level_versions(card, choices.level)
    for avoided, words, said in chosen:
        # Said again where the step's own words would break the choice (Side Plank's "lower
        # the bottom knee" on the second side).
        if once and (avoided, card.slug) in told and not against(avoided, own):
            # With no inversions the head's height is said again on every side and round,
            # after what the step says of the side or round (head_level.reminder).
            again_words += reminder(avoided, card, own + added + again_words)
            # Under knee care a straight leg's knee on every side and pass (r17 F8).
            again_words += knees_again(avoided, card, own + added + again_words, draft.hold)
            continue
        told.add((avoided, card.slug))  # one version a choice (versions_for)
        if said not in (own + added).lower():
            added += version_merge.unsaid(words, own + added, earlier=added, marker=said)
    support = None if draft.flow else yin_support(card, style=choices.style, hold=draft.hold)
    if support and support[1] not in (own + added).lower():
        added += _unsaid(support[0], own + added)
    if added or changed:
        # The version is the way to take it: the peak's easier version goes (version_rules).
        draft.cue = taught(draft.cue)
    # A gentle class's strong standing pose has its rest between sides said after this; a
    # flow's step says none (rest_between), its room whole for the version and the shape.
    rests = rests_between(card, style=choices.style, flow=draft.flow)
    room = MAX_CUE_LENGTH - (SAID_AFTER if rests else 0)
    if added or draft.phase == "peak":
        draft.cue = said_on(draft.cue, added, peak=draft.phase == "peak", room=room)
    # Each prop set up once, the version's own words kept (set_ups).
    keep = tuple(said for _, _, said in chosen) + ((support[1],) if support else ())
    # In pregnancy the bolster is inclined: its set-up said where the cue first raises it.
    keep += ("raised on a block", "bolster propped on blocks") if choices.pregnant else ()
    draft.cue = one_set_up(draft.cue, keep=keep)
    draft.cue = with_option(draft.cue, card, choices.avoid, room=room)
    if again_words:
        draft.cue = said_after(draft.cue, again_words, room=room)
    # No claim of the stretch the version took away (review r15 F16).
    draft.cue = without_taken(draft.cue, card)


def said_after(cue: str, words: str, *, room: int = MAX_CUE_LENGTH) -> str:
    """The cue with `words` (a sentence) said after it, where a later side or round says again
    what its first said; first, cutting the cue, where the room runs out (`said_on`)."""
    cue = cue.rstrip()
    if cue and not cue.endswith((".", "!", "?")):
        cue += "."
    if len(cue) + 1 + len(words.strip()) > room:
        return said_on(cue, words, room=room)
    return f"{cue} {words.strip()}".strip()


def _unsaid(words: str, said: str) -> str:
    """`words` without the clauses `said` already has (two choices that both put the hands
    on a chair back say it once)."""
    return version_merge.unsaid(words, said)


def said_on(cue: str, words: str, *, peak: bool = False, room: int = MAX_CUE_LENGTH) -> str:
    """The cue with `words` said where a teacher says them: first, after a rebound (done
    before the shape) and the round of a peak in rounds; on the peak after its "Peak:"
    sentence, with anything else said before it (the pregnancy "Legs wide" of
    reasons.settle). Within `room` characters the version is kept whole: the peak sentence
    is shortened to what the peak is the most of, then the step's own reason is cut at a
    clause — the label names the step, then how to take it."""
    at = _PREAMBLE.match(cue).end()
    start = cue.find("Peak: ", at) if peak else -1
    if start < 0:
        if not words:
            return cue
        return cue[:at] + words + _cut(cue[at:], room - at - len(words))
    words = cue[at:start] + words
    if not words:
        return cue
    end = cue.find(". ", start)
    if end < 0:
        head, tail = cue[start:].rstrip() + " ", ""
    else:
        head, tail = cue[start : end + 2], cue[end + 2 :]
    credit = head.find("; ")
    # What follows the peak's sentence (why it is the peak, how long) goes before the words
    # after its "; " (a credit, or the easier version of a peak that says how to take it).
    if tail and at + len(head) + len(words) + len(tail) > room:
        tail = _cut(tail, room - at - len(head) - len(words))
        if at + len(head) + len(words) + len(tail) > room:
            tail = ""
    if at + len(head) + len(words) > room and credit > 0:
        head = head[:credit] + ". "
    return (cue[:at] + head + words + tail).rstrip()


def _cut(text: str, most: int) -> str:
    """`text` within `most` characters, cut at a clause (as the generator cuts a whole cue),
    or whole where it fits or no clause leaves a sentence worth saying."""
    if len(text) <= most:
        return text
    cut = max(text.rfind("; ", 0, most), text.rfind(". ", 0, most), text.rfind(", ", 0, most - 1))
    if cut < 20:
        return text
    return text[:cut] + "."
