"""GET /api/v1/achievements: the badges page's rows as JSON, with a real JWT."""

from datetime import datetime

import pytest

from achievements.tests.helpers import UTC, award, practise_days

pytestmark = pytest.mark.django_db
URL = "/api/v1/achievements"
FIELDS = {
    "code",
    "name",
    "description",
    "icon",
    "rule",
    "threshold",
    "unit",
    "earned",
    "earned_at",
    "progress",
}


def test_anonymous_caller_gets_401_in_the_error_shape(api_client):
    response = api_client.get(URL)

    assert response.status_code == 401
    assert set(response.json()) == {"error", "message", "detail"}


def test_lists_every_active_badge_with_earned_flag_and_progress(auth_api_client, user):
    practise_days(user, 4)
    award(user, "first-practice", datetime(2026, 1, 9, 7, 0, tzinfo=UTC))

    response = auth_api_client.get(URL)

    assert response.status_code == 200
    badges = {badge["code"]: badge for badge in response.json()}
    assert len(badges) >= 15
    assert all(set(badge) == FIELDS for badge in badges.values())
    first, week = badges["first-practice"], badges["streak-7"]
    assert first["earned"] is True
    assert first["earned_at"].startswith("2026-01-09T")
    assert first["progress"] == first["threshold"] == 1
    assert week == {
        **week,
        "earned": False,
        "earned_at": None,
        "progress": 4,
        "threshold": 7,
        "rule": "streak_days",
        "unit": "days",
    }
    assert (badges["first-practice"]["unit"], badges["minutes-60"]["unit"]) == (
        "sessions",
        "minutes",
    )


def test_other_users_awards_are_not_mine(auth_api_client, other_user):
    award(other_user, "first-practice", datetime(2026, 1, 9, tzinfo=UTC))

    badges = auth_api_client.get(URL).json()

    assert not any(badge["earned"] for badge in badges)


@pytest.mark.parametrize("days", [0, 300])
def test_achievements_endpoint_runs_a_constant_number_of_queries(
    auth_api_client, user, django_assert_max_num_queries, days
):
    practise_days(user, days)

    # user (token) + badges_for (5); the token blacklist check may add one
    with django_assert_max_num_queries(7):
        response = auth_api_client.get(URL)

    assert response.status_code == 200
