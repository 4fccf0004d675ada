"""The auth API, black-box through DRF's test client with real JWTs (DESIGN.md §4, §5)."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core import mail
from django.urls import resolve
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import User
from accounts.services import DUPLICATE_EMAIL, INVALID_RESET_LINK
from accounts.tests.factories import PASSWORD, UserFactory
from yogaflow.core.testing.api import ERROR_KEYS

pytestmark = pytest.mark.django_db

REGISTER = "/api/v1/auth/register"
LOGIN = "/api/v1/auth/login"
REFRESH = "/api/v1/auth/refresh"
LOGOUT = "/api/v1/auth/logout"
ME = "/api/v1/auth/me"
PASSWORD_CHANGE = "/api/v1/auth/password/change"
PASSWORD_RESET = "/api/v1/auth/password-reset"
PASSWORD_RESET_CONFIRM = "/api/v1/auth/password-reset/confirm"

SESSION_KEYS = {"user", "access", "refresh", "token_type", "expires_in"}
USER_KEYS = {
    "id",
    "email",
    "display_name",
    "experience_level",
    "timezone",
    "preferred_session_minutes",
    "avoid",
    "reminders_enabled",
    "reminder_days",
    "reminder_time",
    "date_joined",
}
NEW_PASSWORD = "Crow-Pose-Balance-77"


def post(client, url, data=None, **extra):
    return client.post(url, data if data is not None else {}, format="json", **extra)


def bearer(access: str, **client_kwargs) -> APIClient:
    client = APIClient(**client_kwargs)
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    return client


def login(email, password=PASSWORD, *, remember_me=False, ip="127.0.0.1"):
    data = {"email": email, "password": password, "remember_me": remember_me}
    return post(APIClient(REMOTE_ADDR=ip), LOGIN, data)


def messages_at(response, *loc) -> list[str]:
    return [item["msg"] for item in response.json()["detail"] if item["loc"] == list(loc)]


def assert_validation_error(response, *loc):
    assert response.status_code == 400, response.content
    body = response.json()
    assert set(body) == ERROR_KEYS
    assert body["error"] == "Validation Error"
    assert messages_at(response, *loc), body


def assert_unauthorized(response):
    assert response.status_code == 401, response.content
    assert set(response.json()) == ERROR_KEYS
    assert response.json()["error"] == "Unauthorized"


def reset_link_parts() -> tuple[str, str]:
    assert len(mail.outbox) == 1
    match = re.search(r"http://testserver/accounts/reset/([^/\s]+)/([^/\s]+)/", mail.outbox[0].body)
    assert match, mail.outbox[0].body
    return match.group(1), match.group(2)


# --- register ----------------------------------------------------------------


def test_register_answers_201_with_the_user_and_working_tokens(api_client):
    response = post(api_client, REGISTER, {"email": "New.Yogi@Example.com", "password": PASSWORD})

    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == SESSION_KEYS
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 86400
    assert set(body["user"]) == USER_KEYS
    assert body["user"]["email"] == "new.yogi@example.com"
    assert body["user"]["timezone"] == "UTC"
    me = bearer(body["access"]).get(ME)
    assert me.status_code == 200
    assert me.json()["id"] == body["user"]["id"]
    assert post(APIClient(), REFRESH, {"refresh": body["refresh"]}).status_code == 200


def test_register_stores_the_profile_fields_sent(api_client):
    response = post(
        api_client,
        REGISTER,
        {
            "email": "warrior@example.com",
            "password": PASSWORD,
            "display_name": "Warrior",
            "experience_level": "advanced",
            "timezone": "Asia/Tokyo",
            "preferred_session_minutes": 45,
        },
    )

    assert response.status_code == 201, response.content
    user = User.objects.get(email="warrior@example.com")
    assert (user.display_name, user.experience_level, user.timezone) == (
        "Warrior",
        "advanced",
        "Asia/Tokyo",
    )
    assert user.preferred_session_minutes == 45
    assert user.check_password(PASSWORD)


def test_register_refuses_an_address_taken_in_another_case(api_client, user):
    response = post(api_client, REGISTER, {"email": user.email.upper(), "password": PASSWORD})

    assert_validation_error(response, "body", "email")
    assert messages_at(response, "body", "email") == [DUPLICATE_EMAIL]
    assert User.objects.count() == 1


def test_register_requires_email_and_password(api_client):
    response = post(api_client, REGISTER, {})

    assert_validation_error(response, "body", "email")
    assert messages_at(response, "body", "password") == ["This field is required."]


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Ab1-xyz", "This password is too short. It must contain at least 8 characters."),
        ("lotus-flow-2024", "This password must contain at least one upper-case letter (A–Z)."),
        ("LOTUS-FLOW-2024", "This password must contain at least one lower-case letter (a–z)."),
        ("Lotus-Flow-Twenty", "This password must contain at least one digit (0–9)."),
        ("Password1", "This password is too common."),
        ("Sunsalutation1", "The password is too similar to the email address."),
        ("Ab1" + "x" * 126, "This password is too long. It must contain at most 128 characters."),
    ],
    ids=["short", "no-upper", "no-lower", "no-digit", "common", "like-email", "over-128"],
)
def test_register_applies_each_password_rule(api_client, password, message):
    response = post(
        api_client, REGISTER, {"email": "sunsalutation@example.com", "password": password}
    )

    assert_validation_error(response, "body", "password")
    assert message in messages_at(response, "body", "password")
    assert not User.objects.exists()


def test_a_100_character_password_works_and_is_checked_exactly_as_typed(api_client):
    password = " Lotus-1 " + "x" * 90 + "Z"
    assert len(password) == 100
    assert (
        post(api_client, REGISTER, {"email": "long@example.com", "password": password}).status_code
        == 201
    )

    assert login("long@example.com", password).status_code == 200
    assert_unauthorized(login("long@example.com", password[:-1] + "Y"))
    assert_unauthorized(login("long@example.com", password.strip()))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("email", 7),
        ("password", 12345678),
        ("display_name", 0),
        ("preferred_session_minutes", "30"),
        ("preferred_session_minutes", True),
        ("experience_level", None),
    ],
)
def test_register_takes_each_field_only_in_its_json_type(api_client, field, value):
    data = {"email": "typed@example.com", "password": PASSWORD, field: value}

    assert_validation_error(post(api_client, REGISTER, data), "body", field)


@pytest.mark.parametrize("remember_me", ["true", 1, None])
def test_login_takes_remember_me_only_as_a_boolean(user, remember_me):
    data = {"email": user.email, "password": PASSWORD, "remember_me": remember_me}

    assert_validation_error(post(APIClient(), LOGIN, data), "body", "remember_me")


def test_register_rejects_a_malformed_email(api_client):
    response = post(api_client, REGISTER, {"email": "not-an-address", "password": PASSWORD})

    assert_validation_error(response, "body", "email")


def test_register_accepts_the_path_with_a_trailing_slash(api_client):
    response = post(
        api_client, REGISTER + "/", {"email": "slash@example.com", "password": PASSWORD}
    )

    assert response.status_code == 201


def test_public_endpoints_ignore_a_stale_bearer_token(user):
    response = post(bearer("not-a-token"), LOGIN, {"email": user.email, "password": PASSWORD})

    assert response.status_code == 200


def test_register_is_limited_per_address(settings):
    client = APIClient(REMOTE_ADDR="203.0.113.9")
    for number in range(10):
        data = {"email": f"burst{number}@example.com", "password": PASSWORD}
        # A client-invented X-Forwarded-For must not reset the count (no proxy configured).
        assert (
            post(client, REGISTER, data, HTTP_X_FORWARDED_FOR=f"10.0.0.{number}").status_code == 201
        )

    response = post(client, REGISTER, {"email": "burst-more@example.com", "password": PASSWORD})

    assert response.status_code == 429
    assert set(response.json()) == ERROR_KEYS
    assert 0 < int(response["Retry-After"]) <= 3600
    other = APIClient(REMOTE_ADDR="203.0.113.10")
    assert (
        post(other, REGISTER, {"email": "elsewhere@example.com", "password": PASSWORD}).status_code
        == 201
    )


# --- login -------------------------------------------------------------------


def test_login_without_remember_me_gives_an_access_token_only(user):
    response = login(user.email.upper())

    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == SESSION_KEYS
    assert body["refresh"] is None
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 86400
    assert body["user"]["email"] == user.email
    assert bearer(body["access"]).get(ME).status_code == 200


def test_login_with_remember_me_adds_a_refresh_token(user):
    body = login(user.email, remember_me=True).json()

    assert body["refresh"]
    refreshed = post(APIClient(), REFRESH, {"refresh": body["refresh"]})
    assert refreshed.status_code == 200


def test_wrong_password_answers_401_in_the_error_shape(user):
    response = login(user.email, "Wrong-Pass-123")

    assert_unauthorized(response)
    assert response.json() == {
        "error": "Unauthorized",
        "message": "Email or password is incorrect.",
        "detail": [
            {
                "loc": ["body"],
                "msg": "Email or password is incorrect.",
                "type": "invalid_credentials",
            }
        ],
    }
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_unknown_email_answers_exactly_like_a_wrong_password(user):
    wrong_password = login(user.email, "Wrong-Pass-123")
    unknown_email = login("nobody@example.com", PASSWORD)

    assert unknown_email.status_code == wrong_password.status_code == 401
    assert unknown_email.json() == wrong_password.json()


def test_inactive_account_cannot_log_in(db):
    user = UserFactory(is_active=False)

    assert_unauthorized(login(user.email))


def test_five_failures_lock_the_account_on_that_address_even_for_the_right_password(user):
    for _ in range(5):
        assert_unauthorized(login(user.email, "Wrong-Pass-123"))

    response = login(user.email)

    assert response.status_code == 429
    body = response.json()
    assert set(body) == ERROR_KEYS
    assert body["error"] == "Too Many Requests"
    assert "Too many failed login attempts" in body["message"]
    assert 0 < int(response["Retry-After"]) <= 15 * 60
    # The lock is per account and address: elsewhere and for others, logins go on.
    assert login(user.email, ip="198.51.100.7").status_code == 200
    assert login(UserFactory().email).status_code == 200


def test_four_failures_do_not_lock(user):
    for _ in range(4):
        login(user.email, "Wrong-Pass-123")

    assert login(user.email).status_code == 200


def test_lockout_ends_after_15_minutes(user):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for _ in range(5):
            login(user.email, "Wrong-Pass-123")
        traveller.shift(timedelta(minutes=14, seconds=50))
        locked = login(user.email)
        assert locked.status_code == 429
        assert int(locked["Retry-After"]) <= 10

        traveller.shift(timedelta(seconds=11))

        assert login(user.email).status_code == 200


def test_many_failures_from_one_address_lock_the_address(settings, user):
    settings.LOGIN_FAILURE_IP_LIMIT = 3
    for number in range(3):
        assert_unauthorized(login(f"stranger{number}@example.com", "Wrong-Pass-123"))
    assert login(user.email).status_code == 200

    assert_unauthorized(login("stranger-more@example.com", "Wrong-Pass-123"))

    locked = login(user.email)
    assert locked.status_code == 429
    assert int(locked["Retry-After"]) > 0
    assert login(user.email, ip="198.51.100.8").status_code == 200


def test_login_validates_its_input(user):
    response = post(APIClient(), LOGIN, {"email": user.email, "remember_me": "maybe"})

    assert_validation_error(response, "body", "password")
    assert messages_at(response, "body", "remember_me") == ["Must be a valid boolean."]


# --- refresh and logout ------------------------------------------------------


def test_refresh_rotates_and_the_old_refresh_token_dies(user):
    first = login(user.email, remember_me=True).json()

    rotated = post(APIClient(), REFRESH, {"refresh": first["refresh"]})

    assert rotated.status_code == 200, rotated.content
    pair = rotated.json()
    assert set(pair) == {"access", "refresh"}
    assert pair["refresh"] != first["refresh"]
    assert bearer(pair["access"]).get(ME).status_code == 200
    reused = post(APIClient(), REFRESH, {"refresh": first["refresh"]})
    assert_unauthorized(reused)
    assert reused.json()["detail"][0]["loc"] == ["body"]
    assert post(APIClient(), REFRESH, {"refresh": pair["refresh"]}).status_code == 200


@pytest.mark.parametrize("kind", ["garbage", "access"])
def test_refresh_refuses_what_is_not_a_refresh_token(user, kind):
    access = login(user.email).json()["access"]
    token = {"garbage": "abc.def.ghi", "access": access}[kind]

    assert_unauthorized(post(APIClient(), REFRESH, {"refresh": token}))


def test_refresh_requires_the_field():
    assert_validation_error(post(APIClient(), REFRESH, {}), "body", "refresh")


def test_logout_revokes_the_refresh_token_and_the_access_token(user):
    tokens = login(user.email, remember_me=True).json()
    client = bearer(tokens["access"])

    response = post(client, LOGOUT, {"refresh": tokens["refresh"]})

    assert response.status_code == 204
    assert response.content == b""
    assert_unauthorized(client.get(ME))
    assert_unauthorized(post(APIClient(), REFRESH, {"refresh": tokens["refresh"]}))


def test_logout_without_a_refresh_token_revokes_the_access_token(user):
    tokens = login(user.email).json()
    client = bearer(tokens["access"])

    assert post(client, LOGOUT).status_code == 204

    assert_unauthorized(client.get(ME))
    other_session = login(user.email).json()["access"]
    assert bearer(other_session).get(ME).status_code == 200


def test_logout_with_another_accounts_refresh_token_revokes_nothing(user, other_user):
    mine = login(user.email).json()
    theirs = login(other_user.email, remember_me=True).json()
    client = bearer(mine["access"])

    response = post(client, LOGOUT, {"refresh": theirs["refresh"]})

    assert_validation_error(response, "body", "refresh")
    assert client.get(ME).status_code == 200
    assert post(APIClient(), REFRESH, {"refresh": theirs["refresh"]}).status_code == 200


def test_logout_with_an_invalid_refresh_token_revokes_nothing(user):
    tokens = login(user.email).json()
    client = bearer(tokens["access"])

    assert_validation_error(post(client, LOGOUT, {"refresh": "nonsense"}), "body", "refresh")
    assert client.get(ME).status_code == 200


def test_logout_needs_an_access_token(user):
    assert_unauthorized(post(APIClient(), LOGOUT))


# --- me ----------------------------------------------------------------------


def test_me_shows_the_profile_and_never_the_password(auth_api_client, user):
    response = auth_api_client.get(ME)

    assert response.status_code == 200
    body = response.json()
    assert set(body) == USER_KEYS
    assert body["email"] == user.email
    assert body["timezone"] == "Europe/Paris"
    assert "password" not in response.content.decode()


def test_me_query_count_is_bounded(auth_api_client, django_assert_max_num_queries):
    # The user and the access token's blacklist entry: one query each.
    with django_assert_max_num_queries(2):
        assert auth_api_client.get(ME).status_code == 200


def test_patch_me_changes_only_the_fields_sent(auth_api_client, user):
    response = auth_api_client.patch(
        ME, {"display_name": "Tree", "preferred_session_minutes": 30}, format="json"
    )

    assert response.status_code == 200, response.content
    assert response.json()["display_name"] == "Tree"
    user.refresh_from_db()
    assert (user.display_name, user.preferred_session_minutes, user.timezone) == (
        "Tree",
        30,
        "Europe/Paris",
    )


def test_patch_me_rejects_an_unknown_timezone(auth_api_client, user):
    response = auth_api_client.patch(ME, {"timezone": "Mars/Olympus_Mons"}, format="json")

    assert_validation_error(response, "body", "timezone")
    user.refresh_from_db()
    assert user.timezone == "Europe/Paris"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("preferred_session_minutes", 2),
        ("preferred_session_minutes", 500),
        ("experience_level", "guru"),
        ("display_name", "x" * 81),
    ],
)
def test_patch_me_rejects_out_of_range_values(auth_api_client, field, value):
    response = auth_api_client.patch(ME, {field: value}, format="json")

    assert_validation_error(response, "body", field)


def test_patch_me_cannot_change_email_or_password(auth_api_client, user):
    response = auth_api_client.patch(
        ME, {"email": "taken-over@example.com", "password": "Other-Pass-99"}, format="json"
    )

    assert response.status_code == 200
    user.refresh_from_db()
    assert user.email != "taken-over@example.com"
    assert user.check_password(PASSWORD)
    assert "password" not in response.json()


def test_me_answers_the_poses_to_avoid(auth_api_client, user):
    user.avoid = ["knee_friendly"]
    user.save(update_fields=["avoid"])

    assert auth_api_client.get(ME).json()["avoid"] == ["knee_friendly"]


def test_patch_me_round_trips_the_poses_to_avoid_sorted_without_duplicates(auth_api_client, user):
    response = auth_api_client.patch(
        ME, {"avoid": ["wrist_friendly", "back_care", "back_care"]}, format="json"
    )

    assert response.status_code == 200, response.content
    assert response.json()["avoid"] == ["back_care", "wrist_friendly"]
    assert auth_api_client.get(ME).json()["avoid"] == ["back_care", "wrist_friendly"]
    user.refresh_from_db()
    assert user.avoid == ["back_care", "wrist_friendly"]

    cleared = auth_api_client.patch(ME, {"avoid": []}, format="json")

    assert cleared.json()["avoid"] == []


def test_patch_me_refuses_an_unknown_avoidance_in_the_error_shape(auth_api_client, user):
    response = auth_api_client.patch(ME, {"avoid": ["no_inversions", "no_twists"]}, format="json")

    assert_validation_error(response, "body", "avoid", 1)
    assert messages_at(response, "body", "avoid", 1) == ['"no_twists" is not a valid choice.']
    user.refresh_from_db()
    assert user.avoid == []


@pytest.mark.parametrize("value", ["no_inversions", {"no_inversions": True}, [1], None])
def test_patch_me_takes_avoid_only_as_a_list_of_choices(auth_api_client, user, value):
    response = auth_api_client.patch(ME, {"avoid": value}, format="json")

    assert response.status_code == 400, response.content
    assert set(response.json()) == ERROR_KEYS
    assert any(item["loc"][:2] == ["body", "avoid"] for item in response.json()["detail"])


def test_me_needs_an_access_token():
    assert_unauthorized(APIClient().get(ME))


# --- password change ---------------------------------------------------------


def test_password_change_kills_every_older_token(user):
    tokens = login(user.email, remember_me=True).json()
    client = bearer(tokens["access"])

    response = post(
        client, PASSWORD_CHANGE, {"current_password": PASSWORD, "new_password": NEW_PASSWORD}
    )

    assert response.status_code == 204
    assert_unauthorized(client.get(ME))
    assert_unauthorized(post(APIClient(), REFRESH, {"refresh": tokens["refresh"]}))
    assert_unauthorized(login(user.email, PASSWORD))
    fresh = login(user.email, NEW_PASSWORD)
    assert fresh.status_code == 200
    assert bearer(fresh.json()["access"]).get(ME).status_code == 200


def test_password_change_checks_the_current_password(auth_api_client, user):
    response = post(
        auth_api_client,
        PASSWORD_CHANGE,
        {"current_password": "Not-It-123", "new_password": NEW_PASSWORD},
    )

    assert_validation_error(response, "body", "current_password")
    assert auth_api_client.get(ME).status_code == 200
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_change_applies_the_password_rules(auth_api_client):
    response = post(
        auth_api_client, PASSWORD_CHANGE, {"current_password": PASSWORD, "new_password": "short"}
    )

    assert_validation_error(response, "body", "new_password")
    assert auth_api_client.get(ME).status_code == 200


# --- password reset ----------------------------------------------------------


def test_password_reset_answers_the_same_for_known_and_unknown_addresses(user):
    known = post(APIClient(), PASSWORD_RESET, {"email": user.email.upper()})
    unknown = post(APIClient(), PASSWORD_RESET, {"email": "nobody@example.com"})

    assert known.status_code == unknown.status_code == 202
    assert known.json() == unknown.json()
    assert known.json()["message"]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]


def test_password_reset_mail_links_to_the_confirm_page(user):
    post(APIClient(), PASSWORD_RESET, {"email": user.email})
    uid, token = reset_link_parts()

    link = re.search(r"http://testserver/\S+", mail.outbox[0].body).group(0)
    match = resolve(urlsplit(link).path)
    assert match.view_name == "accounts:password_reset_confirm"
    assert match.kwargs == {"uidb64": uid, "token": token}


def test_password_reset_link_sets_a_new_password_once(user):
    post(APIClient(), PASSWORD_RESET, {"email": user.email})
    uid, token = reset_link_parts()
    data = {"uid": uid, "token": token, "new_password": NEW_PASSWORD}

    response = post(APIClient(), PASSWORD_RESET_CONFIRM, data)

    assert response.status_code == 204
    assert login(user.email, NEW_PASSWORD).status_code == 200
    again = post(APIClient(), PASSWORD_RESET_CONFIRM, {**data, "new_password": "Another-Pose-55"})
    assert_validation_error(again, "body", "token")
    assert messages_at(again, "body", "token") == [INVALID_RESET_LINK]
    assert login(user.email, NEW_PASSWORD).status_code == 200


def test_password_reset_link_expires_after_one_hour(user):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        post(APIClient(), PASSWORD_RESET, {"email": user.email})
        uid, token = reset_link_parts()
        traveller.shift(timedelta(hours=1, seconds=2))

        response = post(
            APIClient(),
            PASSWORD_RESET_CONFIRM,
            {"uid": uid, "token": token, "new_password": NEW_PASSWORD},
        )

    assert_validation_error(response, "body", "token")
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_reset_link_still_works_just_before_the_hour(user):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        post(APIClient(), PASSWORD_RESET, {"email": user.email})
        uid, token = reset_link_parts()
        traveller.shift(timedelta(minutes=59))

        response = post(
            APIClient(),
            PASSWORD_RESET_CONFIRM,
            {"uid": uid, "token": token, "new_password": NEW_PASSWORD},
        )

    assert response.status_code == 204


def test_password_reset_kills_every_existing_token(user):
    tokens = login(user.email, remember_me=True).json()
    post(APIClient(), PASSWORD_RESET, {"email": user.email})
    uid, token = reset_link_parts()

    post(
        APIClient(),
        PASSWORD_RESET_CONFIRM,
        {"uid": uid, "token": token, "new_password": NEW_PASSWORD},
    )

    assert_unauthorized(bearer(tokens["access"]).get(ME))
    assert_unauthorized(post(APIClient(), REFRESH, {"refresh": tokens["refresh"]}))


def test_password_reset_applies_the_password_rules_and_keeps_the_link(user):
    post(APIClient(), PASSWORD_RESET, {"email": user.email})
    uid, token = reset_link_parts()

    weak = post(
        APIClient(), PASSWORD_RESET_CONFIRM, {"uid": uid, "token": token, "new_password": "weak"}
    )

    assert_validation_error(weak, "body", "new_password")
    data = {"uid": uid, "token": token, "new_password": NEW_PASSWORD}
    assert post(APIClient(), PASSWORD_RESET_CONFIRM, data).status_code == 204


@pytest.mark.parametrize(
    ("uid", "token"), [("MQ", "bad-token"), ("!!!", "x"), ("ZZZZZZZZZZZZZZZZ", "1-2")]
)
def test_password_reset_confirm_refuses_a_made_up_link(user, uid, token):
    data = {"uid": uid, "token": token, "new_password": NEW_PASSWORD}

    assert_validation_error(post(APIClient(), PASSWORD_RESET_CONFIRM, data), "body", "token")


def test_password_reset_is_limited_per_address(user):
    client = APIClient(REMOTE_ADDR="203.0.113.20")
    for _ in range(10):
        assert post(client, PASSWORD_RESET, {"email": user.email}).status_code == 202

    response = post(client, PASSWORD_RESET, {"email": user.email})

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    # Ten answers, but one account gets at most three links an hour (request_password_reset).
    assert len(mail.outbox) == 3
