"""The stats page: login, empty state, the pictures, the month calendar's links, query bound."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from practice.tests.factories import PracticeSessionFactory, bulk_history

pytestmark = pytest.mark.django_db
URL = reverse("practice:stats")
NOW = datetime(2026, 3, 11, 12, 0, tzinfo=ZoneInfo("UTC"))


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def _frozen_today():
    with time_machine.travel(NOW, tick=False):
        yield


def sessions_on(user, *days, minutes=25, **kwargs):
    for day in days:
        PracticeSessionFactory(user=user, local_date=day, duration_seconds=minutes * 60, **kwargs)


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_new_practitioner_sees_an_empty_state_with_ways_to_start(signed_in):
    response = signed_in.get(URL)

    assert response.status_code == 200
    assert b"No practice recorded yet." in response.content
    assert reverse("practice:log").encode() in response.content
    html = response.content.decode()
    assert f'<a class="button" href="{reverse("sequences:catalog")}">Find a sequence</a>' in html
    assert f'href="{reverse("practice:log")}">Log a practice</a>' in html
    assert b"<svg" not in response.content


def test_the_page_shows_the_numbers_calendar_and_weekly_chart(signed_in, user):
    sessions_on(user, date(2026, 3, 3), date(2026, 3, 10), style="yin")

    html = signed_in.get(URL).content.decode()

    assert "Current streak" in html and "Longest streak" in html
    assert "<title>3 Mar 2026: 25 min</title>" in html
    assert html.count('class="heat heat--') >= 365
    assert html.count('class="bar-chart__bar') == 12
    assert 'role="img"' in html and "Show as a table" in html
    assert "Yin" in html


def test_each_practised_day_of_the_month_links_to_that_days_history(signed_in, user):
    sessions_on(user, date(2026, 3, 3))

    html = signed_in.get(URL).content.decode()

    assert f'href="{reverse("practice:history")}?day=2026-03-03"' in html
    assert "?day=2026-03-04" not in html


def test_month_parameter_shows_an_older_month_with_prev_and_next_links(signed_in, user):
    sessions_on(user, date(2024, 5, 17))

    html = signed_in.get(URL, {"month": "2024-05"}).content.decode()

    assert "May 2024" in html
    assert "?day=2024-05-17" in html
    assert "?month=2024-04" in html and "?month=2024-06" in html


@pytest.mark.parametrize("month", ["2026-13", "nonsense", "2030-01", "0001-01"])
def test_an_invalid_or_future_month_falls_back_to_this_month(signed_in, user, month):
    sessions_on(user, date(2026, 3, 3))

    response = signed_in.get(URL, {"month": month})

    assert response.status_code == 200
    assert "March 2026" in response.content.decode()


def test_top_poses_link_to_their_pose_pages(signed_in, user):
    from sequences.tests.factories import SequenceFactory

    sequence = SequenceFactory(poses=2)
    pose = sequence.items.order_by("position").first().pose
    sessions_on(user, date(2026, 3, 10), sequence=sequence, poses_completed=2)

    html = signed_in.get(URL).content.decode()

    assert reverse("poses:detail", args=[pose.slug]) in html


@pytest.mark.parametrize("count", [10, 10_000])
def test_the_page_runs_the_same_few_queries_at_10_and_10000_sessions(
    signed_in, user, count, django_assert_num_queries
):
    start = NOW - timedelta(days=1)
    bulk_history(user, count, last=start, cycle_days=1800)

    with django_assert_num_queries(3):  # session + user + the one stats query
        response = signed_in.get(URL)

    assert response.status_code == 200
