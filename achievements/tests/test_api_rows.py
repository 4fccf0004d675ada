"""Issue 15: GET /api/v1/achievements answers plain dicts (badge_rows) that are, byte for
byte, what BadgeSerializer answered: earned and locked badges, staff-added ones, any text."""

from datetime import UTC, datetime

import pytest
from rest_framework.renderers import JSONRenderer

from achievements.api.serializers import BadgeSerializer, badge_rows
from achievements.models import Achievement
from achievements.selectors import badges_for
from achievements.tests.helpers import award, practise_days

pytestmark = pytest.mark.django_db


def test_badge_rows_are_the_serializers_answer_byte_for_byte(auth_api_client, user):
    Achievement.objects.create(
        code="moon-2",
        name="Chandra “moon” ✓",
        description="Two\\nlines \u2028 é",
        icon="🌙",
        rule="sessions",
        threshold=2,
    )
    practise_days(user, 4)
    award(user, "first-practice", datetime(2026, 1, 12, 10, 0, 0, 123456, tzinfo=UTC))
    award(user, "streak-3", datetime(2026, 1, 12, 10, 0, tzinfo=UTC))

    badges = badges_for(user)
    expected = JSONRenderer().render(BadgeSerializer(badges, many=True).data)

    assert JSONRenderer().render(badge_rows(badges)) == expected
    response = auth_api_client.get("/api/v1/achievements")
    assert response.status_code == 200
    assert response.content == expected
    assert {row["earned"] for row in response.json()} == {True, False}
