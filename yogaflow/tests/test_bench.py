"""The short form of `make bench` (bench/run.py --short): every row runs against gunicorn on
PostgreSQL, with the cache off and then with a private Redis, and prints its line. Timings
are not judged here (a shared machine); that every row answered without an error is."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from yogaflow.core.testing.servers import free_port, redis_server, require_binary

pytestmark = pytest.mark.servers

ROOT = Path(__file__).resolve().parents[2]
DATABASE = "postgres://postgres@127.0.0.1:5432/yogaflow_bench_short_{pid}"


def test_the_short_bench_runs_and_prints_every_row_with_what_it_measured():
    require_binary("psql")
    require_binary("redis-server")
    with redis_server() as redis:
        result = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "run.py"), "--short"],
            cwd=ROOT,
            env={
                **os.environ,
                "BENCH_DATABASE_URL": DATABASE.format(pid=os.getpid()),
                "BENCH_CACHE_URL": redis.url,
                "BENCH_PORT": str(free_port()),
            },
            capture_output=True,
            text=True,
            timeout=240,
            check=False,
        )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    summary = json.loads(result.stdout.split("\nJSON ", 1)[1])
    assert summary["errors"] == 0, result.stdout
    raw = json.loads((ROOT / "bench-results" / "short.json").read_text())
    assert len(raw["rows"]) == summary["rows"] >= 25
    for row in raw["rows"]:
        assert f"| {row['label']} |" in result.stdout
        assert row["ratio"] > 0
    states = {(row["label"], row["server"]): row["state"] for row in raw["rows"]}
    assert states["pose library, signed in", "computed"] == "computed"
    assert states["pose library, anonymous", "computed"] == "computed"
    assert states["pose library, anonymous", "cached"] == "cache hit"
    assert "load average" in result.stdout
    assert "Computing the statistics" in result.stdout
