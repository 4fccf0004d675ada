"""Shapes of the auth API: input serializers check types only, accounts.services decides.

Profile fields come from the model (ModelSerializer), so the API states the
same lengths, choices and ranges as the model and its validators, and the
schema documents them. Fields take only their JSON type (yogaflow.core.api.fields).
No serializer here saves anything.
"""

import re
from datetime import time

from django.contrib.auth import get_user_model
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import Avoidance, Weekday
from accounts.services import PROFILE_FIELDS, SIGNUP_PROFILE_FIELDS
from yogaflow.core.api.fields import (
    StrictBooleanField,
    StrictCharField,
    StrictEmailField,
    StrictModelSerializer,
)

User = get_user_model()


def password_field(**kwargs) -> StrictCharField:
    # Kept exactly as typed: spaces count, and length is the validators' business.
    return StrictCharField(
        write_only=True, trim_whitespace=False, style={"input_type": "password"}, **kwargs
    )


# --- users -------------------------------------------------------------------

LOCAL_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@extend_schema_field({"type": "string", "pattern": LOCAL_TIME.pattern, "example": "07:30"})
class LocalTimeField(serializers.Field):
    """A wall-clock time of day as "HH:MM" (24 h), in the user's own time zone."""

    default_error_messages = {"invalid": 'Enter a time of day as "HH:MM", such as "07:30".'}

    def to_internal_value(self, data) -> time:
        if not isinstance(data, str) or not LOCAL_TIME.match(data):
            self.fail("invalid")
        hours, minutes = data.split(":")
        return time(int(hours), int(minutes))

    def to_representation(self, value: time) -> str:
        return value.strftime("%H:%M")


class UserSerializer(StrictModelSerializer):
    """The account as the API shows it (never the password); email cannot change here."""

    avoid = serializers.ListField(
        child=serializers.ChoiceField(choices=Avoidance.choices),
        required=True,
        help_text=(
            "Cautions generated practices respect: each leaves out the poses it rules out. "
            "Stored sorted, without duplicates; send the whole list to change it."
        ),
    )
    reminders_enabled = StrictBooleanField(
        required=True,
        help_text="Email a practice reminder on `reminder_days` at `reminder_time` (none on a "
        "day already practised).",
    )
    reminder_days = serializers.ListField(
        child=serializers.ChoiceField(choices=Weekday.choices),
        required=True,
        help_text="Local days a reminder may go out, Monday first; at least one while "
        "reminders are on. Send the whole list to change it.",
    )
    reminder_time = LocalTimeField(
        required=True,
        help_text='Local time of day of the reminder, "HH:MM" (24 h) in `timezone`.',
    )

    class Meta:
        model = User
        fields = ("id", "email", *PROFILE_FIELDS, "date_joined")
        read_only_fields = ("id", "email", "date_joined")
        # Always in answers; PATCH validates with partial=True, so none is required there.
        extra_kwargs = {name: {"required": True} for name in SIGNUP_PROFILE_FIELDS}


class RegisterSerializer(StrictModelSerializer):
    # Declared, not derived: the model field would add a uniqueness query,
    # and register_user already answers a taken address.
    email = StrictEmailField(max_length=254)
    password = password_field()

    class Meta:
        model = User
        fields = ("email", "password", *SIGNUP_PROFILE_FIELDS)
        extra_kwargs = {
            "timezone": {
                "help_text": "The device's IANA time zone, e.g. `America/New_York` (in a "
                "browser: `Intl.DateTimeFormat().resolvedOptions().timeZone`; on iOS "
                "`TimeZone.current.identifier`; on Android `ZoneId.systemDefault()`). Streaks, "
                "calendar days and early/late badges count in it; `UTC` when left out. "
                "Changeable later with `PATCH auth/me`."
            }
        }


class LoginSerializer(serializers.Serializer):
    email = StrictEmailField()
    password = password_field()
    remember_me = StrictBooleanField(
        default=False, help_text="Also issue a refresh token (valid 7 days) for this device."
    )


class PasswordChangeSerializer(serializers.Serializer):
    current_password = password_field()
    new_password = password_field()


class PasswordResetSerializer(serializers.Serializer):
    email = StrictEmailField()


class PasswordResetConfirmSerializer(serializers.Serializer):
    uid = StrictCharField(help_text="The `uidb64` part of the emailed link.")
    token = StrictCharField(help_text="The `token` part of the emailed link.")
    new_password = password_field()


# --- tokens ------------------------------------------------------------------


class RefreshSerializer(serializers.Serializer):
    refresh = StrictCharField(help_text="A refresh token from login (remember_me) or refresh.")


class LogoutSerializer(serializers.Serializer):
    refresh = StrictCharField(
        required=False, help_text="The device's refresh token, revoked too if given."
    )


class TokenPairSerializer(serializers.Serializer):
    access = serializers.CharField(help_text="Access token (JWT) for `Authorization: Bearer`.")
    refresh = serializers.CharField(help_text="The new refresh token; the one sent is now dead.")


class AuthSessionSerializer(serializers.Serializer):
    """What login answers: the user and their tokens."""

    user = UserSerializer()
    access = serializers.CharField(help_text="Access token (JWT) for `Authorization: Bearer`.")
    refresh = serializers.CharField(
        allow_null=True, help_text="Refresh token, or null unless `remember_me` was true."
    )
    token_type = serializers.ChoiceField(choices=["Bearer"])
    expires_in = serializers.IntegerField(help_text="Seconds the access token lives (86400).")


class RegisterSessionSerializer(AuthSessionSerializer):
    """What register answers: a new account is remembered on the device that created it."""

    refresh = serializers.CharField(help_text="Refresh token (valid 7 days).")


class MessageSerializer(serializers.Serializer):
    message = serializers.CharField()
