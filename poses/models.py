"""The pose library: one row per asana, curated by staff."""

import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models

from accounts.models import Avoidance
from poses.figures import validate_figure
from poses.pictures import figure_url, figure_version
from yogaflow.core.text import bounded_text, length_check
from yogaflow.core.urls import slug_url

MIN_HOLD_SECONDS = 5
MAX_HOLD_SECONDS = 600
# Staff-written texts (README "Limits"): the same numbers in the model, the admin and the API.
MAX_NAME_LENGTH = 100
MAX_TEXT_LENGTH = 2000  # description, contraindications, modifications
MAX_LIST_ITEMS = 30  # instructions, benefits
MAX_LIST_ITEM_LENGTH = 500
MAX_IMAGE_URLS = 10
MAX_URL_LENGTH = 500
# Words the API uses beside pose slugs (/api/v1/poses/ratings): no pose may take them.
RESERVED_SLUGS = frozenset({"ratings"})


class Kind(models.TextChoices):
    """What an item of the library is: a pose held, or a breathing or meditation practice
    paced by breath counts or minutes (no category; `breath_pattern` instead)."""

    ASANA = "asana", "Pose (asana)"
    PRANAYAMA = "pranayama", "Breathing (pranayama)"
    MEDITATION = "meditation", "Meditation"


class Category(models.TextChoices):
    """The family of an asana, as a teacher groups them (breathing and meditation have none)."""

    STANDING = "standing", "Standing"
    SEATED = "seated", "Seated"
    BALANCE = "balance", "Balance"
    BACKBEND = "backbend", "Backbend"
    FORWARD_FOLD = "forward_fold", "Forward fold"
    TWIST = "twist", "Twist"
    INVERSION = "inversion", "Inversion"
    HIP_OPENER = "hip_opener", "Hip opener"
    CORE = "core", "Core"
    RESTORATIVE = "restorative", "Restorative"
    MOBILITY = "mobility", "Warm-up and mobility"


class Difficulty(models.TextChoices):
    BEGINNER = "beginner", "Beginner"
    INTERMEDIATE = "intermediate", "Intermediate"
    ADVANCED = "advanced", "Advanced"


class Position(models.TextChoices):
    """Where the body's weight rests: what a teacher orders a class by (floor → feet → floor)."""

    STANDING = "standing", "Standing"
    HANDS_AND_FEET = "hands_and_feet", "On hands and feet"
    KNEELING = "kneeling", "Kneeling or on hands and knees"
    SEATED = "seated", "Seated"
    SUPINE = "supine", "Lying on the back"
    SIDE_LYING = "side_lying", "Lying on the side"
    PRONE = "prone", "Lying on the belly"
    INVERTED = "inverted", "Inverted"
    ARM_BALANCE = "arm_balance", "Arm balance"


# Positions on the floor and up on the feet: a class moves between them as few times as it can.
FLOOR_POSITIONS = frozenset(
    {Position.KNEELING, Position.SEATED, Position.SUPINE, Position.SIDE_LYING, Position.PRONE}
)
UPRIGHT_POSITIONS = frozenset({Position.STANDING, Position.HANDS_AND_FEET})


class Effort(models.TextChoices):
    """Active: muscles hold the shape (held seconds to a minute or two). Passive: gravity and
    props hold it and the muscles let go (may be held for minutes in yin and restorative)."""

    ACTIVE = "active", "Active"
    PASSIVE = "passive", "Passive"


class Prop(models.TextChoices):
    BLOCK = "block", "Block"
    BOLSTER = "bolster", "Bolster"
    BLANKET = "blanket", "Blanket"
    STRAP = "strap", "Strap"
    WALL = "wall", "Wall"
    CHAIR = "chair", "Chair"


INTENSITY_MIN, INTENSITY_MAX = 1, 5
INTENSITY_LABELS = {
    1: "Restful",
    2: "Gentle",
    3: "Moderate",
    4: "Strong",
    5: "Very strong",
}

# What a pose staff add in the admin starts from: a body standing at ease, seen from the side,
# to be shaped into the pose (every pose has a figure; no two poses share one).
NEW_POSE_FIGURE = {
    "view": "side",
    "angles": {"shoulder_r": 8, "shoulder_l": -8},
    "contacts": ["ankle_r", "toe_r", "ankle_l", "toe_l"],
}
FIGURE_REQUIRED = "Every pose needs a figure: a view and its joint angles."
# Widths of the resized copies of an uploaded photo (pages and the API show these, never the
# original); IMAGE_WIDTHS[-1] is the one an <img> falls back to.
IMAGE_WIDTHS = (480, 960)

# The phases of one breath a breathing practice counts, in seconds.
BREATH_PHASES = ("inhale", "hold", "exhale", "hold_empty")
MAX_BREATH_PHASE_SECONDS = 20


class TargetArea(models.TextChoices):
    HAMSTRINGS = "hamstrings", "Hamstrings"
    HIPS = "hips", "Hips"
    GLUTES = "glutes", "Glutes"
    QUADRICEPS = "quadriceps", "Quadriceps"
    CALVES = "calves", "Calves"
    ANKLES = "ankles", "Ankles"
    SPINE = "spine", "Spine"
    LOWER_BACK = "lower_back", "Lower back"
    UPPER_BACK = "upper_back", "Upper back"
    SHOULDERS = "shoulders", "Shoulders"
    CHEST = "chest", "Chest"
    NECK = "neck", "Neck"
    CORE = "core", "Core"
    ARMS = "arms", "Arms"
    WRISTS = "wrists", "Wrists"
    FEET = "feet", "Feet"
    FULL_BODY = "full_body", "Full body"
    NERVOUS_SYSTEM = "nervous_system", "Nervous system"


class Caution(models.TextChoices):
    """What a pose asks of the body that some practitioners must leave out.

    Each tag must agree with the pose's contraindications text (poses/tests/test_content.py
    holds it over the curated library); CAUTION_DEFINITIONS says exactly what each one means.
    """

    INVERSION = "inversion", "Inversion (hips and legs above the head)"
    NECK_LOAD = "neck_load", "Weight on the head or neck"
    WRIST_LOAD = "wrist_load", "Weight on the hands"
    KNEE_LOAD = "knee_load", "Weight on the knees or a deep knee bend"
    SPINAL_FLEXION = "spinal_flexion", "Loaded or deep rounding of the spine"
    SPINAL_ROTATION = "spinal_rotation", "Loaded or deep twisting of the spine"
    SPINAL_ROUNDING = "spinal_rounding", "The spine rounded to its end range"
    END_RANGE_TWIST = "end_range_twist", "The spine twisted to its end range by gravity"
    HEAD_BELOW_HEART = "head_below_heart", "The head below the heart"
    DEEP_BACKBEND = "deep_backbend", "Deep backbend"
    BELLY_PRESSURE = "belly_pressure", "Lying on or pressing into the belly"
    CLOSED_TWIST = "closed_twist", "Closed twist across the belly"
    LONG_SUPINE = "long_supine", "Lying flat on the back for minutes"
    BREATH_RETENTION = "breath_retention", "Holding the breath"
    FALL_RISK = "fall_risk", "Balancing on the hands or head (a fall is likely)"
    UNSUPPORTED_BALANCE = "unsupported_balance", "Balancing on one foot or a lifted heel, unheld"
    SACROILIAC_LOAD = "sacroiliac_load", "The legs pulling the pelvis apart at end range"
    NOT_IN_PREGNANCY = "not_in_pregnancy", "Not advised in pregnancy for another reason"


CAUTION_DEFINITIONS: dict[str, str] = {
    Caution.INVERSION: (
        "The hips and legs are held above the heart and head (Headstand, Shoulder Stand, "
        "Plough, Handstand), or the legs are raised up a wall above the head "
        "(Legs-Up-the-Wall, a gentle inversion). Folds with the head low and the feet on the "
        "floor, such as Downward-Facing Dog or Standing Forward Fold, are not inversions: "
        "they are `head_below_heart`."
    ),
    Caution.NECK_LOAD: (
        "Body weight rests on the head or the back of the neck, or the neck bends to its end "
        "range under load (Headstand, Shoulder Stand, Plough, Fish on the crown)."
    ),
    Caution.WRIST_LOAD: (
        "Body weight is borne on the hands with the wrists bent back (Plank, Downward-Facing "
        "Dog, Tabletop, arm balances, Extended Puppy's palms pressing to lift the elbows, the "
        "hands propping the back in Shoulder Stand and Plough). "
        "Hands resting on blocks or the thigh to steady a lunge are not tagged."
    ),
    Caution.KNEE_LOAD: (
        "Weight rests on a knee, or the knee bends deeply under load or with the shin turned "
        "or wrapped (kneeling poses, Hero, Garland and Crow entered from a deep squat, Lotus, "
        "Pigeon, Head-to-Knee, Eagle, deep lunges with the back knee down, the deep side "
        "lunge of Skandasana); the foot held to the buttock standing, the knee at full "
        "flexion (Dancer); a twist levered against a bent knee (Marichyasana C, Half Lord of "
        "the Fishes, Revolved Chair) or turned over a loaded front knee (Twisted Crescent "
        "Lunge, Revolved Side Angle). The text tells sore knees to leave the pose out, and "
        "why. A knee bent toward 90 degrees under the body's weight that a sore knee can "
        "bend less (Chair, Goddess, Warrior I and II, Extended Side Angle, High Lunge) is not "
        "tagged: its text says to make the bend smaller."
    ),
    Caution.SPINAL_FLEXION: (
        "The spine rounds under load or is held rounded for minutes: standing and seated "
        "folds over the legs (Standing Forward Fold, Pyramid, Humble Warrior, Seated Forward "
        "Fold, Wide-Angle Seated Forward Fold, where tight hamstrings round the lower back, a "
        "seated fold resting on a bolster, Half Splits kneeling, Pigeon folding over the front "
        "shin), a deep squat (Garland), Plough, crunch-type core "
        "work and yin folds held for minutes (Dragonfly, Sleeping Swan). Relevant to disc "
        "problems and osteoporosis; resting in Child's Pose is `spinal_rounding` instead."
    ),
    Caution.SPINAL_ROTATION: (
        "The spine twists deeply or under load: every twist standing on the legs (Revolved "
        "Triangle, Twisted Crescent Lunge) and every twist sitting upright, on the floor or on "
        "a chair (Easy Seated Twist, Marichyasana C, Chair Twist), where the spine turns "
        "carrying the torso's weight and tends to slump into flexion. Relevant to disc and "
        "sacroiliac problems and osteoporosis; a gentle supine twist with the knees supported "
        "is not."
    ),
    Caution.SPINAL_ROUNDING: (
        "The spine is taken to the end of its rounding without much load, or pulled round by "
        "the arms or legs: the Cat of Cat-Cow, Knees-to-Chest, Happy Baby, the "
        "torso folded over the thighs kneeling (Child's Pose). Kind to most backs, so back care "
        "keeps it; left out with osteoporosis, where rounding (flexion) is what crushes "
        "weakened vertebrae."
    ),
    Caution.END_RANGE_TWIST: (
        "The spine is turned to the end of its range by gravity or the body's weight rather "
        "than by the muscles (Reclined Twist with the knees to the floor, Thread the Needle). "
        "Back care keeps it as a gentle release; left out with osteoporosis."
    ),
    Caution.HEAD_BELOW_HEART: (
        "The head hangs below the heart while the feet stay down: Downward-Facing Dog, "
        "Dolphin, standing folds (Standing Forward Fold, Wide-Legged Forward Fold, Pyramid, "
        "Standing Split, Humble Warrior), and backbends in which the head drops back (Wheel, "
        "Camel, Fish on the crown). Not an inversion, so kept unless the practitioner asks "
        "for no inversions (high blood pressure, glaucoma, a detached retina)."
    ),
    Caution.DEEP_BACKBEND: (
        "The spine extends toward its end range (Wheel, Camel, Bow, Wild Thing, Upward-Facing "
        "Dog), or arches under load balancing on one leg (Dancer, a standing backbend). Low, "
        "supported extension such as Bridge, Sphinx, Locust or a low Cobra is not a deep "
        "backbend. Left out in back care and pregnancy, and with osteoporosis, where end-range "
        "extension compresses the back of weakened vertebrae and Camel and Wheel risk a fall."
    ),
    Caution.BELLY_PRESSURE: (
        "The body lies on the belly or the belly presses into the thighs (every prone pose, "
        "deep folds over the legs). Left out in pregnancy."
    ),
    Caution.CLOSED_TWIST: (
        "The torso turns toward the front or bent leg and closes across the belly (Revolved "
        "Triangle, Revolved Chair, Marichyasana C). Left out in pregnancy, where open twists "
        "that turn away from the leg are taught instead."
    ),
    Caution.LONG_SUPINE: (
        "The pose is held lying flat on the back for minutes. After the first trimester "
        "prenatal classes rest on the side (Side-Lying Savasana) or inclined on a bolster."
    ),
    Caution.BREATH_RETENTION: (
        "The breath is held in or out (Box Breathing, kumbhaka). Left out in pregnancy and "
        "with high blood pressure or heart conditions."
    ),
    Caution.FALL_RISK: (
        "The body balances on the hands, forearms or head, so a fall onto the head, shoulders "
        "or hips is likely while learning (Crow and other arm balances, Headstand, Forearm "
        "Stand, Handstand). Left out with osteoporosis, in back care and in pregnancy. "
        "Standing balances are `unsupported_balance` instead."
    ),
    Caution.UNSUPPORTED_BALANCE: (
        "The body balances on one foot (Tree, Warrior III, Dancer, Half Moon), on the ball of "
        "a back foot with the heel lifted (High Lunge, Twisted Crescent Lunge), on the hands "
        "and one foot with a leg raised high (Three-Legged Dog), on one hand and the edge of "
        "one foot (Side Plank, Wild Thing), or shifting sideways over one foot in a deep side "
        "lunge (Skandasana), with nothing to hold. Left "
        "out with osteoporosis, where a fall can break a bone: taught there only with a hand "
        "on a wall or chair, which a generated practice does not yet cue."
    ),
    Caution.SACROILIAC_LOAD: (
        "One leg reaches forward and the other back to the end of their range (Monkey Pose): "
        "the hamstrings of the front leg and the hip flexors of the back leg pull the pelvis "
        "in opposite directions, loading the sacroiliac joints and the lower back. Left out "
        "in back care and with osteoporosis; Half Splits, with the back knee bent, is not."
    ),
    Caution.NOT_IN_PREGNANCY: (
        "Advised against in pregnancy for a reason no other tag names: strong abdominal work, "
        "jumping, or deep end-range stretching while the joints are loosened, above all a "
        "passive stretch of the inner thighs held for minutes with the legs or knees wide "
        "(Dragonfly, Frog), which strains the pubic symphysis."
    ),
}


# Which pose cautions each of a practitioner's quick cautions (User.avoid) leaves out. Back care
# keeps gentle and supported shapes (Bridge, supine twists, Cat-Cow, Knees-to-Chest, Child's
# Pose): only loaded or deep work is tagged, which includes every twist sitting or standing.
# Osteoporosis leaves out every rounding and end-range twist of the spine, loaded or not, and
# balances on the hands, head or one foot with nothing to hold (a fall is what it fears most),
# end-range extension and the splits.
# Pregnancy leaves out the belly, closed twists, inversions, deep backbends, long supine rest,
# breath holds, balances on the hands or head, and long end-range stretches. No inversions
# (high blood pressure, glaucoma, a detached retina) leaves out the head below the heart too,
# and breath holds, which raise blood pressure.
AVOIDANCE_CAUTIONS: dict[str, frozenset[str]] = {
    Avoidance.NO_INVERSIONS: frozenset(
        {Caution.INVERSION, Caution.HEAD_BELOW_HEART, Caution.BREATH_RETENTION}
    ),
    Avoidance.KNEE_FRIENDLY: frozenset({Caution.KNEE_LOAD}),
    Avoidance.WRIST_FRIENDLY: frozenset({Caution.WRIST_LOAD}),
    Avoidance.PREGNANCY_SAFE: frozenset(
        {
            Caution.NOT_IN_PREGNANCY,
            Caution.BELLY_PRESSURE,
            Caution.CLOSED_TWIST,
            Caution.LONG_SUPINE,
            Caution.DEEP_BACKBEND,
            Caution.INVERSION,
            Caution.BREATH_RETENTION,
            Caution.FALL_RISK,
        }
    ),
    Avoidance.BACK_CARE: frozenset(
        {
            Caution.DEEP_BACKBEND,
            Caution.SPINAL_FLEXION,
            Caution.SPINAL_ROTATION,
            Caution.NECK_LOAD,
            Caution.FALL_RISK,
            Caution.SACROILIAC_LOAD,
        }
    ),
    Avoidance.OSTEOPOROSIS_SAFE: frozenset(
        {
            Caution.SPINAL_FLEXION,
            Caution.SPINAL_ROUNDING,
            Caution.SPINAL_ROTATION,
            Caution.END_RANGE_TWIST,
            Caution.NECK_LOAD,
            Caution.FALL_RISK,
            Caution.UNSUPPORTED_BALANCE,
            Caution.DEEP_BACKBEND,
            Caution.SACROILIAC_LOAD,
        }
    ),
}
# Whole categories left out too: an inversion is avoided even if staff forgot its caution
# (the curated library tags every one; poses/tests/test_content.py keeps it so).
AVOIDANCE_CATEGORIES: dict[str, frozenset[str]] = {
    Avoidance.NO_INVERSIONS: frozenset({Category.INVERSION}),
}


def cautions_avoided(avoid) -> frozenset[str]:
    """The pose cautions that a list of Avoidance values rules out (unknown values: none)."""
    return frozenset().union(*(AVOIDANCE_CAUTIONS.get(value, ()) for value in avoid or ()))


def categories_avoided(avoid) -> frozenset[str]:
    """The pose categories that a list of Avoidance values rules out whole."""
    return frozenset().union(*(AVOIDANCE_CATEGORIES.get(value, ()) for value in avoid or ()))


def fold_for_search(text: str) -> str:
    """Lower-case ASCII, so "svanasana" finds Śvānāsana on every database."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def validate_vocabulary(values, choices, field: str):
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValidationError(f"{field} must be a list of strings.", code="invalid_list")
    unknown = sorted(set(values) - set(choices.values))
    if unknown:
        raise ValidationError(
            "Unknown %(field)s: %(unknown)s.",
            code="unknown_value",
            params={"field": field, "unknown": ", ".join(unknown)},
        )


def validate_target_areas(values):
    validate_vocabulary(values, TargetArea, "target areas")


def validate_cautions(values):
    validate_vocabulary(values, Caution, "cautions")


def validate_props(values):
    validate_vocabulary(values, Prop, "props")


def validate_breath_pattern(value):
    """{"inhale": 4, "hold": 4, "exhale": 4, "hold_empty": 4}: seconds per phase of one breath;
    phases left out take 0; empty for a pose or a practice paced in minutes only."""
    if not isinstance(value, dict):
        raise ValidationError("Must be an object of breath phases.", code="invalid_pattern")
    unknown = sorted(set(value) - set(BREATH_PHASES))
    if unknown:
        raise ValidationError(
            "Unknown breath phase: %(unknown)s; use %(known)s.",
            code="unknown_value",
            params={"unknown": ", ".join(unknown), "known": ", ".join(BREATH_PHASES)},
        )
    for phase, seconds in value.items():
        if isinstance(seconds, bool) or not isinstance(seconds, int):
            raise ValidationError(
                "%(phase)s must be whole seconds.", code="invalid", params={"phase": phase}
            )
        if not 0 <= seconds <= MAX_BREATH_PHASE_SECONDS:
            raise ValidationError(
                "%(phase)s must be 0 to %(most)s seconds.",
                code="out_of_range",
                params={"phase": phase, "most": MAX_BREATH_PHASE_SECONDS},
            )
    if value and not (value.get("inhale") and value.get("exhale")):
        raise ValidationError(
            "A breath pattern needs an inhale and an exhale.", code="incomplete_pattern"
        )


def validate_text_list(values):
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise ValidationError("Must be a list of non-empty texts.", code="invalid_list")
    if len(values) > MAX_LIST_ITEMS:
        raise ValidationError(
            "At most %(most)s items.", code="too_many", params={"most": MAX_LIST_ITEMS}
        )
    if any(len(value) > MAX_LIST_ITEM_LENGTH for value in values):
        raise ValidationError(
            "Each item is at most %(most)s characters.",
            code="max_length",
            params={"most": MAX_LIST_ITEM_LENGTH},
        )


def validate_image_urls(values):
    """At most MAX_IMAGE_URLS absolute http(s) addresses of at most MAX_URL_LENGTH characters."""
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValidationError("Must be a list of addresses.", code="invalid_list")
    if len(values) > MAX_IMAGE_URLS:
        raise ValidationError(
            "At most %(most)s addresses.", code="too_many", params={"most": MAX_IMAGE_URLS}
        )
    check = URLValidator(schemes=["http", "https"])
    for value in values:
        if len(value) > MAX_URL_LENGTH:
            raise ValidationError(
                "Each address is at most %(most)s characters.",
                code="max_length",
                params={"most": MAX_URL_LENGTH},
            )
        check(value)


# What a teacher sequences a pose by, besides its cautions and props: read together by the
# generator and the checks, edited together in the admin, set together by `save_pose`.
SEQUENCING_FIELDS = (
    "default_hold_seconds",
    "is_bilateral",
    "position",
    "intensity",
    "effort",
    "hold_min_seconds",
    "hold_max_seconds",
    "long_hold_min_seconds",
    "long_hold_max_seconds",
)


class Pose(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    name_en = models.CharField("English name", max_length=MAX_NAME_LENGTH)
    name_sa = models.CharField("Sanskrit name", max_length=MAX_NAME_LENGTH, blank=True)
    kind = models.CharField(max_length=16, choices=Kind, default=Kind.ASANA)
    category = models.CharField(
        max_length=16, choices=Category, blank=True, help_text="Asanas only."
    )
    difficulty = models.CharField(max_length=16, choices=Difficulty)
    description = bounded_text(MAX_TEXT_LENGTH)
    instructions = models.JSONField(
        default=list, validators=[validate_text_list], help_text="Ordered steps, one text each."
    )
    benefits = models.JSONField(default=list, blank=True, validators=[validate_text_list])
    target_areas = models.JSONField(default=list, blank=True, validators=[validate_target_areas])
    cautions = models.JSONField(default=list, blank=True, validators=[validate_cautions])
    contraindications = bounded_text(MAX_TEXT_LENGTH, blank=True)
    modifications = bounded_text(MAX_TEXT_LENGTH, blank=True)
    default_hold_seconds = models.PositiveSmallIntegerField(
        default=30,
        validators=[MinValueValidator(MIN_HOLD_SECONDS), MaxValueValidator(MAX_HOLD_SECONDS)],
        help_text="Seconds (per side); for breathing and meditation, the usual practice length.",
    )
    is_bilateral = models.BooleanField(
        default=False, help_text="Practised on each side (right, then left)."
    )
    # What a teacher sequences by (sequences.generator and sequences.checks read them).
    position = models.CharField(max_length=16, choices=Position)
    intensity = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(INTENSITY_MIN), MaxValueValidator(INTENSITY_MAX)],
        help_text="1 restful … 5 very strong, for a practitioner of the pose's level.",
    )
    effort = models.CharField(max_length=8, choices=Effort, default=Effort.ACTIVE)
    hold_min_seconds = models.PositiveSmallIntegerField(
        "shortest hold",
        validators=[MinValueValidator(MIN_HOLD_SECONDS), MaxValueValidator(MAX_HOLD_SECONDS)],
        help_text="Seconds per side in hatha, vinyasa, power and gentle practice "
        "(one breath in a flow is 5).",
    )
    hold_max_seconds = models.PositiveSmallIntegerField(
        "longest hold",
        validators=[MinValueValidator(MIN_HOLD_SECONDS), MaxValueValidator(MAX_HOLD_SECONDS)],
    )
    long_hold_min_seconds = models.PositiveSmallIntegerField(
        "shortest long hold",
        null=True,
        blank=True,
        validators=[MinValueValidator(MIN_HOLD_SECONDS), MaxValueValidator(MAX_HOLD_SECONDS)],
        help_text="Seconds per side in yin and restorative practice; empty if the pose is "
        "not held long there.",
    )
    long_hold_max_seconds = models.PositiveSmallIntegerField(
        "longest long hold",
        null=True,
        blank=True,
        validators=[MinValueValidator(MIN_HOLD_SECONDS), MaxValueValidator(MAX_HOLD_SECONDS)],
    )
    props = models.JSONField(
        default=list, blank=True, validators=[validate_props], help_text="Props the pose uses."
    )
    breath_pattern = models.JSONField(
        default=dict,
        blank=True,
        validators=[validate_breath_pattern],
        help_text='Breathing practices: seconds per phase, e.g. {"inhale": 4, "exhale": 6}.',
    )
    figure = models.JSONField(
        default=dict,
        validators=[validate_figure],
        error_messages={"blank": FIGURE_REQUIRED},
        help_text="The pose drawn as an articulated body: a view (side or front), joint angles "
        "in degrees, optional props (poses/figures/schema.py). Bilateral poses are described on "
        "the right side; the left is drawn as the mirror image.",
    )
    # The figure's version (poses.pictures.figure_version: a digest of the figure, the name
    # and the renderer), part of every address of its picture; kept in step by save() and
    # refresh_figure_versions(), so a page of cards reads it instead of digesting each figure.
    figure_version = models.CharField(max_length=16, blank=True, editable=False)
    image = models.ImageField(
        upload_to="poses/", blank=True, help_text="A photo shown instead of the figure."
    )
    # Resized copies of `image` by width ({"480": "poses/…-480.webp"}), made once at upload
    # by poses.services.set_pose_image and removed with it.
    image_renditions = models.JSONField(default=dict, blank=True, editable=False)
    image_urls = models.JSONField(
        default=list,
        blank=True,
        validators=[validate_image_urls],
        help_text="Further images of the pose, as absolute URLs.",
    )
    is_published = models.BooleanField(default=True)
    # Fingerprint of the content as `load_library` last wrote it: a row whose
    # fields no longer match was edited by staff and is not overwritten.
    library_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    # Both names folded to ASCII (fold_for_search), kept in step by save().
    search_text = models.CharField(max_length=220, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name_en"]
        indexes = [
            models.Index(fields=["is_published", "name_en"], name="pose_published_name"),
            models.Index(fields=["is_published", "category"], name="pose_published_category"),
            models.Index(fields=["is_published", "difficulty"], name="pose_published_difficulty"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    default_hold_seconds__gte=MIN_HOLD_SECONDS,
                    default_hold_seconds__lte=MAX_HOLD_SECONDS,
                ),
                name="pose_default_hold_range",
            ),
            length_check("description", MAX_TEXT_LENGTH, name="pose_description_length"),
            length_check(
                "contraindications", MAX_TEXT_LENGTH, name="pose_contraindications_length"
            ),
            length_check("modifications", MAX_TEXT_LENGTH, name="pose_modifications_length"),
            models.CheckConstraint(
                condition=models.Q(kind__in=Kind.values), name="pose_kind_valid"
            ),
            # An asana has a category; breathing and meditation have none.
            models.CheckConstraint(
                condition=models.Q(kind=Kind.ASANA, category__in=Category.values)
                | (~models.Q(kind=Kind.ASANA) & models.Q(category="")),
                name="pose_category_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(position__in=Position.values), name="pose_position_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(effort__in=Effort.values), name="pose_effort_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(intensity__gte=INTENSITY_MIN, intensity__lte=INTENSITY_MAX),
                name="pose_intensity_range",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    hold_min_seconds__gte=MIN_HOLD_SECONDS,
                    hold_min_seconds__lte=models.F("default_hold_seconds"),
                    hold_max_seconds__gte=models.F("default_hold_seconds"),
                    hold_max_seconds__lte=MAX_HOLD_SECONDS,
                ),
                name="pose_hold_range",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    long_hold_min_seconds__isnull=True, long_hold_max_seconds__isnull=True
                )
                | models.Q(
                    long_hold_min_seconds__isnull=False,
                    long_hold_max_seconds__isnull=False,
                    long_hold_min_seconds__gte=MIN_HOLD_SECONDS,
                    long_hold_min_seconds__lte=models.F("long_hold_max_seconds"),
                    long_hold_max_seconds__lte=MAX_HOLD_SECONDS,
                ),
                name="pose_long_hold_range",
            ),
            models.CheckConstraint(
                condition=models.Q(difficulty__in=Difficulty.values), name="pose_difficulty_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name_en

    def save(self, *args, **kwargs):
        self.search_text = fold_for_search(f"{self.name_en} {self.name_sa}")
        update_fields = kwargs.get("update_fields")
        if update_fields is None or {"name_en", "figure"} & set(update_fields):
            self.figure_version = self.current_figure_version()
        if update_fields is not None:
            kept = {"search_text"} if {"name_en", "name_sa"} & set(update_fields) else set()
            if {"name_en", "figure"} & set(update_fields):
                kept.add("figure_version")
            kwargs["update_fields"] = {*update_fields, *kept}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return slug_url("poses:detail", self.slug)

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = ValidationError(
                "This slug is reserved; choose another.", code="reserved"
            )
        if self.kind == Kind.ASANA and not self.category:
            errors["category"] = ValidationError("An asana needs a category.", code="required")
        elif self.kind != Kind.ASANA and self.category:
            errors["category"] = ValidationError(
                "Breathing and meditation practices have no category.", code="not_allowed"
            )
        if self.kind == Kind.ASANA and self.breath_pattern:
            errors["breath_pattern"] = ValidationError(
                "Only breathing practices have a breath pattern.", code="not_allowed"
            )
        errors.update(self._hold_range_errors())
        if errors:
            raise ValidationError(errors)

    def _hold_range_errors(self) -> dict:
        errors = {}
        low, high, usual = self.hold_min_seconds, self.hold_max_seconds, self.default_hold_seconds
        if None not in (low, high) and low > high:
            errors["hold_max_seconds"] = ValidationError(
                "The longest hold must not be shorter than the shortest.", code="invalid_range"
            )
        elif None not in (low, high, usual) and not low <= usual <= high:
            errors["default_hold_seconds"] = ValidationError(
                "The usual hold must lie between the shortest and the longest hold.",
                code="out_of_range",
            )
        long_low, long_high = self.long_hold_min_seconds, self.long_hold_max_seconds
        if (long_low is None) != (long_high is None):
            errors["long_hold_max_seconds"] = ValidationError(
                "Give both the shortest and the longest long hold, or neither.",
                code="incomplete_range",
            )
        elif long_low is not None and long_low > long_high:
            errors["long_hold_max_seconds"] = ValidationError(
                "The longest long hold must not be shorter than the shortest.",
                code="invalid_range",
            )
        return errors

    @property
    def hold_range(self) -> tuple[int, int]:
        """(shortest, longest) hold in seconds per side in active styles."""
        return (self.hold_min_seconds, self.hold_max_seconds)

    @property
    def long_hold_range(self) -> tuple[int, int] | None:
        """(shortest, longest) hold in seconds in yin and restorative practice, or None."""
        if self.long_hold_min_seconds is None:
            return None
        return (self.long_hold_min_seconds, self.long_hold_max_seconds)

    @property
    def is_breathing(self) -> bool:
        return self.kind != Kind.ASANA

    def current_figure_version(self) -> str:
        """The version the figure and name now have (poses.pictures.figure_version), "" for a
        pose without a figure: what save() keeps in `figure_version`."""
        return figure_version(self.figure, self.name_en) if self.figure else ""

    def figure_url(self, side: str = "right") -> str:
        """The figure's versioned URL: the kept version (a saved pose), else the one its
        figure has now (an unsaved pose), else unversioned (no figure)."""
        version = self.figure_version
        if not version and "figure" not in self.get_deferred_fields():
            version = self.current_figure_version()
        return figure_url(self.slug, side=side, version=version)

    @property
    def figure_src(self) -> str:
        return self.figure_url("right")

    @property
    def figure_left_src(self) -> str:
        return self.figure_url("left")

    @property
    def image_rendition_urls(self) -> dict[int, str]:
        """{width: URL} of the uploaded photo's resized copies, narrowest first."""
        if not self.image:
            return {}
        storage = self.image.storage
        return {
            int(width): storage.url(name)
            for width, name in sorted(self.image_renditions.items(), key=lambda kv: int(kv[0]))
        }

    @property
    def photo_src(self) -> str:
        """Staff's photo at its largest rendition (the original only if it has none yet), else
        the first image URL, else ""."""
        if self.image:
            renditions = self.image_rendition_urls
            return renditions[max(renditions)] if renditions else self.image.url
        return self.image_urls[0] if self.image_urls else ""

    @property
    def photo_srcset(self) -> str:
        """The renditions as an <img srcset> ("…-480.webp 480w, …-960.webp 960w"), or ""."""
        return ", ".join(f"{url} {width}w" for width, url in self.image_rendition_urls.items())

    @property
    def image_src(self) -> str:
        """What to show for the pose: staff's photo (resized), else the first image URL, else
        its figure. "" only for an unsaved pose that has neither a slug nor a photo."""
        if self.has_own_image:
            return self.photo_src
        return self.figure_src if self.slug else ""

    @property
    def has_own_image(self) -> bool:
        return bool(self.image or self.image_urls)


class Rating(models.TextChoices):
    UP = "up", "Thumbs up"
    DOWN = "down", "Thumbs down"


class PoseRating(models.Model):
    """A practitioner's thumbs up (favour it) or down (leave it out) on a pose; one per pair."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pose_ratings"
    )
    pose = models.ForeignKey(Pose, on_delete=models.CASCADE, related_name="ratings")
    rating = models.CharField(max_length=4, choices=Rating)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "pose"], name="pose_rating_one_per_user"),
            models.CheckConstraint(
                condition=models.Q(rating__in=Rating.values), name="pose_rating_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.get_rating_display().lower()} {self.pose}"
