"""Domain errors of the login use case that Django's vocabulary has no word for.

The page turns them into a form error; the API into 401 and 429.
"""


class InvalidCredentials(Exception):
    """Email and password do not match an active account (which one is never said)."""

    message = "Email or password is incorrect."


class LoginLocked(Exception):
    """Too many failed logins: refused without checking the password."""

    def __init__(self, retry_after: int):
        super().__init__(retry_after)
        self.retry_after = retry_after

    @property
    def message(self) -> str:
        minutes = max(1, round(self.retry_after / 60))
        return (
            "Too many failed login attempts. For your security, logging in is paused; "
            f"try again in about {minutes} minute{'s' if minutes != 1 else ''} "
            "or reset your password."
        )
