"""drf-spectacular extensions of the auth API; AccountsConfig.ready imports them."""

from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme


class JWTScheme(SimpleJWTScheme):
    """Our JWTAuthentication subclass is the same bearer JWT scheme as SimpleJWT's."""

    target_class = "accounts.api.authentication.JWTAuthentication"
