"""Form shape of the account pages."""

import pytest

from accounts.forms import (
    LoginForm,
    PasswordChangeForm,
    ProfileForm,
    SetPasswordForm,
    SignupForm,
    timezone_choices,
)
from accounts.models import timezone_names

STRONG = "Warrior-Two-2025"


def test_signup_form_passes_only_the_profile_fields_that_were_filled_in():
    form = SignupForm(
        {"email": "a@example.com", "password": STRONG, "display_name": "", "timezone": "Asia/Tokyo"}
    )

    assert form.is_valid(), form.errors
    assert form.profile() == {"timezone": "Asia/Tokyo"}


def test_signup_form_leaves_password_rules_to_the_service():
    form = SignupForm({"email": "a@example.com", "password": "weak"})

    assert form.is_valid()  # register_user runs the validators, once


def test_profile_form_leaves_timezone_validation_to_the_model():
    form = ProfileForm(
        {
            "experience_level": "beginner",
            "timezone": "Mars/Olympus_Mons",
            "preferred_session_minutes": "20",
        }
    )

    assert form.is_valid()


@pytest.mark.parametrize("form_class", [LoginForm, SignupForm])
def test_passwords_longer_than_128_characters_are_refused_by_shape(form_class):
    form = form_class({"email": "a@example.com", "password": "Aa1" + "x" * 126})

    assert not form.is_valid()
    assert "at most 128 characters" in form.errors["password"][0]


def test_login_form_keeps_surrounding_spaces_in_passwords():
    form = LoginForm({"email": "a@example.com", "password": " Spaced-Out-1 "})

    assert form.is_valid()
    assert form.cleaned_data["password"] == " Spaced-Out-1 "
    assert form.cleaned_data["remember_me"] is False


@pytest.mark.parametrize("form_class", [PasswordChangeForm, SetPasswordForm])
def test_new_password_confirmation_must_match(form_class):
    data = {
        "current_password": "Old-Password-1",
        "new_password": STRONG,
        "new_password_confirm": STRONG + "!",
    }
    form = form_class(data)

    assert not form.is_valid()
    assert form.errors["new_password_confirm"] == ["The two new passwords do not match."]


def test_password_widgets_tell_the_browser_what_they_hold():
    assert LoginForm().fields["password"].widget.attrs["autocomplete"] == "current-password"
    assert SignupForm().fields["password"].widget.attrs["autocomplete"] == "new-password"
    change = PasswordChangeForm().fields
    assert change["current_password"].widget.attrs["autocomplete"] == "current-password"
    assert change["new_password"].widget.attrs["autocomplete"] == "new-password"
    assert LoginForm().fields["email"].widget.attrs["autocomplete"] == "email"


def test_timezone_choices_are_grouped_by_region_and_cover_every_zone():
    groups = dict(timezone_choices())

    assert ("Europe/Paris", "Europe/Paris") in groups["Europe"]
    assert ("America/New_York", "America/New York") in groups["America"]
    assert ("UTC", "UTC") in groups["Other"]
    assert list(groups)[-1] == "Other"
    assert sum(len(zones) for zones in groups.values()) == len(timezone_names())
