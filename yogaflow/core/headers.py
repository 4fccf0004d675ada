"""Security headers Django itself does not set: Permissions-Policy.

Content-Security-Policy comes from django-csp (settings.CONTENT_SECURITY_POLICY),
Referrer-Policy and HSTS from Django's SecurityMiddleware.
"""

from django.conf import settings


def permissions_policy(features: dict[str, list[str]]) -> str:
    """The header value for {feature: [allowlist]}: `()` for nobody, `self`, or origins in quotes.

    >>> permissions_policy({"camera": [], "fullscreen": ["self"]})
    'camera=(), fullscreen=(self)'
    """
    parts = []
    for feature, allow in features.items():
        items = " ".join(item if item in ("self", "*") else f'"{item}"' for item in allow)
        parts.append(f"{feature}=({items})")
    return ", ".join(parts)


class PermissionsPolicyMiddleware:
    """Adds `Permissions-Policy` (from settings.PERMISSIONS_POLICY) to every answer lacking one."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.value = permissions_policy(getattr(settings, "PERMISSIONS_POLICY", {}))

    def __call__(self, request):
        response = self.get_response(request)
        if self.value and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.value
        return response
