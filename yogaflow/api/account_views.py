"""'Your data' in the API: export as JSON or CSV, delete the account (yogaflow.account_data)."""

import json

from django.contrib.auth import get_user_model
from django.http import StreamingHttpResponse
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.utils import encoders
from rest_framework.views import APIView

from accounts.api.serializers import LocalTimeField
from accounts.api.views import MeView as AccountsMeView
from accounts.models import Avoidance, Weekday
from achievements.models import UserAchievement
from poses.models import PoseRating
from practice.models import PracticeSession, PracticeStep
from sequences.models import Favorite, Sequence, SequencePose
from yogaflow import account_data
from yogaflow.core.api.fields import StrictCharField
from yogaflow.core.api.schema import RETRY_AFTER, error_responses

TAGS = ["auth"]


def _api_dumps(value) -> str:
    """JSON as rest_framework.renderers.JSONRenderer writes it with our settings (compact,
    UTF-8, strict, U+2028/U+2029 escaped)."""
    text = json.dumps(
        value,
        cls=encoders.JSONEncoder,
        ensure_ascii=False,
        allow_nan=False,
        separators=(",", ":"),
    )
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


class DeleteAccountSerializer(serializers.Serializer):
    password = StrictCharField(max_length=4096, trim_whitespace=False)


# --- the export's shape (documentation only: yogaflow.account_data builds the body) ---------


def _answer(model, field_names: tuple[str, ...], **declared) -> type[serializers.Serializer]:
    """A serializer of `model`'s fields by those names, each always present: types, choices and
    blank values as the model has them (read-only fields would drop the blank)."""
    editable = {field.name for field in model._meta.get_fields() if getattr(field, "editable", 0)}
    required = {name: {"required": True} for name in field_names if name in editable}
    meta = type("Meta", (), {"model": model, "fields": field_names, "extra_kwargs": required})
    return type(
        f"Export{model.__name__}Serializer",
        (serializers.ModelSerializer,),
        {"Meta": meta, **declared},
    )


def _slug_of(what: str) -> serializers.CharField:
    return serializers.CharField(read_only=True, help_text=f"The {what}'s slug.")


ExportProfileSerializer = _answer(
    get_user_model(),
    (*account_data.PROFILE_FIELDS, "date_joined"),
    avoid=serializers.ListField(child=serializers.ChoiceField(Avoidance.choices), read_only=True),
    reminder_days=serializers.ListField(
        child=serializers.ChoiceField(Weekday.choices),
        read_only=True,
        help_text="Local days a practice reminder may go out, Monday first.",
    ),
    reminder_time=LocalTimeField(
        read_only=True,
        help_text='Local time of day of the reminder, "HH:MM" (24 h) in `timezone`.',
    ),
)
ExportSequencePoseSerializer = _answer(
    SequencePose, ("position", "pose", "duration_seconds", "side", "cue"), pose=_slug_of("pose")
)
ExportSequenceSerializer = _answer(
    Sequence,
    (
        "slug",
        "title",
        "description",
        "difficulty",
        "focus",
        "style",
        "visibility",
        "created_at",
        "updated_at",
        "poses",
    ),
    poses=ExportSequencePoseSerializer(many=True, read_only=True),
)
ExportStepSerializer = _answer(
    PracticeStep,
    ("pose", "name", "side", "seconds_held"),
    pose=_slug_of("pose"),
    name=serializers.CharField(read_only=True, help_text="The pose's English name then."),
)
ExportSessionSerializer = _answer(
    PracticeSession,
    (*account_data.SESSION_FIELDS, "steps"),
    steps=ExportStepSerializer(many=True, read_only=True, help_text="The steps done, in order."),
)
ExportFavoriteSerializer = _answer(
    Favorite, ("sequence", "created_at"), sequence=_slug_of("sequence")
)
ExportAchievementSerializer = _answer(
    UserAchievement,
    ("code", "earned_at"),
    code=serializers.CharField(read_only=True, help_text="The badge's code."),
)
ExportPoseRatingSerializer = _answer(
    PoseRating, ("pose", "rating", "created_at", "updated_at"), pose=_slug_of("pose")
)


class ExportSerializer(serializers.Serializer):
    """Everything one's account holds, as GET auth/me/export answers it."""

    exported_at = serializers.DateTimeField(read_only=True)
    profile = ExportProfileSerializer(read_only=True)
    sequences = ExportSequenceSerializer(many=True, read_only=True)
    practice_sessions = ExportSessionSerializer(many=True, read_only=True)
    favorites = ExportFavoriteSerializer(many=True, read_only=True)
    achievements = ExportAchievementSerializer(many=True, read_only=True)
    pose_ratings = ExportPoseRatingSerializer(many=True, read_only=True)


class _DeleteWithBodySchema(AutoSchema):
    """drf-spectacular documents bodies for PUT/PATCH/POST only; DELETE auth/me takes one too."""

    def _get_request_body(self, direction="request"):
        if self.method != "DELETE":
            return super()._get_request_body(direction)
        self.method = "POST"
        try:
            return super()._get_request_body(direction)
        finally:
            self.method = "DELETE"


class MeView(AccountsMeView):
    """auth/me with DELETE added: the wiring package owns deletion, accounts cannot import it."""

    schema = _DeleteWithBodySchema()

    @extend_schema(
        operation_id="auth_me_delete",
        tags=TAGS,
        summary="Delete the account",
        description="Deletes the account and everything it owns (sessions, own sequences, "
        "favorites, badges, pose ratings); every token dies with it. A wrong password: 400, "
        "nothing deleted; it counts as a failed login (five lock the account out: 429).",
        request=DeleteAccountSerializer,
        responses={
            204: OpenApiResponse(description="Account deleted."),
            **error_responses(400, 401, 415, 429),
        },
        parameters=[RETRY_AFTER],
    )
    def delete(self, request):
        serializer = DeleteAccountSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        account_data.delete_account(
            request=request._request, user=request.user, **serializer.validated_data
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class ExportView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="auth_me_export",
        tags=TAGS,
        summary="Download all of one's data (JSON)",
        description="Profile (with the poses to avoid and the reminder settings), own sequences "
        "with their poses, practice sessions, favorites, badges and pose ratings. Never the "
        "password or tokens.",
        responses={200: ExportSerializer, **error_responses(401)},
    )
    def get(self, request):
        # Streamed as read (constant memory): the very text DRF's JSONRenderer would write.
        chunks = account_data.export_user_data_json(request.user, dumps=_api_dumps, indent=None)
        return StreamingHttpResponse(chunks, content_type="application/json")


class SessionsCsvView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="auth_me_sessions_csv",
        tags=TAGS,
        summary="Download one's sessions (CSV)",
        description="One row per session, oldest first, times in the user's own time zone. "
        "Cells that a spreadsheet would run as a formula start with a single quote.",
        responses={
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="The CSV file."),
            **error_responses(401),
        },
    )
    def get(self, request):
        chunks = account_data.sessions_csv_chunks(request.user)
        response = StreamingHttpResponse(chunks, content_type="text/csv")
        filename = account_data.export_filename(request.user, "csv")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
