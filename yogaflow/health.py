"""Liveness and readiness probes for the load balancer and the orchestrator."""

import secrets

from django.core.cache import cache
from django.db import connection
from django.db.utils import DatabaseError
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from yogaflow.core.exceptions import CACHE_ERRORS


@never_cache
@require_GET
def healthz(request):
    """The process is up and answering; checks nothing else, so it never flaps."""
    return JsonResponse({"status": "ok"})


def _database() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def _cache() -> bool:
    """A write and a read back: the lockout and rate limits need both."""
    key, token = "readyz:probe", secrets.token_hex(8)
    try:
        cache.set(key, token, timeout=10)
        return cache.get(key) == token
    except CACHE_ERRORS:
        return False


@never_cache
@require_GET
def readyz(request):
    """The database answers a query and the shared cache a write and a read; 503 takes this
    host out of rotation until both do (logins and rate limits refuse without the cache)."""
    checks = {
        "database": "ok" if _database() else "error",
        "cache": "ok" if _cache() else "error",
    }
    ready = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks}, status=200 if ready else 503
    )
