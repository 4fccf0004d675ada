"""GET /api/v1/stats: authentication, the numbers and day map, and the query bound."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from practice.tests.factories import PracticeSessionFactory, bulk_history

pytestmark = pytest.mark.django_db
URL = "/api/v1/stats"
NOW = datetime(2026, 3, 11, 12, 0, tzinfo=ZoneInfo("UTC"))


@pytest.fixture(autouse=True)
def _frozen_today():
    with time_machine.travel(NOW, tick=False):
        yield


def test_anonymous_callers_get_401_in_the_error_shape(api_client):
    response = api_client.get(URL)

    assert response.status_code == 401
    assert set(response.json()) == {"error", "message", "detail"}


def test_stats_answer_the_numbers_weeks_breakdowns_and_day_map(auth_api_client, user, other_user):
    for day in (date(2026, 3, 9), date(2026, 3, 10)):
        PracticeSessionFactory(user=user, local_date=day, duration_seconds=1500, style="yin")
    PracticeSessionFactory(user=other_user, local_date=date(2026, 3, 10))

    body = auth_api_client.get(URL).json()

    assert body["today"] == "2026-03-11"
    assert (body["total_sessions"], body["total_minutes"], body["average_minutes"]) == (2, 50, 25)
    assert (body["current_streak"], body["longest_streak"]) == (2, 2)
    assert body["this_week"] == {"start": "2026-03-09", "sessions": 2, "minutes": 50}
    assert len(body["weeks"]) == 12 and body["weeks"][-1]["minutes"] == 50
    assert body["styles"] == [{"key": "yin", "label": "Yin", "sessions": 2, "minutes": 50}]
    assert body["days"] == [
        {"date": "2026-03-09", "minutes": 25},
        {"date": "2026-03-10", "minutes": 25},
    ]
    assert body["top_poses"] == []


@pytest.mark.parametrize("count", [0, 10_000])
def test_stats_run_the_same_few_queries_at_0_and_10000_sessions(
    auth_api_client, user, count, django_assert_num_queries
):
    start = NOW - timedelta(days=1)
    bulk_history(user, count, last=start, cycle_days=1800)

    with django_assert_num_queries(3):  # blacklist check + user + the one stats query
        response = auth_api_client.get(URL)

    assert response.status_code == 200
    assert response.json()["total_sessions"] == count
