"""Form helpers every app's pages use: service errors on forms, and filter fields."""

from django import forms
from django.core.exceptions import ValidationError

from yogaflow.core.exceptions import RateLimited, ServiceUnavailable

# Refusals a page shows on its form, with the status the page then answers.
REFUSALS = (RateLimited, ServiceUnavailable)


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: next to the field it names, else on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def add_refusal(form: forms.Form, error: RateLimited | ServiceUnavailable) -> int:
    """Show a refusal (too many attempts, a service down) on top of the form; return the status
    the page answers with: 429 or 503."""
    form.add_error(None, error.message)
    return 429 if isinstance(error, RateLimited) else 503


def optional_choice(choices, label: str) -> forms.ChoiceField:
    """A filter's choice field whose empty value reads "Any <label>"."""
    return forms.ChoiceField(
        choices=[("", f"Any {label}"), *choices.choices], required=False, label=label.capitalize()
    )
