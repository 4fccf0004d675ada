"""HTML forms of the account pages: shape only.

Every rule about the data (unique email, password strength, known time zone,
session length range) lives in accounts.services and the model; the views
hand a service's ValidationError back to the form with `add_service_errors`.
"""

from functools import cache
from itertools import groupby

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation

from accounts.models import (
    DEFAULT_REMINDER_TIME,
    MAX_SESSION_MINUTES,
    MIN_SESSION_MINUTES,
    Avoidance,
    ExperienceLevel,
    Weekday,
    timezone_names,
)

# What each quick caution leaves out, in a practitioner's words (poses.models maps
# them to the pose library's cautions).
AVOIDANCE_HINTS = {
    Avoidance.NO_INVERSIONS: "Leaves out poses with the hips and legs above the head. Also "
    "the head below the heart (Downward Dog, standing folds) and holding the breath.",
    Avoidance.KNEE_FRIENDLY: "Leaves out kneeling poses and deep knee bends under load.",
    Avoidance.WRIST_FRIENDLY: "Leaves out poses that put your weight on your hands.",
    Avoidance.PREGNANCY_SAFE: "Leaves out lying on the belly or long on the back, closed "
    "twists, deep backbends, inversions, balances on the hands or head, strong core work and "
    "holding the breath.",
    Avoidance.BACK_CARE: "Leaves out deep backbends, loaded forward folds and twists, weight "
    "on the neck and balances on the hands or head; keeps gentle, supported poses.",
    Avoidance.OSTEOPOROSIS_SAFE: "Leaves out rounding of the spine, loaded or not (forward "
    "folds, Cat, Knees-to-Chest), deep or end-range twists, weight on the neck, and balances "
    "on the hands or head where a fall is likely.",
}


def _region(zone: str) -> str:
    return zone.split("/", 1)[0] if "/" in zone else "Other"


@cache
def timezone_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Zone names grouped by region ("Europe", "America", …) so the long <select> is scannable."""
    zones = sorted(timezone_names(), key=lambda z: (_region(z) == "Other", _region(z), z))
    return [
        (region, [(zone, zone.replace("_", " ")) for zone in members])
        for region, members in groupby(zones, key=_region)
    ]


def password_field(label: str, autocomplete: str, *, help_text: str = "") -> forms.CharField:
    """Unstripped; `autocomplete` tells password managers whether to fill or to generate."""
    return forms.CharField(
        label=label,
        max_length=settings.PASSWORD_MAX_LENGTH,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": autocomplete}),
        help_text=help_text,
    )


def new_password_field(label: str = "New password") -> forms.CharField:
    # The rules themselves run in the service; the form only lists them.
    return password_field(
        label, "new-password", help_text=password_validation.password_validators_help_text_html()
    )


def email_field() -> forms.EmailField:
    return forms.EmailField(
        label="Email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )


class ProfileFieldsMixin(forms.Form):
    """The practice profile. Select boxes offer the valid values; the model still checks them."""

    display_name = forms.CharField(
        label="Display name",
        max_length=80,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
        help_text="How YogaFlow greets you.",
    )
    experience_level = forms.CharField(
        label="Experience level",
        initial=ExperienceLevel.BEGINNER,
        widget=forms.Select(choices=ExperienceLevel.choices),
    )
    timezone = forms.CharField(
        label="Time zone",
        max_length=64,
        initial="UTC",
        widget=forms.Select(choices=timezone_choices()),
        help_text="Streaks and calendars are counted in this time zone.",
    )


class SignupForm(ProfileFieldsMixin):
    email = email_field()
    password = new_password_field("Password")

    field_order = ["email", "password", "display_name", "experience_level", "timezone"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["experience_level"].required = False
        zone = self.fields["timezone"]
        zone.required = False
        # static/js/device-timezone.js selects the device's zone (Intl) unless one was chosen.
        zone.widget.attrs["data-device-timezone"] = ""
        if self.is_bound:
            zone.widget.attrs["data-chosen"] = "true"
        zone.help_text = (
            "Streaks and calendars are counted in this time zone; it starts on your device's."
        )

    def profile(self) -> dict:
        """Only the profile fields the person filled in, so the model's defaults apply."""
        return {
            name: self.cleaned_data[name]
            for name in ("display_name", "experience_level", "timezone")
            if self.cleaned_data.get(name)
        }


class LoginForm(forms.Form):
    email = email_field()
    password = password_field("Password", "current-password")
    remember_me = forms.BooleanField(
        label="Remember me",
        required=False,
        help_text="Stay logged in on this device after you close the browser.",
    )


class ConfirmNewPasswordMixin(forms.Form):
    """New password typed twice: a typo check on the form, not a password rule."""

    new_password = new_password_field()
    new_password_confirm = password_field("Confirm new password", "new-password")

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("new_password"), cleaned.get("new_password_confirm")
        if first and second and first != second:
            self.add_error("new_password_confirm", "The two new passwords do not match.")
        return cleaned


class PasswordChangeForm(ConfirmNewPasswordMixin):
    current_password = password_field("Current password", "current-password")

    field_order = ["current_password", "new_password", "new_password_confirm"]


class SetPasswordForm(ConfirmNewPasswordMixin):
    pass


class PasswordResetRequestForm(forms.Form):
    email = email_field()


class ProfileForm(ProfileFieldsMixin):
    preferred_session_minutes = forms.IntegerField(
        label="Preferred session length (minutes)",
        widget=forms.NumberInput(
            attrs={"min": MIN_SESSION_MINUTES, "max": MAX_SESSION_MINUTES, "step": 1}
        ),
        help_text=f"Between {MIN_SESSION_MINUTES} and {MAX_SESSION_MINUTES} minutes.",
    )
    avoid = forms.MultipleChoiceField(
        label="Poses to avoid",
        choices=Avoidance.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def avoid_options(self) -> list[tuple]:
        """(checkbox, hint) pairs, so the page can describe each box by what it leaves out."""
        return [(option, AVOIDANCE_HINTS[option.data["value"]]) for option in self["avoid"]]

    # Practice reminders (the model checks them; practice.reminders sends them).
    reminders_enabled = forms.BooleanField(
        label="Email me a reminder to practise",
        required=False,
        help_text="Not on a day you have already practised. Every email has a one-click "
        "unsubscribe link.",
    )
    reminder_days = forms.MultipleChoiceField(
        label="Remind me on",
        choices=Weekday.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reminder_time = forms.TimeField(
        label="At (your local time)",
        required=False,
        input_formats=["%H:%M", "%H:%M:%S"],
        widget=forms.TimeInput(attrs={"type": "time", "step": 60}, format="%H:%M"),
        help_text="In the time zone above, whatever the season.",
    )

    def clean_reminder_time(self):
        # Left empty: the time stays as it was (a reminder always has one).
        return self.cleaned_data["reminder_time"] or self.initial.get(
            "reminder_time", DEFAULT_REMINDER_TIME
        )
