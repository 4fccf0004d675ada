"""Sequences (curated or built by a practitioner), their ordered poses, and favorites."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from poses.models import MAX_HOLD_SECONDS, MIN_HOLD_SECONDS, Difficulty
from yogaflow.core.text import bounded_text, length_check
from yogaflow.core.urls import slug_url

MAX_POSES_PER_SEQUENCE = 150
# Free text (README "Limits"): the same numbers in the model, the builder's forms and the API.
MAX_TITLE_LENGTH = 120
MAX_DESCRIPTION_LENGTH = 2000
MAX_CUE_LENGTH = 300


class Style(models.TextChoices):
    HATHA = "hatha", "Hatha"
    VINYASA = "vinyasa", "Vinyasa"
    YIN = "yin", "Yin"
    RESTORATIVE = "restorative", "Restorative"
    POWER = "power", "Power"
    GENTLE = "gentle", "Gentle"


class Focus(models.TextChoices):
    FULL_BODY = "full_body", "Full body"
    HIPS = "hips", "Hips"
    BACK = "back", "Back"
    CORE = "core", "Core"
    FLEXIBILITY = "flexibility", "Flexibility"
    BALANCE = "balance", "Balance"
    STRENGTH = "strength", "Strength"
    RELAXATION = "relaxation", "Relaxation"
    ENERGY = "energy", "Energy"


class Visibility(models.TextChoices):
    PUBLIC = "public", "Public"
    PRIVATE = "private", "Private"


class Side(models.TextChoices):
    BOTH = "both", "Both sides"
    LEFT = "left", "Left side"
    RIGHT = "right", "Right side"


def practice_seconds(*, duration_seconds: int, side: str, is_bilateral: bool) -> int:
    """Time one item takes: a bilateral pose on both sides runs its hold twice."""
    return duration_seconds * 2 if side == Side.BOTH and is_bilateral else duration_seconds


class Sequence(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=MAX_TITLE_LENGTH)
    description = bounded_text(MAX_DESCRIPTION_LENGTH, blank=True)
    difficulty = models.CharField(max_length=16, choices=Difficulty, default=Difficulty.BEGINNER)
    focus = models.CharField(max_length=16, choices=Focus, default=Focus.FULL_BODY)
    style = models.CharField(max_length=16, choices=Style, default=Style.HATHA)
    # Null for the curated library; a user's own sequences go with their account.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="sequences",
    )
    visibility = models.CharField(max_length=8, choices=Visibility, default=Visibility.PRIVATE)
    copied_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies"
    )
    # Derived from the poses, kept in step by sequences.services in the same
    # transaction, so the catalogue can filter and sort by duration in SQL.
    total_duration_seconds = models.PositiveIntegerField(default=0, editable=False)
    pose_count = models.PositiveSmallIntegerField(default=0, editable=False)
    library_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    # How many practitioners keep it as a favorite: what `sort=popular` orders by, instead of
    # counting every visible sequence's favorites per request. Kept by sequences.services
    # (receivers of Favorite's post_save and post_delete: the service's toggles, and the
    # cascades when a practitioner or the sequence goes) with F() updates in the same
    # transaction; never written by save() (below), so a sequence loaded before a toggle
    # cannot write its old count back.
    favorite_count = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        indexes = [
            models.Index(fields=["-favorite_count", "title"], name="seq_popular"),
            models.Index(fields=["visibility", "title"], name="seq_visibility_title"),
            models.Index(fields=["author", "-updated_at"], name="seq_author_updated"),
            models.Index(fields=["difficulty"], name="seq_difficulty"),
            models.Index(fields=["focus"], name="seq_focus"),
            models.Index(fields=["style"], name="seq_style"),
            models.Index(fields=["total_duration_seconds"], name="seq_duration"),
            models.Index(fields=["-created_at"], name="seq_created"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(difficulty__in=Difficulty.values), name="seq_difficulty_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(visibility__in=Visibility.values), name="seq_visibility_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(pose_count__lte=MAX_POSES_PER_SEQUENCE),
                name="seq_pose_count_max",
            ),
            length_check("title", MAX_TITLE_LENGTH, name="seq_title_length"),
            length_check("description", MAX_DESCRIPTION_LENGTH, name="seq_description_length"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        # An update writes every field but the favorite count, which only F() updates change.
        updating = not self._state.adding and not kwargs.get("force_insert")
        if updating and kwargs.get("update_fields") is None and not args:
            kwargs["update_fields"] = _SAVED_ON_UPDATE
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return slug_url("sequences:detail", self.slug)

    @property
    def is_curated(self) -> bool:
        return self.author_id is None

    @property
    def total_minutes(self) -> int:
        return max(1, round(self.total_duration_seconds / 60)) if self.total_duration_seconds else 0


_SAVED_ON_UPDATE = [
    field.name
    for field in Sequence._meta.concrete_fields
    if not field.primary_key and field.name != "favorite_count"
]


class SequencePose(models.Model):
    sequence = models.ForeignKey(Sequence, on_delete=models.CASCADE, related_name="items")
    # A pose in use cannot be deleted: staff unpublish it instead.
    pose = models.ForeignKey("poses.Pose", on_delete=models.PROTECT, related_name="sequence_items")
    position = models.PositiveSmallIntegerField()
    duration_seconds = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(MIN_HOLD_SECONDS), MaxValueValidator(MAX_HOLD_SECONDS)],
        help_text="Hold per side for a bilateral pose on both sides.",
    )
    side = models.CharField(max_length=8, choices=Side, default=Side.BOTH)
    cue = models.CharField(max_length=MAX_CUE_LENGTH, blank=True)

    class Meta:
        ordering = ["sequence", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["sequence", "position"], name="seqpose_unique_position"
            ),
            models.CheckConstraint(
                condition=models.Q(
                    duration_seconds__gte=MIN_HOLD_SECONDS,
                    duration_seconds__lte=MAX_HOLD_SECONDS,
                ),
                name="seqpose_duration_range",
            ),
            models.CheckConstraint(
                condition=models.Q(side__in=Side.values), name="seqpose_side_valid"
            ),
            length_check("cue", MAX_CUE_LENGTH, name="seqpose_cue_length"),
        ]
        indexes = [models.Index(fields=["pose", "sequence"], name="seqpose_pose")]

    def __str__(self) -> str:
        return f"{self.sequence_id}#{self.position}: {self.pose_id}"

    @property
    def practice_seconds(self) -> int:
        return practice_seconds(
            duration_seconds=self.duration_seconds,
            side=self.side,
            is_bilateral=self.pose.is_bilateral,
        )


class Favorite(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="favorites"
    )
    sequence = models.ForeignKey(Sequence, on_delete=models.CASCADE, related_name="favorites")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "sequence"], name="favorite_unique_pair")
        ]
        indexes = [models.Index(fields=["user", "-created_at"], name="favorite_user_recent")]

    def __str__(self) -> str:
        return f"{self.user_id} ♥ {self.sequence_id}"
