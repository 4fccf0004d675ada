"""The stats API: practice.stats.practice_stats, written as StatsSerializer writes it."""

from drf_spectacular.utils import extend_schema
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from practice.api.stats_serializers import StatsSerializer, stats_row
from practice.stats import cached_practice_stats
from yogaflow.core.api.schema import error_responses


class StatsView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="stats_retrieve",
        tags=["stats"],
        summary="My practice statistics",
        description=(
            "Totals, streaks, this week and month, the last 12 weeks, breakdowns by style "
            "and focus, the most practised poses and a day map for the year calendar — "
            "all in the practitioner's own time zone."
        ),
        responses={200: StatsSerializer, **error_responses(401)},
    )
    def get(self, request):
        return Response(stats_row(cached_practice_stats(request.user)))
