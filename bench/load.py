"""A bounded load test with writes: gunicorn on PostgreSQL, at 8 and then 32 connections.

    .venv/bin/python bench/load.py            # full: 20 s per level, figures to docs/load.md
    .venv/bin/python bench/load.py --short    # 3 s per level: what the tests run

Practitioners (50 accounts, real JWTs) record practice (a new client id each time), toggle
favorites, read their statistics and the anonymous catalogue (bench/load.lua drives wrk).
Passes when no answer is an error (no 4xx, no 5xx, no socket error) and every practice that
was answered 201 is in the database afterwards, found by its client id: nothing lost. The
workers are warmed up first (imports, connections), so the figures are of a running site.

Production-like: DEBUG off, gunicorn (4 sync workers unless --workers), PostgreSQL and
Redis. Both are private servers this script starts and removes (a PostgreSQL cluster on a
free port, a redis-server), unless --database-url / --cache-url name others; never the
machine's shared ones.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from yogaflow.core.testing.servers import (  # noqa: E402
    app_env,
    app_server,
    at_once,
    http,
    manage,
    postgres_cluster,
    redis_server,
)

USERS = 50
DOC = ROOT / "docs" / "load.md"

SEED = """
import json
from accounts.api.tokens import AccessToken
from accounts.models import User
from sequences.models import Sequence
tokens = [
    str(AccessToken.for_user(User.objects.create_user(email=f"load{{n}}@example.com")))
    for n in range({users})
]
slugs = list(Sequence.objects.filter(author__isnull=True).values_list("slug", flat=True))
print(json.dumps({{"tokens": tokens, "slugs": slugs}}))
"""
FIND = """
from pathlib import Path
from practice.models import PracticeSession
ids = set(Path({path!r}).read_text().split())
found = {{str(i) for i in PracticeSession.objects.filter(client_id__in=ids).values_list(
    "client_id", flat=True)}}
print(len(ids), len(ids - found))
"""


def last_json_line(output: str) -> dict:
    return json.loads(output.strip().splitlines()[-1])


def prepare(env: dict, workdir: Path) -> None:
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_library", "-v", "0")
    seeded = last_json_line(manage(env, "shell", "-c", SEED.format(users=USERS)))
    (workdir / "tokens.txt").write_text("\n".join(seeded["tokens"]) + "\n")
    (workdir / "slugs.txt").write_text("\n".join(seeded["slugs"]) + "\n")


def warm_up(url: str, workdir: Path, workers: int, rounds: int) -> None:
    """Every worker imports, connects and renders once before anything is measured."""
    token = (workdir / "tokens.txt").read_text().split()[0]
    calls = [lambda: http("GET", f"{url}/api/v1/sequences?page_size=20")]
    calls += [
        lambda: http("GET", f"{url}/api/v1/stats", headers={"Authorization": f"Bearer {token}"})
    ]
    for _ in range(rounds):
        at_once(calls * workers * 2)


def wrk(url: str, connections: int, seconds: int, workdir: Path) -> dict:
    ended = datetime.now(UTC) - timedelta(minutes=5)
    env = {
        **os.environ,
        "LOAD_LEVEL": str(connections),
        "LOAD_DIR": str(workdir),
        "LOAD_STARTED_AT": (ended - timedelta(minutes=10)).isoformat(),
        "LOAD_ENDED_AT": ended.isoformat(),
    }
    command = ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--latency"]
    command += ["--timeout", "10s", "-s", str(ROOT / "bench" / "load.lua"), url]
    output = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout
    line = next(line for line in output.splitlines() if line.startswith("JSON "))
    return {"connections": connections, "seconds": seconds, **json.loads(line[5:])}


def run(args) -> dict:
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk (make test and make load do)")
    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="yogaflow-load-")))
        database_url = args.database_url
        if not database_url:
            database_url = stack.enter_context(postgres_cluster()).create_database("yogaflow")
        cache_url = args.cache_url or stack.enter_context(redis_server()).url
        env = app_env(DATABASE_URL=database_url, CACHE_URL=cache_url, LOG_LEVEL="ERROR")
        prepare(env, workdir)
        server = stack.enter_context(app_server(env, server="gunicorn", workers=args.workers))
        warm_up(server.url, workdir, args.workers, rounds=1 if args.short else 3)
        levels = [wrk(server.url, c, args.seconds, workdir) for c in args.connections]
        for level in levels:
            path = workdir / f"recorded-{level['connections']}.txt"
            found = manage(env, "shell", "-c", FIND.format(path=str(path)))
            level["checked"], level["lost"] = map(int, found.split()[-2:])
    created = sum(level["created"] for level in levels)
    lost = sum(level["lost"] for level in levels)
    errors = sum(
        level["server_errors"] + level["client_errors"] + level["socket_errors"] for level in levels
    )
    checked = sum(level["checked"] for level in levels)
    return {
        "workers": args.workers,
        "levels": levels,
        "created": created,
        "lost": lost,
        "errors": errors,
        "passed": errors == 0 and lost == 0 and created > 0 and checked == created,
    }


def table(result: dict) -> str:
    rows = [
        "| connections | seconds | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | "
        "practices recorded | of them lost | 4xx | 5xx | socket errors |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| ---: |",
    ]
    for level in result["levels"]:
        rows.append(
            f"| {level['connections']} | {level['seconds']} | {level['requests']} | "
            f"{level['rps']:.0f} | {level['p50_ms']:.1f} | {level['p95_ms']:.1f} | "
            f"{level['p99_ms']:.1f} | {level['max_ms']:.1f} | {level['created']} | "
            f"{level['lost']} | {level['client_errors']} | {level['server_errors']} | "
            f"{level['socket_errors']} |"
        )
    verdict = "passed" if result["passed"] else "FAILED"
    rows.append("")
    rows.append(
        f"Practices answered 201: {result['created']}, each looked up by its client id "
        f"afterwards: {result['lost']} missing. Errors: {result['errors']}. {verdict}."
    )
    return "\n".join(rows)


DOC_HEAD = """# Load with writes

`bench/load.py` (see its docstring): gunicorn ({workers} sync workers, DEBUG off) on a
private PostgreSQL 15 cluster and a private Redis, {users} practitioners with real tokens;
wrk (2 threads) at 8 and then 32 connections. Each request is one of: record a practice
(40%, a new client id each), add or remove a favorite (30%), read one's statistics (15%),
read the anonymous catalogue (15%). The run passes when no answer is an error and every
practice answered 201 is stored.

Measured on the 2-core development machine, shared with wrk and the databases (timings
move with the machine; the error and loss counts must not).

"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="3 s per level (the tests' form)")
    parser.add_argument("--seconds", type=int, default=None)
    parser.add_argument("--connections", type=lambda s: [int(c) for c in s.split(",")])
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--database-url", default=os.environ.get("LOAD_DATABASE_URL"))
    parser.add_argument("--cache-url", default=os.environ.get("LOAD_CACHE_URL"))
    parser.add_argument("--write-docs", action="store_true", help=f"write {DOC.name}")
    args = parser.parse_args()
    args.connections = args.connections or [8, 32]
    args.seconds = args.seconds or (3 if args.short else 20)

    load_before = os.getloadavg()[0]
    result = run(args)
    result["load_average"] = [round(load_before, 1), round(os.getloadavg()[0], 1)]
    print(table(result))
    print("JSON " + json.dumps(result))
    if args.write_docs:
        DOC.write_text(
            DOC_HEAD.format(workers=args.workers, users=USERS)
            + table(result)
            + f"\n\nRun on {datetime.now(UTC):%Y-%m-%d} "
            f"(`.venv/bin/python bench/load.py --write-docs`); the machine's load average was "
            f"{result['load_average'][0]} before and {result['load_average'][1]} after, "
            "other work included.\n"
        )
    sys.exit(0 if result["passed"] else 1)


if __name__ == "__main__":
    main()
