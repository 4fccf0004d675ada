"""OpenAPI pieces every app's API documents with: the one error shape and its responses.

    @extend_schema(responses={200: PoseSerializer, **error_responses(400, 401)})

`ErrorSerializer` is documentation only: yogaflow.core.api.errors builds the bodies.
`document_refusals` (a post-processing hook, SPECTACULAR_SETTINGS) adds what every operation
may answer, and says once, at the root, that a token is optional unless an operation needs one.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema_field,
)
from rest_framework import serializers

from yogaflow.core.api.errors import VALIDATION_MESSAGE, VALIDATION_TITLE, error_body
from yogaflow.core.api.filters import EMPTY_MEANS_ANY

ERROR_DESCRIPTIONS = {
    400: "Validation error, or a body that is not valid JSON.",
    401: "Missing, invalid, expired or revoked credentials.",
    403: "Authenticated but not allowed.",
    404: "No such object (other users' private objects answer 404 too).",
    405: "Method not allowed on this endpoint.",
    406: "Not acceptable: this API answers `application/json` only (see `Accept`).",
    415: "Unsupported media type: send `application/json`.",
    413: "The request body is over the size limit (2.5 MB).",
    429: "Too many requests (this call's own limit, or the deployment's in front of it): "
    "wait for `Retry-After` seconds.",
    500: "Unexpected server error (logged; the body holds no internals).",
    503: "The database or the shared cache cannot be reached right now; nothing was done. "
    "Try again after `Retry-After` seconds.",
}

NOT_MODIFIED = (
    "Not modified: the copy whose `ETag` was sent in `If-None-Match` is still current (no body)."
)

ERROR_EXAMPLES = {
    400: {
        "error": VALIDATION_TITLE,
        "message": VALIDATION_MESSAGE,
        "detail": [
            {"loc": ["body", "email"], "msg": "Enter a valid email address.", "type": "invalid"}
        ],
    },
    401: error_body(
        401,
        "Authentication credentials were not provided.",
        [
            {
                "loc": ["header", "Authorization"],
                "msg": "Authentication credentials were not provided.",
                "type": "not_authenticated",
            }
        ],
    ),
    429: error_body(429, "Request was throttled. Expected available in 900 seconds."),
}


@extend_schema_field({"oneOf": [{"type": "string"}, {"type": "integer"}]})
class LocItemField(serializers.Field):
    """A step of an error location: a name ("body", "email") or a list index."""


class ErrorItemSerializer(serializers.Serializer):
    loc = serializers.ListField(
        child=LocItemField(),
        help_text='Where the problem is, e.g. ["body", "email"] or ["header", "Authorization"].',
    )
    msg = serializers.CharField(help_text="Human-readable message for this item.")
    type = serializers.CharField(help_text="Machine-readable code, e.g. `required`, `invalid`.")


class ErrorSerializer(serializers.Serializer):
    """The body of every API error, from validation to 500."""

    error = serializers.CharField(help_text='Short title, e.g. "Validation Error", "Not Found".')
    message = serializers.CharField(help_text="One sentence a client may show to people.")
    detail = ErrorItemSerializer(many=True, help_text="Per-field problems; may be empty.")


def error_responses(
    *status_codes: int, descriptions: dict[int, str] | None = None
) -> dict[int, OpenApiResponse]:
    """`responses=` entries for the error statuses an endpoint can answer, all in the error shape.

    `descriptions` says what a status means at this endpoint, where the generic text is vague.
    """
    descriptions = {**ERROR_DESCRIPTIONS, **(descriptions or {})}
    return {
        code: OpenApiResponse(
            ErrorSerializer,
            description=descriptions[code],
            examples=[
                OpenApiExample(
                    f"error_{code}",
                    value=ERROR_EXAMPLES.get(code) or error_body(code, descriptions[code]),
                    status_codes=[code],
                    response_only=True,
                )
            ],
        )
        for code in status_codes
    }


RETRY_AFTER_HEADER = {
    "schema": {"type": "integer"},
    "description": "Seconds to wait before trying again.",
}
# What any operation may answer, whatever its view says: the method refused (405), an `Accept`
# the API cannot serve (406), a rate limit (429), a bug (500), an outage (503); and wherever a
# body is taken, one too large (413) or not JSON (415). All in the error shape.
ANY_OPERATION = (405, 406, 429, 500, 503)
WITH_A_BODY = (413, 415)
# Security requirements: an operation with no list of its own inherits the root's, which says a
# bearer token is optional. openapi-python-client (0.29) demands an `AuthenticatedClient`
# wherever an operation has a list of its own, even one holding `{}`; without one it also takes
# a plain `Client`. So optional-token operations carry none, and the rest `[{jwtAuth: []}]`.
OPTIONAL_TOKEN = [{}, {"jwtAuth": []}]


def _response_object(code: int) -> dict:
    response = {
        "description": ERROR_DESCRIPTIONS[code],
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }
    if code in (429, 503):
        response["headers"] = {"Retry-After": RETRY_AFTER_HEADER}
    return response


def document_refusals(result, generator, request, public):
    """drf-spectacular post-processing hook: what any operation may answer, said once.

    Every operation may answer 405, 406, 429, 500 and 503, and every one that takes a body 413
    and 415, all in the error shape; 429 and 503 carry `Retry-After`. An operation that a token
    is optional for (`{}` among its requirements) drops its own list and inherits the root's
    `[{}, {jwtAuth: []}]`; one that needs a token keeps `[{jwtAuth: []}]`. A filter that an
    empty value leaves off (yogaflow.core.api.filters) gets `allowEmptyValue: true`.
    """
    result["security"] = [dict(requirement) for requirement in OPTIONAL_TOKEN]
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            codes = ANY_OPERATION + (WITH_A_BODY if "requestBody" in operation else ())
            for code in codes:
                responses.setdefault(str(code), _response_object(code))
            for code in ("429", "503"):
                responses[code].setdefault("headers", {}).setdefault(
                    "Retry-After", RETRY_AFTER_HEADER
                )
            operation["responses"] = dict(sorted(responses.items()))
            if {} in operation.get("security", [{}]):
                operation.pop("security", None)
            for parameter in operation.get("parameters", []):
                if parameter.pop(EMPTY_MEANS_ANY, False):
                    parameter["allowEmptyValue"] = True
    return result


RETRY_AFTER = OpenApiParameter(
    name="Retry-After",
    type=OpenApiTypes.INT,
    location=OpenApiParameter.HEADER,
    description="Seconds to wait before trying again.",
    response=[429],
)


IF_NONE_MATCH = OpenApiParameter(
    name="If-None-Match",
    type=OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=False,
    description="The `ETag` of the copy the client holds: 304 (no body) while it is current. "
    "Only calls without a token get ETags (signed-in answers differ per user).",
)
ETAG = OpenApiParameter(
    name="ETag",
    type=OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    description="Version of this answer; send it back in `If-None-Match` to revalidate. Given "
    "to calls without a token while the shared cache is reachable.",
    response=[200, 304],
)
REVALIDATION = [IF_NONE_MATCH, ETAG]
"""`parameters=` of a library read served by yogaflow.core.caching.cache_anonymous."""


def not_modified() -> dict[int, OpenApiResponse]:
    """`responses=` entry of a library read served by cache_anonymous: 304 without a body."""
    return {304: OpenApiResponse(description=NOT_MODIFIED)}
