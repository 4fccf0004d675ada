"""Badges as data: staff add one with a rule and a threshold, no code needed."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models


class Rule(models.TextChoices):
    SESSIONS = "sessions", "Sessions recorded"
    MINUTES = "minutes", "Minutes practised"
    STREAK_DAYS = "streak_days", "Days in a row (longest streak)"
    DISTINCT_SEQUENCES = "distinct_sequences", "Different sequences practised"
    CUSTOM_SEQUENCES = "custom_sequences", "Own sequences built"
    EARLY_SESSIONS = "early_sessions", "Sessions started before 7:00"
    EVENING_SESSIONS = "evening_sessions", "Sessions started after 20:00"
    COMPLETED_SESSIONS = "completed_sessions", "Sequences practised to the end"


class Unit(models.TextChoices):
    """What a rule counts, as progress reads: "4 / 7 days"."""

    SESSIONS = "sessions", "sessions"
    MINUTES = "minutes", "minutes"
    DAYS = "days", "days"
    SEQUENCES = "sequences", "sequences"


# The unit beside each rule: its progress and threshold count these.
RULE_UNITS: dict[str, str] = {
    Rule.SESSIONS: Unit.SESSIONS,
    Rule.MINUTES: Unit.MINUTES,
    Rule.STREAK_DAYS: Unit.DAYS,
    Rule.DISTINCT_SEQUENCES: Unit.SEQUENCES,
    Rule.CUSTOM_SEQUENCES: Unit.SEQUENCES,
    Rule.EARLY_SESSIONS: Unit.SESSIONS,
    Rule.EVENING_SESSIONS: Unit.SESSIONS,
    Rule.COMPLETED_SESSIONS: Unit.SESSIONS,
}


class Achievement(models.Model):
    code = models.SlugField(max_length=50, unique=True)
    name = models.CharField(max_length=80)
    description = models.CharField(max_length=200)
    icon = models.CharField(max_length=8, help_text="An emoji shown on the badge.")
    rule = models.CharField(max_length=24, choices=Rule)
    threshold = models.PositiveIntegerField(validators=[MinValueValidator(1)])
    sort_order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["sort_order", "threshold", "code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(threshold__gte=1), name="achievement_threshold_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(rule__in=Rule.values), name="achievement_rule_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def unit(self) -> str:
        return RULE_UNITS[self.rule]


class UserAchievement(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="achievements"
    )
    achievement = models.ForeignKey(Achievement, on_delete=models.CASCADE, related_name="awards")
    earned_at = models.DateTimeField(auto_now_add=True)
    # The session that earned it, for the "just earned" summary; kept if it is deleted.
    session = models.ForeignKey(
        "practice.PracticeSession",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="awards",
    )

    class Meta:
        ordering = ["-earned_at"]
        constraints = [
            # Awarded once, even when two processes record at the same moment.
            models.UniqueConstraint(fields=["user", "achievement"], name="award_unique_pair")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.achievement_id}"
