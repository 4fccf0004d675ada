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
    if isinstance(field, forms.ChoiceField):
        # "" is the forms' "any" (what an empty <select> submits): accepted, so documented.
        values = [str(value) for value, _ in field.choices]
        if not field.required and "" not in values:
            values.insert(0, "")
        return {"type": "string", "enum": values}
    if isinstance(field, forms.IntegerField):
        number = {"type": "integer"}
        if field.min_value is not None:
            number["minimum"] = field.min_value
        if field.max_value is not None:
            number["maximum"] = field.max_value
        # Empty, as an empty <input> submits it, means "no bound", as for the choices.
        return {"oneOf": [number, {"type": "string", "maxLength": 0}]}
    # Django's text fields refuse NUL characters.
    schema = {"type": "string", "pattern": "^[^\\x00]*$"}
    if getattr(field, "max_length", None):
        schema["maxLength"] = field.max_length
    return schema


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
        )
        for name, field in form_class.base_fields.items()
    ]
