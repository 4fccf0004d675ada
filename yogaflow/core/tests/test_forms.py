"""The form helpers every app's pages use."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models

from yogaflow.core.forms import add_service_errors, optional_choice


class Signup(forms.Form):
    email = forms.EmailField()
    password = forms.CharField()


def test_add_service_errors_puts_each_message_next_to_its_field():
    form = Signup({"email": "a@example.com", "password": "x"})
    form.is_valid()

    add_service_errors(
        form, ValidationError({"email": ["Taken."], "password": ["Too short.", "Too common."]})
    )

    assert form.errors["email"] == ["Taken."]
    assert form.errors["password"] == ["Too short.", "Too common."]


def test_add_service_errors_shows_unknown_fields_and_plain_errors_on_top():
    form = Signup({"email": "a@example.com", "password": "x"})
    form.is_valid()

    add_service_errors(form, ValidationError({"token": ["Link expired."]}))
    add_service_errors(form, ValidationError({NON_FIELD_ERRORS: ["Whole form."]}))
    add_service_errors(form, ValidationError("Plain message."))

    assert form.non_field_errors() == ["Link expired.", "Whole form.", "Plain message."]


def test_optional_choice_reads_any_when_empty():
    field = optional_choice(models.TextChoices("Colour", "RED BLUE"), "colour")

    assert field.choices[0] == ("", "Any colour")
    assert field.label == "Colour" and not field.required
