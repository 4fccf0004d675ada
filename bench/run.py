"""`make bench`: every page and API call a practitioner uses, each as a share of a trivial view
measured in the same minutes, and whether what was measured was computed or a cache hit.

    .venv/bin/python bench/run.py            # the full bench (about 8 minutes)
    .venv/bin/python bench/run.py --short    # a small library, a few requests per row (tests)

Seeds a large library in PostgreSQL (`manage.py seed_bench`: 200 practitioners, 1,000
sequences, 10,000 favorites; bench0 with 10,000 practice sessions over 5 years, bench1 with
1,000 and bench2 with 100,000; one public 100-step sequence), serves it with gunicorn (2
workers, DEBUG off) on 127.0.0.1 and drives each row with wrk (8 connections).

Two servers, one after the other, so every row says what it measured:
- **computed**: the cache off (CACHE_URL=dummycache://): every answer is rendered from the
  database, as for a signed-in practitioner, a token client, or an anonymous visitor just
  after a write emptied the page cache;
- **cached**: Redis as in production; anonymous rows are served from the page cache.
bench/wsgi.py marks each GET answer `X-Bench-Cache: hit|computed`; a probe before each row
reads it, and the write-mix row counts it over every anonymous read (the cache-hit rate
while practitioners toggle favorites and save their profiles).

Honest ratios on a shared machine: each row interleaves the trivial view (/healthz, same
middleware, a one-line answer) and the measured URL in ROUNDS segments of SEGMENT seconds
(trivial, row, trivial, row, ..., trivial); each row segment is compared with the mean of
the trivial segments on either side, and the row's share is the median of those ratios.
The spread of the trivial view over the row (max-min over median) and the machine's load
average are printed with it. Goals (from issue 15) are shares of the trivial view; no
absolute latency is judged. In process (bench/inprocess.py): generating a 60-minute
practice from the library loaded and from 900 poses (its variants added in a transaction
rolled back after), and computing the 10,000-session statistics.

--short: a small library (bench0 300 sessions, then 30 and 3,000), no wrk: per row two
interleaved single requests (trivial, row, ...) over one connection at a time; every row
runs and prints, for the tests (yogaflow/tests/test_bench.py), never a timing judged.

Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/yogaflow_bench,
dropped and re-created), BENCH_CACHE_URL (redis db 3), BENCH_SEGMENT (3 seconds),
BENCH_ROUNDS (3), BENCH_PORT (8765). Prints a Markdown table; raw figures in
bench-results/latest.json (short: bench-results/short.json).
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PORT = int(os.environ.get("BENCH_PORT", "8765"))
SEGMENT = int(os.environ.get("BENCH_SEGMENT", "3"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CONNECTIONS = 8
WORKERS = 2
DB_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/yogaflow_bench")
CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/3")
BASE = f"http://127.0.0.1:{PORT}"
SHORT_PAIRS = 2

FULL = {
    "seed": ["--practice-sessions", "10000", "--more-histories", "1000,100000"],
    "histories": {"bench0": 10_000, "bench1": 1_000, "bench2": 100_000},
    "generation_runs": 300,
    "stats_runs": 100,
    "page_runs": 30,
}
SHORT = {
    "seed": [
        "--users",
        "20",
        "--sequences",
        "40",
        "--favorites",
        "200",
        "--practice-sessions",
        "300",
        "--more-histories",
        "30,3000",
    ],  # fmt: skip
    "histories": {"bench0": 300, "bench1": 30, "bench2": 3_000},
    "generation_runs": 5,
    "stats_runs": 5,
    "page_runs": 1,
}

# Goals of issue 15, as shares of the trivial view.
SIGNED_IN_LISTS = 0.20
SIGNED_IN_PAGES = 0.15
STATS = 0.10
TOKEN_API = 0.30
POST_SESSIONS = 0.15
TODAY = 0.15
ANONYMOUS_HIT = {"page": 0.20, "detail": 0.30, "api": 0.30}
STATS_P50_MS = 10
GENERATION_P95_MS = 20
FLAT_WITHIN = 0.20
SESSION_BODY = (
    '{"client_id": "{uuid}", "title": "Bench practice", "style": "hatha", '
    '"started_at": "%s", "ended_at": "%s", "duration_seconds": 600, "completed": true}'
)
GENERATE_BODY = json.dumps(
    {"minutes": 60, "level": "intermediate", "style": "vinyasa", "focus": ["back"]}
)
TODAY_PATH = "/sequences/today/?minutes=60&level=intermediate&style=vinyasa&focus=back&seed=7"
# The write mix, per 1000 requests (the rest are anonymous reads): see bench/mix.lua.
MIX_FAVORITES = 15
MIX_PROFILES = 5


@dataclass
class Row:
    label: str
    path: str
    server: str  # "computed" (cache off) or "cached" (Redis)
    goal: float | None
    auth: str = ""  # "", "session" (bench0's cookie), or "token:benchN"
    method: str = "GET"
    body: str = ""
    mix: bool = False
    result: dict = field(default_factory=dict)


def rows(histories: dict) -> list[Row]:
    token = "token:bench0"
    ended = datetime.now(UTC) - timedelta(hours=1)
    session_body = SESSION_BODY % (
        (ended - timedelta(minutes=10)).isoformat(),
        ended.isoformat(),
    )
    computed = [
        Row("pose library, signed in", "/poses/", "computed", SIGNED_IN_LISTS, "session"),
        Row("sequence catalogue, signed in", "/sequences/", "computed", SIGNED_IN_LISTS, "session"),
        Row(
            "sequence detail (100 steps), signed in",
            "/sequences/{long_slug}/",
            "computed",
            SIGNED_IN_PAGES,
            "session",
        ),
        Row(
            "pose detail, signed in", "/poses/{pose_slug}/", "computed", SIGNED_IN_PAGES, "session"
        ),
        Row(
            f"practice history ({histories['bench0']:,} sessions)",
            "/practice/sessions/",
            "computed",
            SIGNED_IN_PAGES,
            "session",
        ),
        Row("badges, signed in", "/badges/", "computed", SIGNED_IN_PAGES, "session"),
        Row(
            f"stats page ({histories['bench0']:,} sessions)",
            "/practice/stats/",
            "computed",
            STATS,
            "session",
        ),
        Row(
            f"GET /api/v1/stats ({histories['bench0']:,} sessions)",
            "/api/v1/stats",
            "computed",
            STATS,
            token,
        ),
        Row("GET /api/v1/poses, token", "/api/v1/poses", "computed", TOKEN_API, token),
        Row(
            "GET /api/v1/poses/<slug>, token",
            "/api/v1/poses/{pose_slug}",
            "computed",
            TOKEN_API,
            token,
        ),
        Row("GET /api/v1/sequences, token", "/api/v1/sequences", "computed", TOKEN_API, token),
        Row(
            "GET /api/v1/sequences/<slug> (100 steps), token",
            "/api/v1/sequences/{long_slug}",
            "computed",
            TOKEN_API,
            token,
        ),
        Row("GET /api/v1/sessions, token", "/api/v1/sessions", "computed", TOKEN_API, token),
        Row(
            "GET /api/v1/achievements, token", "/api/v1/achievements", "computed", TOKEN_API, token
        ),
        Row("today's practice page (60 min)", TODAY_PATH, "computed", TODAY, "session"),
        Row(
            "POST /api/v1/sequences/generate (60 min)",
            "/api/v1/sequences/generate",
            "computed",
            TODAY,
            token,
            method="POST",
            body=GENERATE_BODY,
        ),
        Row(
            "player (100 steps), signed in",
            "/practice/play/{long_slug}/",
            "computed",
            None,
            "session",
        ),
        Row("pose library, anonymous", "/poses/", "computed", None),
        Row("sequence catalogue, anonymous", "/sequences/", "computed", None),
        Row("sequence detail (100 steps), anonymous", "/sequences/{long_slug}/", "computed", None),
        Row("GET /api/v1/sequences, anonymous", "/api/v1/sequences", "computed", None),
    ]
    # Recording last: it adds to the histories the rows above read.
    for user in ("bench1", "bench0", "bench2"):
        computed.append(
            Row(
                f"POST /api/v1/sessions ({histories[user]:,} sessions)",
                "/api/v1/sessions",
                "computed",
                POST_SESSIONS,
                f"token:{user}",
                method="POST",
                body=session_body,
            )
        )
    cached = [
        Row("pose library, anonymous", "/poses/", "cached", ANONYMOUS_HIT["page"]),
        Row("sequence catalogue, anonymous", "/sequences/", "cached", ANONYMOUS_HIT["page"]),
        Row(
            "sequence detail (100 steps), anonymous",
            "/sequences/{long_slug}/",
            "cached",
            ANONYMOUS_HIT["detail"],
        ),
        Row("GET /api/v1/poses, anonymous", "/api/v1/poses", "cached", ANONYMOUS_HIT["api"]),
        Row(
            "GET /api/v1/sequences, anonymous", "/api/v1/sequences", "cached", ANONYMOUS_HIT["api"]
        ),
        Row(
            f"anonymous reads with writes ({MIX_FAVORITES / 10:g}% favorite toggles, "
            f"{MIX_PROFILES / 10:g}% profile saves)",
            "(mix)",
            "cached",
            None,
            mix=True,
        ),
    ]
    return computed + cached


# --- the database and the servers ---------------------------------------------------


def bench_env(static_root: str, *, short: bool) -> dict:
    env = dict(os.environ)
    env.update(
        DEBUG="false",
        DATABASE_URL=DB_URL,
        CACHE_URL=CACHE_URL,
        SECRET_KEY=secrets.token_urlsafe(50),
        JWT_SIGNING_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=static_root,
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    if short:  # no collectstatic: plain static names (the manifest is what the full bench uses)
        env["STATICFILES_BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
    return env


def manage(env, *args) -> str:
    result = subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def psql_admin(sql: str) -> None:
    admin_url = DB_URL.rsplit("/", 1)[0] + "/postgres"
    subprocess.run(["psql", admin_url, "-q", "-c", sql], check=True)


def recreate_database() -> None:
    name = DB_URL.rsplit("/", 1)[1]
    psql_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    psql_admin(f'CREATE DATABASE "{name}"')


VALUES = """
import json
from django.core.management import call_command
call_command("load_library")
call_command("seed_bench", *{seed!r})
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from accounts.api.tokens import AccessToken
from poses.models import Pose
from sequences.models import Sequence
User = get_user_model()
users = {{name: User.objects.get(email__startswith=name + "@") for name in {names!r}}}
s = SessionStore()
s["_auth_user_id"] = str(users["bench0"].pk)
s["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
s["_auth_user_hash"] = users["bench0"].get_session_auth_hash()
s.create()
pose = Pose.objects.filter(is_published=True).order_by("pk").first()
slugs = list(Sequence.objects.filter(author__isnull=True).values_list("slug", flat=True))
print(json.dumps({{
    "session_cookie": f"{{settings.SESSION_COOKIE_NAME}}={{s.session_key}}",
    "tokens": {{name: str(AccessToken.for_user(user)) for name, user in users.items()}},
    "mix_tokens": [str(AccessToken.for_user(u)) for u in User.objects.order_by("pk")[3:23]],
    "long_slug": "bench-long-flow",
    "pose_slug": pose.slug,
    "curated_slugs": slugs,
    "pose_slugs": list(Pose.objects.filter(is_published=True).values_list("slug", flat=True)),
}}))
"""


def prepare(env, config: dict, *, short: bool) -> dict:
    recreate_database()
    manage(env, "migrate", "--noinput", "-v", "0")
    if not short:
        manage(env, "collectstatic", "--noinput", "-v", "0")
    # load_library, seed_bench, then the session, tokens and slugs: one process.
    seed = [*config["seed"], "--long-sequence-steps", "100"]
    out = manage(env, "shell", "-c", VALUES.format(names=list(config["histories"]), seed=seed))
    print("\n".join(out.strip().splitlines()[:-1]))
    # As autovacuum would have by then: planner statistics and the visibility map.
    subprocess.run(["psql", DB_URL, "-q", "-c", "VACUUM ANALYZE"], check=True)
    return json.loads(out.strip().splitlines()[-1])


def start_server(env) -> subprocess.Popen:
    log = open(ROOT / "bench-results" / "gunicorn.log", "a")  # noqa: SIM115
    server = subprocess.Popen(
        [GUNICORN, "bench.wsgi", "--workers", str(WORKERS), "--bind", f"127.0.0.1:{PORT}"]
        + ["--no-control-socket"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    for _ in range(150):
        try:
            with urllib.request.urlopen(f"{BASE}/healthz", timeout=1) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    os.killpg(server.pid, signal.SIGTERM)
    sys.exit("gunicorn did not come up; see bench-results/gunicorn.log")


def stop_server(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


# --- requests -----------------------------------------------------------------------


def headers_for(row: Row, values: dict) -> dict:
    if row.auth == "session":
        return {"Cookie": values["session_cookie"]}
    if row.auth.startswith("token:"):
        return {"Authorization": f"Bearer {values['tokens'][row.auth[6:]]}"}
    return {}


def one(method: str, path: str, headers: dict, body: str = "") -> tuple[int, str | None, float]:
    """Status, X-Bench-Cache and seconds of one request (a fresh connection)."""
    data = None
    headers = dict(headers)
    if body:
        data = body.replace("{uuid}", str(__import__("uuid").uuid4())).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(BASE + path, data=data, method=method, headers=headers)
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
            status, cache = response.status, response.headers.get("X-Bench-Cache")
    except urllib.error.HTTPError as error:
        error.read()
        status, cache = error.code, error.headers.get("X-Bench-Cache")
    return status, cache, time.perf_counter() - start


def probe(row: Row, path: str, headers: dict) -> str:
    """What the row measures, as the server says: "cache hit" or "computed"."""
    status, cache, _ = one(row.method, path, headers, row.body)
    if row.method == "GET":
        status, cache, _ = one(row.method, path, headers, row.body)  # a hit, if it can be one
    if status >= 400:
        sys.exit(f"{row.label}: {row.method} {path} answered {status}")
    # A POST is always computed: only GET answers carry the header.
    return "cache hit" if cache == "hit" else "computed"


def wrk(path: str, headers: dict, seconds: int, *, method="GET", body="", script="report.lua",
        extra_env=None) -> dict:  # fmt: skip
    args = ["wrk", "-t", "2", "-c", str(CONNECTIONS), "-d", f"{seconds}s", "--latency"]
    args += ["--timeout", "10s", "-s", str(ROOT / "bench" / script)]
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    env = {**os.environ, "WRK_BODY": body, "WRK_METHOD": method, **(extra_env or {})}
    output = subprocess.run(
        [*args, BASE + path], capture_output=True, text=True, check=True, env=env
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("JSON "))
    return json.loads(line[5:])


def interleaved_wrk(measure) -> tuple[list[dict], list[dict]]:
    """ROUNDS segments of the row, each between two of the trivial view."""
    measure(1)  # warm the workers, the connection pool and the caches
    trivial = [wrk("/healthz", {}, SEGMENT)]
    measured = []
    for _ in range(ROUNDS):
        measured.append(measure(SEGMENT))
        trivial.append(wrk("/healthz", {}, SEGMENT))
    return trivial, measured


def interleaved_short(method: str, path: str, headers: dict, body: str) -> tuple[list, list]:
    """SHORT_PAIRS single requests of the row, each between two of the trivial view."""
    trivial, measured, errors = [], [], 0
    trivial.append(one("GET", "/healthz", {})[2])
    for _ in range(SHORT_PAIRS):
        status, _, seconds = one(method, path, headers, body)
        errors += status >= 400
        measured.append(seconds)
        trivial.append(one("GET", "/healthz", {})[2])
    as_segment = [
        {"rps": 1 / s, "p50_ms": s * 1000, "p95_ms": s * 1000, "errors": 0, "requests": 1}
        for s in trivial
    ]
    segments = [
        {"rps": 1 / s, "p50_ms": s * 1000, "p95_ms": s * 1000, "errors": 0, "requests": 1}
        for s in measured
    ]
    segments[0]["errors"] = errors
    return as_segment, segments


def short_mix(values: dict, reads: list[str], pairs: int = 20) -> dict:
    """The write mix of bench/mix.lua, as single requests: counts of hits and computed reads."""
    import random

    rng = random.Random(7)  # noqa: S311 (a request mix, not a secret)
    counts = {"hits": 0, "computed": 0, "writes": 0, "errors": 0}
    times = []
    for _ in range(pairs):
        roll = rng.randrange(1, 1001) * 10  # short: ten times the writes, so some happen
        token = {"Authorization": f"Bearer {rng.choice(values['mix_tokens'])}"}
        if roll <= MIX_FAVORITES * 10:
            slug = rng.choice(values["curated_slugs"])
            status, cache, seconds = one(
                rng.choice(["PUT", "DELETE"]), f"/api/v1/sequences/{slug}/favorite", token
            )
        elif roll <= (MIX_FAVORITES + MIX_PROFILES) * 10:
            body = json.dumps({"display_name": f"Bench {rng.randrange(10**6)}"})
            status, cache, seconds = one("PATCH", "/api/v1/auth/me", token, body)
        else:
            status, cache, seconds = one("GET", rng.choice(reads), {})
        times.append(seconds)
        if status >= 400:
            counts["errors"] += 1
        else:
            counts[{"hit": "hits", "computed": "computed"}.get(cache or "", "writes")] += 1
    mean = statistics.mean(times)
    return {"rps": 1 / mean, "p50_ms": mean * 1000, "p95_ms": max(times) * 1000, **counts}


def mix_reads(values: dict) -> list[str]:
    """What anonymous visitors read in the write mix: list pages, details, the API lists."""
    reads = ["/poses/", "/sequences/", "/api/v1/poses", "/api/v1/sequences"]
    reads += [f"/sequences/?page={n}" for n in range(2, 6)]
    reads += [f"/sequences/?difficulty={d}" for d in ("beginner", "intermediate", "advanced")]
    reads += [f"/sequences/{slug}/" for slug in values["curated_slugs"]]
    reads += [f"/poses/{slug}/" for slug in values["pose_slugs"][:30]]
    return reads


# --- rows ---------------------------------------------------------------------------


def page_rows(table: list[Row], values: dict) -> dict:
    """The signed-in and token GET rows, for bench/inprocess.py's CPU time per request."""
    return {
        row.label: [row.path.format(**values), "session" if row.auth == "session" else "token"]
        for row in table
        if row.server == "computed" and row.method == "GET" and row.auth
    }


def summarise(row: Row, trivial: list[dict], measured: list[dict]) -> dict:
    ratios = []
    for n, segment in enumerate(measured):
        around = (trivial[n]["rps"] + trivial[n + 1]["rps"]) / 2
        ratios.append(segment["rps"] / around if around else 0.0)
    trivial_rps = [t["rps"] for t in trivial]
    middle = statistics.median(trivial_rps)
    return {
        "rps": statistics.median(s["rps"] for s in measured),
        "p50_ms": statistics.median(s["p50_ms"] for s in measured),
        "p95_ms": statistics.median(s["p95_ms"] for s in measured),
        "errors": sum(s["errors"] for s in measured),
        "requests": sum(s["requests"] for s in measured),
        "trivial_rps": middle,
        "trivial_spread": (max(trivial_rps) - min(trivial_rps)) / middle if middle else 0.0,
        "ratio": statistics.median(ratios),
        "ratios": ratios,
        "load": round(os.getloadavg()[0], 1),
    }


def run_row(row: Row, values: dict, *, short: bool, workdir: Path) -> None:
    path = row.path.format(**values)
    headers = headers_for(row, values)
    if row.mix:
        reads = mix_reads(values)
        (workdir / "reads.txt").write_text("\n".join(reads) + "\n")
        (workdir / "tokens.txt").write_text("\n".join(values["mix_tokens"]) + "\n")
        (workdir / "slugs.txt").write_text("\n".join(values["curated_slugs"]) + "\n")
        row.result["state"] = "hit rate measured"
        if short:
            trivial = [one("GET", "/healthz", {})[2] for _ in range(2)]
            mix = short_mix(values, reads)
            t = [{"rps": 1 / s, "errors": 0, "requests": 1} for s in trivial]
            mix.update(requests=20)
            measured = [mix]
        else:
            mix_env = {
                "MIX_DIR": str(workdir),
                "MIX_FAVORITES": str(MIX_FAVORITES),
                "MIX_PROFILES": str(MIX_PROFILES),
            }

            def measure(seconds):
                return wrk("/", {}, seconds, script="mix.lua", extra_env=mix_env)

            t, measured = interleaved_wrk(measure)
        row.result.update(summarise(row, t, measured))
        hits = sum(s["hits"] for s in measured)
        computed = sum(s["computed"] for s in measured)
        row.result["hit_rate"] = hits / (hits + computed) if hits + computed else 0.0
        row.result["writes"] = sum(s["writes"] for s in measured)
        return
    row.result["state"] = probe(row, path, headers)
    if short:
        trivial, measured = interleaved_short(row.method, path, headers, row.body)
    else:

        def measure(seconds):
            return wrk(path, headers, seconds, method=row.method, body=row.body)

        trivial, measured = interleaved_wrk(measure)
    row.result.update(summarise(row, trivial, measured))


def verdict(row: Row, short: bool) -> bool | None:
    if row.goal is None or short:
        return None
    r = row.result
    return r["ratio"] >= row.goal and r["errors"] == 0 and r["rps"] > 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="a small run for the tests")
    args = parser.parse_args()
    short = args.short
    config = SHORT if short else FULL
    if not short and not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk (make bench does)")
    (ROOT / "bench-results").mkdir(exist_ok=True)
    (ROOT / "bench-results" / "gunicorn.log").write_text("")
    static_root = tempfile.mkdtemp(prefix="yogaflow-bench-static-")
    workdir = Path(tempfile.mkdtemp(prefix="yogaflow-bench-"))
    env = bench_env(static_root, short=short)
    load_before = os.getloadavg()
    values = prepare(env, config, short=short)
    inprocess = json.loads(
        subprocess.run(
            [PY, str(ROOT / "bench" / "inprocess.py")],
            cwd=ROOT,
            env={
                **env,
                "CACHE_URL": "dummycache://",
                "GENERATION_RUNS": str(config["generation_runs"]),
                "STATS_RUNS": str(config["stats_runs"]),
                "PAGE_RUNS": str(config["page_runs"]),
                "BENCH_PAGES": json.dumps(page_rows(rows(config["histories"]), values)),
            },
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    table = rows(config["histories"])
    try:
        for server_kind in ("computed", "cached"):
            server_env = dict(env)
            if server_kind == "computed":
                server_env["CACHE_URL"] = "dummycache://"
            server = start_server(server_env)
            try:
                for row in table:
                    if row.server == server_kind:
                        run_row(row, values, short=short, workdir=workdir)
                        print(line(row, short), flush=True)
            finally:
                stop_server(server)
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
        shutil.rmtree(workdir, ignore_errors=True)
        if short:
            psql_admin(f'DROP DATABASE IF EXISTS "{DB_URL.rsplit("/", 1)[1]}" WITH (FORCE)')
    report(table, inprocess, config, load_before, short)


HEADER = (
    "| row | measured | req/s | p50 ms | p95 ms | errors | trivial req/s (spread) "
    "| share of trivial | goal |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
)


def line(row: Row, short: bool) -> str:
    r = row.result
    ok = verdict(row, short)
    goal = "—" if row.goal is None else f"≥ {row.goal:.0%}"
    mark = "" if ok is None else (" ✓" if ok else " ✗")
    state = r["state"]
    if row.mix:
        state = f"cache hits {r['hit_rate']:.0%} of {r['requests'] - r['writes']} reads"
    return (
        f"| {row.label} | {state} | {r['rps']:.0f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | "
        f"{r['errors']} | {r['trivial_rps']:.0f} (±{r['trivial_spread'] / 2:.0%}) | "
        f"{r['ratio']:.1%} | {goal}{mark} |"
    )


def report(table: list[Row], inprocess: dict, config: dict, load_before, short: bool) -> None:
    out = ROOT / "bench-results" / ("short.json" if short else "latest.json")
    load_after = os.getloadavg()
    mode = (
        f"--short: {SHORT_PAIRS} single requests per row, interleaved with the trivial view"
        if short
        else f"{CONNECTIONS} connections, {ROUNDS} × {SEGMENT} s per row interleaved with "
        f"the trivial view, gunicorn {WORKERS} workers"
    )
    print(f"\n{mode}; load average {load_before[0]:.1f} before, {load_after[0]:.1f} after\n")
    print(HEADER)
    for row in table:
        print(line(row, short))
    posts = [r for r in table if r.label.startswith("POST /api/v1/sessions")]
    # Cost as trivial requests' worth (1 / share): the machine's load cancels out.
    costs = [1 / r.result["ratio"] for r in posts if r.result.get("ratio")]
    spread = (max(costs) - min(costs)) / min(costs) if costs else 0.0
    flat = None if short else spread <= FLAT_WITHIN
    mark = "" if flat is None else (" ✓" if flat else " ✗")
    sizes = ", ".join(f"{n:,}" for n in sorted(config["histories"].values()))
    print(
        f"\nPOST /api/v1/sessions at {sizes} sessions: cost per request (in trivial "
        f"requests) varies {spread:.0%} (goal: within {FLAT_WITHIN:.0%}){mark}"
    )
    g, big, s = inprocess["generation"], inprocess["generation_900"], inprocess["stats"]
    ok_g = "" if short else (" ✓" if big["p95_ms"] < GENERATION_P95_MS else " ✗")
    ok_s = "" if short else (" ✓" if s["p50_ms"] <= STATS_P50_MS else " ✗")
    print(
        f"Generating a 60-minute practice in process ({g['runs']} seeds, {inprocess['poses']} "
        f"published poses, the library loaded): p50 {g['p50_ms']:.1f} ms, p95 "
        f"{g['p95_ms']:.1f} ms, {g['queries']:.0f} queries each (no goal at this size)"
    )
    print(
        f"Generating a 60-minute practice in process ({big['runs']} seeds, {big['poses']} "
        f"published poses: the library and its variants, bench/library.py): p50 "
        f"{big['p50_ms']:.1f} ms, p95 {big['p95_ms']:.1f} ms (CPU p50 {big['cpu_p50_ms']:.1f}, "
        f"p95 {big['cpu_p95_ms']:.1f} ms), {big['queries']:.0f} queries each "
        f"(goal: p95 < {GENERATION_P95_MS} ms at 900 poses){ok_g}"
    )
    print(
        f"Computing the statistics of {inprocess['sessions']:,} sessions in process "
        f"({s['runs']} runs): p50 {s['p50_ms']:.1f} ms, p95 {s['p95_ms']:.1f} ms, "
        f"{s['queries']:.0f} queries (goal: p50 ≤ {STATS_P50_MS} ms){ok_s}"
    )
    results = {
        "short": short,
        "load_average": [load_before[0], load_after[0]],
        "rows": [
            {
                "label": r.label,
                "server": r.server,
                "goal": r.goal,
                "ok": verdict(r, short),
                **r.result,
            }  # fmt: skip
            for r in table
        ],
        "sessions_cost_spread": spread,
        "inprocess": inprocess,
    }
    out.write_text(json.dumps(results, indent=2))
    print(
        "\nIn process, the app's CPU time per request (Django's test client, cache off; the "
        "database server's time not included):\n"
    )
    print("| row | CPU ms | wall ms |\n| --- | ---: | ---: |")
    for label, page in inprocess["pages"].items():
        print(f"| {label} | {page['cpu_ms']:.1f} | {page['wall_ms']:.1f} |")
    print(f"\nraw figures: {out.relative_to(ROOT)}")
    print(
        "JSON " + json.dumps({"rows": len(table), "errors": sum(r.result["errors"] for r in table)})
    )


if __name__ == "__main__":
    main()
