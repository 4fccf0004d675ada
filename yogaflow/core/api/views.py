from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerView

from yogaflow.core.api.errors import error_response

# The API docs pages load scripts, styles and the schema from this site only
# (drf-spectacular-sidecar). The browser is told so too: ReDoc's bundle shows
# a Redocly logo fetched from a CDN, which this policy blocks. Inline scripts
# and styles are drf-spectacular's templates and the UIs' own; ReDoc's search
# runs in a blob: worker.
DOCS_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "worker-src 'self' blob:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class _LocalAssetsOnly:
    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Security-Policy"] = DOCS_CONTENT_SECURITY_POLICY
        return response


class SwaggerView(_LocalAssetsOnly, SpectacularSwaggerView):
    """Swagger UI from local assets."""


class RedocView(_LocalAssetsOnly, SpectacularRedocView):
    """ReDoc from local assets (templates/drf_spectacular/redoc.html drops its web fonts)."""


@csrf_exempt
def not_found(request, *args, **kwargs):
    """Catch-all for /api/v1/ paths no endpoint claims (a plain view: not in the schema)."""
    return error_response(404, "No such API endpoint.")
