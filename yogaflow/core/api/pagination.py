import re

from rest_framework import pagination
from rest_framework.exceptions import ErrorDetail, ValidationError

POSITIVE_NUMBER = re.compile(r"0*[1-9][0-9]*")


def _query_error(name: str, message: str) -> ValidationError:
    error = ValidationError({name: [ErrorDetail(message, code="invalid")]})
    error.location = "query"
    return error


class PageNumberPagination(pagination.PageNumberPagination):
    """`?page=N&page_size=M` (M up to 100); answers count, next, previous, results.

    Unlike DRF's, a page or page size that is not a whole number from 1 answers
    400 at ["query", name], like any other invalid query parameter, instead of
    a quiet fallback (a page past the end is still 404).
    """

    page_size_query_param = "page_size"
    max_page_size = 100
    last_page_strings = ()  # `page=last` is not in the schema

    def get_page_number(self, request, paginator):
        raw = request.query_params.get(self.page_query_param)
        if raw is not None and not POSITIVE_NUMBER.fullmatch(raw):
            raise _query_error(self.page_query_param, "A whole number from 1.")
        return raw or 1

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is not None and not POSITIVE_NUMBER.fullmatch(raw):
            raise _query_error(
                self.page_size_query_param,
                f"A whole number from 1 (at most {self.max_page_size} are sent).",
            )
        return super().get_page_size(request)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"] = {**parameter["schema"], "minimum": 1}
            if parameter["name"] == self.page_size_query_param:
                parameter["description"] = (
                    f"Number of results per page (default {self.page_size}, "
                    f"at most {self.max_page_size} are sent)."
                )
        return parameters

    def get_paginated_response_schema(self, schema):
        # DRF's own says `nullable` (OpenAPI 3.0); 3.1 spells null as a type. All four are
        # always in the body.
        link = {"type": ["string", "null"], "format": "uri"}
        return {
            "type": "object",
            "required": ["count", "next", "previous", "results"],
            "properties": {
                "count": {"type": "integer", "example": 123},
                "next": {**link, "description": "The next page, or null on the last."},
                "previous": {**link, "description": "The previous page, or null on the first."},
                "results": schema,
            },
        }
