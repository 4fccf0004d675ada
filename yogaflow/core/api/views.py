from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerSplitView

from yogaflow.core.api.errors import error_response

# The API docs pages load scripts, styles and the schema from this site only
# (drf-spectacular-sidecar), and run no inline script: templates/drf_spectacular/ load
# their start-up code from files (Swagger UI's from the split view's ?script address).
# The browser is told so too: ReDoc's bundle shows a Redocly logo fetched from a CDN,
# which this policy blocks (the bundle then hides it). One exception, ReDoc's alone:
# its styled-components write the page's styles into <style> elements while it runs and
# the bundle has no hook to give them a nonce, so the ReDoc page allows inline style (never
# script). ReDoc's search runs in a blob: worker.
_DOCS_DIRECTIVES = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
]
DOCS_CONTENT_SECURITY_POLICY = "; ".join(_DOCS_DIRECTIVES)
REDOC_CONTENT_SECURITY_POLICY = "; ".join(
    "style-src 'self' 'unsafe-inline'" if directive.startswith("style-src") else directive
    for directive in _DOCS_DIRECTIVES
)


class _LocalAssetsOnly:
    content_security_policy = DOCS_CONTENT_SECURITY_POLICY

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Security-Policy"] = self.content_security_policy
        return response


class SwaggerView(_LocalAssetsOnly, SpectacularSwaggerSplitView):
    """Swagger UI from local assets; its start-up script is this view's `?script` answer."""


class RedocView(_LocalAssetsOnly, SpectacularRedocView):
    """ReDoc from local assets (templates/drf_spectacular/redoc.html drops its web fonts)."""

    content_security_policy = REDOC_CONTENT_SECURITY_POLICY


@csrf_exempt
def not_found(request, *args, **kwargs):
    """Catch-all for /api/v1/ paths no endpoint claims (a plain view: not in the schema)."""
    return error_response(404, "No such API endpoint.")
