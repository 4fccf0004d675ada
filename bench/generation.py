"""Time today's practice generation in process: a 60-minute practice for the bench user.

Run by bench/run.py with the bench's environment; prints one JSON line with
p50/p95/max milliseconds and the queries each generation made.
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

from sequences.selectors import todays_practice  # noqa: E402

RUNS = int(os.environ.get("GENERATION_RUNS", "300"))
CHOICES = {"minutes": 60, "level": "intermediate", "style": "vinyasa", "focus": ["back"]}


def main() -> None:
    user = get_user_model().objects.filter(email__startswith="bench").first()
    todays_practice(user=user, **CHOICES, seed=0)  # warm imports and the connection
    times = []
    with CaptureQueriesContext(connection) as queries:
        for seed in range(RUNS):
            start = time.perf_counter()
            todays_practice(user=user, **CHOICES, seed=seed)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(
        json.dumps(
            {
                "runs": RUNS,
                "p50_ms": times[RUNS // 2],
                "p95_ms": times[int(RUNS * 0.95)],
                "max_ms": times[-1],
                "queries": len(queries.captured_queries) / RUNS,
            }
        )
    )


if __name__ == "__main__":
    main()
