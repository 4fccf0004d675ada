"""Whole-response caching and conditional GET for what anonymous visitors see of the library.

Library pages and API lists are the same for every anonymous visitor until
staff or a practitioner changes a pose, a sequence or a favorite. Every such
change bumps one "library version" (signals wired in yogaflow.apps); cache keys
and ETags contain it, so a change invalidates every cached page at once and
nothing is ever served stale. Signed-in visitors (their favorites show), API
calls with a token, and responses carrying flash messages or a CSRF token are
never cached.
"""

import hashlib
from functools import wraps

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags, quote_etag

VERSION_KEY = "library:version"
PAGE_TIMEOUT = 60 * 10


def library_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump_library_version(**_signal_kwargs) -> None:
    """Invalidate every cached library response (a signal receiver; call it after bulk writes)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.add(VERSION_KEY, 2, timeout=None)


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


def _keys(request) -> tuple[str, str]:
    digest = hashlib.sha256(f"{library_version()}:{request.get_full_path()}".encode()).hexdigest()[
        :32
    ]
    return f"anonymous-page:{digest}", quote_etag(digest)


def cache_anonymous(view):
    """Serve anonymous GETs from the shared cache, and answer 304 to a matching If-None-Match."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        key, etag = _keys(request)
        if etag in parse_etags(request.META.get("HTTP_IF_NONE_MATCH", "")):
            response = HttpResponseNotModified()
        else:
            cached = cache.get(key)
            if cached is not None:
                response = HttpResponse(cached["content"], content_type=cached["content_type"])
            else:
                response = view(request, *args, **kwargs)
                if hasattr(response, "render") and callable(response.render):
                    response = response.render()
                if not _cacheable_response(request, response):
                    return response
                cache.set(
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
