"""The achievements API: every active badge with earned flag, date and progress."""

from drf_spectacular.utils import extend_schema
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from achievements.api.serializers import BadgeSerializer, badge_rows
from achievements.selectors import badges_for
from yogaflow.core.api.schema import error_responses


class AchievementListView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="achievements_list",
        tags=["achievements"],
        summary="Badges, earned and locked",
        description="Every active badge in display order: earned ones carry `earned_at`, "
        "locked ones their progress towards `threshold`. Not paginated (a few dozen at most).",
        responses={200: BadgeSerializer(many=True), **error_responses(401)},
    )
    def get(self, request):
        # Plain dicts (badge_rows): BadgeSerializer's answer, built cheaply.
        return Response(badge_rows(badges_for(request.user)))
