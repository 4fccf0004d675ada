"""gunicorn's settings for YogaFlow (`deploy/bin/web.sh` starts it with this file).

Every value can be changed from the environment, so the same file serves a container, a VM
and `make scale-test` (which starts two of these on two ports behind nginx):

| variable | default | what |
| --- | --- | --- |
| `GUNICORN_BIND` | `0.0.0.0:8000` | address:port (`127.0.0.1:PORT` behind a local nginx) |
| `WEB_CONCURRENCY` | 2 × CPU cores + 1, at most 9 | worker processes |
| `GUNICORN_THREADS` | 1 | threads per worker (sync workers when 1) |
| `GUNICORN_TIMEOUT` | 30 | seconds a request may take before its worker is replaced |
| `FORWARDED_ALLOW_IPS` | `127.0.0.1` | proxies whose X-Forwarded-* gunicorn itself trusts |

The access log is one JSON object per line on stdout, like the app's own logs (LOG_FORMAT=json),
with the same scrubbing of secrets in paths (password-reset links, tokens in query strings).
"""

import json
import multiprocessing
import os
import sys
import time
from pathlib import Path

from gunicorn.glogging import Logger

BASE_DIR = Path(__file__).resolve().parent.parent
if str(BASE_DIR) not in sys.path:
    sys.path.insert(0, str(BASE_DIR))

from yogaflow.logs import scrub  # noqa: E402  (one rule for secrets, app and access log)


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


wsgi_app = "yogaflow.wsgi:application"
chdir = str(BASE_DIR)
bind = [os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")]
# Requests are CPU-bound (bcrypt at work factor 12 is ~250 ms of one core): a worker per core,
# twice, plus one; capped so a large host does not open more database connections than
# PostgreSQL's max_connections allows across instances (CONN_MAX_AGE keeps one per worker).
workers = _int("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 9))
threads = _int("GUNICORN_THREADS", 1)
# A worker silent this long is killed and replaced; nginx waits a little longer (proxy timeouts).
timeout = _int("GUNICORN_TIMEOUT", 30)
# On SIGTERM (a deploy, a scale-down) requests in flight get this long to finish.
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Behind nginx's keepalive upstream pool: keep idle connections a little longer than nginx.
keepalive = _int("GUNICORN_KEEPALIVE", 75)
# Recycle workers now and then (memory creep in long-lived processes), not all at once.
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 200)
# Heartbeat files in memory, not on a container's overlay filesystem.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Limits on the request line and headers (bodies are nginx's and Django's to limit).
limit_request_line = 8190
limit_request_fields = 100
# gunicorn 27's control socket sits at one path per user: several instances on one machine
# (make scale-test) must not share it.
control_socket_disable = os.environ.get("GUNICORN_CONTROL_SOCKET", "off") != "on"

accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
proc_name = "yogaflow"


class JsonAccessLogger(Logger):
    """One JSON line per request: what the app's request_finished line says, as seen from
    gunicorn (so requests the app never answered, a worker timeout, show too)."""

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        query = environ.get("QUERY_STRING", "")
        line = {
            "timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "level": "info",
            "logger": "gunicorn.access",
            "event": "request",
            "method": environ.get("REQUEST_METHOD"),
            "path": environ.get("PATH_INFO"),
            "query": query,
            "status": getattr(resp, "status_code", None) or str(resp.status).split()[0],
            "bytes": getattr(resp, "sent", None),
            "duration_ms": round(request_time.total_seconds() * 1000, 2),
            "request_id": environ.get("HTTP_X_REQUEST_ID"),
            "user_agent": environ.get("HTTP_USER_AGENT"),
            "pid": os.getpid(),
        }
        try:
            self.access_log.info(json.dumps(scrub(line), default=str))
        except Exception:  # noqa: BLE001 (a log line must never fail a request)
            self.error("access log line failed")


logger_class = JsonAccessLogger
