"""JSON web tokens of the API: issue, rotate and revoke.

Two ways a token dies before it expires:
- blacklisting one token (logout, refresh rotation), through SimpleJWT's
  token_blacklist tables; access tokens take part too, so logout can kill the
  access token it was called with;
- bumping `User.token_version` (password change or reset): every token carries
  the version it was issued under and is refused once it differs.
"""

import structlog
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from rest_framework_simplejwt import tokens
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.settings import api_settings

from accounts.models import User

VERSION_CLAIM = "ver"

logger = structlog.get_logger(__name__)


class _VersionedToken:
    @classmethod
    def for_user(cls, user: User):
        token = super().for_user(user)
        token[VERSION_CLAIM] = user.token_version
        return token


class AccessToken(_VersionedToken, tokens.BlacklistMixin, tokens.AccessToken):
    """Checked against the blacklist on every request (one indexed lookup)."""

    @classmethod
    def for_user(cls, user: User):
        # BlacklistMixin.for_user records every token as outstanding; access
        # tokens are recorded only if they are ever blacklisted (logout).
        token = tokens.AccessToken.for_user.__func__(cls, user)
        token[VERSION_CLAIM] = user.token_version
        return token


class RefreshToken(_VersionedToken, tokens.RefreshToken):
    access_token_class = AccessToken


def token_is_current(token, user: User) -> bool:
    """False once the user's password changed (or was reset) after the token was issued."""
    return token.get(VERSION_CLAIM) == user.token_version


def issue_tokens(user: User, *, remember_me: bool) -> dict:
    """Tokens for a login: an access token always, a refresh token to remember the device."""
    if remember_me:
        refresh = RefreshToken.for_user(user)
        access, refresh_value = refresh.access_token, str(refresh)
    else:
        access, refresh_value = AccessToken.for_user(user), None
    return {
        "access": str(access),
        "refresh": refresh_value,
        "token_type": "Bearer",
        "expires_in": int(settings.SIMPLE_JWT["ACCESS_TOKEN_LIFETIME"].total_seconds()),
    }


def rotate_refresh_token(raw: str) -> dict:
    """A new access and refresh token for a valid refresh token, which is then dead.

    Raises TokenError for anything that is not a live, current refresh token
    of an active user. Two concurrent rotations of one token: the blacklist's
    unique row lets only one of them through.
    """
    refresh = RefreshToken(raw)
    user = User.objects.filter(
        **{api_settings.USER_ID_FIELD: refresh.get(api_settings.USER_ID_CLAIM)}, is_active=True
    ).first()
    if user is None or not token_is_current(refresh, user):
        raise TokenError("Token is invalid or expired")
    try:
        with transaction.atomic():
            _, created = refresh.blacklist()
    except IntegrityError:
        created = False
    if not created:
        raise TokenError("Token is blacklisted")
    rotated = RefreshToken.for_user(user)
    return {"access": str(rotated.access_token), "refresh": str(rotated)}


def end_session(*, user: User, access, refresh: str | None = None) -> None:
    """Log out: the access token presented and, if given, the device's refresh token die together.

    A refresh token that is not a live token of this user is refused
    (ValidationError on `refresh`) and nothing is revoked.
    """
    refresh_token = None
    if refresh is not None:
        try:
            refresh_token = RefreshToken(refresh)
        except TokenError as error:
            message = ValidationError(str(error), code="token_not_valid")
            raise ValidationError({"refresh": message}) from error
        if str(refresh_token.get(api_settings.USER_ID_CLAIM)) != str(user.pk):
            raise ValidationError(
                {
                    "refresh": ValidationError(
                        "This refresh token belongs to another session.", code="token_not_valid"
                    )
                }
            )
    with transaction.atomic():
        if refresh_token is not None:
            refresh_token.blacklist()
        access.blacklist()
    logger.info("logout", user_id=user.pk, channel="api", remembered_device=refresh is not None)
