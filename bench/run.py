"""`make bench`: the library pages and API under load, each next to a trivial view.

Seeds a large library in PostgreSQL, serves it with gunicorn (2 workers) on
127.0.0.1, drives every URL with wrk (8 connections) and measures the trivial
view (/healthz: same middleware, a one-line answer) right before each one, so
each figure is also a ratio that survives a noisy machine. Prints a Markdown
table and writes bench-results/latest.json.

Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/
yogaflow_bench, dropped and re-created), BENCH_CACHE_URL (redis db 3),
BENCH_SECONDS (10 per URL), BENCH_PORT (8765).
"""

import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PORT = int(os.environ.get("BENCH_PORT", "8765"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = 8
DB_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/yogaflow_bench")
BASE = f"http://127.0.0.1:{PORT}"

# (label, path, headers, target share of the trivial view's throughput)
TARGETS = [
    ("pose library page", "/poses/", {}, 0.20),
    ("sequence catalogue page", "/sequences/", {}, 0.20),
    ("sequence detail page", "/sequences/{detail_slug}/", {}, 0.30),
    ("GET /api/v1/poses/", "/api/v1/poses/", {}, 0.30),
    ("GET /api/v1/sequences/", "/api/v1/sequences/", {}, 0.30),
    # Not cached: what a signed-in practitioner gets (their favorites show).
    ("sequence catalogue page, signed in", "/sequences/", {"Cookie": "{session_cookie}"}, None),
    (
        "GET /api/v1/sequences/ with a token",
        "/api/v1/sequences/",
        {"Authorization": "Bearer {token}"},
        None,
    ),
    # The signed-in practitioner is bench0, seeded with 10,000 sessions over 5 years.
    ("stats page (10,000 sessions)", "/practice/stats/", {"Cookie": "{session_cookie}"}, None),
    ("GET /api/v1/stats", "/api/v1/stats", {"Authorization": "Bearer {token}"}, None),
    # Today's practice, 60 minutes: the library read once, generated, checked, rendered.
    # Reported for honesty; the target is on generation itself (measure_generation).
    (
        "today's practice page (60 min)",
        "/sequences/today/?minutes=60&level=intermediate&style=vinyasa&focus=back&seed=7",
        {"Cookie": "{session_cookie}"},
        None,
    ),
    (
        "POST /api/v1/sequences/generate (60 min)",
        "/api/v1/sequences/generate",
        {"Authorization": "Bearer {token}"},
        None,
    ),
]
# Rows that POST this JSON body (bench/report.lua sends it).
BODIES = {
    "POST /api/v1/sequences/generate (60 min)": json.dumps(
        {"minutes": 60, "level": "intermediate", "style": "vinyasa", "focus": ["back"]}
    ),
}
P95_LIMIT_MS = 50
# Rows judged on latency alone (no throughput share): their own p95 limit.
P95_LIMITS_MS = {
    "stats page (10,000 sessions)": 60,
    "GET /api/v1/stats": 60,
}
# Generating one 60-minute practice in process: the budget.
GENERATION_LIMIT_MS = 50
GENERATION_RUNS = 300


def bench_env(static_root: str) -> dict:
    env = dict(os.environ)
    env.update(
        DEBUG="false",
        DATABASE_URL=DB_URL,
        CACHE_URL=os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/3"),
        SECRET_KEY=secrets.token_urlsafe(50),
        JWT_SIGNING_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=static_root,
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(env, *args) -> str:
    result = subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def recreate_database() -> None:
    name = DB_URL.rsplit("/", 1)[1]
    admin_url = DB_URL.rsplit("/", 1)[0] + "/postgres"
    for sql in (f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"'):
        subprocess.run(["psql", admin_url, "-q", "-c", sql], check=True)


def prepare(env) -> dict:
    recreate_database()
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    manage(env, "load_library")
    print(manage(env, "seed_bench").strip())
    # As autovacuum would have by then: planner statistics and the visibility map.
    subprocess.run(["psql", DB_URL, "-q", "-c", "VACUUM ANALYZE"], check=True)
    code = (
        "import json; from django.contrib.auth import get_user_model; "
        "from django.contrib.sessions.backends.db import SessionStore; "
        "from django.conf import settings; "
        "from accounts.api.tokens import AccessToken; "
        "from sequences.models import Sequence; "
        "user = get_user_model().objects.filter(email__startswith='bench').first(); "
        "s = SessionStore(); s['_auth_user_id'] = str(user.pk); "
        "s['_auth_user_backend'] = 'django.contrib.auth.backends.ModelBackend'; "
        "s['_auth_user_hash'] = user.get_session_auth_hash(); s.create(); "
        "busiest = Sequence.objects.filter(author__isnull=True).order_by('-pose_count').first(); "
        "print(json.dumps({'session_cookie': f'{settings.SESSION_COOKIE_NAME}={s.session_key}', "
        "'token': str(AccessToken.for_user(user)), 'detail_slug': busiest.slug}))"
    )
    return json.loads(manage(env, "shell", "-c", code).strip().splitlines()[-1])


def start_server(env) -> subprocess.Popen:
    log = open(ROOT / "bench-results" / "gunicorn.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [GUNICORN, "yogaflow.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{PORT}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"{BASE}/healthz", timeout=1) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    sys.exit("gunicorn did not come up; see bench-results/gunicorn.log")


def wrk(path: str, headers: dict, seconds: int, body: str = "") -> dict:
    args = ["wrk", "-t", "2", "-c", str(CONNECTIONS), "-d", f"{seconds}s", "--latency"]
    args += ["-s", str(ROOT / "bench" / "report.lua")]
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    env = {**os.environ, "WRK_BODY": body}
    output = subprocess.run(
        [*args, BASE + path], capture_output=True, text=True, check=True, env=env
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("JSON "))
    return json.loads(line[5:])


def measure(path: str, headers: dict, body: str = "") -> dict:
    wrk(path, headers, 2, body)  # warm the workers, the connection pool and the caches
    return wrk(path, headers, SECONDS, body)


def measure_generation(env) -> dict:
    """Milliseconds and queries for one 60-minute practice in process (bench/generation.py)."""
    result = subprocess.run(
        [PY, str(ROOT / "bench" / "generation.py")],
        cwd=ROOT,
        env={**env, "GENERATION_RUNS": str(GENERATION_RUNS)},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk (make bench does)")
    (ROOT / "bench-results").mkdir(exist_ok=True)
    static_root = tempfile.mkdtemp(prefix="yogaflow-bench-static-")
    env = bench_env(static_root)
    values = prepare(env)
    generation = measure_generation(env)
    server = start_server(env)
    rows = []
    try:
        for label, path, headers, target in TARGETS:
            path = path.format(**values)
            headers = {name: value.format(**values) for name, value in headers.items()}
            trivial = measure("/healthz", {})
            result = measure(path, headers, BODIES.get(label, ""))
            ratio = result["rps"] / trivial["rps"] if trivial["rps"] else 0.0
            limit = P95_LIMITS_MS.get(label)
            ok = (
                None
                if target is None and limit is None
                else ratio >= (target or 0)
                and result["p95_ms"] < (limit or P95_LIMIT_MS)
                and result["errors"] == 0
                and result["rps"] > 0
            )
            rows.append(
                {
                    "label": label,
                    "path": path,
                    "target": target,
                    "ratio": ratio,
                    "ok": ok,
                    "trivial": trivial,
                    "result": result,
                }
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(static_root, ignore_errors=True)
    report(rows, generation)


def report(rows, generation) -> None:
    out = ROOT / "bench-results" / "latest.json"
    out.write_text(json.dumps({"urls": rows, "generation": generation}, indent=2))
    print(f"\n{CONNECTIONS} connections, {SECONDS} s per URL, gunicorn 2 workers\n")
    print("| URL | req/s | p50 ms | p95 ms | errors | trivial req/s | share of trivial | target |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for row in rows:
        r, t = row["result"], row["trivial"]
        limit = P95_LIMITS_MS.get(row["label"])
        target = (
            f"p95 < {limit} ms"
            if limit is not None and row["target"] is None
            else "—"
            if row["target"] is None
            else f"≥ {row['target']:.0%}, p95 < {limit or P95_LIMIT_MS} ms"
        )
        verdict = "" if row["ok"] is None else (" ✓" if row["ok"] else " ✗")
        print(
            f"| {row['label']} | {r['rps']:.0f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | "
            f"{r['errors']} | {t['rps']:.0f} | {row['ratio']:.0%} | {target}{verdict} |"
        )
    verdict = "✓" if generation["p95_ms"] < GENERATION_LIMIT_MS else "✗"
    print(
        f"\nGenerating a 60-minute practice in process ({GENERATION_RUNS} seeds): "
        f"p50 {generation['p50_ms']:.1f} ms, p95 {generation['p95_ms']:.1f} ms, "
        f"max {generation['max_ms']:.1f} ms, {generation['queries']:.0f} queries each "
        f"(target p95 < {GENERATION_LIMIT_MS} ms) {verdict}"
    )
    print(f"\nraw figures: {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
