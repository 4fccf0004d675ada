"""The sessions API: one's practice history, and recording from the mobile app.

Thin over practice.selectors (history, own_session: another user's session
answers 404) and practice.services (record_practice, update_session,
delete_session), the same functions the history pages call.
"""

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from practice import selectors, services
from practice.api import serializers
from practice.forms import HistoryFilters
from practice.models import Source
from yogaflow.core.api.filters import filter_parameters, query_filters
from yogaflow.core.api.schema import error_responses

TAGS = ["sessions"]
MAX_ID = 2**63 - 1
PK = OpenApiParameter(
    "id",
    {"type": "integer", "minimum": 1, "maximum": MAX_ID},
    OpenApiParameter.PATH,
    description="The session’s id.",
)
NOT_YOURS = {404: "No such session, or another user's."}
LIST_ERRORS = {
    400: 'A query parameter is invalid (see `detail[].loc`, e.g. `["query", "date_from"]`).',
    404: "No such page.",
}
RECORD_RULES = {
    400: "Invalid body, or a broken rule: a start or end in the future, an end before the "
    "start, more practice than the time between start and end, over 6 hours, more poses "
    "than the sequence has; a generated practice the choices and seed cannot make again, or "
    "both `sequence` and `generated`.",
    404: "No such sequence, or another user's private one.",
}
FILTER_DESCRIPTIONS = {
    "date_from": "From this day (YYYY-MM-DD, in the practitioner's time zone).",
    "date_to": "Up to and including this day (YYYY-MM-DD).",
    "style": "Only this style (left out: any).",
    "day": "Only this one day (YYYY-MM-DD), as the stats calendar links.",
}


def _validated(serializer_class, request, **kwargs) -> dict:
    serializer = serializer_class(data=request.data, **kwargs)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class SessionCollectionView(generics.ListAPIView):
    serializer_class = serializers.SessionSerializer

    def get_queryset(self):
        filters = query_filters(HistoryFilters, self.request)
        return selectors.history(self.request.user, **filters).prefetch_related("steps")

    @extend_schema(
        operation_id="sessions_list",
        tags=TAGS,
        summary="One's practice history",
        description="The caller's sessions, newest first, filtered by local day and style.",
        parameters=filter_parameters(HistoryFilters, FILTER_DESCRIPTIONS),
        responses={
            200: serializers.SessionSerializer(many=True),
            **error_responses(400, 401, 404, descriptions=LIST_ERRORS),
        },
    )
    def get(self, request, *args, **kwargs):
        # Plain dicts (serializers.session_rows): SessionSerializer's answer, built cheaply.
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(serializers.session_rows(page))

    @extend_schema(
        operation_id="sessions_create",
        tags=TAGS,
        summary="Record a practice",
        description="Idempotent per `client_id`: a retry answers 200 with the session already "
        "recorded. `awarded` lists the badges this session earned.",
        request=serializers.SessionRecordSerializer,
        responses={
            201: serializers.RecordedSessionSerializer,
            200: OpenApiResponse(
                serializers.RecordedSessionSerializer,
                description="Already recorded under this `client_id` (nothing new awarded).",
            ),
            **error_responses(400, 401, 404, 415, descriptions=RECORD_RULES),
        },
    )
    def post(self, request):
        fields = _validated(serializers.SessionRecordSerializer, request)
        if fields.get("generated") is not None:
            fields["generated"] = dict(fields["generated"])
        fields["client_clock"] = fields.pop("sent_at", None)
        if "steps" in fields:
            fields["steps"] = [dict(step) for step in fields["steps"]]
        result = services.record_practice(user=request.user, source=Source.API, **fields)
        # Plain dicts (serializers.recorded_row): RecordedSessionSerializer's answer.
        body = serializers.recorded_row(result.session, result.awarded)
        return Response(body, status=status.HTTP_201_CREATED if result.created else 200)


class SessionDetailView(APIView):
    @extend_schema(
        operation_id="sessions_retrieve",
        tags=TAGS,
        summary="One of one's sessions",
        parameters=[PK],
        responses={
            200: serializers.SessionSerializer,
            **error_responses(401, 404, descriptions=NOT_YOURS),
        },
    )
    def get(self, request, pk):
        session = selectors.own_session(request.user, pk)
        return Response(serializers.session_rows([session])[0])

    @extend_schema(
        operation_id="sessions_partial_update",
        tags=TAGS,
        summary="Change the notes, mood or energy of one's session",
        description="Only the fields sent change; the times and the sequence stay as recorded.",
        parameters=[PK],
        request=serializers.SessionFeelingsSerializer,
        responses={
            200: serializers.SessionSerializer,
            **error_responses(400, 401, 404, 415, descriptions=NOT_YOURS),
        },
    )
    def patch(self, request, pk):
        session = selectors.own_session(request.user, pk)
        fields = _validated(serializers.SessionFeelingsSerializer, request, partial=True)
        services.update_session(user=request.user, session=session, **fields)
        return Response(serializers.SessionSerializer(session).data)

    @extend_schema(
        operation_id="sessions_destroy",
        tags=TAGS,
        summary="Delete one of one's sessions",
        description="Badges already earned stay earned.",
        parameters=[PK],
        responses={
            204: OpenApiResponse(description="Deleted."),
            **error_responses(401, 404, descriptions=NOT_YOURS),
        },
    )
    def delete(self, request, pk):
        session = selectors.own_session(request.user, pk)
        services.delete_session(user=request.user, session=session)
        return Response(status=status.HTTP_204_NO_CONTENT)
