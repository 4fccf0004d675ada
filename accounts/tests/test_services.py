"""The account rules, tested at the services both skins call."""

import re

import pytest
import time_machine
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from accounts import services
from accounts.exceptions import InvalidCredentials, LoginLocked
from accounts.models import User
from accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

GOOD_PASSWORD = "Sun-Salutation-108"


def request_from(ip="203.0.113.7"):
    return RequestFactory().post("/accounts/login/", REMOTE_ADDR=ip)


def errors_of(excinfo) -> dict[str, list[str]]:
    return {field: [e.code for e in errs] for field, errs in excinfo.value.error_dict.items()}


# --- register_user -----------------------------------------------------------


def test_register_user_stores_email_lower_cased_and_hashes_password():
    user = services.register_user(email="  Asana@Example.COM ", password=GOOD_PASSWORD)

    assert user.email == "asana@example.com"
    assert user.password != GOOD_PASSWORD
    assert user.check_password(GOOD_PASSWORD)


def test_register_user_keeps_profile_fields():
    user = services.register_user(
        email="a@example.com",
        password=GOOD_PASSWORD,
        display_name="Asha",
        experience_level="advanced",
        timezone="America/New_York",
        preferred_session_minutes=45,
    )
    user.refresh_from_db()
    assert (user.display_name, user.experience_level, user.timezone) == (
        "Asha",
        "advanced",
        "America/New_York",
    )
    assert user.preferred_session_minutes == 45


def test_register_user_refuses_an_email_taken_in_another_case():
    UserFactory(email="yogi@example.com")

    with pytest.raises(ValidationError) as excinfo:
        services.register_user(email="YOGI@Example.com", password=GOOD_PASSWORD)

    assert errors_of(excinfo) == {"email": ["unique"]}
    assert User.objects.count() == 1


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("Ab1defg", "password_too_short"),
        ("lowercase-only-123", "password_no_upper"),
        ("UPPERCASE-ONLY-123", "password_no_lower"),
        ("No-Digits-At-All", "password_no_digit"),
        ("Password1", "password_too_common"),
        ("Ab1" + "x" * 126, "password_too_long"),
    ],
)
def test_register_user_applies_each_password_rule(password, code):
    with pytest.raises(ValidationError) as excinfo:
        services.register_user(email="new@example.com", password=password)

    assert code in errors_of(excinfo)["password"]
    assert not User.objects.exists()


def test_register_user_refuses_a_password_too_similar_to_the_email():
    with pytest.raises(ValidationError) as excinfo:
        services.register_user(email="padmasana99@example.com", password="Padmasana99")

    assert "password_too_similar" in errors_of(excinfo)["password"]


def test_register_user_reports_every_bad_field_at_once():
    with pytest.raises(ValidationError) as excinfo:
        services.register_user(email="not-an-email", password="short", timezone="Mars/Olympus_Mons")

    assert set(errors_of(excinfo)) == {"email", "password", "timezone"}


def test_register_user_accepts_128_characters_and_checks_them_exactly():
    password = "Aa1" + "ॐ" * 60 + "z" * 65
    assert len(password) == 128

    user = services.register_user(email="long@example.com", password=password)

    assert user.check_password(password)
    assert not user.check_password(password[:-1] + "y")


def test_register_user_rejects_unknown_profile_fields():
    with pytest.raises(TypeError):
        services.register_user(email="a@example.com", password=GOOD_PASSWORD, is_staff=True)


# --- authenticate_user -------------------------------------------------------


def test_authenticate_user_returns_the_user_for_right_credentials_in_any_case(user):
    found = services.authenticate_user(
        request=request_from(), email=user.email.upper(), password=PASSWORD
    )
    assert found == user


def test_authenticate_user_refuses_a_wrong_password(user):
    with pytest.raises(InvalidCredentials):
        services.authenticate_user(request=request_from(), email=user.email, password="Wrong-123")


def test_authenticate_user_refuses_an_inactive_account(user):
    user.is_active = False
    user.save()
    with pytest.raises(InvalidCredentials):
        services.authenticate_user(request=request_from(), email=user.email, password=PASSWORD)


def test_unknown_email_costs_a_password_hash_like_a_known_one(user, monkeypatch):
    calls = []
    original = MD5PasswordHasher.encode

    def counting_encode(self, *args, **kwargs):
        calls.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(MD5PasswordHasher, "encode", counting_encode)
    with pytest.raises(InvalidCredentials):
        services.authenticate_user(
            request=request_from(), email="nobody@example.com", password="Wrong-123"
        )
    unknown_calls = len(calls)
    calls.clear()
    with pytest.raises(InvalidCredentials):
        services.authenticate_user(request=request_from(), email=user.email, password="Wrong-123")

    assert unknown_calls == len(calls) == 1


def fail_logins(email, times, ip="203.0.113.7"):
    for _ in range(times):
        with pytest.raises(InvalidCredentials):
            services.authenticate_user(request=request_from(ip), email=email, password="Wrong-123")


def test_five_failures_lock_the_account_from_that_address_even_with_the_right_password(user):
    fail_logins(user.email, 5)

    with pytest.raises(LoginLocked) as excinfo:
        services.authenticate_user(request=request_from(), email=user.email, password=PASSWORD)
    assert 14 * 60 < excinfo.value.retry_after <= 15 * 60
    assert "Too many failed login attempts" in excinfo.value.message


def test_four_failures_do_not_lock(user):
    fail_logins(user.email, 4)

    assert services.authenticate_user(request=request_from(), email=user.email, password=PASSWORD)


def test_lockout_is_per_account_and_address_pair(user, other_user):
    fail_logins(user.email, 5)

    assert services.authenticate_user(
        request=request_from("198.51.100.1"), email=user.email, password=PASSWORD
    )
    assert services.authenticate_user(
        request=request_from(), email=other_user.email, password=PASSWORD
    )


def test_lockout_ends_after_fifteen_minutes(user):
    with time_machine.travel("2026-03-01 08:00:00Z", tick=False) as traveller:
        fail_logins(user.email, 5)
        traveller.shift(14 * 60)
        with pytest.raises(LoginLocked):
            services.authenticate_user(request=request_from(), email=user.email, password=PASSWORD)
        traveller.shift(61)
        assert services.authenticate_user(
            request=request_from(), email=user.email, password=PASSWORD
        )


def test_failures_outside_the_window_do_not_add_up(user):
    with time_machine.travel("2026-03-01 08:00:00Z", tick=False) as traveller:
        fail_logins(user.email, 4)
        traveller.shift(16 * 60)
        fail_logins(user.email, 4)
        assert services.authenticate_user(
            request=request_from(), email=user.email, password=PASSWORD
        )


def test_a_successful_login_forgets_earlier_failures(user):
    fail_logins(user.email, 4)
    services.authenticate_user(request=request_from(), email=user.email, password=PASSWORD)
    fail_logins(user.email, 4)

    assert services.authenticate_user(request=request_from(), email=user.email, password=PASSWORD)


def test_an_address_failing_across_many_accounts_is_locked(user, settings):
    settings.LOGIN_FAILURE_IP_LIMIT = 6
    for n in range(7):
        fail_logins(f"guess{n}@example.com", 1)

    with pytest.raises(LoginLocked):
        services.authenticate_user(request=request_from(), email=user.email, password=PASSWORD)
    # Another address is not affected.
    assert services.authenticate_user(
        request=request_from("198.51.100.1"), email=user.email, password=PASSWORD
    )


def test_lockout_numbers_come_from_settings(user, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    fail_logins(user.email, 2)

    with pytest.raises(LoginLocked):
        services.authenticate_user(request=request_from(), email=user.email, password=PASSWORD)


def test_lockout_counters_live_in_the_shared_redis_cache(user, settings):
    import redis

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": "yogaflow-tests",
        }
    }
    from django.core.cache import cache

    cache.clear()
    try:
        fail_logins(user.email, 5)
        # A second process sees the lock through its own connection.
        keys = redis.Redis.from_url("redis://127.0.0.1:6379/15").keys("*lockout*lock*")
        assert keys
        with pytest.raises(LoginLocked):
            services.authenticate_user(request=request_from(), email=user.email, password=PASSWORD)
    finally:
        cache.clear()


# --- change_password ---------------------------------------------------------


def test_change_password_sets_it_and_revokes_older_tokens(user):
    version = user.token_version

    services.change_password(
        request=request_from(), user=user, current_password=PASSWORD, new_password=GOOD_PASSWORD
    )

    user.refresh_from_db()
    assert user.check_password(GOOD_PASSWORD)
    assert user.token_version == version + 1


def test_change_password_requires_the_current_password(user):
    with pytest.raises(ValidationError) as excinfo:
        services.change_password(
            request=request_from(),
            user=user,
            current_password="Nope-1234",
            new_password=GOOD_PASSWORD,
        )

    assert errors_of(excinfo) == {"current_password": ["invalid"]}
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_change_password_applies_the_same_rules(user):
    with pytest.raises(ValidationError) as excinfo:
        services.change_password(
            request=request_from(),
            user=user,
            current_password=PASSWORD,
            new_password="alllowercase1",
        )

    assert "password_no_upper" in errors_of(excinfo)["new_password"]
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


# --- password reset ----------------------------------------------------------


def link_for(uidb64, token):
    return f"https://yogaflow.test/accounts/reset/{uidb64}/{token}/"


def reset_parts():
    uidb64, token = re.search(r"/reset/([^/]+)/([^/]+)/", mail.outbox[-1].body).groups()
    return uidb64, token


def test_reset_request_for_unknown_email_sends_nothing():
    services.request_password_reset(email="ghost@example.com", link_for=link_for)
    assert mail.outbox == []


def test_reset_request_for_inactive_account_sends_nothing(user):
    user.is_active = False
    user.save()
    services.request_password_reset(email=user.email, link_for=link_for)
    assert mail.outbox == []


def test_reset_request_emails_one_link_to_the_account(user):
    services.request_password_reset(email=user.email.upper(), link_for=link_for)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert "https://yogaflow.test/accounts/reset/" in mail.outbox[0].body
    assert "1 hour" in mail.outbox[0].body


def test_at_most_three_reset_emails_an_hour_go_to_one_account(user, other_user):
    with time_machine.travel("2026-11-27T10:00:00Z", tick=False) as traveller:
        for _ in range(5):
            services.request_password_reset(email=user.email, link_for=link_for)
        services.request_password_reset(email=other_user.email, link_for=link_for)
        traveller.shift(61 * 60)
        services.request_password_reset(email=user.email, link_for=link_for)

    assert [message.to for message in mail.outbox] == [
        *[[user.email]] * 3,
        [other_user.email],
        [user.email],  # an hour later
    ]


def test_reset_link_sets_the_password_once(user):
    services.request_password_reset(email=user.email, link_for=link_for)
    uidb64, token = reset_parts()
    version = user.token_version

    services.reset_password(uidb64=uidb64, token=token, new_password=GOOD_PASSWORD)

    user.refresh_from_db()
    assert user.check_password(GOOD_PASSWORD)
    assert user.token_version == version + 1
    with pytest.raises(ValidationError) as excinfo:
        services.reset_password(uidb64=uidb64, token=token, new_password="Another-Pass-42")
    assert errors_of(excinfo) == {"token": ["invalid_token"]}


def test_reset_link_expires_after_one_hour(user):
    with time_machine.travel("2026-03-01 08:00:00Z", tick=False) as traveller:
        services.request_password_reset(email=user.email, link_for=link_for)
        uidb64, token = reset_parts()
        traveller.shift(60 * 60 + 1)
        with pytest.raises(ValidationError):
            services.reset_password(uidb64=uidb64, token=token, new_password=GOOD_PASSWORD)
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_reset_link_still_works_within_the_hour(user):
    with time_machine.travel("2026-03-01 08:00:00Z", tick=False) as traveller:
        services.request_password_reset(email=user.email, link_for=link_for)
        uidb64, token = reset_parts()
        traveller.shift(59 * 60)
        services.reset_password(uidb64=uidb64, token=token, new_password=GOOD_PASSWORD)
    user.refresh_from_db()
    assert user.check_password(GOOD_PASSWORD)


@pytest.mark.parametrize("uidb64", ["", "!!!", "MTIzNDU2Nzg5", "bm90LWEtbnVtYmVy"])
def test_reset_with_a_malformed_link_is_refused(user, uidb64):
    with pytest.raises(ValidationError):
        services.reset_password(uidb64=uidb64, token="abc-def", new_password=GOOD_PASSWORD)


def test_reset_applies_the_password_rules(user):
    services.request_password_reset(email=user.email, link_for=link_for)
    uidb64, token = reset_parts()

    with pytest.raises(ValidationError) as excinfo:
        services.reset_password(uidb64=uidb64, token=token, new_password="short")
    assert "password_too_short" in errors_of(excinfo)["new_password"]
    # The link was not spent by the failed attempt.
    assert services.user_for_reset_link(uidb64=uidb64, token=token) == user


# --- update_profile ----------------------------------------------------------


def test_update_profile_saves_valid_fields(user):
    services.update_profile(user=user, display_name="Mira", timezone="Asia/Kolkata")

    user.refresh_from_db()
    assert (user.display_name, user.timezone) == ("Mira", "Asia/Kolkata")


@pytest.mark.parametrize(
    ("field", "value"),
    [("timezone", "Nowhere/Land"), ("preferred_session_minutes", 2), ("experience_level", "guru")],
)
def test_update_profile_refuses_invalid_values(user, field, value):
    with pytest.raises(ValidationError) as excinfo:
        services.update_profile(user=user, **{field: value})

    assert field in excinfo.value.error_dict
    user.refresh_from_db()
    assert getattr(user, field) != value


def test_update_profile_cannot_touch_email_or_staff_flags(user):
    with pytest.raises(TypeError):
        services.update_profile(user=user, is_staff=True)
    with pytest.raises(TypeError):
        services.update_profile(user=user, email="x@example.com")


def test_update_profile_leaves_the_user_object_as_stored_when_invalid(user):
    stored = user.timezone
    with pytest.raises(ValidationError):
        services.update_profile(user=user, timezone="Nowhere/Land", display_name="Changed")

    assert user.timezone == stored
    assert user.display_name != "Changed"


def test_update_profile_stores_poses_to_avoid_sorted_and_deduplicated(user):
    services.update_profile(user=user, avoid=["no_inversions", "knee_friendly", "no_inversions"])

    user.refresh_from_db()
    assert user.avoid == ["knee_friendly", "no_inversions"]


def test_update_profile_refuses_an_unknown_avoidance_and_keeps_the_stored_list(user):
    services.update_profile(user=user, avoid=["back_care"])

    with pytest.raises(ValidationError) as excinfo:
        services.update_profile(user=user, avoid=["back_care", "no_twists"])

    assert "no_twists" in excinfo.value.message_dict["avoid"][0]
    assert user.avoid == ["back_care"]
    user.refresh_from_db()
    assert user.avoid == ["back_care"]


def test_update_profile_clears_poses_to_avoid_with_an_empty_list(user):
    services.update_profile(user=user, avoid=["pregnancy_safe"])

    services.update_profile(user=user, avoid=[])

    user.refresh_from_db()
    assert user.avoid == []


def test_sign_up_takes_no_poses_to_avoid():
    with pytest.raises(TypeError):
        services.register_user(email="new@example.com", password=GOOD_PASSWORD, avoid=["back_care"])
