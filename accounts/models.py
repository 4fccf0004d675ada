"""The YogaFlow user: email is the login, plus the practice profile."""

import zoneinfo
from datetime import time
from functools import cache

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.timezone import now

MIN_SESSION_MINUTES = 5
MAX_SESSION_MINUTES = 180


@cache
def timezone_names() -> tuple[str, ...]:
    """IANA zone names the machine knows, sorted, for validation and pickers."""
    return tuple(sorted(zoneinfo.available_timezones() - {"localtime", "Factory"}))


def validate_timezone(value: str) -> None:
    if value not in timezone_names():
        raise ValidationError(
            "“%(value)s” is not a known time zone; use an IANA name such as Europe/Paris.",
            code="invalid_timezone",
            params={"value": value},
        )


class ExperienceLevel(models.TextChoices):
    BEGINNER = "beginner", "Beginner"
    INTERMEDIATE = "intermediate", "Intermediate"
    ADVANCED = "advanced", "Advanced"


class Avoidance(models.TextChoices):
    """Quick cautions a practitioner can ask generated practices to respect.

    poses.models.AVOIDANCE_CAUTIONS says which pose cautions each one leaves out.
    """

    NO_INVERSIONS = "no_inversions", "No inversions"
    KNEE_FRIENDLY = "knee_friendly", "Knee-friendly"
    WRIST_FRIENDLY = "wrist_friendly", "Wrist-friendly"
    PREGNANCY_SAFE = "pregnancy_safe", "Pregnancy-safe"
    BACK_CARE = "back_care", "Back care"
    OSTEOPOROSIS_SAFE = "osteoporosis_safe", "Osteoporosis-safe"


def validate_avoidance(value) -> None:
    """A list of Avoidance values (duplicates are fine: User.clean drops them)."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValidationError(
            'Must be a list of cautions to avoid, such as ["no_inversions"].',
            code="invalid_list",
        )
    unknown = sorted(set(value) - set(Avoidance.values))
    if unknown:
        raise ValidationError(
            "Unknown caution to avoid: %(unknown)s. Choose from %(known)s.",
            code="unknown_value",
            params={"unknown": ", ".join(unknown), "known": ", ".join(Avoidance.values)},
        )


def normalize_avoidance(value):
    """Sorted, without duplicates; what is not a list of texts is left to the validator."""
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return sorted(set(value))
    return value


class Weekday(models.TextChoices):
    """Days a practice reminder may go out, in the practitioner's own time zone (Monday first,
    as date.weekday() counts)."""

    MONDAY = "mon", "Monday"
    TUESDAY = "tue", "Tuesday"
    WEDNESDAY = "wed", "Wednesday"
    THURSDAY = "thu", "Thursday"
    FRIDAY = "fri", "Friday"
    SATURDAY = "sat", "Saturday"
    SUNDAY = "sun", "Sunday"

    @classmethod
    def of(cls, day) -> "Weekday":
        """The Weekday of a date (or datetime)."""
        return list(cls)[day.weekday()]


def every_day() -> list[str]:
    return list(Weekday.values)


DEFAULT_REMINDER_TIME = time(7, 0)


def validate_weekdays(value) -> None:
    """A list of Weekday values such as ["mon", "thu"]."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValidationError('Must be a list of days such as ["mon", "thu"].', code="invalid_list")
    unknown = sorted(set(value) - set(Weekday.values))
    if unknown:
        raise ValidationError(
            "Unknown day: %(unknown)s. Choose from %(known)s.",
            code="unknown_value",
            params={"unknown": ", ".join(unknown), "known": ", ".join(Weekday.values)},
        )


def normalize_weekdays(value):
    """In week order (Monday first), without duplicates; what is not a list of texts is left to
    the validator."""
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        order = {day: index for index, day in enumerate(Weekday.values)}
        return sorted(set(value), key=lambda day: order.get(day, len(order)))
    return value


class UserManager(BaseUserManager):
    use_in_migrations = True

    @classmethod
    def normalize_email(cls, email):
        return (email or "").strip().lower()

    def get_by_natural_key(self, email):
        # Logins match however the address was capitalised at sign-up.
        return self.get(email__iexact=email)

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    # Stored lower-cased (UserManager.normalize_email); the Lower() constraint
    # below keeps uniqueness case-insensitive even for a write that skipped it.
    email = models.EmailField(
        "email address",
        max_length=254,
        unique=True,
        error_messages={"unique": "An account with this email address already exists."},
    )
    display_name = models.CharField(max_length=80, blank=True)
    experience_level = models.CharField(
        max_length=16, choices=ExperienceLevel, default=ExperienceLevel.BEGINNER
    )
    timezone = models.CharField(
        max_length=64,
        default="UTC",
        validators=[validate_timezone],
        help_text="Streaks and calendars are counted in this time zone.",
    )
    preferred_session_minutes = models.PositiveSmallIntegerField(
        default=20,
        validators=[
            MinValueValidator(MIN_SESSION_MINUTES),
            MaxValueValidator(MAX_SESSION_MINUTES),
        ],
    )
    avoid = models.JSONField(
        "poses to avoid",
        default=list,
        blank=True,
        validators=[validate_avoidance],
        help_text="Avoidance values; generated practices leave out the poses they rule out.",
    )
    # Practice reminders (practice.reminders sends them): on these local days, at this local
    # wall-clock time in `timezone`, unless they practised that day already.
    reminders_enabled = models.BooleanField(
        "practice reminders", default=False, help_text="Email me a reminder to practise."
    )
    reminder_days = models.JSONField(
        default=every_day,
        blank=True,
        validators=[validate_weekdays],
        help_text='Weekday values ("mon" … "sun") on which a reminder may go out.',
    )
    reminder_time = models.TimeField(
        default=DEFAULT_REMINDER_TIME,
        help_text="Local time of day (in the user's time zone), to the minute.",
    )
    # The local date of the last reminder sent: at most one a day, however often the job runs.
    reminder_last_sent_on = models.DateField(null=True, blank=True, editable=False)
    is_staff = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=now)
    # Bumped on every password change or reset: tokens carry the version they
    # were issued under, so every older token stops working at once.
    token_version = models.PositiveIntegerField(default=0, editable=False)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="accounts_user_email_ci_unique",
                violation_error_message="An account with this email address already exists.",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    preferred_session_minutes__gte=MIN_SESSION_MINUTES,
                    preferred_session_minutes__lte=MAX_SESSION_MINUTES,
                ),
                name="accounts_user_session_minutes_range",
            ),
        ]
        indexes = [
            # The reminder job's look-up each minute: who in these zones is due at this time.
            models.Index(
                fields=["timezone", "reminder_time"],
                condition=models.Q(reminders_enabled=True),
                name="accounts_user_reminder_due",
            ),
        ]

    def __str__(self) -> str:
        return self.email

    def clean(self):
        super().clean()
        self.email = type(self).objects.normalize_email(self.email)
        self.avoid = normalize_avoidance(self.avoid)
        self.reminder_days = normalize_weekdays(self.reminder_days)
        if isinstance(self.reminder_time, time):
            # Reminders are timed to the minute.
            self.reminder_time = self.reminder_time.replace(second=0, microsecond=0)
        if self.reminders_enabled and self.reminder_days == []:
            raise ValidationError(
                {"reminder_days": ValidationError("Choose at least one day.", code="required")}
            )

    def get_full_name(self) -> str:
        return self.display_name or self.email

    def get_short_name(self) -> str:
        return self.display_name or self.email.split("@")[0]
