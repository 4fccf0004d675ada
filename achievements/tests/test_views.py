"""The badges page: earned with dates in the user's zone, locked with progress."""

from datetime import datetime

import pytest
from django.urls import reverse

from achievements.tests.helpers import UTC, award, practise_days

pytestmark = pytest.mark.django_db
URL = reverse("achievements:badges")


def test_badges_page_needs_a_login(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_new_member_sees_every_badge_locked_with_zero_progress(member_client):
    response = member_client.get(URL)

    assert response.status_code == 200
    assert response.context["earned"] == []
    assert len(response.context["locked"]) == response.context["total"] >= 15
    assert "No badges yet" in response.content.decode()


def test_locked_streak_badge_shows_days_and_an_accessible_progress_bar(member_client, user):
    practise_days(user, 4)

    html = member_client.get(URL).content.decode()

    assert "4 / 7 days" in html
    assert 'role="progressbar"' in html
    assert 'aria-valuenow="4"' in html and 'aria-valuemax="7"' in html
    assert 'aria-valuetext="4 of 7"' in html


def test_earned_badge_shows_its_date_in_the_users_time_zone(member_client, user):
    user.timezone = "Asia/Tokyo"
    user.save(update_fields=["timezone"])
    practise_days(user, 1)
    # 20:00 UTC on 1 March is already 2 March in Tokyo.
    award(user, "first-practice", datetime(2026, 3, 1, 20, 0, tzinfo=UTC))

    response = member_client.get(URL)

    html = response.content.decode()
    assert [item["achievement"].code for item in response.context["earned"]] == ["first-practice"]
    assert "Earned" in html and "2 March 2026" in html
    assert "first-practice" not in [i["achievement"].code for i in response.context["locked"]]
    assert 'class="badge badge--earned"' in html
    assert "(locked)" in html  # the rest are marked in words, not only by colour


def test_inactive_badges_are_not_shown(member_client):
    from achievements.models import Achievement

    Achievement.objects.filter(code="night-owl").update(is_active=False)

    response = member_client.get(URL)

    assert "Night owl" not in response.content.decode()


@pytest.mark.parametrize("days", [0, 300])
def test_badges_page_runs_a_constant_number_of_queries(
    member_client, user, django_assert_max_num_queries, days
):
    practise_days(user, days)
    if days:
        award(user, "first-practice", datetime(2026, 1, 1, tzinfo=UTC))

    # session, user + badges_for: awards, totals, runs, own sequences, badges
    with django_assert_max_num_queries(7):
        response = member_client.get(URL)

    assert response.status_code == 200


@pytest.mark.parametrize("days", [0, 300])
def test_badges_for_stays_within_six_queries(user, django_assert_max_num_queries, days):
    from achievements.selectors import badges_for

    practise_days(user, days)

    with django_assert_max_num_queries(6):
        badges_for(user)
