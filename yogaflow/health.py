"""Liveness and readiness probes for the load balancer and the orchestrator."""

from django.db import connection
from django.db.utils import DatabaseError
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request):
    """The process is up and answering; checks nothing else, so it never flaps."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request):
    """The database answers a query; 503 takes this host out of rotation until it does."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "checks": {"database": "error"}}, status=503)
    return JsonResponse({"status": "ok", "checks": {"database": "ok"}})
