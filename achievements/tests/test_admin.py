"""Staff screens: badges are editable data, awards a read-only record."""

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from achievements.models import Achievement
from achievements.tests.helpers import MONDAY, award

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_badge_list_shows_the_seeded_badges_in_order(admin_client):
    response = admin_client.get(reverse("admin:achievements_achievement_changelist"))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("First steps") < html.index("Three in a row") < html.index("Finisher")


def test_staff_change_a_badges_threshold_and_switch_it_off(admin_client):
    badge = Achievement.objects.get(code="sessions-10")
    url = reverse("admin:achievements_achievement_change", args=[badge.pk])
    data = {
        "code": badge.code,
        "name": badge.name,
        "description": badge.description,
        "icon": "🧘",
        "rule": "sessions",
        "threshold": 12,
        "sort_order": badge.sort_order,
    }  # is_active unticked

    response = admin_client.post(url, data)

    assert response.status_code == 302
    badge.refresh_from_db()
    assert (badge.threshold, badge.is_active) == (12, False)


def test_a_badge_threshold_below_one_is_refused(admin_client):
    badge = Achievement.objects.get(code="sessions-10")
    url = reverse("admin:achievements_achievement_change", args=[badge.pk])

    response = admin_client.post(
        url,
        {
            "code": badge.code,
            "name": "x",
            "description": "x",
            "icon": "x",
            "rule": "sessions",
            "threshold": 0,
            "sort_order": 0,
        },
    )

    assert response.status_code == 200
    badge.refresh_from_db()
    assert badge.threshold == 10


def test_awards_are_searchable_by_email_and_read_only(admin_client):
    award(UserFactory(email="warrior@example.com"), "first-practice", MONDAY)
    award(UserFactory(email="lotus@example.com"), "first-practice", MONDAY)
    changelist = reverse("admin:achievements_userachievement_changelist")

    response = admin_client.get(changelist, {"q": "warrior"})

    html = response.content.decode()
    assert "warrior@example.com" in html and "lotus@example.com" not in html
    assert admin_client.get(reverse("admin:achievements_userachievement_add")).status_code == 403
