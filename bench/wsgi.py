"""The app as `make bench` serves it: yogaflow.wsgi, plus one response header saying what
the anonymous page cache did for this request, so the bench reports what it observed.

`X-Bench-Cache: hit` — the whole response came from the shared cache;
`X-Bench-Cache: computed` — the view ran (a miss, an uncacheable request, or the cache off).
Only GET and HEAD answers carry it (writes are neither).

Only the bench loads this module (gunicorn bench.wsgi); the app's answers are otherwise the
same bytes as yogaflow.wsgi's.
"""

import threading

from yogaflow.core import caching
from yogaflow.wsgi import application as _application

_state = threading.local()
_cache_get = caching.cache_get


def _observed_cache_get(key, default=None):
    value = _cache_get(key, default)
    if key.startswith("anonymous-page:") and value is not default:
        _state.hit = True
    return value


# cache_anonymous looks cache_get up in its module at each call: this sees every page read.
caching.cache_get = _observed_cache_get


def application(environ, start_response):
    _state.hit = False
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return _application(environ, start_response)

    def observed_start_response(status, headers, exc_info=None):
        headers = [*headers, ("X-Bench-Cache", "hit" if _state.hit else "computed")]
        return start_response(status, headers, exc_info)

    return _application(environ, observed_start_response)
