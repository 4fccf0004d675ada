"""The auth API (DESIGN.md §4): input serializer → accounts.services / tokens → output serializer.

Errors are not caught here except to translate the login errors, which
Django has no word for; services' ValidationErrors reach
yogaflow.core.api.errors.exception_handler as they are.
"""

from django.urls import NoReverseMatch, reverse
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError

from accounts import services
from accounts.api import serializers
from accounts.api.authentication import JWTAuthentication
from accounts.api.tokens import end_session, issue_tokens, rotate_refresh_token
from accounts.exceptions import InvalidCredentials
from yogaflow.core.api.schema import RETRY_AFTER, error_responses
from yogaflow.core.api.throttling import AddressRateThrottle

TAGS = ["auth"]
LOGIN_ERRORS = {
    401: "Email or password is incorrect (which one is never said).",
    429: "Too many failed logins: paused for `Retry-After` seconds.",
}
REFRESH_ERRORS = {401: "The refresh token is invalid, expired or already used."}
LOGOUT_ERRORS = {400: "Invalid body or refresh token; nothing was revoked."}
RESET_CONFIRM_ERRORS = {400: "Invalid body, weak password, or a bad, used or expired link."}
PASSWORD_RESET_SENT = (
    "If an account uses this address, we have sent it a link to choose a new password. "
    "The link works once, within one hour."
)


class RegisterThrottle(AddressRateThrottle):
    scope = "auth_register"
    default_rate = "10/hour"


class PasswordResetThrottle(AddressRateThrottle):
    scope = "auth_password_reset"
    default_rate = "10/hour"


class PublicView(APIView):
    """An endpoint for callers without a token; a stale token sent along is not even read."""

    authentication_classes: list = []
    permission_classes = [AllowAny]

    def get_authenticate_header(self, request):
        # Without an authenticator DRF would turn every 401 raised here into a 403.
        return JWTAuthentication().authenticate_header(request)


def _request_example(**value) -> list[OpenApiExample]:
    return [OpenApiExample("request", value=value, request_only=True)]


def _validated(serializer_class, request, **kwargs) -> dict:
    serializer = serializer_class(data=request.data, context={"request": request}, **kwargs)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def _session(user, *, remember_me: bool) -> dict:
    return {"user": user, **issue_tokens(user, remember_me=remember_me)}


def _body_auth_failed(message: str, code: str) -> AuthenticationFailed:
    error = AuthenticationFailed(message, code=code)
    error.location = "body"  # the credentials were in the body, not the Authorization header
    return error


class RegisterView(PublicView):
    throttle_classes = [RegisterThrottle]

    @extend_schema(
        operation_id="auth_register",
        tags=TAGS,
        summary="Create an account",
        description=(
            "Creates the account and logs it in: the answer carries an access token "
            "(24 h) and a refresh token (7 days). Limited to 10 sign-ups per hour per address."
        ),
        request=serializers.RegisterSerializer,
        examples=_request_example(
            email="ada@example.com",
            password="Lotus-Flow-2024",
            display_name="Ada",
            experience_level="beginner",
            timezone="Europe/Paris",
            preferred_session_minutes=20,
        ),
        responses={201: serializers.RegisterSessionSerializer, **error_responses(400, 415, 429)},
        parameters=[RETRY_AFTER],
    )
    def post(self, request):
        user = services.register_user(**_validated(serializers.RegisterSerializer, request))
        body = serializers.RegisterSessionSerializer(_session(user, remember_me=True)).data
        return Response(body, status=status.HTTP_201_CREATED)


class LoginView(PublicView):
    @extend_schema(
        operation_id="auth_login",
        tags=TAGS,
        summary="Log in",
        description=(
            "An access token (24 h); with `remember_me`, also a refresh token (7 days). "
            "Wrong email or password: 401. Five failures for one account from one address, "
            "or more than 50 from one address, pause logins there for 15 minutes: 429. "
            "While the failure counters cannot be read, logins are refused: 503."
        ),
        request=serializers.LoginSerializer,
        examples=_request_example(
            email="ada@example.com", password="Lotus-Flow-2024", remember_me=True
        ),
        responses={
            200: serializers.AuthSessionSerializer,
            **error_responses(400, 401, 415, 429, descriptions=LOGIN_ERRORS),
        },
        parameters=[RETRY_AFTER],
    )
    def post(self, request):
        data = _validated(serializers.LoginSerializer, request)
        try:
            user = services.authenticate_user(
                request=request._request, email=data["email"], password=data["password"]
            )
        except InvalidCredentials as error:
            raise _body_auth_failed(error.message, "invalid_credentials") from error
        # LoginLocked (429) and CountersUnavailable (503) are the error handler's.
        body = serializers.AuthSessionSerializer(_session(user, remember_me=data["remember_me"]))
        return Response(body.data)


class RefreshView(PublicView):
    @extend_schema(
        operation_id="auth_refresh",
        tags=TAGS,
        summary="Rotate a refresh token",
        description="A new access and refresh token; the refresh token sent is dead afterwards.",
        request=serializers.RefreshSerializer,
        responses={
            200: serializers.TokenPairSerializer,
            **error_responses(400, 401, 415, descriptions=REFRESH_ERRORS),
        },
    )
    def post(self, request):
        data = _validated(serializers.RefreshSerializer, request)
        try:
            tokens = rotate_refresh_token(data["refresh"])
        except TokenError as error:
            raise _body_auth_failed(str(error), InvalidToken.default_code) from error
        return Response(serializers.TokenPairSerializer(tokens).data)


class LogoutView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="auth_logout",
        tags=TAGS,
        summary="Log out",
        description=(
            "Revokes the access token the call is made with and, if given, the device's "
            "refresh token. A refresh token that is invalid or another account's: 400, "
            "nothing revoked."
        ),
        request=serializers.LogoutSerializer,
        responses={
            204: OpenApiResponse(description="Both tokens are dead."),
            **error_responses(400, 401, 415, descriptions=LOGOUT_ERRORS),
        },
    )
    def post(self, request):
        refresh = _validated(serializers.LogoutSerializer, request).get("refresh")
        end_session(user=request.user, access=request.auth, refresh=refresh)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="auth_me_retrieve",
        tags=TAGS,
        summary="The logged-in user",
        responses={200: serializers.UserSerializer, **error_responses(401)},
    )
    def get(self, request):
        return Response(serializers.UserSerializer(request.user).data)

    @extend_schema(
        operation_id="auth_me_partial_update",
        tags=TAGS,
        summary="Change profile fields",
        description="Only the fields sent change. `email` is read-only here; the password has "
        "its own endpoint. Practice reminders: `reminders_enabled`, `reminder_days` (at least "
        "one while on) and `reminder_time` (`HH:MM`, local to `timezone`); every reminder mail "
        "carries a one-click unsubscribe link.",
        request=serializers.UserSerializer,
        examples=_request_example(
            timezone="America/New_York",
            preferred_session_minutes=30,
            reminders_enabled=True,
            reminder_days=["mon", "wed", "fri"],
            reminder_time="07:30",
        ),
        responses={200: serializers.UserSerializer, **error_responses(400, 401, 415)},
    )
    def patch(self, request):
        fields = _validated(serializers.UserSerializer, request, partial=True)
        user = services.update_profile(user=request.user, **fields)
        return Response(serializers.UserSerializer(user).data)


class PasswordChangeView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="auth_password_change",
        tags=TAGS,
        summary="Change the password",
        description="Every token issued before, this one included, is dead afterwards: log in "
        "again. A wrong current password counts as a failed login: five lock the account out "
        "from that address for 15 minutes, here and on every login (429).",
        request=serializers.PasswordChangeSerializer,
        responses={
            204: OpenApiResponse(description="Password changed; all older tokens revoked."),
            **error_responses(400, 401, 415, 429),
        },
        parameters=[RETRY_AFTER],
    )
    def post(self, request):
        data = _validated(serializers.PasswordChangeSerializer, request)
        services.change_password(request=request._request, user=request.user, **data)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _reset_link_builder(request):
    """link_for(uidb64, token) for request_password_reset: the confirm page on this host."""

    def link_for(uidb64: str, token: str) -> str:
        kwargs = {"uidb64": uidb64, "token": token}
        try:
            path = reverse("accounts:password_reset_confirm", kwargs=kwargs)
        except NoReverseMatch:  # the page's route under its documented address
            path = "/accounts/reset/{uidb64}/{token}/".format(**kwargs)
        return request.build_absolute_uri(path)

    return link_for


class PasswordResetView(PublicView):
    throttle_classes = [PasswordResetThrottle]

    @extend_schema(
        operation_id="auth_password_reset",
        tags=TAGS,
        summary="Email a password-reset link",
        description=(
            "Answers 202 with the same body whether or not an account uses the address. "
            "The emailed link works once, within one hour. Limited to 10 requests per hour "
            "per address."
        ),
        request=serializers.PasswordResetSerializer,
        examples=_request_example(email="ada@example.com"),
        responses={202: serializers.MessageSerializer, **error_responses(400, 415, 429)},
        parameters=[RETRY_AFTER],
    )
    def post(self, request):
        data = _validated(serializers.PasswordResetSerializer, request)
        services.request_password_reset(email=data["email"], link_for=_reset_link_builder(request))
        body = serializers.MessageSerializer({"message": PASSWORD_RESET_SENT}).data
        return Response(body, status=status.HTTP_202_ACCEPTED)


class PasswordResetConfirmView(PublicView):
    @extend_schema(
        operation_id="auth_password_reset_confirm",
        tags=TAGS,
        summary="Set a new password from a reset link",
        description="The link is spent afterwards and every token of the account is dead. "
        "A bad, used or expired link: 400 at `token`.",
        request=serializers.PasswordResetConfirmSerializer,
        responses={
            204: OpenApiResponse(description="Password set; log in with it."),
            **error_responses(400, 415, descriptions=RESET_CONFIRM_ERRORS),
        },
    )
    def post(self, request):
        data = _validated(serializers.PasswordResetConfirmSerializer, request)
        services.reset_password(
            uidb64=data["uid"], token=data["token"], new_password=data["new_password"]
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
