"""Query-string filters in the API: the pages' own filter forms, read and documented once.

    kwargs = query_filters(PoseFilters, request)     # 400 at ["query", field] if invalid
    @extend_schema(parameters=filter_parameters(PoseFilters))

Each app's filter form (`selector_kwargs()` after `is_valid()`) stays the one
definition of what a filter accepts; the API neither re-validates nor re-lists it.
"""

from django import forms
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ErrorDetail, ValidationError


def query_filters(form_class: type[forms.Form], request) -> dict:
    """The selector's keyword arguments from the query string; ValidationError located there."""
    form = form_class(request.query_params)
    if not form.is_valid():
        error = ValidationError(
            {
                field: [ErrorDetail(item["message"], code=item["code"]) for item in items]
                for field, items in form.errors.get_json_data().items()
            }
        )
        error.location = "query"  # yogaflow.core.api.errors puts it at ["query", field]
        raise error
    return form.selector_kwargs()


def _parameter_schema(field: forms.Field) -> dict:
    """The parameter's schema as a client should send it.

    An empty value (what an empty <select> or <input> of the page submits) is accepted and
    means "any" / "no bound": the parameter says so with `allowEmptyValue` (see
    filter_parameters), not with "" among the choices, which would give generated clients an
    odd enum member and `int | str` numbers.
    """
    if isinstance(field, forms.ChoiceField):
        return {"type": "string", "enum": [str(value) for value, _ in field.choices if value != ""]}
    if isinstance(field, forms.IntegerField):
        number = {"type": "integer"}
        if field.min_value is not None:
            number["minimum"] = field.min_value
        if field.max_value is not None:
            number["maximum"] = field.max_value
        return number
    if isinstance(field, forms.DateField):
        return {"type": "string", "format": "date"}
    # Django's text fields refuse NUL characters.
    schema = {"type": "string", "pattern": "^[^\\x00]*$"}
    if getattr(field, "max_length", None):
        schema["maxLength"] = field.max_length
    return schema


EMPTY_MEANS_ANY = "x-empty-means-any"


def _empty_means_any(field: forms.Field) -> bool:
    """An empty value passes the form (no filter) where the schema would refuse "" itself."""
    typed = isinstance(field, forms.ChoiceField | forms.IntegerField | forms.DateField)
    return typed and not field.required


def filter_parameters(form_class: type[forms.Form], descriptions: dict | None = None) -> list:
    """OpenAPI query parameters for every field of a filter form, with its choices and bounds."""
    descriptions = descriptions or {}
    return [
        OpenApiParameter(
            name=name,
            type=_parameter_schema(field),
            location=OpenApiParameter.QUERY,
            required=False,
            description=descriptions.get(name) or str(field.label or name),
            # yogaflow.core.api.schema.document_refusals makes it `allowEmptyValue: true`.
            extensions={EMPTY_MEANS_ANY: True} if _empty_means_any(field) else None,
        )
        for name, field in form_class.base_fields.items()
    ]
