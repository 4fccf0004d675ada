"""The errors every skin knows how to answer, beside Django's own vocabulary.

Services raise `RateLimited` (too many attempts: 429 on the API, a form error on a page) and
`ServiceUnavailable` (something we depend on is unreachable: 503). An outage that nobody
caught — the database or the shared cache refusing connections — is recognised by
`is_outage` and answers 503 too, never 500: the request is fine, the moment is not.
"""

from django.db import DataError, InterfaceError, OperationalError
from redis.exceptions import RedisError

# What a cache backend raises when its server cannot be reached: redis-py's own errors, and
# the socket errors of other clients (pymemcache).
CACHE_ERRORS: tuple[type[BaseException], ...] = (RedisError, ConnectionError, TimeoutError)
# Django's wrappers of the driver's errors for a database that is down or went away.
DATABASE_ERRORS: tuple[type[BaseException], ...] = (OperationalError, InterfaceError)

DATABASE_DOWN = "The database cannot be reached right now. Please try again in a minute."
CACHE_DOWN = "A service YogaFlow depends on cannot be reached right now. Please try again soon."
RETRY_AFTER_OUTAGE = 30


class RateLimited(Exception):
    """Too many attempts; `retry_after` seconds until the next one is allowed."""

    def __init__(self, retry_after: int, message: str = ""):
        super().__init__(retry_after)
        self.retry_after = retry_after
        self._message = message

    @property
    def message(self) -> str:
        return self._message or "Too many attempts. Please wait and try again."


class ServiceUnavailable(Exception):
    """A service the request needs cannot be reached: nothing was done, try again later."""

    retry_after = RETRY_AFTER_OUTAGE

    def __init__(self, message: str = CACHE_DOWN):
        super().__init__(message)
        self.message = message


def is_refused_data(error: BaseException | None) -> bool:
    """A value the database will not store or compare (a NUL character in text on PostgreSQL,
    a number beyond its column): bad input that no form caught, a 400 rather than a 500."""
    return isinstance(error, DataError)


def is_outage(error: BaseException | None) -> bool:
    """The database or the shared cache is unreachable (not a bug of ours, nor bad input)."""
    return isinstance(error, DATABASE_ERRORS + CACHE_ERRORS)


def outage_message(error: BaseException) -> str:
    if isinstance(error, ServiceUnavailable):
        return error.message
    return DATABASE_DOWN if isinstance(error, DATABASE_ERRORS) else CACHE_DOWN
