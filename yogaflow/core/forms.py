"""Form helpers every app's pages use: service errors on forms, and filter fields."""

from django import forms
from django.core.exceptions import ValidationError


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: next to the field it names, else on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def optional_choice(choices, label: str) -> forms.ChoiceField:
    """A filter's choice field whose empty value reads "Any <label>"."""
    return forms.ChoiceField(
        choices=[("", f"Any {label}"), *choices.choices], required=False, label=label.capitalize()
    )
