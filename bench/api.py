"""The token API, recording and statistics, timed in process on the bench database (issue 15).

Run against a database seeded as `make bench` does (`manage.py load_library`, then
`manage.py seed_bench --more-histories 1000,100000 --long-sequence-steps 100`):

    DATABASE_URL=postgres://.../yf_bench .venv/bin/python bench/api.py [--runs N] [--only ROWS]

Rows:

- `POST /api/v1/sessions` as bench1, bench0 and bench2 (1,000, 10,000 and 100,000 sessions):
  each request is rolled back afterwards, so the histories stay the size they were and the
  script can be run again on the same data (the badges the seeded histories earn are
  awarded once first, as the bench's first recording does);
- the token API's GET rows (`GET /api/v1/poses`, `/poses/<slug>`, `/sequences` by title and
  by popularity, `/sequences/<slug>` of 100 steps, `/sessions`, `/achievements`, `/stats`)
  as bench0;
- `practice.stats.practice_stats` for bench0 computed afresh (no cache).

Each row: Django's test client (or the function), `--runs` times after two to warm up;
prints per row the median and the lowest CPU milliseconds of this process per call
(`time.process_time`: the app's own work, the database server's is not in it, so it moves
little with the machine's load; the lowest is the least disturbed by other processes), the
median wall milliseconds (database included, moves with the load)
and the SQL queries per call. The cache is off (`CACHE_URL=dummycache://` unless set).
"""

import argparse
import json
import os
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yogaflow.settings")
os.environ.setdefault("CACHE_URL", "dummycache://")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 40)
os.environ.setdefault("JWT_SIGNING_KEY", "bench-jwt-" + "y" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "localhost")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from accounts.api.tokens import AccessToken  # noqa: E402
from achievements.services import evaluate_for  # noqa: E402
from poses.models import Pose  # noqa: E402
from practice.stats import practice_stats  # noqa: E402


class _Rollback(Exception):
    pass


def measure(call, runs: int) -> dict:
    """Median and lowest CPU milliseconds, median wall milliseconds, and queries per call."""
    for _ in range(2):
        call()
    cpu, wall = [], []
    with CaptureQueriesContext(connection) as queries:
        for _ in range(runs):
            started_cpu, started = time.process_time(), time.perf_counter()
            call()
            cpu.append((time.process_time() - started_cpu) * 1000)
            wall.append((time.perf_counter() - started) * 1000)
    return {
        "cpu_ms": round(statistics.median(cpu), 2),
        "cpu_min_ms": round(min(cpu), 2),
        "wall_ms": round(statistics.median(wall), 2),
        "queries": len(queries.captured_queries) / runs,
    }


def client_for(user) -> tuple[Client, dict]:
    return Client(HTTP_HOST="localhost"), {
        "HTTP_AUTHORIZATION": f"Bearer {AccessToken.for_user(user)}"
    }


def post_session(user):
    client, auth = client_for(user)
    ended = datetime.now(UTC) - timedelta(minutes=5)

    def call():
        body = {
            "client_id": str(uuid.uuid4()),
            "title": "Bench practice",
            "style": "hatha",
            "started_at": (ended - timedelta(minutes=10)).isoformat(),
            "ended_at": ended.isoformat(),
            "duration_seconds": 600,
            "completed": True,
        }
        try:
            with transaction.atomic():
                answer = client.post(
                    "/api/v1/sessions",
                    json.dumps(body),
                    content_type="application/json",
                    secure=True,
                    **auth,
                )
                if answer.status_code != 201:
                    raise SystemExit(f"POST /api/v1/sessions answered {answer.status_code}")
                raise _Rollback
        except _Rollback:
            pass

    return call


def get(user, path):
    client, auth = client_for(user)

    def call():
        answer = client.get(path, secure=True, **auth)
        if answer.status_code != 200:
            raise SystemExit(f"GET {path} answered {answer.status_code}")

    return call


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--only", default="", help="comma-separated: post, api, stats")
    options = parser.parse_args()
    only = set(filter(None, options.only.split(","))) or {"post", "api", "stats"}
    users = {
        name: get_user_model().objects.get(email__startswith=f"{name}@")
        for name in ("bench0", "bench1", "bench2")
    }
    rows = {}
    # The badges the seeded histories already earn, awarded once (committed), as the bench's
    # first recording does: the rows then time a practice that earns nothing new.
    for user in users.values():
        evaluate_for(user)
    if "post" in only:
        for name in ("bench1", "bench0", "bench2"):
            size = users[name].practice_sessions.count()
            rows[f"POST /api/v1/sessions ({size:,} sessions)"] = measure(
                post_session(users[name]), options.runs
            )
    if "api" in only:
        pose = Pose.objects.filter(is_published=True).order_by("pk").first()
        for path in (
            "/api/v1/poses",
            f"/api/v1/poses/{pose.slug}",
            "/api/v1/sequences",
            "/api/v1/sequences?sort=popular",
            "/api/v1/sequences/bench-long-flow",
            "/api/v1/sessions",
            "/api/v1/achievements",
            "/api/v1/stats",
        ):
            rows[f"GET {path}"] = measure(get(users["bench0"], path), options.runs)
    if "stats" in only:
        size = users["bench0"].practice_sessions.count()
        rows[f"practice_stats ({size:,} sessions)"] = measure(
            lambda: practice_stats(users["bench0"]), options.runs
        )
    width = max(map(len, rows))
    print(f"{'row':<{width}}  {'CPU ms':>8}  {'lowest':>8}  {'wall ms':>8}  {'queries':>7}")
    for label, row in rows.items():
        print(
            f"{label:<{width}}  {row['cpu_ms']:>8.2f}  {row['cpu_min_ms']:>8.2f}  "
            f"{row['wall_ms']:>8.2f}  {row['queries']:>7.1f}"
        )


if __name__ == "__main__":
    main()
