"""Do a pose's caution tags say what its contraindications say, and fit its shape?

`caution_findings(fields)` takes a pose's fields as in a row of poses/content/poses.json and
returns what disagrees. It reads no database and no file, so the content tests, the admin and
the loader can all ask it. The rule, in three parts:

1. **A warning has its tag.** The contraindications are read clause by clause (split at ";"
   and at the end of a sentence). Each practitioner choice of `accounts.models.Avoidance` has
   a family of words (FAMILIES): knees, wrists, back and neck, pregnancy, osteoporosis, and
   blood pressure, eyes and heart. A clause that names a family and tells the practitioner to
   leave the pose or part of it out (WARNING_WORDS: "avoid", "skip", "leave ... out", "stop",
   "do not", "choose ... instead") is a warning: the pose must carry at least one of the tags
   that choice leaves out (`AVOIDANCE_CAUTIONS`), or the practitioner who chose it is given
   the pose its own text tells them to avoid. A clause that only offers a smaller version
   ("bend the front knee less with knee pain", "avoid long holds", "pad the knees") is a
   modification and needs no tag. A warning about blood pressure, the eyes or the heart needs
   `inversion`, `head_below_heart` or `breath_retention` (what no inversions leaves out);
   "rise slowly with low blood pressure" is a modification.
2. **A tag is explained by the text.** For every choice that leaves a tag out, the
   contraindications speak to that choice's family (a warning or a modification), so the
   practitioner who loses the pose can read why. Some tags need a warning, not only a
   modification (TAG_WARNED): `knee_load` leaves the pose out for sore knees, so its text
   tells sore knees to leave the pose, or the kneeling, out, and why; a pose whose knee line
   only bends the knee less or pads it (Chair, the lunges, a wall sit) is kept for them.
3. **The shape agrees with the tags** (SHAPE_RULES and `_shape_findings`): lying on the
   belly is `belly_pressure`; kneeling is `knee_load`; an arm balance is `wrist_load` and
   `fall_risk`; an inverted pose, and every pose of the inversion category, is `inversion`;
   lying on the back (not on the side) for minutes is `long_supine`; a breath pattern with a
   hold is `breath_retention`. The instructions and attributes say more (SHAPE_RULES): weight
   on the hands (on hands and feet, not the forearms, or the wrists under the shoulders in
   Tabletop) is `wrist_load`; a knee on the floor, sitting between the heels, the foot in
   Lotus or behind the calf, or Head-to-Knee's bent leg is `knee_load`; a seated core balance,
   or a spine left to round under its weight, is `spinal_flexion`; a backbend onto the head
   is `deep_backbend`; a core pose of intensity 3 or more is strong abdominal work,
   `not_in_pregnancy`. The kinds a teacher's review of generated practices found given to
   the wrong practitioner: the head below the heart (Downward Dog, Dolphin, the standing folds,
   a head that hangs or drops back onto its crown) is `head_below_heart`; a standing fold is
   `spinal_flexion`; a fold over the legs sitting, standing or kneeling is `spinal_flexion` or
   `spinal_rounding`, and `belly_pressure` unless the legs are wide; a spine rounded on
   purpose (Cat, both knees drawn to the chest) is `spinal_rounding` or `spinal_flexion`; a
   deep squat is `knee_load`, and standing (Garland) `spinal_flexion`; a twist lying or
   kneeling, turned by gravity, is `end_range_twist` or `spinal_rotation`; hands pressed into
   the floor, under the shoulders or on the heels are `wrist_load`. The other way round:
   `inversion` needs the body inverted or the legs raised up a wall, `fall_risk` a balance
   on the hands, forearms or head, `deep_backbend` the backbend category, `breath_retention`
   a hold in the breath pattern and `head_below_heart` the head low with the feet down. The
   usual hold lies inside the hold range; only passive poses have a long-hold range, of a
   minute or more. A warning says what to do ("take care with ..." does not).
   The kinds the third practice review and the blind read of the library under each avoid
   choice found: a twist sitting or standing upright is `spinal_rotation`; a twist levered
   against a bent knee, the foot held behind (Dancer, Bow) and a deep-squat entry (Firefly)
   are `knee_load` (a squat on both knees that can bend less, Chair or Goddess, is not: it
   is kept with "bend less", as the lunges are); a balance on one foot or a lifted back
   heel, a leg raised on the hands and one foot, one hand and the edge of one foot (Side
   Plank) or a deep lunge to the side (Skandasana) is `unsupported_balance` (and that tag
   needs such a shape); a backbend standing on one leg is `deep_backbend` (which the
   backbend category otherwise needs); a fold sitting, or a yin fold held for minutes, is
   `spinal_flexion`, and Child's Pose's fold over the thighs is a fold, its belly free only
   where the knees are wide enough; the splits are `sacroiliac_load`; the hips high over the
   knees with the head on the floor (Extended Puppy) is `head_below_heart`; palms on the
   floor under a kneeling or standing body, the hands propping the back upside down, or
   leaning back onto the hands, are `wrist_load`; a passive inner-thigh stretch held for
   minutes with the legs wide (Dragonfly) is `not_in_pregnancy`. The second read: lying on
   the back with the thighs drawn to the chest or beside the ribs is `belly_pressure`, unless
   the text takes the knees wide around the belly or keeps the bottom foot down in pregnancy.
   Every fold over the legs but the restorative rest over the thighs (Child's Pose) is
   `spinal_flexion`, kneeling (Half Splits) or over the front shin (Pigeon) as well.
"""

import re
from dataclasses import dataclass

from accounts.models import Avoidance
from poses.models import AVOIDANCE_CAUTIONS, Category, Caution, Effort, Kind, Position


@dataclass(frozen=True)
class Finding:
    """One disagreement: `rule` is stable (allow-lists key on it), `message` says what to do."""

    rule: str
    message: str


@dataclass(frozen=True)
class Family:
    """The words by which contraindications speak to one practitioner choice.

    `about`: what the words are about, for messages; `parts`: body words in a condition such
    as "with knee, hip or balance problems" or "any pain in the front knee"; `words`: words
    that name the family on their own; `warning`: a phrase that is a warning of this family by
    itself; `warns`: whether a warning needs one of the choice's tags.
    """

    name: str
    avoidance: str
    about: str
    parts: frozenset = frozenset()
    words: str = ""
    warning: str = ""
    warns: bool = True

    @property
    def tags(self) -> frozenset:
        """The tags of which a warned pose needs at least one."""
        return AVOIDANCE_CAUTIONS[self.avoidance]


FAMILIES = (
    Family(
        "knees",
        Avoidance.KNEE_FRIENDLY,
        "the knees",
        parts=frozenset({"knee", "knees"}),
        words=r"\bkneel(?:ing)?\b|\bsensitive knees?\b|\bknees? (?:is|are) sensitive\b",
    ),
    Family(
        "wrists",
        Avoidance.WRIST_FRIENDLY,
        "the wrists",
        parts=frozenset({"wrist", "wrists"}),
        words=r"\bcarpal tunnel\b",
    ),
    Family(
        "back",
        Avoidance.BACK_CARE,
        "the back and neck",
        parts=frozenset({"back", "low-back", "lower-back", "spine", "neck", "disc", "sacroiliac"}),
        words=r"\bdiscs?\b|\bsacroiliac\b|\bsciatica\b|\bspondylolisthesis\b"
        r"|\bneck is sensitive\b|\bsensitive neck\b",
    ),
    Family("pregnancy", Avoidance.PREGNANCY_SAFE, "pregnancy", words=r"\bpregnan\w*"),
    Family(
        "osteoporosis",
        Avoidance.OSTEOPOROSIS_SAFE,
        "osteoporosis",
        words=r"\bosteopor\w*|\bosteopenia\b|\bbone density\b",
    ),
    Family(
        "circulation",
        Avoidance.NO_INVERSIONS,
        "blood pressure, the eyes and the heart",
        words=r"\bblood pressure\b|\bhypertension\b|\bglaucoma\b|\bretina\b|\beye surgery\b"
        r"|\beye conditions?\b|\bheart (?:conditions?|disease|problems?)\b",
    ),
)
FAMILY_OF_AVOIDANCE = {family.avoidance: family for family in FAMILIES}
FAMILY_NAMED = {family.name: family for family in FAMILIES}

# What the contraindications must also name for a tag whose family says too little on its
# own: "in pregnancy" explains lying on the belly only where the belly is named.
TAG_WORDS = {
    Caution.BELLY_PRESSURE: r"\bbelly\b|\babdom\w*",
    Caution.CLOSED_TWIST: r"\btwist\w*",
    Caution.LONG_SUPINE: r"\bon (?:your|the) back\b|\blying flat\b|\bsupine\b",
    Caution.NECK_LOAD: r"\bneck\b|\bhead\b",
    Caution.SPINAL_FLEXION: r"\bround\w*|\bfold\w*|\bdiscs?\b",
    Caution.SPINAL_ROTATION: r"\btwist\w*|\brotat\w*",
    Caution.SPINAL_ROUNDING: r"\bround\w*|\bflex\w*|\bfold\w*",
    Caution.END_RANGE_TWIST: r"\btwist\w*|\brotat\w*",
    Caution.HEAD_BELOW_HEART: r"\bhead\b",
    Caution.UNSUPPORTED_BALANCE: r"\bbalanc\w*|\bfall\b|\bwall\b|\bchair\b",
    Caution.SACROILIAC_LOAD: r"\bsacroiliac\b|\bpelvis\b",
}
# Tags the text must warn about, not only mention: "not in pregnancy" needs a pregnancy warning.
# "knee_load" needs a knee warning: "pad the knees" alone tells a sore knee the pose is fine
# padded, yet knee-friendly practice leaves it out.
TAG_WARNED = {Caution.NOT_IN_PREGNANCY: "pregnancy", Caution.KNEE_LOAD: "knees"}
# Tags that need a shape: a fall is a risk only balancing on the hands, forearms or head.
FALL_POSITIONS = frozenset({Position.ARM_BALANCE, Position.INVERTED})

# Words that tell the practitioner to leave the pose, or a part of it, out.
WARNING_WORDS = (
    r"\bavoid\b(?!\s+(?:long\b|holding\b))|\bskip\b|\bleave\b[^;]*\bout\b|\bomit\b"
    r"|\bnot advised\b|\bdo not\b|\bdon't\b|\bstop\b|\binstead\b(?!\s+of\b)"
)
VAGUE_WORDS = r"\btake care\b|\bbe careful\b|\buse caution\b"
_CONDITION = r"(?:injur(?:y|ies)|pain|problems?|strain|discomfort|sensitivity|trouble)"
# "with knee, hip or balance problems": the body words before a condition.
_CONDITION_LIST = re.compile(
    r"((?:[a-z-]+(?:,\s*or\s+|,\s*and\s+|,\s*|\s+or\s+|\s+and\s+))*[a-z-]+)\s+" + _CONDITION
)
# "any pain in the front knee".
_CONDITION_IN = re.compile(_CONDITION + r"\s+(?:in|of)\s+the\s+(?:[a-z-]+\s+)?([a-z-]+)")
_LEGS_RAISED = re.compile(
    r"\blegs?\b[^.;]{0,40}\bup (?:a|the) wall\b"
    r"|\b(?:hips and )?legs (?:are )?(?:held |raised )?above the (?:head|heart)\b"
)
# A torso resting on a bolster raised at the head end slopes up: not lying flat on the back.
_INCLINED = re.compile(r"\btorso slopes\b|\binclined\b")
_SIDE_LYING = re.compile(
    r"\bside-lying\b|\b(?:lie|lying|rest|resting) on (?:your|the|one) (?:left |right )?side\b"
)
_CLAUSES = re.compile(r";|\.(?:\s+|$)")
# Weight on the hands in Tabletop, the base of Cat-Cow, Balancing Table, Thread the Needle.
_WRISTS_UNDER_SHOULDERS = re.compile(r"\bwrists? (?:directly )?under (?:your|the) shoulders\b")
_ON_THE_FOREARMS = re.compile(r"\bforearms?\b")
# The hands pressed into the floor or bearing weight (Cobra's hands under the shoulders, the
# hands on the heels in Camel), whatever the position.
_WEIGHT_ON_THE_HANDS = re.compile(
    r"\bpress\w* (?:\w+ ){0,2}(?:into|through) (?:your|the|both) (?:\w+ )?(?:palms|hands?)\b"
    r"|\bweight (?:\w+ ){0,3}(?:in|into|on|with) (?:your|the) hands\b"
    r"|\bhands? (?:\w+ ){0,5}(?:to|on) (?:your|the) heels\b"
    r"|\bplace (?:your|the) hands (?:beneath|under) (?:your|the) shoulders\b"
    r"|\b(?:stay|rest|balance) on (?:your|the|both) hands\b"
    r"|\blean\w* back onto (?:your|the|both) hands\b"
)
# A step that puts weight on the hands only for wrists that are well, and gives the others
# their way in the same step (Camel: "If your wrists and back are comfortable, reach back to
# your heels...; otherwise keep your hands on your lower back"): the pose as given spares them.
_ONLY_FOR_WELL_WRISTS = re.compile(
    r"\bif (?:your )?(?:\w+ and )?wrists?(?: and \w+)? (?:are|is) (?:comfortable|well)\b"
    r"[^.]*\botherwise\b"
)
# A knee that bears weight or bends deeply, wrapped or turned: on the floor (lowered or slid
# back), sitting between the heels (Hero), the foot in the hip crease (Lotus), the foot hooked
# behind the calf (Eagle).
_KNEE_SHAPES = re.compile(
    r"\b(?:left|right|back|both) knees? (?:to the floor|back)\b|\bkneecaps? facing down\b"
    r"|\bbetween (?:or on )?(?:your|the) heels\b"
    r"|\bhip crease\b|\bcrease of (?:your|the) (?:left |right )?hip\b"
    r"|\bfoot behind (?:your|the) (?:left |right )?calf\b"
    r"|\bbend (?:your|both) knees deeply\b"
)
# Head-to-Knee's bent leg, sitting: the shin turned out, the knee bent to its end (Tree stands).
_SOLE_TO_INNER_THIGH = re.compile(
    r"\bsole of (?:your|the) (?:left |right )?foot (?:against|to|on) (?:your|the) inner "
    r"(?:left |right )?thigh\b"
)
# Rounding under load: the spine left to hang round for minutes (yin folds), or crunches.
_SPINE_LEFT_TO_ROUND = re.compile(
    r"\b(?:let|letting|allow|allowing) (?:your|the) spine (?:to )?round\b|\bcrunch\w*"
)
# The spine taken round on purpose: Cat, Seated Cat-Cow, Crow's upper back; both knees drawn to
# the chest lying down (Knees-to-Chest, Happy Baby), which rolls the pelvis and rounds the low back.
_ROUNDS_THE_SPINE = re.compile(
    r"\bround (?:your|the) (?:upper |lower )?(?:spine|back)\b"
    r"|\b(?:draw|bend|pull) (?:both |your )?knees (?:in)?to(?:ward)? (?:your|the) chest\b"
)
# A squat with the hips sunk low (Garland), or an arm balance entered from one (Crow).
_DEEP_SQUAT = re.compile(r"\bdeep squat\b|(?:^|\. )squat\b")
# The head hanging low with the feet down: named, hanging, or dropped back onto the crown.
_HEAD_LOW = re.compile(
    r"\bhead (?:\w+ ){0,3}below (?:the|your) heart\b"
    r"|\bhead (?:and (?:\w+ )?\w+ )?hangs? toward the floor\b"
    r"|\bcrown of (?:your|the) head (?:lightly )?on the floor\b|\bhead release back\b"
)
# On the feet or hands, a hanging head hangs below the heart (sitting, it hangs to the knees).
_HEAD_HANGS = re.compile(r"\bhead (?:and (?:\w+ )?\w+ )?hangs?\b")
_ON_THE_FEET = (Position.STANDING, Position.HANDS_AND_FEET)
_FLAT_BACK = re.compile(r"\bflat back\b")
# Legs wide apart leave the belly room between them (Wide-Legged Forward Fold, Dragonfly).
_LEGS_WIDE = re.compile(r"\bwide\b")
# Folding the torso down over the legs, feet or thighs (Butterfly, Shoelace, Pigeon, Swan),
# or between the thighs kneeling (Child's Pose: the spine rounds over the knees).
_FOLDS_OVER_THE_LEGS = re.compile(
    r"\b(?:fold\w*|round\w*) (?:\w+ ){0,3}over (?:your|the) (?:\w+ )?"
    r"(?:legs?|thighs?|knees?|feet|shins?)\b|\bspine round\w* forward\b"
    r"|\bforward (?:bend|fold)\b|\bfold forward onto\b"
    r"|\btorso folded forward\b|\bfold\w* (?:your|the) torso (?:down|forward)\b"
    r"|\btorso forward over\b"
)
# Knees wide enough for the belly to rest between the thighs (Child's Pose as taught here).
_BELLY_BETWEEN_THE_THIGHS = re.compile(r"\bbelly to rest between (?:the|your) thighs\b")
# Lying on the back with the thighs drawn to the chest or beside the ribs (Happy Baby,
# Knees-to-Chest, Reclined Figure Four's option): the thighs press on the belly, unless the
# text takes the knees wide around it or keeps the bottom foot down in pregnancy.
_THIGHS_TO_THE_CHEST = re.compile(
    r"\bknees? (?:in)?to(?:ward)? (?:your |the )?(?:chest|armpits)\b"
    r"|\bknees toward the floor beside (?:your|the) ribs\b"
    r"|\bdraw (?:it|them|the thighs?|your (?:left |right )?thighs?) toward your chest\b"
)
_ROOM_FOR_THE_BELLY = re.compile(
    r"\b(?:wide|to the side) (?:around|of|beside) the belly\b"
    r"|\bin pregnancy keep the bottom foot (?:on the floor|down)\b"
)
# A twist carried upright, sitting or standing: the spine turns under the torso's weight.
_LOADED_TWIST_POSITIONS = frozenset({Position.SEATED, Position.STANDING})
# A twist levered by the arm against a bent knee or thigh (Marichyasana C, Revolved Chair,
# Twisted Crescent Lunge): the knee takes the lever's force while it is bent.
_LEVERED_AGAINST_THE_KNEE = re.compile(
    r"\b(?:arm|elbow) (?:on or )?outside (?:your|the) (?:right|left|front) (?:knee|thigh)\b"
    r"|\belbow hooks outside (?:your|the) (?:\w+ )?knee\b"
)
# The foot held to the buttock standing (Dancer): the knee bent to its end and pulled.
_FOOT_HELD_BEHIND = re.compile(
    r"\bbend (?:your )?(?:right|left) knee and hold (?:the inside of )?(?:your )?"
    r"(?:right|left) (?:foot|ankle)\b"
    r"|\bbend your knees,? reaching back to hold (?:the outsides of )?your ankles\b"
)
# The hands propping the back under the body's weight, upside down (Shoulder Stand, Plough).
_HANDS_PROP_THE_BACK = re.compile(
    r"\bsupport\w* (?:your|the) (?:lower |upper |middle )?back with (?:your|the|both) hands\b"
)
# Kneeling with the hips high over the knees and the head down on the floor (Extended Puppy).
# The hips lifted over the knees with the chin lowered to the floor (Knees-Chest-Chin) too.
_HIPS_HIGH = re.compile(r"\bhips (?:stacked |lifted )?(?:above|over) (?:your|the) knees\b")
_HEAD_DOWN = re.compile(
    r"\b(?:forehead|chin)(?: or (?:forehead|chin))? (?:on|to) the (?:mat|floor)\b"
)
# The legs pulling the pelvis apart at their end range (Monkey Pose).
_SPLITS = re.compile(r"\bone leg extended forward and the other back\b")
# Standing on one foot with a leg raised, or on the ball of a back foot with the heel lifted.
# On one hand and the outer edge of one foot (Side Plank, Wild Thing), or a deep lunge to the
# side whose weight shifts over one foot (Skandasana): a sideways fall onto the hip or wrist.
_ONE_FOOT_OR_LIFTED_HEEL = re.compile(
    r"\bheel lifted\b|\bball of the back foot\b|\bone-legged\b"
    r"|\b(?:one|other) leg lifted\b|\blift your (?:right|left) leg\b"
    r"|\bouter edge of (?:your|one) (?:left |right )?foot\b|\blunge to the side\b"
)
_BACKBEND = re.compile(r"\bbackbend\b")
# Legs or knees wide: a passive stretch of the inner thighs (Dragonfly).
_INNER_THIGHS_WIDE = re.compile(r"\blegs wide\b|\bknees wide apart\b")
# Palms flat under the weight of a kneeling or standing body, or pressing to lift the elbows
# (Extended Puppy).
_HANDS_ON_THE_FLOOR = re.compile(
    r"\b(?:place|put|plant|placing) (?:both |your )?(?:hands|palms) (?:flat )?on the floor\b"
    r"|\bhands on (?:the floor or on blocks|blocks or the floor)\b"
    r"|\barms active with the elbows lifted\b"
)
# Positions where gravity or the body's weight, not the muscles, turns a twist.
_RESTING_POSITIONS = frozenset(
    {Position.SUPINE, Position.KNEELING, Position.PRONE, Position.SIDE_LYING}
)
# From this intensity on, core work is the strong abdominal work pregnancy leaves out.
STRONG_CORE_INTENSITY = 3

# What each position, category or instruction implies, as (rule, applies, tag, message).
SHAPE_RULES = (
    (
        "prone_without_belly_pressure",
        lambda f: f.get("position") == Position.PRONE,
        Caution.BELLY_PRESSURE,
        "lies on the belly",
    ),
    (
        "kneeling_without_knee_load",
        lambda f: f.get("position") == Position.KNEELING,
        Caution.KNEE_LOAD,
        "rests weight on the knees",
    ),
    (
        "arm_balance_without_wrist_load",
        lambda f: f.get("position") == Position.ARM_BALANCE,
        Caution.WRIST_LOAD,
        "balances on the hands",
    ),
    (
        "arm_balance_without_fall_risk",
        lambda f: f.get("position") == Position.ARM_BALANCE,
        Caution.FALL_RISK,
        "balances on the hands",
    ),
    (
        "inverted_without_inversion",
        lambda f: f.get("position") == Position.INVERTED,
        Caution.INVERSION,
        "is inverted",
    ),
    (
        "inversion_category_without_inversion",
        lambda f: f.get("category") == Category.INVERSION,
        Caution.INVERSION,
        "is in the inversion category",
    ),
    (
        "long_supine_missing",
        lambda f: (
            f.get("position") == Position.SUPINE
            and _held_for_minutes(f)
            and not _side_lying(f)
            and not _INCLINED.search(_name_and_description(f))
        ),
        Caution.LONG_SUPINE,
        "is held lying on the back for minutes",
    ),
    (
        "breath_retention_missing",
        lambda f: _holds_the_breath(f),
        Caution.BREATH_RETENTION,
        "holds the breath (its breath pattern has a hold)",
    ),
    (
        "hands_and_feet_without_wrist_load",
        lambda f: f.get("position") == Position.HANDS_AND_FEET and not _on_the_forearms(f),
        Caution.WRIST_LOAD,
        "bears weight on the hands (on hands and feet, not on the forearms)",
    ),
    (
        "tabletop_without_wrist_load",
        lambda f: bool(_WRISTS_UNDER_SHOULDERS.search(_instructions(f))),
        Caution.WRIST_LOAD,
        "rests weight on the hands, the wrists under the shoulders",
    ),
    (
        "weight_on_the_hands_without_wrist_load",
        lambda f: _weight_on_the_hands(f),
        Caution.WRIST_LOAD,
        "bears weight on the hands, the wrists bent back",
    ),
    (
        "knee_shape_without_knee_load",
        lambda f: _knee_shape(f),
        Caution.KNEE_LOAD,
        "rests a knee on the floor, or bends it deeply, wrapped or turned",
    ),
    (
        "seated_core_without_spinal_flexion",
        lambda f: f.get("category") == Category.CORE and f.get("position") == Position.SEATED,
        Caution.SPINAL_FLEXION,
        "balances on the sitting bones with the legs lifted, where the lower back rounds "
        "under load",
    ),
    (
        "rounding_without_spinal_flexion",
        lambda f: bool(_SPINE_LEFT_TO_ROUND.search(_instructions(f))),
        Caution.SPINAL_FLEXION,
        "lets the spine round under load",
    ),
    (
        "backbend_on_the_head_without_deep_backbend",
        lambda f: (
            f.get("category") == Category.BACKBEND
            and Caution.NECK_LOAD in (f.get("cautions") or ())
        ),
        Caution.DEEP_BACKBEND,
        "arches back onto the head (Fish or Wheel on the crown), an end-range backbend",
    ),
    (
        "standing_fold_without_spinal_flexion",
        lambda f: f.get("position") == Position.STANDING and _head_low(f),
        Caution.SPINAL_FLEXION,
        "folds forward standing, the head below the heart: the spine bends under the torso's "
        "weight",
    ),
    (
        "fold_without_spinal_rounding",
        lambda f: _folds_over_the_legs(f),
        (Caution.SPINAL_FLEXION, Caution.SPINAL_ROUNDING),
        "folds the torso over the legs, where the spine rounds",
    ),
    (
        "rounding_without_spinal_rounding",
        lambda f: bool(_ROUNDS_THE_SPINE.search(_instructions(f))),
        (Caution.SPINAL_FLEXION, Caution.SPINAL_ROUNDING),
        "rounds the spine (the instructions say so)",
    ),
    (
        "deep_squat_without_knee_load",
        lambda f: _deep_squat(f),
        Caution.KNEE_LOAD,
        "sinks into a deep squat, the knees bent to their end under the body's weight",
    ),
    (
        "deep_squat_without_spinal_flexion",
        lambda f: f.get("position") == Position.STANDING and _deep_squat(f),
        Caution.SPINAL_FLEXION,
        "sinks into a deep squat, where the pelvis tucks and the lower back rounds under load",
    ),
    (
        "resting_twist_without_end_range_twist",
        lambda f: f.get("category") == Category.TWIST and f.get("position") in _RESTING_POSITIONS,
        (Caution.END_RANGE_TWIST, Caution.SPINAL_ROTATION),
        "twists lying or kneeling, where gravity and the body's weight take the spine to the "
        "end of its turn",
    ),
    (
        "head_low_without_head_below_heart",
        lambda f: _head_low(f),
        (Caution.HEAD_BELOW_HEART, Caution.INVERSION),
        "takes the head below the heart",
    ),
    (
        "fold_over_the_legs_without_belly_pressure",
        lambda f: (
            _folds_over_the_legs(f)
            and not _LEGS_WIDE.search(_name_and_description(f))
            and not _BELLY_BETWEEN_THE_THIGHS.search(_instructions(f))
        ),
        Caution.BELLY_PRESSURE,
        "folds the torso onto the legs, which presses on the belly",
    ),
    (
        "loaded_twist_without_spinal_rotation",
        lambda f: (
            f.get("category") == Category.TWIST and f.get("position") in _LOADED_TWIST_POSITIONS
        ),
        Caution.SPINAL_ROTATION,
        "twists sitting or standing upright, where the spine turns under the torso's weight "
        "and tends to slump into a loaded, rounded rotation",
    ),
    (
        "levered_twist_without_knee_load",
        lambda f: (
            f.get("category") == Category.TWIST
            and bool(_LEVERED_AGAINST_THE_KNEE.search(_name_description_and_instructions(f)))
        ),
        Caution.KNEE_LOAD,
        "levers a twist against a bent knee, which takes the force while it is bent",
    ),
    (
        "foot_held_behind_without_knee_load",
        lambda f: bool(_FOOT_HELD_BEHIND.search(_instructions(f))),
        Caution.KNEE_LOAD,
        "holds the foot behind, the knee bent to its end and pulled",
    ),
    (
        "one_foot_without_unsupported_balance",
        lambda f: _on_one_foot(f),
        Caution.UNSUPPORTED_BALANCE,
        "balances on one foot or a lifted back heel with nothing to hold",
    ),
    (
        "standing_backbend_without_deep_backbend",
        lambda f: _standing_backbend(f),
        Caution.DEEP_BACKBEND,
        "arches the back standing on one leg, a loaded backbend",
    ),
    (
        "wide_passive_stretch_without_not_in_pregnancy",
        lambda f: (
            f.get("effort") == Effort.PASSIVE
            and f.get("long_hold_min_seconds") is not None
            and f.get("category") != Category.RESTORATIVE
            and bool(_INNER_THIGHS_WIDE.search(_name_and_description(f)))
        ),
        Caution.NOT_IN_PREGNANCY,
        "stretches the inner thighs passively for minutes, the legs or knees wide, which "
        "strains the pubic symphysis in pregnancy",
    ),
    (
        "hands_on_the_floor_without_wrist_load",
        lambda f: (
            f.get("position") in (Position.KNEELING, Position.STANDING)
            and bool(_HANDS_ON_THE_FLOOR.search(_instructions(f)))
        ),
        Caution.WRIST_LOAD,
        "bears weight on the palms on the floor; tag it, or put the fingertips on blocks or "
        "the hands on the thigh",
    ),
    (
        "seated_fold_without_spinal_flexion",
        lambda f: (
            f.get("position") == Position.SEATED
            and _folds_over_the_legs(f)
            and (f.get("category") == Category.FORWARD_FOLD or _held_passively_for_minutes(f))
        ),
        Caution.SPINAL_FLEXION,
        "folds over the legs sitting, where tight hamstrings round the lower back under the "
        "torso's weight (or gravity rounds it for minutes in a yin hold)",
    ),
    (
        "loaded_fold_without_spinal_flexion",
        lambda f: _folds_over_the_legs(f) and f.get("category") != Category.RESTORATIVE,
        Caution.SPINAL_FLEXION,
        "folds the torso over the legs under its weight (over a straight leg kneeling, as in "
        "Half Splits, or over the front shin, as in Pigeon), where the lower back rounds; "
        "only Child's Pose's rest over the thighs is spinal_rounding alone",
    ),
    (
        "hands_prop_the_back_without_wrist_load",
        lambda f: (
            f.get("position") == Position.INVERTED
            and bool(_HANDS_PROP_THE_BACK.search(_instructions(f)))
        ),
        Caution.WRIST_LOAD,
        "props the back on the hands upside down, the wrists bent back under the body's weight",
    ),
    (
        "splits_without_sacroiliac_load",
        lambda f: bool(_SPLITS.search(_name_and_description(f))),
        Caution.SACROILIAC_LOAD,
        "pulls the pelvis apart at the end of both legs' range",
    ),
    (
        "thighs_to_the_belly_without_belly_pressure",
        lambda f: (
            f.get("position") == Position.SUPINE
            and bool(_THIGHS_TO_THE_CHEST.search(_instructions(f)))
            and not _ROOM_FOR_THE_BELLY.search(
                _instructions(f) + " " + (f.get("contraindications") or "")
            )
        ),
        # Held flat on the back for minutes, pregnancy leaves it out already.
        (Caution.BELLY_PRESSURE, Caution.LONG_SUPINE),
        "draws the thighs to the chest lying on the back, pressing on the belly; tag it, or "
        "take the knees wide around the belly (or the bottom foot down) in pregnancy",
    ),
    (
        "strong_core_without_not_in_pregnancy",
        lambda f: (
            f.get("category") == Category.CORE
            and (f.get("intensity") or 0) >= STRONG_CORE_INTENSITY
        ),
        Caution.NOT_IN_PREGNANCY,
        "is strong abdominal work (a core pose of intensity 3 or more)",
    ),
)


def caution_findings(fields: dict) -> list[Finding]:
    """What disagrees between a pose's tags, its contraindications and its shape."""
    cautions = list(fields.get("cautions") or ())
    tags = set(cautions)
    findings = [
        Finding("unknown_caution", f"Unknown caution “{tag}”; use {', '.join(Caution.values)}.")
        for tag in cautions
        if tag not in Caution.values
    ]
    clauses = _clauses(fields.get("contraindications") or "")
    findings += _warnings_without_tags(clauses, tags)
    findings += _tags_not_explained(clauses, tags)
    findings += _vague_warnings(clauses)
    findings += _shape_findings(fields, tags)
    findings += _hold_findings(fields)
    return findings


# --- reading the text ------------------------------------------------------------------


@dataclass(frozen=True)
class _Clause:
    text: str
    named: frozenset  # the families the clause speaks to
    warned: frozenset  # the families it tells to leave the pose, or part of it, out


def _clauses(text: str) -> list[_Clause]:
    clauses = []
    for part in _CLAUSES.split(text.lower()):
        part = part.strip()
        if not part:
            continue
        named = frozenset(f.name for f in FAMILIES if _names(f, part))
        special = frozenset(f.name for f in FAMILIES if f.warning and re.search(f.warning, part))
        warned = special | (named if re.search(WARNING_WORDS, part) else frozenset())
        clauses.append(_Clause(part, named | special, warned))
    return clauses


def _names(family: Family, clause: str) -> bool:
    if family.words and re.search(family.words, clause):
        return True
    if not family.parts:
        return False
    parts = set()
    for match in _CONDITION_LIST.finditer(clause):
        parts.update(re.split(r",\s*or\s+|,\s*and\s+|,\s*|\s+or\s+|\s+and\s+", match.group(1)))
    parts.update(match.group(1) for match in _CONDITION_IN.finditer(clause))
    return bool(parts & family.parts)


def _warnings_without_tags(clauses: list[_Clause], tags: set) -> list[Finding]:
    findings, seen = [], set()
    for clause in clauses:
        for family in FAMILIES:
            if family.name not in clause.warned or not family.warns or family.name in seen:
                continue
            if tags & family.tags:
                continue
            seen.add(family.name)
            findings.append(
                Finding(
                    f"warning_without_tag:{family.name}",
                    f"The contraindications say “{clause.text}”, but no caution leaves the pose "
                    f"out of {Avoidance(family.avoidance).label.lower()} practice; add one of "
                    f"{', '.join(sorted(family.tags))}, or offer a modification instead.",
                )
            )
    return findings


def _tags_not_explained(clauses: list[_Clause], tags: set) -> list[Finding]:
    named = frozenset().union(*(clause.named for clause in clauses))
    warned = frozenset().union(*(clause.warned for clause in clauses))
    text = "; ".join(clause.text for clause in clauses)
    findings = []
    for tag in sorted(tags & set(Caution.values)):
        unexplained = [
            FAMILY_OF_AVOIDANCE[avoidance]
            for avoidance, left_out in AVOIDANCE_CAUTIONS.items()
            if tag in left_out and FAMILY_OF_AVOIDANCE[avoidance].name not in named
        ]
        if tag in TAG_WORDS and not re.search(TAG_WORDS[tag], text):
            findings.append(
                Finding(
                    f"tag_not_explained:{tag}",
                    f"“{tag}” ({Caution(tag).label.lower()}) is not named by the "
                    "contraindications; say what the pose asks of the body, or remove the tag.",
                )
            )
        elif tag in TAG_WARNED and TAG_WARNED[tag] not in warned:
            findings.append(
                Finding(
                    f"tag_not_explained:{tag}",
                    f"“{tag}” needs the contraindications to advise leaving the pose, or the "
                    f"part of it that asks this, out for {FAMILY_NAMED[TAG_WARNED[tag]].about}, "
                    "and say why; a line that only makes the pose smaller keeps it.",
                )
            )
        elif unexplained:
            choices = " or ".join(Avoidance(f.avoidance).label.lower() for f in unexplained)
            findings.append(
                Finding(
                    f"tag_not_explained:{tag}",
                    f"“{tag}” leaves the pose out of {choices} practice, but the "
                    "contraindications do not say why; say what the pose asks of "
                    f"{' and '.join(f.about for f in unexplained)}, or remove the tag.",
                )
            )
    return findings


def _vague_warnings(clauses: list[_Clause]) -> list[Finding]:
    return [
        Finding(
            "vague_warning",
            f"“{clause.text}” does not say what to do: avoid, pad, support or make it smaller.",
        )
        for clause in clauses
        if re.search(VAGUE_WORDS, clause.text)
    ]


# --- the shape ---------------------------------------------------------------------------


def _instructions(fields: dict) -> str:
    return " ".join(fields.get("instructions") or ()).lower()


def _name_and_description(fields: dict) -> str:
    return " ".join([fields.get("name_en") or "", fields.get("description") or ""]).lower()


def _held_passively_for_minutes(fields: dict) -> bool:
    return (
        fields.get("effort") == Effort.PASSIVE and fields.get("long_hold_min_seconds") is not None
    )


def _name_description_and_instructions(fields: dict) -> str:
    return f"{_name_and_description(fields)} {_instructions(fields)}"


def _on_one_foot(fields: dict) -> bool:
    """A standing balance, a lunge on the ball of the back foot, or a leg raised on the hands
    and one foot (Three-Legged Dog); a seated or kneeling balance falls from no height."""
    if fields.get("position") not in _ON_THE_FEET:
        return False
    standing_balance = (
        fields.get("category") == Category.BALANCE and fields.get("position") == Position.STANDING
    )
    return standing_balance or bool(
        _ONE_FOOT_OR_LIFTED_HEEL.search(_name_description_and_instructions(fields))
    )


def _standing_backbend(fields: dict) -> bool:
    """A pose standing that its description calls a backbend (Dancer)."""
    return fields.get("position") == Position.STANDING and bool(
        _BACKBEND.search(_name_and_description(fields))
    )


def _head_low(fields: dict) -> bool:
    """Downward Dog and the standing folds (not Halfway Lift's flat back), or a text that
    lets the head hang or drop back. Inverted poses are `inversion` instead."""
    if fields.get("position") == Position.INVERTED:
        return False
    description = _name_and_description(fields)
    text = f"{description} {_instructions(fields)}"
    on_the_feet = fields.get("position") in _ON_THE_FEET
    folding = (
        fields.get("category") == Category.FORWARD_FOLD
        and on_the_feet
        and not _FLAT_BACK.search(description)
    )
    hanging = on_the_feet and bool(_HEAD_HANGS.search(text))
    hips_high = (
        fields.get("position") == Position.KNEELING
        and bool(_HIPS_HIGH.search(text))
        and bool(_HEAD_DOWN.search(text))
    )
    return folding or hanging or hips_high or bool(_HEAD_LOW.search(text))


def _folds_over_the_legs(fields: dict) -> bool:
    """A forward fold sitting, standing or kneeling (not Halfway Lift's flat back, not lying
    down), or a text that folds or rounds the torso over the legs."""
    description = _name_and_description(fields)
    if fields.get("position") not in (Position.STANDING, Position.SEATED, Position.KNEELING):
        return False
    if _FLAT_BACK.search(description):
        return False
    if fields.get("category") == Category.FORWARD_FOLD:
        return True
    return bool(_FOLDS_OVER_THE_LEGS.search(f"{description} {_instructions(fields)}"))


def _weight_on_the_hands(fields: dict) -> bool:
    """A step presses the hands into the floor or onto the heels, unless it does so only for
    wrists that are well and says what the others do instead."""
    return any(
        _WEIGHT_ON_THE_HANDS.search(step) and not _ONLY_FOR_WELL_WRISTS.search(step)
        for step in (step.lower() for step in fields.get("instructions") or ())
    )


def _deep_squat(fields: dict) -> bool:
    steps = [step.lower() for step in fields.get("instructions") or ()]
    return any(_DEEP_SQUAT.search(text) for text in [_name_and_description(fields), *steps])


def _on_the_forearms(fields: dict) -> bool:
    """Dolphin and Forearm Plank rest on the forearms, which spares the wrists."""
    text = " ".join([fields.get("name_en") or "", fields.get("description") or ""])
    return bool(_ON_THE_FOREARMS.search(text.lower()))


def _knee_shape(fields: dict) -> bool:
    text = _instructions(fields)
    sitting_leg = fields.get("position") != Position.STANDING and _SOLE_TO_INNER_THIGH.search(text)
    return bool(_KNEE_SHAPES.search(text) or sitting_leg)


def _held_for_minutes(fields: dict) -> bool:
    return fields.get("long_hold_min_seconds") is not None or (
        (fields.get("default_hold_seconds") or 0) >= 180
    )


def _side_lying(fields: dict) -> bool:
    """Side-Lying Savasana rests on the side, the prenatal answer to lying on the back."""
    text = " ".join([fields.get("name_en") or "", fields.get("description") or ""])
    return bool(_SIDE_LYING.search(text.lower()))


def _holds_the_breath(fields: dict) -> bool:
    pattern = fields.get("breath_pattern") or {}
    return isinstance(pattern, dict) and any(
        isinstance(pattern.get(phase), int) and pattern.get(phase) > 0
        for phase in ("hold", "hold_empty")
    )


def _inverted_shape(fields: dict) -> bool:
    if fields.get("position") == Position.INVERTED:
        return True
    text = " ".join([fields.get("description") or "", *(fields.get("instructions") or ())])
    return bool(_LEGS_RAISED.search(text.lower()))


def _shape_findings(fields: dict, tags: set) -> list[Finding]:
    findings = []
    for rule, applies, tag, what in SHAPE_RULES:
        accepted = (tag,) if isinstance(tag, str) else tag
        if applies(fields) and not tags & set(accepted):
            wanted = " or ".join(f"“{one}”" for one in accepted)
            findings.append(Finding(rule, f"The pose {what}: add {wanted}."))
    if Caution.HEAD_BELOW_HEART in tags and not _head_low(fields):
        findings.append(
            Finding(
                "head_below_heart_not_head_low",
                "“head_below_heart” needs the head hanging low with the feet down: a standing "
                "fold, Downward Dog, or a text that lets the head hang or drop back.",
            )
        )
    if Caution.INVERSION in tags and not _inverted_shape(fields):
        findings.append(
            Finding(
                "inversion_not_inverted",
                "“inversion” needs the hips and legs above the head: an inverted position, or "
                "the legs raised up a wall. Folds with the feet on the floor are not inversions.",
            )
        )
    if Caution.FALL_RISK in tags and fields.get("position") not in FALL_POSITIONS:
        findings.append(
            Finding(
                "fall_risk_not_balancing",
                "“fall_risk” is for balances on the hands, forearms or head (an arm balance or "
                "an inverted position); standing balances are made safe with a wall.",
            )
        )
    if (
        Caution.DEEP_BACKBEND in tags
        and fields.get("category") != Category.BACKBEND
        and not _standing_backbend(fields)
    ):
        findings.append(
            Finding(
                "deep_backbend_outside_backbends",
                "“deep_backbend” is for backbends taken toward their end range; a pose of the "
                f"{fields.get('category') or 'no'} category is not one.",
            )
        )
    if Caution.UNSUPPORTED_BALANCE in tags and not _on_one_foot(fields):
        findings.append(
            Finding(
                "unsupported_balance_not_on_one_foot",
                "“unsupported_balance” is for balances on one foot or a lifted back heel, or a "
                "leg raised on the hands and one foot; two feet down need no wall.",
            )
        )
    if {Caution.SPINAL_ROUNDING, Caution.SPINAL_FLEXION} <= tags:
        findings.append(
            Finding(
                "spinal_rounding_with_spinal_flexion",
                "“spinal_rounding” is rounding without load and “spinal_flexion” rounding under "
                "load; every choice that leaves rounding out leaves flexion out too: keep "
                "“spinal_flexion” alone.",
            )
        )
    if Caution.BREATH_RETENTION in tags and not _holds_the_breath(fields):
        findings.append(
            Finding(
                "breath_retention_without_hold",
                "“breath_retention” needs a breath pattern with a hold.",
            )
        )
    return findings


def _hold_findings(fields: dict) -> list[Finding]:
    findings = []
    low, high = fields.get("hold_min_seconds"), fields.get("hold_max_seconds")
    usual = fields.get("default_hold_seconds", 30)
    if None not in (low, high, usual) and not low <= usual <= high:
        findings.append(
            Finding(
                "default_hold_outside_range",
                f"The usual hold ({usual} s) is outside the hold range ({low}–{high} s).",
            )
        )
    long_low = fields.get("long_hold_min_seconds")
    if long_low is not None:
        if fields.get("kind", Kind.ASANA) == Kind.ASANA and fields.get("effort") != Effort.PASSIVE:
            findings.append(
                Finding(
                    "long_hold_for_active_pose",
                    "Only passive poses are held for minutes in yin and restorative practice; "
                    "make the pose passive or leave the long hold empty.",
                )
            )
        if long_low < 60:
            findings.append(
                Finding(
                    "long_hold_too_short",
                    f"A long hold is held for minutes; {long_low} s is an active hold.",
                )
            )
    return findings
