"""The statistics of one history, timed in process (issue 15's "p50 of the computation").

Run against a database seeded as `make bench` does (`manage.py load_library`, then
`manage.py seed_bench`; bench0 has 10,000 sessions), `VACUUM ANALYZE`d, with the static files
collected (`manage.py collectstatic`: DEBUG is off, so pages read the manifest):

    DATABASE_URL=postgres://.../yf_bench .venv/bin/python bench/stats_timing.py [--runs N]

Rows, each `--runs` times after three to warm up, the cache off:

- `practice_stats`: practice.stats.practice_stats for bench0 (the computation);
- each of its queries alone (the SQL it sent, run again through the same connection);
- the database's own time for one computation: `EXPLAIN (ANALYZE, SUMMARY)` of every query it
  sent, planning plus execution summed, p50 and lowest (the lowest is the least disturbed by
  other processes on the machine);
- the page's body (practice.stats_views: the computation, the charts and the template);
- `GET /practice/stats/` and `GET /api/v1/stats` through Django's test client.

Prints per row the wall milliseconds p50 and p95 (the database's time included; moves with
the machine's load), the CPU milliseconds p50 of this process (the app's own work), and the
SQL queries per call; then the load average.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import date
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
from django.db import connection  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from accounts.api.tokens import AccessToken  # noqa: E402
from practice import stats_views  # noqa: E402
from practice.stats import local_today, practice_stats  # noqa: E402


def measure(call, runs: int) -> dict:
    """Wall p50/p95 and CPU p50 in milliseconds, and SQL queries per call."""
    for _ in range(3):
        call()
    cpu, wall = [], []
    with CaptureQueriesContext(connection) as queries:
        for _ in range(runs):
            started_cpu, started = time.process_time(), time.perf_counter()
            call()
            cpu.append((time.process_time() - started_cpu) * 1000)
            wall.append((time.perf_counter() - started) * 1000)
    wall.sort()
    return {
        "wall_p50": statistics.median(wall),
        "wall_p95": wall[min(runs - 1, int(runs * 0.95))],
        "cpu_p50": statistics.median(cpu),
        "queries": len(queries.captured_queries) / runs,
    }


def database_ms(queries: list[dict]) -> float:
    """PostgreSQL's planning plus execution milliseconds for these queries, as EXPLAIN
    (ANALYZE, SUMMARY) reports them."""
    total = 0.0
    with connection.cursor() as cursor:
        for query in queries:
            cursor.execute("EXPLAIN (ANALYZE, SUMMARY) " + query["sql"])
            for (line,) in cursor.fetchall():
                if line.startswith(("Planning Time:", "Execution Time:")):
                    total += float(line.split(":")[1].split()[0])
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    options = parser.parse_args()
    user = get_user_model().objects.get(email__startswith="bench0@")
    size = user.practice_sessions.count()
    rows = {
        f"practice_stats ({size:,} sessions)": measure(lambda: practice_stats(user), options.runs)
    }

    with CaptureQueriesContext(connection) as sent:
        practice_stats(user)
    for number, query in enumerate(sent.captured_queries, 1):
        sql = query["sql"]

        def run(sql=sql):
            with connection.cursor() as cursor:
                cursor.execute(sql)
                cursor.fetchall()

        rows[f"  query {number}: {' '.join(sql.split())[:44]}"] = measure(run, options.runs)
    database = sorted(database_ms(sent.captured_queries) for _ in range(options.runs))

    request = RequestFactory().get("/practice/stats/")
    request.user = user
    today: date = local_today(user)

    def body():
        render_to_string(
            "practice/_stats_body.html",
            stats_views._context(request, today, today.replace(day=1)),
            request,
        )

    rows["stats page body"] = measure(body, options.runs)
    page = Client(HTTP_HOST="localhost")
    page.force_login(user)
    rows["GET /practice/stats/"] = measure(
        lambda: page.get("/practice/stats/", secure=True), options.runs
    )
    api = Client(HTTP_HOST="localhost")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {AccessToken.for_user(user)}"}
    rows["GET /api/v1/stats"] = measure(
        lambda: api.get("/api/v1/stats", secure=True, **auth), options.runs
    )

    width = max(map(len, rows))
    print(f"{'row':<{width}}  {'wall p50':>8}  {'wall p95':>8}  {'CPU p50':>8}  {'queries':>7}")
    for label, row in rows.items():
        print(
            f"{label:<{width}}  {row['wall_p50']:>8.2f}  {row['wall_p95']:>8.2f}  "
            f"{row['cpu_p50']:>8.2f}  {row['queries']:>7.1f}"
        )
    print(
        f"database time per computation (planning + execution): p50 "
        f"{statistics.median(database):.2f} ms, lowest {database[0]:.2f} ms"
    )
    print("load average: " + " ".join(f"{n:.2f}" for n in os.getloadavg()))


if __name__ == "__main__":
    main()
