"""One lockout for every password check (accounts.lockout, README "Security in brief").

Seven places check a password: the page, API and admin logins, the current password of a
password change (page and API), and the password confirming an account's deletion (page and
API). For each: a lockout earned on another path refuses the right password there, and
failures there lock the account out of the logins, with the same limits.
"""

from collections.abc import Callable

import pytest
from django.conf import settings
from django.test import Client
from rest_framework.test import APIClient

from accounts.api.tokens import AccessToken
from accounts.models import User
from accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Tadasana-Flow-2025"
OK, WRONG, LOCKED = "ok", "wrong", "locked"


def _page(user, *, signed_in: bool) -> Client:
    client = Client()
    if signed_in:
        client.force_login(user)
    return client


def _api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user)}")
    return client


def _outcome(status: int, *, ok: int, wrong: int) -> str:
    return {ok: OK, wrong: WRONG, 429: LOCKED}.get(status, f"status {status}")


def page_login(user, password) -> str:
    response = _page(user, signed_in=False).post(
        "/accounts/login/", {"email": user.email, "password": password}
    )
    return _outcome(response.status_code, ok=302, wrong=200)


def api_login(user, password) -> str:
    response = _api().post(
        "/api/v1/auth/login", {"email": user.email, "password": password}, format="json"
    )
    return _outcome(response.status_code, ok=200, wrong=401)


def admin_login(user, password) -> str:
    response = _page(user, signed_in=False).post(
        "/admin/login/", {"username": user.email, "password": password}
    )
    if response.status_code == 302:
        return OK
    return LOCKED if b"Too many failed login attempts" in response.content else WRONG


def page_password_change(user, password) -> str:
    response = _page(user, signed_in=True).post(
        "/accounts/password/change/",
        {
            "current_password": password,
            "new_password": NEW_PASSWORD,
            "new_password_confirm": NEW_PASSWORD,
        },
    )
    return _outcome(response.status_code, ok=302, wrong=200)


def api_password_change(user, password) -> str:
    response = _api(user).post(
        "/api/v1/auth/password/change",
        {"current_password": password, "new_password": NEW_PASSWORD},
        format="json",
    )
    return _outcome(response.status_code, ok=204, wrong=400)


def page_account_deletion(user, password) -> str:
    response = _page(user, signed_in=True).post(
        "/accounts/data/delete/", {"password": password, "confirm": "on"}
    )
    return _outcome(response.status_code, ok=302, wrong=200)


def api_account_deletion(user, password) -> str:
    response = _api(user).delete("/api/v1/auth/me", {"password": password}, format="json")
    return _outcome(response.status_code, ok=204, wrong=400)


PATHS: dict[str, Callable[[User, str], str]] = {
    "page login": page_login,
    "API login": api_login,
    "admin login": admin_login,
    "password change page": page_password_change,
    "API password change": api_password_change,
    "account deletion page": page_account_deletion,
    "API account deletion": api_account_deletion,
}


@pytest.fixture
def staff(db):
    # Staff, so that the admin login would let the right password in.
    return User.objects.create_user(email="asha@example.com", password=PASSWORD, is_staff=True)


def _fail(check, user, times: int) -> list[str]:
    return [check(user, "Wrong-Password-1") for _ in range(times)]


def _unchanged(user) -> bool:
    fresh = User.objects.filter(pk=user.pk).first()
    return fresh is not None and fresh.check_password(PASSWORD)


@pytest.mark.parametrize("path", PATHS)
def test_a_lockout_from_the_logins_refuses_the_right_password_on_every_path(staff, path):
    locking = page_login if path != "page login" else api_login
    failures = _fail(locking, staff, settings.LOGIN_FAILURE_LIMIT)
    assert failures[:-1] == [WRONG] * (settings.LOGIN_FAILURE_LIMIT - 1)

    assert PATHS[path](staff, PASSWORD) == LOCKED
    assert _unchanged(staff)  # no new password, no deletion


@pytest.mark.parametrize("path", PATHS)
def test_failures_on_every_path_count_towards_the_same_lockout(staff, path):
    failures = _fail(PATHS[path], staff, settings.LOGIN_FAILURE_LIMIT)

    assert failures[:-1] == [WRONG] * (settings.LOGIN_FAILURE_LIMIT - 1)
    assert PATHS[path](staff, PASSWORD) == LOCKED
    for other in PATHS:
        assert PATHS[other](staff, PASSWORD) == LOCKED, other
    assert _unchanged(staff)


@pytest.mark.parametrize("path", PATHS)
def test_the_right_password_still_works_on_every_path_below_the_limit(staff, path):
    _fail(api_login, staff, settings.LOGIN_FAILURE_LIMIT - 1)

    assert PATHS[path](staff, PASSWORD) == OK
