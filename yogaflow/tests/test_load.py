"""The short form of the load test with writes (bench/load.py --short): gunicorn on a private
PostgreSQL cluster and Redis, 8 and then 32 connections recording practice, toggling
favorites and reading. Zero errors, and every practice answered 201 is stored."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from yogaflow.core.testing.servers import require_binary

pytestmark = pytest.mark.servers

ROOT = Path(__file__).resolve().parents[2]


def test_load_with_writes_at_8_and_32_connections_keeps_zero_errors_and_loses_nothing():
    require_binary("wrk")
    require_binary("pg_createcluster")
    require_binary("redis-server")

    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "load.py"), "--short"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    report = json.loads(result.stdout.split("JSON ", 1)[1])
    assert [level["connections"] for level in report["levels"]] == [8, 32]
    assert report["errors"] == 0, result.stdout
    assert report["lost"] == 0, result.stdout
    assert all(level["created"] > 0 for level in report["levels"]), result.stdout
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
