"""OpenAPI pieces every app's API documents with: the one error shape and its responses.

    @extend_schema(responses={200: PoseSerializer, **error_responses(400, 401)})

`ErrorSerializer` is documentation only: yogaflow.core.api.errors builds the bodies.
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

ERROR_DESCRIPTIONS = {
    400: "Validation error, or a body that is not valid JSON.",
    401: "Missing, invalid, expired or revoked credentials.",
    403: "Authenticated but not allowed.",
    404: "No such object (other users' private objects answer 404 too).",
    405: "Method not allowed on this endpoint.",
    415: "Unsupported media type: send `application/json`.",
    413: "The request body is over the size limit (2.5 MB).",
    429: "Too many requests: wait for `Retry-After` seconds.",
    500: "Unexpected server error (logged; the body holds no internals).",
    503: "The database or the shared cache cannot be reached right now; nothing was done. "
    "Try again after `Retry-After` seconds.",
}

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


def _response_object(code: int) -> dict:
    return {
        "description": ERROR_DESCRIPTIONS[code],
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        **(
            {
                "headers": {
                    "Retry-After": {
                        "schema": {"type": "integer"},
                        "description": "Seconds to wait before trying again.",
                    }
                }
            }
            if code == 503
            else {}
        ),
    }


def document_refusals(result, generator, request, public):
    """drf-spectacular post-processing hook: what any operation may answer, said once.

    Every operation may answer 503 (an outage: yogaflow.core.exceptions) and every operation
    that takes a body 413 (over DATA_UPLOAD_MAX_MEMORY_SIZE), both in the error shape.
    """
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            responses.setdefault("503", _response_object(503))
            if "requestBody" in operation:
                responses.setdefault("413", _response_object(413))
    return result


RETRY_AFTER = OpenApiParameter(
    name="Retry-After",
    type=OpenApiTypes.INT,
    location=OpenApiParameter.HEADER,
    description="Seconds to wait before trying again.",
    response=[429],
)
