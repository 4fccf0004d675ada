"""Security headers Django itself does not set: Permissions-Policy.

Content-Security-Policy comes from django-csp (settings.CONTENT_SECURITY_POLICY; its middleware
with the site's policy built once, CSPMiddleware below),
Referrer-Policy and HSTS from Django's SecurityMiddleware.
"""

from functools import lru_cache

from csp import constants as csp_constants
from csp import middleware as csp_middleware
from csp import utils as csp_utils
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver


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


_POLICY_ATTRIBUTES = tuple(
    f"_csp_{what}{mode}" for what in ("config", "update", "replace") for mode in ("", "_ro")
)


class CSPMiddleware(csp_middleware.CSPMiddleware):
    """django-csp's, with the site's own policy built once rather than for every answer.

    django-csp builds the header from the settings on each response (a dataclass turned into
    a dict, every directive joined), about a tenth of an empty page's work here. An answer
    with nothing of its own — no csp decorator's policy on the response, no nonce asked for,
    DEBUG off — gets the same two strings every time, so they are built once per settings
    (forgotten when a setting changes) and set under django-csp's own conditions (not exempt,
    no header already, path not excluded). Anything else goes through django-csp unchanged.
    """

    def process_response(self, request, response):
        if (
            settings.DEBUG
            or getattr(request, "_csp_nonce", None) is not None
            or any(getattr(response, name, None) is not None for name in _POLICY_ATTRIBUTES)
        ):
            return super().process_response(request, response)
        for header, policy, exempt, setting in (
            (csp_constants.HEADER, _site_policy(False), "_csp_exempt", "CONTENT_SECURITY_POLICY"),
            (
                csp_constants.HEADER_REPORT_ONLY,
                _site_policy(True),
                "_csp_exempt_ro",
                "CONTENT_SECURITY_POLICY_REPORT_ONLY",
            ),
        ):
            if not policy or getattr(response, exempt, False) or header in response:
                continue
            prefixes = (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES") or ()
            if not request.path_info.startswith(tuple(prefixes)):
                response[header] = policy
        # As django-csp: a nonce asked for after the header is written is an error, not a
        # silently unprotected script.
        request.csp_nonce = csp_middleware.CheckableLazyObject(self._csp_nonce_post_response)
        return response


@lru_cache(maxsize=2)
def _site_policy(report_only: bool) -> str:
    return csp_utils.build_policy(report_only=report_only)


@receiver(setting_changed)
def _forget_site_policy(**kwargs) -> None:
    _site_policy.cache_clear()
