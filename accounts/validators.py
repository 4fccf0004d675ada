"""Password rules beyond Django's own, listed in settings.AUTH_PASSWORD_VALIDATORS.

Every path that sets a password (sign-up, API register, change, reset) calls
`django.contrib.auth.password_validation.validate_password`, so these run once
per path and say the same thing everywhere.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError


class _PatternValidator:
    pattern: re.Pattern
    message: str
    code: str

    def validate(self, password, user=None):
        if not self.pattern.search(password):
            raise ValidationError(self.message, code=self.code)

    def get_help_text(self):
        return self.message.replace("This password must", "Your password must")


class UppercaseValidator(_PatternValidator):
    pattern = re.compile(r"[A-Z]")
    message = "This password must contain at least one upper-case letter (A–Z)."
    code = "password_no_upper"


class LowercaseValidator(_PatternValidator):
    pattern = re.compile(r"[a-z]")
    message = "This password must contain at least one lower-case letter (a–z)."
    code = "password_no_lower"


class DigitValidator(_PatternValidator):
    pattern = re.compile(r"[0-9]")
    message = "This password must contain at least one digit (0–9)."
    code = "password_no_digit"


class MaximumLengthValidator:
    """Caps length so a megabyte 'password' cannot tie up a worker in the hasher."""

    def __init__(self, max_length: int | None = None):
        self.max_length = max_length or settings.PASSWORD_MAX_LENGTH

    def validate(self, password, user=None):
        if len(password) > self.max_length:
            raise ValidationError(
                "This password is too long. It must contain at most %(max_length)d characters.",
                code="password_too_long",
                params={"max_length": self.max_length},
            )

    def get_help_text(self):
        return f"Your password can be at most {self.max_length} characters long."
