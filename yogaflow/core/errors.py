"""Page-level error handlers: friendly HTML for people, the error shape for /api/.

400 (a disallowed Host, too many form fields, a value the database refuses) and 413 (a body
over the size limit) come from Django or the database; 503 answers an outage (the database
or the shared cache cannot be reached), whether a view or a middleware met it. The 400 and
503 pages are self-contained (no base template, no request context): what failed may be
what a richer page needs.
"""

import sys

import structlog
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

from yogaflow.core.api.errors import REFUSED_DATA, error_response, too_large_message
from yogaflow.core.exceptions import (
    RETRY_AFTER_OUTAGE,
    ServiceUnavailable,
    is_outage,
    is_refused_data,
    outage_message,
)

logger = structlog.get_logger(__name__)

BAD_REQUEST = "The request was malformed or addressed to a host this site does not serve."


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def _standalone(template: str, context: dict, *, status: int) -> HttpResponse:
    return HttpResponse(loader.render_to_string(template, context), status=status)


def bad_request(request, exception=None):
    """handler400: Django's SuspiciousOperation family (DisallowedHost, too many fields, ...)."""
    if isinstance(exception, RequestDataTooBig):
        status, message = 413, too_large_message()
    elif is_refused_data(exception):
        status, message = 400, REFUSED_DATA
    else:
        status, message = 400, BAD_REQUEST
    if _is_api(request):
        return error_response(status, message)
    return _standalone("400.html", {"status": status, "message": message}, status=status)


def page_not_found(request, exception=None):
    if _is_api(request):
        return error_response(404, "No such API endpoint or object.")
    return render(request, "404.html", status=404)


def service_unavailable(request, error: BaseException) -> HttpResponse:
    """503 for an outage: the error shape on /api/, a calm page elsewhere; try again later."""
    message = outage_message(error)
    if _is_api(request):
        response = error_response(503, message)
    else:
        response = _standalone("503.html", {"message": message}, status=503)
    response["Retry-After"] = str(getattr(error, "retry_after", RETRY_AFTER_OUTAGE))
    return response


@requires_csrf_token
def server_error(request):
    """handler500; an outage met by a middleware (sessions, the atomic request) is a 503."""
    error = sys.exc_info()[1]
    if isinstance(error, ServiceUnavailable) or is_outage(error):
        return service_unavailable(request, error)
    if is_refused_data(error):
        return bad_request(request, error)
    if _is_api(request):
        return error_response(
            500, "An unexpected error occurred. It has been logged; please try again."
        )
    return render(request, "500.html", status=500)


class DatabaseAndCacheErrorsMiddleware:
    """What a page view met that is not a bug of ours: an outage (the database or the cache
    unreachable) answers 503, a value the database refuses (DataError) 400, never 500.

    Views of the API answer these themselves (yogaflow.core.api.errors); this covers the
    pages, with DEBUG on too, and server_error covers what a middleware met.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, ServiceUnavailable) or is_outage(exception):
            logger.warning(
                "service_unavailable", exc_type=type(exception).__name__, path=request.path
            )
            return service_unavailable(request, exception)
        if is_refused_data(exception):
            logger.warning("refused_data", exc_type=type(exception).__name__, path=request.path)
            return bad_request(request, exception)
        return None
