"""Django's database sessions, refusing a cookie that could not be a session key, and read by
one SQL statement written once.

Django checks only a key's length; a session cookie carrying a NUL character then reached
the database, which PostgreSQL refuses, and every page answered 500. Keys Django makes are 32
lowercase letters and digits: anything else is no session (a fresh, anonymous one).

Every signed-in request reads its session row. Through the ORM (`Session.objects.get(...)`)
building and compiling that query costs about four times the database round trip itself
(0.32 ms against 0.08 ms of this process's CPU, bench/frame.py), so `load()` runs the same
SELECT as plain SQL, with the same parameters adapted by the backend. Writes (create, save,
delete) stay Django's.
"""

from django.contrib.sessions.backends.base import VALID_KEY_CHARS
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import connections, router
from django.utils import timezone

MAX_KEY_LENGTH = 40  # the column's width
_VALID = frozenset(VALID_KEY_CHARS)
# Session.objects.get(session_key=..., expire_date__gt=now)'s statement; PostgreSQL and SQLite
# (DESIGN.md) both take names in double quotes.
SELECT_SESSION_DATA = (
    'SELECT "session_data" FROM "django_session" WHERE "session_key" = %s AND "expire_date" > %s'
)


class SessionStore(DatabaseSessionStore):
    def _validate_session_key(self, key):
        return (
            super()._validate_session_key(key)
            and len(key) <= MAX_KEY_LENGTH
            and _VALID.issuperset(key)
        )

    def load(self):
        """The session's data, {} when its row is missing or expired (and the key then
        forgotten, so a save makes a new one), as Django's database store does."""
        data = self._session_data_from_db()
        if data is None:
            self._session_key = None
            return {}
        return self.decode(data)

    def _session_data_from_db(self) -> str | None:
        connection = connections[router.db_for_read(self.model)]
        # The time as the ORM would send it (SQLite keeps naive UTC text).
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with connection.cursor() as cursor:
            cursor.execute(SELECT_SESSION_DATA, [self.session_key, now])
            row = cursor.fetchone()
        return None if row is None else row[0]
