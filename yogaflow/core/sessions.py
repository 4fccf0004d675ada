"""Django's database sessions, refusing a cookie that could not be a session key.

Django checks only a key's length; a session cookie carrying a NUL character then reached
the database, which PostgreSQL refuses, and every page answered 500. Keys Django makes are 32
lowercase letters and digits: anything else is no session (a fresh, anonymous one).
"""

from django.contrib.sessions.backends.base import VALID_KEY_CHARS
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore

MAX_KEY_LENGTH = 40  # the column's width
_VALID = frozenset(VALID_KEY_CHARS)


class SessionStore(DatabaseSessionStore):
    def _validate_session_key(self, key):
        return (
            super()._validate_session_key(key)
            and len(key) <= MAX_KEY_LENGTH
            and _VALID.issuperset(key)
        )
