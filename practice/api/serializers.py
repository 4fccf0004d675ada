"""Shapes of the sessions API: answers, and input that checks shape and JSON types only.

The rules — no future start, at most 6 hours, no more practice than the wall
time between start and end, poses completed within the sequence — are
practice.services.record_practice's. No serializer here saves anything.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.dateparse import parse_datetime
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from practice.models import (
    MAX_NOTES_LENGTH,
    MAX_SESSION_SECONDS,
    MAX_STEPS,
    MAX_TITLE_LENGTH,
    PracticeSession,
    PracticeStep,
    Side,
)
from practice.times import check_moment
from sequences.api.serializers import GenerateSerializer
from sequences.models import Focus, Style
from yogaflow.core.api.fields import (
    StrictBooleanField,
    StrictCharField,
    StrictIntegerField,
    moment_text,
)

# --- answers -----------------------------------------------------------------


class StepSerializer(serializers.ModelSerializer):
    """One pose done: which, on which side, held how many seconds."""

    pose = serializers.CharField(source="pose_slug", read_only=True, help_text="The pose's slug.")
    name = serializers.CharField(source="pose_name", read_only=True)

    class Meta:
        model = PracticeStep
        fields = ("position", "pose", "name", "side", "seconds_held")
        read_only_fields = fields


class SessionSerializer(serializers.ModelSerializer):
    """One recorded practice."""

    sequence = serializers.SlugRelatedField(
        slug_field="slug",
        read_only=True,
        allow_null=True,
        help_text="The sequence practised, or null (a manual log, or a sequence since deleted).",
    )
    title = serializers.CharField(
        source="sequence_title", read_only=True, help_text="Kept when the sequence goes."
    )
    style = serializers.ChoiceField(
        Style.choices, allow_blank=True, read_only=True, help_text="Empty when not known."
    )
    focus = serializers.ChoiceField(
        Focus.choices, allow_blank=True, read_only=True, help_text="Empty when not known."
    )
    local_date = serializers.DateField(
        read_only=True, help_text="The day in the practitioner's time zone when it started."
    )
    completed = serializers.BooleanField(
        read_only=True,
        help_text="Practised: more than half the planned time held (always, for a manual log).",
    )
    steps = StepSerializer(
        many=True, read_only=True, help_text="The poses done, in order (empty when not known)."
    )

    class Meta:
        model = PracticeSession
        fields = (
            "id",
            "client_id",
            "sequence",
            "title",
            "style",
            "focus",
            "started_at",
            "ended_at",
            "local_date",
            "duration_seconds",
            "completed",
            "poses_completed",
            "steps",
            "mood_before",
            "mood_after",
            "energy_before",
            "energy_after",
            "notes",
            "source",
            "created_at",
        )
        read_only_fields = fields


def session_rows(sessions) -> list[dict]:
    """Each session (sequence joined, steps prefetched) as SessionSerializer answers it, built
    as plain dicts: the same JSON byte for byte (test_api_rows holds it), without DRF's
    field-by-field work on every row of a history page."""
    return [
        {
            "id": session.pk,
            "client_id": None if session.client_id is None else str(session.client_id),
            "sequence": session.sequence.slug if session.sequence_id is not None else None,
            "title": session.sequence_title,
            "style": session.style,
            "focus": session.focus,
            "started_at": moment_text(session.started_at),
            "ended_at": moment_text(session.ended_at),
            "local_date": session.local_date.isoformat(),
            "duration_seconds": session.duration_seconds,
            "completed": bool(session.completed),
            "poses_completed": session.poses_completed,
            "steps": [
                {
                    "position": step.position,
                    "pose": step.pose_slug,
                    "name": step.pose_name,
                    "side": step.side,
                    "seconds_held": step.seconds_held,
                }
                for step in session.steps.all()
            ],
            "mood_before": session.mood_before,
            "mood_after": session.mood_after,
            "energy_before": session.energy_before,
            "energy_after": session.energy_after,
            "notes": session.notes,
            "source": session.source,
            "created_at": moment_text(session.created_at),
        }
        for session in sessions
    ]


class AwardSerializer(serializers.Serializer):
    """A badge the session earned (the achievements app answers these objects)."""

    code = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)
    icon = serializers.CharField(read_only=True)


class RecordedSessionSerializer(SessionSerializer):
    """A session just recorded, with the badges it earned (none when already recorded)."""

    awarded = AwardSerializer(many=True, read_only=True)

    class Meta(SessionSerializer.Meta):
        fields = (*SessionSerializer.Meta.fields, "awarded")
        read_only_fields = fields


def recorded_row(session, awarded) -> dict:
    """A session just recorded with the badges it earned (objects with code, name and icon), as
    RecordedSessionSerializer answers it, built as a plain dict (test_api_rows holds it)."""
    row = session_rows([session])[0]
    row["awarded"] = [
        {"code": str(badge.code), "name": str(badge.name), "icon": str(badge.icon)}
        for badge in awarded
    ]
    return row


# --- input -------------------------------------------------------------------


@extend_schema_field({"type": "string", "format": "uuid"})
class StrictUUIDField(serializers.UUIDField):
    """A UUID string only (DRF's also takes an integer)."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


def _scale(label: str) -> StrictIntegerField:
    return StrictIntegerField(
        required=False, allow_null=True, min_value=1, max_value=5, help_text=f"{label}, 1–5."
    )


class SessionFeelingsSerializer(serializers.Serializer):
    """What may change after a practice: how it felt, and the notes."""

    notes = StrictCharField(
        required=False,
        allow_blank=True,
        max_length=MAX_NOTES_LENGTH,
        help_text=f"Up to {MAX_NOTES_LENGTH} characters.",
    )
    mood_before = _scale("Mood before")
    mood_after = _scale("Mood after")
    energy_before = _scale("Energy before")
    energy_after = _scale("Energy after")


@extend_schema_field(
    {"type": "string", "format": "date-time", "pattern": r".*(Z|[+-]\d{2}:?\d{2})$"}
)
class AwareDateTimeField(serializers.DateTimeField):
    """An ISO 8601 time with its offset from UTC (`Z` or `+01:00`), in 1970–2099. A time
    without one is refused: read as UTC it would move the practice by the phone's offset."""

    default_error_messages = {
        "naive": "Give the time with its offset from UTC (e.g. 2026-03-01T07:00:00+01:00): "
        "without one the server cannot know when it was."
    }

    def to_internal_value(self, value):
        if not isinstance(value, str):
            self.fail("invalid", format="ISO 8601 with an offset")
        parsed = parse_datetime(value.strip()) if _parseable(value) else None
        if parsed is None:
            self.fail("invalid", format="YYYY-MM-DDThh:mm[:ss[.uuuuuu]]±hh:mm or Z")
        if parsed.tzinfo is None:
            self.fail("naive")
        try:
            return check_moment(parsed, field="value")
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict["value"]) from error


def _parseable(value: str) -> bool:
    try:
        parse_datetime(value.strip())
    except ValueError:
        return False
    return True


class StepInputSerializer(serializers.Serializer):
    """One pose done. Name it by `position` (1-based, in the sequence or generated practice) or
    by `pose` (a published pose's slug)."""

    position = StrictIntegerField(required=False, min_value=1, max_value=MAX_STEPS)
    pose = StrictCharField(required=False, max_length=120, help_text="A published pose's slug.")
    side = serializers.ChoiceField(Side.choices, required=False, default="", allow_blank=True)
    seconds = StrictIntegerField(
        min_value=0, max_value=MAX_SESSION_SECONDS, help_text="Seconds actually held."
    )

    def validate(self, attrs):
        if ("position" in attrs) == ("pose" in attrs):
            raise serializers.ValidationError("Give the step's `position` or its `pose`.")
        return attrs


class GeneratedPracticeSerializer(GenerateSerializer):
    """The choices and seed of a generated practice, as `POST sequences/generate` took and
    answered them: the server makes the same practice again for its title, style, focus and
    pose count."""

    seed = StrictIntegerField(
        min_value=0, max_value=2**31 - 1, help_text="The `seed` the generate answer gave."
    )


class SessionRecordSerializer(SessionFeelingsSerializer):
    """A practice done with the mobile app."""

    client_id = StrictUUIDField(
        required=False,
        allow_null=True,
        help_text="Generated by the app; sending the same id again answers the session "
        "already recorded (200) instead of a second one.",
    )
    sequence = StrictCharField(
        required=False,
        allow_null=True,
        max_length=140,
        help_text="Slug of the sequence practised (its title, style and focus are used).",
    )
    generated = GeneratedPracticeSerializer(
        required=False,
        allow_null=True,
        help_text="Instead of `sequence`: a generated practice, unsaved (its title, style and "
        "focus are used).",
    )
    title = StrictCharField(
        required=False,
        allow_blank=True,
        max_length=MAX_TITLE_LENGTH,
        help_text=f"Without a sequence; up to {MAX_TITLE_LENGTH} characters.",
    )
    style = serializers.ChoiceField(Style.choices, required=False, allow_blank=True)
    focus = serializers.ChoiceField(Focus.choices, required=False, allow_blank=True)
    started_at = AwareDateTimeField(
        help_text="Not in the future; with its offset from UTC (a time without one is a 400)."
    )
    ended_at = AwareDateTimeField(help_text="Not before `started_at`; with its offset.")
    sent_at = AwareDateTimeField(
        required=False,
        allow_null=True,
        help_text="The device's clock when it sent this request: the server moves "
        "`started_at` and `ended_at` by the device clock's error (a fast clock is no "
        '"practice in the future"). Set it anew on every retry.',
    )
    duration_seconds = StrictIntegerField(
        min_value=1,
        max_value=MAX_SESSION_SECONDS,
        help_text="Time practised, 1 s to 6 h, at most the time between start and end.",
    )
    completed = StrictBooleanField(
        required=False,
        help_text="Ignored: the server decides completion from what was held (more than half "
        "the planned time, from `steps` or else `duration_seconds`).",
    )
    poses_completed = StrictIntegerField(
        required=False,
        default=0,
        min_value=0,
        max_value=32767,
        help_text="At most the sequence's pose count; counted from `steps` when they are sent.",
    )
    steps = StepInputSerializer(
        many=True,
        required=False,
        max_length=MAX_STEPS,
        help_text="The poses done, in order, with the seconds each was held (skipped ones 0).",
    )
