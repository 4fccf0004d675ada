"""The shared cache, used three ways, each with its own answer to an outage.

1. **Whole responses** of what anonymous visitors see of the library (`cache_anonymous`):
   the same for every anonymous visitor until staff or a practitioner changes a pose, a
   sequence or a favorite. Every such change bumps one "library version" (signals wired in
   yogaflow.apps); cache keys and ETags contain it, so a change invalidates every cached page
   at once and nothing is ever served stale. Signed-in visitors (their favorites show), API
   calls with a token, and responses carrying flash messages or a CSRF token are never cached.
2. **Derived data** (the library pages above, a practitioner's statistics): `cache_get`,
   `cache_set` and `version` fail soft. With the cache unreachable, a read is a miss and the
   page is computed from the database, a write is skipped, and no ETag is given (no version to
   vouch for it): slower, never wrong, never a 500.
3. **Counters that decide** (the login lockout, the API's rate limits): read through
   `counters()`, which turns an unreachable cache into `CountersUnavailable` (503). Those
   checks neither fail open (a brute force would go uncounted) nor answer 500.

Versions are bumped after the transaction that changed the data commits (`bump_version`), so
a reader cannot cache the old rows under the new version in between; the bump cannot fail the
request (it already committed). A bump the cache refused is owed: this process makes it on
its next successful look at the cache, so entries from before an outage are not served after
it. Versions start from the clock, so a lost version key never brings back old entries.
"""

import hashlib
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import wraps

import structlog
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags, quote_etag

from yogaflow.core.exceptions import CACHE_ERRORS, ServiceUnavailable

logger = structlog.get_logger(__name__)

VERSION_KEY = "library:version"
PAGE_TIMEOUT = 60 * 10
COUNTERS_DOWN = (
    "Sign-in and rate-limit counters cannot be checked right now, so this is paused for "
    "your account's safety. Please try again in a minute."
)
# Warn once per this many seconds and process, not once per request, during an outage.
WARN_EVERY = 10

_owed_bumps: set[str] = set()
_last_warning = 0.0


class CountersUnavailable(ServiceUnavailable):
    """The lockout or rate-limit counters cannot be read: refuse (503) rather than guess."""

    def __init__(self, message: str = COUNTERS_DOWN):
        super().__init__(message)


def _warn(event: str, error: BaseException) -> None:
    global _last_warning
    now = time.monotonic()
    if now - _last_warning >= WARN_EVERY:
        _last_warning = now
        logger.warning(event, error=type(error).__name__)


@contextmanager
def counters() -> Iterator:
    """The cache, for counters that must be read to decide; CountersUnavailable if it is down."""
    try:
        yield cache
    except CACHE_ERRORS as error:
        _warn("cache_counters_unavailable", error)
        raise CountersUnavailable() from error


def cache_get(key: str, default=None):
    """The cached value, or `default` when it is missing or the cache cannot be reached."""
    try:
        return cache.get(key, default)
    except CACHE_ERRORS as error:
        _warn("cache_unavailable", error)
        return default


def cache_set(key: str, value, timeout: int | None) -> None:
    """Store a value if the cache can be reached; skip it quietly if not."""
    try:
        cache.set(key, value, timeout)
    except CACHE_ERRORS as error:
        _warn("cache_unavailable", error)


def _settle_owed_bumps() -> None:
    for key in list(_owed_bumps):
        _bump_now(key)
        _owed_bumps.discard(key)


def version(key: str) -> int | None:
    """The current version under `key` (created if missing), or None if the cache is down."""
    try:
        if _owed_bumps:
            _settle_owed_bumps()
        current = cache.get(key)
        if current is None:
            cache.add(key, time.time_ns() // 1000, timeout=None)
            current = cache.get(key)
        return current
    except CACHE_ERRORS as error:
        _warn("cache_unavailable", error)
        return None


def _bump_now(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # missing: a fresh version matches no entry cached before
        cache.add(key, time.time_ns() // 1000, timeout=None)


def _bump_soon(key: str) -> None:
    try:
        _bump_now(key)
    except CACHE_ERRORS as error:
        _owed_bumps.add(key)
        _warn("cache_invalidation_owed", error)


def bump_version(key: str) -> None:
    """Invalidate what was cached under `key`'s version, once the current transaction commits."""
    # robust: whatever else goes wrong in it is logged, never turned into an error answer for a
    # request whose writes are already committed.
    transaction.on_commit(lambda: _bump_soon(key), robust=True)


def library_version() -> int | None:
    return version(VERSION_KEY)


def bump_library_version(**_signal_kwargs) -> None:
    """Invalidate every cached library response (a signal receiver; call it after bulk writes)."""
    bump_version(VERSION_KEY)


def _cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if "HTTP_AUTHORIZATION" in request.META or request.user.is_authenticated:
        return False
    return len(get_messages(request)) == 0


def _cacheable_response(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "csrfmiddlewaretoken"
        not in (getattr(response, "content", b"") or b"").decode(response.charset, "ignore")
    )


def _keys(request, library: int) -> tuple[str, str]:
    digest = hashlib.sha256(f"{library}:{request.get_full_path()}".encode()).hexdigest()[:32]
    return f"anonymous-page:{digest}", quote_etag(digest)


def cache_anonymous(view):
    """Serve anonymous GETs from the shared cache, and answer 304 to a matching If-None-Match.

    With the cache unreachable the view answers as if uncached (no ETag: no version vouches).
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        library = library_version()
        if library is None:
            return view(request, *args, **kwargs)
        key, etag = _keys(request, library)
        if etag in parse_etags(request.META.get("HTTP_IF_NONE_MATCH", "")):
            response = HttpResponseNotModified()
        else:
            cached = cache_get(key)
            if cached is not None:
                response = HttpResponse(cached["content"], content_type=cached["content_type"])
            else:
                response = view(request, *args, **kwargs)
                if hasattr(response, "render") and callable(response.render):
                    response = response.render()
                if not _cacheable_response(request, response):
                    return response
                cache_set(
                    key,
                    {"content": response.content, "content_type": response["Content-Type"]},
                    PAGE_TIMEOUT,
                )
        response["ETag"] = etag
        # Browsers revalidate every time (cheap: a 304), and no proxy shares
        # what a signed-in visitor of the same URL would see differently.
        patch_cache_control(response, private=True, max_age=0, must_revalidate=True)
        patch_vary_headers(response, ("Cookie", "Authorization"))
        return response

    return wrapper
