"""JSON web tokens: lifetimes, signature, algorithm, type, expiry and revocation (DESIGN.md §5)."""

import base64
import json
from datetime import timedelta

import jwt
import pytest
import time_machine
from django.conf import settings
from django.utils import timezone
from rest_framework.test import APIClient
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from accounts.api.tokens import AccessToken, issue_tokens, rotate_refresh_token
from accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/api/v1/auth/login"
REFRESH = "/api/v1/auth/refresh"
ME = "/api/v1/auth/me"


def signing_key() -> str:
    return settings.SIMPLE_JWT["SIGNING_KEY"]


def claims(token: str) -> dict:
    return jwt.decode(token, signing_key(), algorithms=["HS256"])


def b64(data: dict) -> str:
    raw = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def login_tokens(user, *, remember_me=True) -> dict:
    response = APIClient().post(
        LOGIN,
        {"email": user.email, "password": PASSWORD, "remember_me": remember_me},
        format="json",
    )
    assert response.status_code == 200, response.content
    return response.json()


def me_with(token: str):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client.get(ME)


def assert_token_refused(response):
    assert response.status_code == 401, response.content
    body = response.json()
    assert set(body) == {"error", "message", "detail"}
    assert body["error"] == "Unauthorized"
    assert body["detail"][0]["loc"] == ["header", "Authorization"]
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_access_lives_24_hours_and_refresh_7_days(user):
    tokens = login_tokens(user)

    access, refresh = claims(tokens["access"]), claims(tokens["refresh"])

    assert access["exp"] - access["iat"] == 24 * 60 * 60
    assert refresh["exp"] - refresh["iat"] == 7 * 24 * 60 * 60
    assert (access["token_type"], refresh["token_type"]) == ("access", "refresh")
    assert access["user_id"] == refresh["user_id"] == str(user.pk)
    assert jwt.get_unverified_header(tokens["access"])["alg"] == "HS256"


def test_tokens_are_signed_with_their_own_key_not_the_secret_key(user):
    token = login_tokens(user)["access"]

    assert signing_key() != settings.SECRET_KEY
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(token, settings.SECRET_KEY, algorithms=["HS256"])


def test_a_valid_token_is_accepted(user):
    assert me_with(login_tokens(user)["access"]).status_code == 200


def test_token_signed_with_another_key_is_refused(user):
    payload = claims(login_tokens(user)["access"])
    forged = jwt.encode(payload, "another-key-that-is-long-enough-0123456789", algorithm="HS256")

    assert_token_refused(me_with(forged))


def test_unsigned_alg_none_token_is_refused(user):
    payload = claims(login_tokens(user)["access"])
    with_pyjwt = jwt.encode(payload, None, algorithm="none")
    by_hand = f"{b64({'alg': 'none', 'typ': 'JWT'})}.{b64(payload)}."

    assert_token_refused(me_with(with_pyjwt))
    assert_token_refused(me_with(by_hand))


def test_tampered_payload_is_refused(user, other_user):
    header, payload, signature = login_tokens(user)["access"].split(".")
    claims_of_other = {**claims(f"{header}.{payload}.{signature}"), "user_id": other_user.pk}

    assert_token_refused(me_with(f"{header}.{b64(claims_of_other)}.{signature}"))


def test_token_with_the_right_key_but_no_version_claim_is_refused(user):
    payload = claims(login_tokens(user)["access"])
    del payload["ver"]

    assert_token_refused(me_with(jwt.encode(payload, signing_key(), algorithm="HS256")))


def test_access_token_expires_after_24_hours(user):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        token = login_tokens(user, remember_me=False)["access"]
        traveller.shift(timedelta(hours=23, minutes=59))
        assert me_with(token).status_code == 200

        traveller.shift(timedelta(minutes=1, seconds=1))

        assert_token_refused(me_with(token))


def test_refresh_token_expires_after_7_days(user):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        refresh = login_tokens(user)["refresh"]
        traveller.shift(timedelta(days=7, seconds=1))

        response = APIClient().post(REFRESH, {"refresh": refresh}, format="json")

    assert response.status_code == 401


def test_refresh_token_used_as_bearer_is_refused(user):
    assert_token_refused(me_with(login_tokens(user)["refresh"]))


def test_token_of_an_inactive_or_deleted_user_is_refused(user, other_user):
    inactive_token = login_tokens(user)["access"]
    deleted_token = login_tokens(other_user)["access"]
    user.is_active = False
    user.save(update_fields=["is_active"])
    other_user.delete()

    assert_token_refused(me_with(inactive_token))
    assert_token_refused(me_with(deleted_token))


@pytest.mark.parametrize("header", ["Bearer", "Bearer a b", "Bearer not.a.jwt", "Bearer ..."])
def test_malformed_authorization_headers_are_refused(header):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)

    response = client.get(ME)

    assert response.status_code == 401
    assert set(response.json()) == {"error", "message", "detail"}


def test_issue_tokens_gives_a_refresh_token_only_to_remember_the_device(user):
    short = issue_tokens(user, remember_me=False)
    remembered = issue_tokens(user, remember_me=True)

    assert short["refresh"] is None
    assert claims(remembered["refresh"])["token_type"] == "refresh"
    assert short["expires_in"] == remembered["expires_in"] == 86400
    # Access tokens are written to the outstanding table only when revoked.
    assert OutstandingToken.objects.filter(user=user).count() == 1


def test_rotate_refresh_token_accepts_each_token_once(user):
    refresh = issue_tokens(user, remember_me=True)["refresh"]

    rotated = rotate_refresh_token(refresh)

    assert claims(rotated["refresh"])["jti"] != claims(refresh)["jti"]
    with pytest.raises(TokenError):
        rotate_refresh_token(refresh)


def test_rotate_refresh_token_refuses_tokens_from_before_a_password_change(user):
    refresh = issue_tokens(user, remember_me=True)["refresh"]
    user.token_version += 1
    user.save(update_fields=["token_version"])

    with pytest.raises(TokenError):
        rotate_refresh_token(refresh)


def test_blacklisted_access_token_is_refused(user):
    token = AccessToken.for_user(user)
    token.blacklist()

    assert_token_refused(me_with(str(token)))
