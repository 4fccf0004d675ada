from rest_framework_simplejwt import authentication
from rest_framework_simplejwt.exceptions import AuthenticationFailed

from accounts.api.tokens import token_is_current


class JWTAuthentication(authentication.JWTAuthentication):
    """SimpleJWT bearer auth that also refuses tokens older than the last password change."""

    def get_user(self, validated_token):
        user = super().get_user(validated_token)
        if not token_is_current(validated_token, user):
            raise AuthenticationFailed(
                "Token has been revoked; log in again.", code="token_not_valid"
            )
        return user
