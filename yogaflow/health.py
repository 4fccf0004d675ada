"""Liveness and readiness probes for the load balancer and the orchestrator."""

import secrets

from django.conf import settings
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


def _broker() -> str:
    """ "ok" when the queue's broker accepts a connection within a second or so, "error" when
    not, "eager" when none is configured (tasks run inside the request that asks)."""
    if settings.CELERY_TASK_ALWAYS_EAGER or settings.CELERY_BROKER_URL.startswith("memory:"):
        return "eager"
    from yogaflow.celery import app

    try:
        with app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1, interval_start=0, interval_step=0)
    except Exception:  # noqa: BLE001 (any transport's failure to connect means "away")
        return "error"
    return "ok"


# Without these the host cannot serve (503); without the others it serves, degraded (200).
REQUIRED_CHECKS = ("database", "cache")


@never_cache
@require_GET
def readyz(request):
    """The database answers a query and the shared cache a write and a read; 503 takes this
    host out of rotation until both do (logins and rate limits refuse without the cache).

    The queue's broker is reported too, but its absence only degrades the host (200,
    `"status": "degraded"`, `"degraded": ["broker"]`): pages still answer, mail and reminders
    wait for it (a reset request answers as usual; its mail is logged as not queued).
    """
    checks = {
        "database": "ok" if _database() else "error",
        "cache": "ok" if _cache() else "error",
        "broker": _broker(),
    }
    ready = all(checks[name] == "ok" for name in REQUIRED_CHECKS)
    degraded = [name for name, value in checks.items() if value == "error"]
    body = {"status": "ok", "checks": checks}
    if not ready:
        body["status"] = "unavailable"
    elif degraded:
        body.update(status="degraded", degraded=degraded)
    return JsonResponse(body, status=200 if ready else 503)


PROBES = {"/healthz": healthz, "/readyz": readyz}


class ProbeMiddleware:
    """Answer GET /healthz and /readyz before anything else runs, whatever the Host header.

    A load balancer or a container's health check calls the app by its address
    (`http://127.0.0.1:8000/healthz`), not by the site's name: Django would refuse that host
    (400, DisallowedHost) and SECURE_SSL_REDIRECT would send it to HTTPS. The probes read
    nothing from the request, so they need neither check. First in MIDDLEWARE, so the app's
    own request log leaves them out (gunicorn's access log still has each one).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        probe = PROBES.get(request.path_info)
        if probe is not None and request.method in ("GET", "HEAD"):
            return probe(request)
        return self.get_response(request)
