"""'Your data' in the API: export as JSON or CSV, delete the account (yogaflow.account_data)."""

import json

from django.http import StreamingHttpResponse
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.utils import encoders
from rest_framework.views import APIView

from accounts.api.views import MeView as AccountsMeView
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
        description="Profile (with the poses to avoid), own sequences with their poses, "
        "practice sessions, favorites, badges and pose ratings. Never the password or tokens.",
        responses={200: OpenApiTypes.OBJECT, **error_responses(401)},
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
