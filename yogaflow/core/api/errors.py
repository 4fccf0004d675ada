"""One error shape for every API answer that is not a success (DESIGN.md §4).

    {"error": "Validation Error", "message": "Request validation failed",
     "detail": [{"loc": ["body", "email"], "msg": "...", "type": "invalid"}]}

`exception_handler` is DRF's EXCEPTION_HANDLER: it translates DRF's own
exceptions, the Django vocabulary services raise (ValidationError,
PermissionDenied, Http404), our own (RateLimited: 429; ServiceUnavailable and an
unreachable database or cache: 503), a body over the size limit (413), and
anything unexpected (500, logged, no internals in the body). `error_response`
serves the page-level handlers and the catch-all route for paths DRF never sees.
"""

from http import HTTPStatus

import structlog
from django.conf import settings
from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    SuspiciousOperation,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import set_rollback

from yogaflow.core.exceptions import (
    RateLimited,
    ServiceUnavailable,
    is_outage,
    is_refused_data,
    outage_message,
)

logger = structlog.get_logger(__name__)

TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    409: "Conflict",
    413: "Payload Too Large",
    415: "Unsupported Media Type",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}
VALIDATION_TITLE = "Validation Error"
VALIDATION_MESSAGE = "Request validation failed"
NON_FIELD_KEYS = {api_settings.NON_FIELD_ERRORS_KEY, "__all__"}


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "too_large"


class Unavailable(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = "The service is unavailable right now. Please try again soon."
    default_code = "unavailable"


REFUSED_DATA = "A value in the request cannot be stored (e.g. a NUL character)."


def too_large_message() -> str:
    megabytes = settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 1024 / 1024
    return f"The request body is larger than the {megabytes:g} MB this API accepts."


def error_body(
    status_code: int, message: str, detail: list | None = None, *, error: str = ""
) -> dict:
    title = error or TITLES.get(status_code) or HTTPStatus(status_code).phrase
    return {"error": title, "message": message, "detail": detail or []}


def error_response(status_code: int, message: str, detail: list | None = None) -> JsonResponse:
    """The error shape as a plain Django response, for code outside DRF views."""
    return JsonResponse(error_body(status_code, message, detail), status=status_code)


def flatten_validation(errors, loc: list) -> list[dict]:
    """DRF's nested {field: [ErrorDetail]} into a flat list of {loc, msg, type}."""
    if isinstance(errors, dict):
        items = []
        for key, value in errors.items():
            child = loc if key in NON_FIELD_KEYS else [*loc, key]
            items.extend(flatten_validation(value, child))
        return items
    if isinstance(errors, list):
        if all(not isinstance(item, dict | list) for item in errors):
            return [
                {"loc": loc, "msg": str(item), "type": getattr(item, "code", None) or "invalid"}
                for item in errors
            ]
        items = []
        for index, value in enumerate(errors):
            items.extend(flatten_validation(value, [*loc, index]))
        return items
    return [{"loc": loc, "msg": str(errors), "type": getattr(errors, "code", None) or "invalid"}]


def _from_django(exc: Exception) -> Exception:
    """Django's vocabulary (raised by services) in DRF's terms."""
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            detail = {
                field: [exceptions.ErrorDetail(e.messages[0], code=e.code) for e in errs]
                for field, errs in exc.error_dict.items()
            }
        else:
            detail = [exceptions.ErrorDetail(e.messages[0], code=e.code) for e in exc.error_list]
        return exceptions.ValidationError(detail)
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, PermissionDenied):
        return exceptions.PermissionDenied()
    if isinstance(exc, RateLimited):
        return exceptions.Throttled(wait=exc.retry_after, detail=exc.message)
    if isinstance(exc, RequestDataTooBig):
        return PayloadTooLarge(too_large_message())
    if isinstance(exc, SuspiciousOperation):  # too many fields, a malformed multipart body
        return exceptions.ParseError("The request could not be read.")
    if is_refused_data(exc):
        logger.warning("api_refused_data", exc_type=type(exc).__name__)
        return exceptions.ParseError(REFUSED_DATA)
    if isinstance(exc, ServiceUnavailable) or is_outage(exc):
        if not isinstance(exc, ServiceUnavailable):
            logger.warning("api_service_unavailable", exc_type=type(exc).__name__)
        unavailable = Unavailable(outage_message(exc))
        unavailable.wait = getattr(exc, "retry_after", ServiceUnavailable.retry_after)
        return unavailable
    return exc


def _message(exc: exceptions.APIException) -> str:
    detail = exc.detail
    if isinstance(detail, dict) and "detail" in detail:  # SimpleJWT's token errors
        detail = detail["detail"]
    if isinstance(detail, list | dict):
        return str(exc.default_detail)
    return str(detail)


def exception_handler(exc, context):
    exc = _from_django(exc)
    if not isinstance(exc, exceptions.APIException):
        logger.exception("api_unhandled_exception", exc_type=type(exc).__name__)
        set_rollback()
        return Response(
            error_body(500, "An unexpected error occurred. It has been logged; please try again."),
            status=status.HTTP_500_INTERNAL_SERVER_ERROR,
        )

    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))

    # Where the bad input was: "body" unless the raiser says otherwise (e.g. "query").
    location = getattr(exc, "location", None)
    if isinstance(exc, exceptions.ValidationError):
        body = error_body(
            exc.status_code,
            VALIDATION_MESSAGE,
            flatten_validation(exc.detail, [location or "body"]),
            error=VALIDATION_TITLE,
        )
    elif isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
        message = _message(exc)
        codes = exc.get_codes()
        code = codes.get("code", exc.default_code) if isinstance(codes, dict) else codes
        loc = [location] if location else ["header", "Authorization"]
        body = error_body(exc.status_code, message, [{"loc": loc, "msg": message, "type": code}])
    else:
        body = error_body(exc.status_code, _message(exc))

    set_rollback()
    return Response(body, status=exc.status_code, headers=headers)
