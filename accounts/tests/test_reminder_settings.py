"""Practice reminder settings on the profile page and through auth/me: the same rules (model),
two skins. (Sending them: practice/tests/test_reminders.py.)"""

from datetime import date, time

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts import services
from accounts.models import Weekday

pytestmark = pytest.mark.django_db

ME = "/api/v1/auth/me"
PROFILE_URL = reverse("accounts:profile")


def messages_at(response, *loc) -> list[str]:
    return [item["msg"] for item in response.json()["detail"] if tuple(item["loc"]) == loc]


def test_me_shows_the_reminder_settings_off_by_default(auth_api_client):
    body = auth_api_client.get(ME).json()

    assert body["reminders_enabled"] is False
    assert body["reminder_days"] == ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    assert body["reminder_time"] == "07:00"


def test_me_changes_the_reminders_and_keeps_the_days_in_week_order(auth_api_client, user):
    response = auth_api_client.patch(
        ME,
        {
            "reminders_enabled": True,
            "reminder_days": ["fri", "mon", "fri"],
            "reminder_time": "18:45",
        },
        format="json",
    )

    assert response.status_code == 200, response.content
    assert response.json()["reminder_days"] == ["mon", "fri"]
    assert response.json()["reminder_time"] == "18:45"
    user.refresh_from_db()
    assert (user.reminders_enabled, user.reminder_days, user.reminder_time) == (
        True,
        ["mon", "fri"],
        time(18, 45),
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("reminder_time", "7:30"),
        ("reminder_time", "24:00"),
        ("reminder_time", "07:60"),
        ("reminder_time", "07:30:00"),
        ("reminder_time", 730),
        ("reminder_time", None),
        ("reminder_days", ["someday"]),
        ("reminder_days", "mon"),
        ("reminder_days", [1]),
        ("reminders_enabled", "yes"),
        ("reminders_enabled", 1),
    ],
)
def test_me_refuses_a_malformed_reminder_setting_with_a_400(auth_api_client, user, field, value):
    response = auth_api_client.patch(ME, {field: value}, format="json")

    assert response.status_code == 400, response.content
    assert response.json()["error"] == "Validation Error"
    assert any(item["loc"][:2] == ["body", field] for item in response.json()["detail"])
    user.refresh_from_db()
    assert user.reminder_time == time(7, 0) and user.reminders_enabled is False


def test_reminders_on_need_at_least_one_day(auth_api_client, user):
    response = auth_api_client.patch(
        ME, {"reminders_enabled": True, "reminder_days": []}, format="json"
    )

    assert response.status_code == 400
    assert messages_at(response, "body", "reminder_days") == ["Choose at least one day."]
    user.refresh_from_db()
    assert user.reminders_enabled is False


# The user is only overwritten by each example, never read before it: sharing it is fine.
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    days=st.lists(st.sampled_from(Weekday.values), max_size=10),
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
)
def test_any_valid_choice_is_stored_in_week_order_to_the_minute(user, days, hour, minute):
    services.update_profile(
        user=user, reminder_days=days, reminder_time=time(hour, minute, 30), reminders_enabled=False
    )
    user.refresh_from_db()
    order = list(Weekday.values)
    assert user.reminder_days == sorted(set(days), key=order.index)
    assert user.reminder_time == time(hour, minute)


def test_the_profile_page_sets_the_reminders(client, user):
    client.force_login(user)
    page = client.get(PROFILE_URL).content.decode()
    assert "Practice reminders" in page and 'type="time"' in page

    response = client.post(
        PROFILE_URL,
        {
            "display_name": "Mira",
            "experience_level": "beginner",
            "timezone": "Asia/Tokyo",
            "preferred_session_minutes": "20",
            "reminders_enabled": "on",
            "reminder_days": ["tue", "sat"],
            "reminder_time": "06:15",
        },
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.reminders_enabled, user.reminder_days, user.reminder_time) == (
        True,
        ["tue", "sat"],
        time(6, 15),
    )


def test_the_profile_page_shows_why_reminders_without_days_are_refused(client, user):
    client.force_login(user)
    response = client.post(
        PROFILE_URL,
        {
            "display_name": "Mira",
            "experience_level": "beginner",
            "timezone": "UTC",
            "preferred_session_minutes": "20",
            "reminders_enabled": "on",
            "reminder_time": "06:15",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["reminder_days"] == ["Choose at least one day."]


def test_a_reminder_is_claimed_once_a_local_day(user):
    services.update_profile(user=user, reminders_enabled=True)
    day = date(2026, 5, 4)

    claims = [services.claim_reminder(user_id=user.pk, local_date=day) for _ in range(3)]

    assert claims == [True, False, False]
    assert services.claim_reminder(user_id=user.pk, local_date=date(2026, 5, 5)) is True


def test_unsubscribing_is_idempotent_and_needs_only_the_token(user):
    services.update_profile(user=user, reminders_enabled=True)
    token = services.reminder_unsubscribe_token(user)

    services.unsubscribe_from_reminders(token=token)
    services.unsubscribe_from_reminders(token=token)

    user.refresh_from_db()
    assert user.reminders_enabled is False
    assert services.claim_reminder(user_id=user.pk, local_date=date(2026, 5, 4)) is False
