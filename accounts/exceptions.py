"""Domain errors of the login use case that Django's vocabulary has no word for.

The page turns them into a form error; the API into 401 and 429 (LoginLocked is a
yogaflow.core RateLimited, which the API's error handler answers with 429 and Retry-After).
"""

from yogaflow.core.exceptions import RateLimited


class InvalidCredentials(Exception):
    """Email and password do not match an active account (which one is never said)."""

    message = "Email or password is incorrect."


class LoginLocked(RateLimited):
    """Too many failed password checks: refused without checking the password."""

    def __init__(self, retry_after: int):
        super().__init__(retry_after)

    @property
    def message(self) -> str:
        minutes = max(1, round(self.retry_after / 60))
        return (
            "Too many failed login attempts. For your security, logging in is paused; "
            f"try again in about {minutes} minute{'s' if minutes != 1 else ''} "
            "or reset your password."
        )
