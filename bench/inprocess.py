"""Times that are the app's own work, measured in process on the bench database.

- generation: today's practice, 60 minutes, for the bench practitioner (`GENERATION_RUNS`
  seeds), through sequences.selectors.todays_practice (reads the library, generates);
- generation at 900 poses (issue 15's size): the same, with the published library grown to 900
  poses (bench/library.py: numbered variants of the curated poses), committed and deleted
  after timing, so the rest of the bench sees the library it loaded; the library's cards are
  read once per library version (sequences.selectors.library_cards), as in production;
- stats: practice.stats.practice_stats for the bench practitioner (bench0, 10,000 sessions
  in the full bench), computed afresh each time (`STATS_RUNS` times; no cache involved);
- pages: the CPU time this process spends per request on each GET row of the bench
  (`BENCH_PAGES`: JSON {label: [path, "session" | "token"]}), through Django's test client
  as bench0, `PAGE_RUNS` requests each after two to warm up. CPU time of the app alone
  (time.process_time: the database server's work is not in it), so it moves far less with
  the machine's load than a request rate does.

Run by bench/run.py with the bench's environment; prints one JSON line:
{"generation": {...}, "generation_900": {...}, "stats": {...}}, each with runs, p50_ms,
p95_ms, max_ms (wall), cpu_p50_ms, cpu_p95_ms (this process's CPU) and the queries each run
made ("generation_900" also "poses": how many published poses it drew from), "pages":
{label: {"cpu_ms", "wall_ms"}}, and "poses": how many published poses generation drew from.
"""

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yogaflow.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.library import SIZE, derived_rows  # noqa: E402
from poses.models import Pose  # noqa: E402
from practice.stats import practice_stats  # noqa: E402
from sequences.selectors import todays_practice  # noqa: E402
from yogaflow.core.caching import bump_library_version  # noqa: E402

GENERATION_RUNS = int(os.environ.get("GENERATION_RUNS", "300"))
STATS_RUNS = int(os.environ.get("STATS_RUNS", "100"))
PAGE_RUNS = int(os.environ.get("PAGE_RUNS", "30"))
CHOICES = {"minutes": 60, "level": "intermediate", "style": "vinyasa", "focus": ["back"]}


def timed(call, runs: int) -> dict:
    call(0)  # warm imports and the connection
    times, cpu = [], []
    with CaptureQueriesContext(connection) as queries:
        for n in range(runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            call(n)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
    times.sort()
    cpu.sort()
    return {
        "runs": runs,
        "p50_ms": times[runs // 2],
        "p95_ms": times[min(runs - 1, int(runs * 0.95))],
        "max_ms": times[-1],
        # This process's CPU time alone (the machine's load and the database's work left out).
        "cpu_p50_ms": cpu[runs // 2],
        "cpu_p95_ms": cpu[min(runs - 1, int(runs * 0.95))],
        "queries": len(queries.captured_queries) / runs,
    }


def generation_at(size: int, user) -> dict:
    """`timed` generation with `size` published poses: the curated ones and their variants
    (bench/library.py), committed as a staff load would be (the library version bumped, so
    the cards kept per process are read again) and deleted afterwards, so the rest of the
    bench sees the library it loaded."""
    rows = list(Pose.objects.filter(is_published=True).values())
    added = [
        pose.pk
        for pose in Pose.objects.bulk_create(
            Pose(**{name: value for name, value in row.items() if name != "id"})
            for row in derived_rows(rows, size)
        )
    ]
    bump_library_version()  # bulk_create sends no signal
    try:
        result = timed(
            lambda seed: todays_practice(user=user, **CHOICES, seed=seed), GENERATION_RUNS
        )
        result["poses"] = Pose.objects.filter(is_published=True).count()
    finally:
        Pose.objects.filter(pk__in=added).delete()  # (each delete bumps the version)
    return result


def pages(user) -> dict:
    """CPU and wall milliseconds per request of each page, in this process."""
    from django.test import Client

    from accounts.api.tokens import AccessToken

    token = {"HTTP_AUTHORIZATION": f"Bearer {AccessToken.for_user(user)}"}
    signed_in = Client(HTTP_HOST="localhost")
    signed_in.force_login(user)
    anonymous = Client(HTTP_HOST="localhost")
    out = {}
    for label, (path, auth) in json.loads(os.environ.get("BENCH_PAGES", "{}")).items():
        client, extra = (signed_in, {}) if auth == "session" else (anonymous, token)
        for _ in range(2):
            status = client.get(path, **extra).status_code
            if status != 200:
                raise SystemExit(f"{label}: GET {path} answered {status}")
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in range(PAGE_RUNS):
            client.get(path, **extra)
        out[label] = {
            "cpu_ms": (time.process_time() - cpu) * 1000 / PAGE_RUNS,
            "wall_ms": (time.perf_counter() - wall) * 1000 / PAGE_RUNS,
        }
    return out


def main() -> None:
    user = get_user_model().objects.filter(email__startswith="bench0@").first()
    generation = timed(
        lambda seed: todays_practice(user=user, **CHOICES, seed=seed), GENERATION_RUNS
    )
    at_size = generation_at(SIZE, user)
    stats = timed(lambda _: practice_stats(user), STATS_RUNS)
    sessions = user.practice_sessions.count()
    print(
        json.dumps(
            {
                "generation": generation,
                "generation_900": at_size,
                "stats": stats,
                "pages": pages(user),
                "poses": Pose.objects.filter(is_published=True).count(),
                "sessions": sessions,
            }
        )
    )


if __name__ == "__main__":
    main()
