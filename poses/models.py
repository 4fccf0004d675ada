"""The pose library: one row per asana, curated by staff."""

import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.templatetags.static import static
from django.urls import reverse

from accounts.models import Avoidance

MIN_HOLD_SECONDS = 5
MAX_HOLD_SECONDS = 600
# Words the API uses beside pose slugs (/api/v1/poses/ratings): no pose may take them.
RESERVED_SLUGS = frozenset({"ratings"})


class Category(models.TextChoices):
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


class Difficulty(models.TextChoices):
    BEGINNER = "beginner", "Beginner"
    INTERMEDIATE = "intermediate", "Intermediate"
    ADVANCED = "advanced", "Advanced"


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
    """Tags practitioners can filter on (and the generator will avoid)."""

    INVERSION = "inversion", "Inversion (head below heart)"
    DEEP_BACKBEND = "deep_backbend", "Deep backbend"
    KNEE_LOAD = "knee_load", "Weight or deep bend on the knees"
    WRIST_LOAD = "wrist_load", "Weight on the wrists"
    NOT_IN_PREGNANCY = "not_in_pregnancy", "Not advised in pregnancy"
    NECK_LOAD = "neck_load", "Load on the neck"


# Which pose cautions each of a practitioner's quick cautions (User.avoid) leaves out.
AVOIDANCE_CAUTIONS: dict[str, frozenset[str]] = {
    Avoidance.NO_INVERSIONS: frozenset({Caution.INVERSION}),
    Avoidance.KNEE_FRIENDLY: frozenset({Caution.KNEE_LOAD}),
    Avoidance.WRIST_FRIENDLY: frozenset({Caution.WRIST_LOAD}),
    Avoidance.PREGNANCY_SAFE: frozenset({Caution.NOT_IN_PREGNANCY}),
    Avoidance.BACK_CARE: frozenset({Caution.DEEP_BACKBEND, Caution.NECK_LOAD}),
}
# Whole categories left out too: an inversion is avoided even if staff forgot its caution
# (the curated library tags every one; poses/tests/test_models.py keeps it so).
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


def validate_text_list(values):
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise ValidationError("Must be a list of non-empty texts.", code="invalid_list")


class Pose(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    name_en = models.CharField("English name", max_length=100)
    name_sa = models.CharField("Sanskrit name", max_length=100, blank=True)
    category = models.CharField(max_length=16, choices=Category)
    difficulty = models.CharField(max_length=16, choices=Difficulty)
    description = models.TextField()
    instructions = models.JSONField(
        default=list, validators=[validate_text_list], help_text="Ordered steps, one text each."
    )
    benefits = models.JSONField(default=list, blank=True, validators=[validate_text_list])
    target_areas = models.JSONField(default=list, blank=True, validators=[validate_target_areas])
    cautions = models.JSONField(default=list, blank=True, validators=[validate_cautions])
    contraindications = models.TextField(blank=True)
    modifications = models.TextField(blank=True)
    default_hold_seconds = models.PositiveSmallIntegerField(
        default=30,
        validators=[MinValueValidator(MIN_HOLD_SECONDS), MaxValueValidator(MAX_HOLD_SECONDS)],
    )
    is_bilateral = models.BooleanField(
        default=False, help_text="Practised on each side (right, then left)."
    )
    image = models.ImageField(upload_to="poses/", blank=True)
    image_urls = models.JSONField(
        default=list, blank=True, help_text="Further images of the pose, as absolute URLs."
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
            models.CheckConstraint(
                condition=models.Q(category__in=Category.values), name="pose_category_valid"
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
        if update_fields is not None and {"name_en", "name_sa"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("poses:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": ValidationError("This slug is reserved; choose another.", code="reserved")}
            )

    @property
    def image_src(self) -> str:
        """The uploaded image, else the first image URL, else the category's placeholder."""
        if self.image:
            return self.image.url
        if self.image_urls:
            return self.image_urls[0]
        return static(f"img/poses/{self.category}.svg")

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
