"""What every signed-in page pays before its own content: the request stack and the page frame.

    DATABASE_URL=postgres://… .venv/bin/python bench/frame.py             # the breakdown
    DATABASE_URL=postgres://… .venv/bin/python bench/frame.py --profile frame   # cProfile

Same database and settings as bench/pages.py (DEBUG off, the cache off, the manifest storage,
logs at WARNING; it imports that module for them and collects the static files the same way).
Served in process through Django's test client, as bench0 signed in and as a visitor, through
the app's own URLconf plus two bench-only routes:

- `/healthz`: answered by the first middleware (yogaflow.health.ProbeMiddleware), so it is
  the client's and the handler's own cost, the floor under every other row;
- `/bench/bare/`: a view answering an empty HttpResponse that reads `request.user`, as every
  page does: the whole middleware stack (session, CSRF, auth user, messages, CSP, structlog,
  ...), no template;
- `/bench/frame/`: `{% extends "base.html" %}` with an empty content block, rendered with the
  request's context (context processors, navigation, messages, footer): the stack and the
  frame, nothing of a page's own;
- the pose library, catalogue, history, stats, badges and pose detail: what the frame's share
  is of; the home page (its today form) and today's practice (a 60-minute vinyasa practice,
  seed 605: generation included).

Requests are interleaved (one of each per round, ROUNDS rounds after two to warm up; env
FRAME_ROUNDS, default 200), each timed with `time.process_time` (this process's CPU, not the
database server's). Printed per row: the median and lowest CPU ms, and the queries of one
request; then the differences (stack = bare − healthz, frame = frame − bare).
`--profile ROW` prints cProfile's costliest calls over ROUNDS requests of that row.

What it found (2026-11-30, PostgreSQL, a busy 2-core machine; medians of three alternated runs
of 200 rounds, CPU ms). Before: /healthz 0.24; bare signed in 2.52 (visitor 0.67); empty page
signed in 3.31 (visitor 1.29). Of the signed-in stack, the session and user reads through the
ORM were ~60 % (building and compiling each query cost ~4x its round trip), django-csp
rebuilding the same policy on every answer ~10 %, django-structlog most of the rest; of the
frame, ~30 template tags naming fixed static files and routes, the navigation's comparisons,
`{% extends %}` walking the frame's whole tree for blocks, and the CSRF token. After
(yogaflow.core.sessions, yogaflow.core.headers.CSPMiddleware, {% memo %} in base.html; a
hand-compiled user read was measured too but not kept: it copied Django's session-hash checks
and leaned on the ORM's compiler internals for ~0.25 ms): bare signed in 1.47, empty page
signed in 1.92 (visitor 0.95) with it; the hot pages 9-17 % less CPU each with it. Re-measure
with this script for the figures of the code as it is.

The library pages (speed-library, 2026-11-30): the integration branch at 0fc2788 (this script
copied in) and the speed-library branch run alternately, three times each, 150 rounds, on the
shared 2-core machine at a load average of 7.5 to 10.8 (other helpers' tests); medians, CPU ms:

    row                  before (runs 1-3)     after (runs 1-3)      change
    pose library          8.48  7.41  7.89      6.82  7.14  7.23     -10 %
    sequence catalogue   11.22 10.14 10.72      9.01  9.18  9.35     -14 %
    practice history      8.68  7.52  8.18      6.66  6.86  6.89     -14 %
    stats page           17.56 16.65 17.22     10.87 11.04 11.05     -36 %
    (frame, signed in     3.27  2.73  3.02      2.72  2.83  2.89     unchanged code)

Queries the same (4, 4, 4, 6). What did it: filter selects kept per (choices, selected
values) (yogaflow.core.forms.KeptSelect) and empty error lists written as nothing; catalogue
cards read with only() what they show; the stats page's weekly chart and month calendar
written in Python, its year calendar's labels and levels without strftime and a generator per
day; ints and dates written without the template's localisation path (html_value, date_text).
Left: a filter form's per-request deepcopy of its fields (~0.2 ms), the paginator's count
query (~0.3 ms, compiling it), the pose cards' model rows (values would save ~0.25 ms), and
the signed-in stack (~2 ms: session, user, structlog) that every page pays.
"""

import argparse
import statistics
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
import os  # noqa: E402

import pages  # noqa: E402  (the environment of bench/pages.py: DEBUG off, cache off, ...)

ROUNDS = int(os.environ.get("FRAME_ROUNDS", "200"))
URLCONF = "bench_frame_urls"
FRAME = '{% extends "base.html" %}'
TODAY = "/sequences/today/?minutes=60&level=intermediate&style=vinyasa&focus=core&seed=605"


def install_urlconf() -> None:
    """The app's routes plus /bench/bare/ and /bench/frame/, as a module Django can import."""
    from django.http import HttpResponse
    from django.template import engines
    from django.urls import include, path

    frame = engines["django"].from_string(FRAME)

    def bare(request):
        request.user.is_authenticated  # noqa: B018 (every page reads the user)
        return HttpResponse(b"")

    def framed(request):
        return HttpResponse(frame.render({}, request))

    module = types.ModuleType(URLCONF)
    module.urlpatterns = [
        path("bench/bare/", bare),
        path("bench/frame/", framed),
        path("", include("yogaflow.urls")),
    ]
    module.handler400 = "yogaflow.core.errors.bad_request"
    module.handler404 = "yogaflow.core.errors.page_not_found"
    module.handler500 = "yogaflow.core.errors.server_error"
    sys.modules[URLCONF] = module


def rows(pose_slug: str) -> dict[str, tuple[str, bool]]:
    """{label: (path, signed_in)}."""
    return {
        "healthz": ("/healthz", True),
        "bare, anonymous": ("/bench/bare/", False),
        "bare": ("/bench/bare/", True),
        "frame, anonymous": ("/bench/frame/", False),
        "frame": ("/bench/frame/", True),
        "pose library": ("/poses/", True),
        "sequence catalogue": ("/sequences/", True),
        "pose detail": (f"/poses/{pose_slug}/", True),
        "practice history": ("/practice/sessions/", True),
        "stats page": ("/practice/stats/", True),
        "badges": ("/badges/", True),
        "home (the today form)": ("/", True),
        "today's practice (60 min)": (TODAY, True),
    }


def measure(clients, table) -> dict[str, dict]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cpu = {label: [] for label in table}
    for label, (path, signed_in) in table.items():
        for _ in range(2):
            status = clients[signed_in].get(path).status_code
            if status != 200:
                raise SystemExit(f"{label}: GET {path} answered {status}")
    for _ in range(ROUNDS):
        for label, (path, signed_in) in table.items():
            c0 = time.process_time()
            clients[signed_in].get(path)
            cpu[label].append((time.process_time() - c0) * 1000)
    out = {}
    for label, (path, signed_in) in table.items():
        with CaptureQueriesContext(connection) as queries:
            clients[signed_in].get(path)
        out[label] = {
            "cpu_ms": statistics.median(cpu[label]),
            "min_ms": min(cpu[label]),
            "queries": len(queries.captured_queries),
        }
    return out


def profile(client, path: str) -> None:
    import cProfile
    import pstats

    for _ in range(2):
        client.get(path)
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for _ in range(ROUNDS):
        client.get(path)
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(int(os.environ.get("PROFILE_LINES", "45")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--profile", metavar="ROW", help="cProfile this row (by label)")
    parser.add_argument("--no-collectstatic", action="store_true", help="already collected")
    args = parser.parse_args()

    if not args.no_collectstatic:
        pages.collectstatic()
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    from poses.models import Pose

    install_urlconf()
    settings.ROOT_URLCONF = URLCONF
    user = get_user_model().objects.get(email__startswith="bench0@")
    signed_in = Client()
    signed_in.force_login(user)
    clients = {True: signed_in, False: Client()}
    pose = Pose.objects.filter(is_published=True).order_by("pk").first()
    table = rows(pose.slug)

    if args.profile:
        path, auth = table[args.profile]
        profile(clients[auth], path)
        return
    result = measure(clients, table)
    print(f"{'row (cache off)':28} {'CPU ms':>7} {'min':>6} {'q':>3}")
    for label, r in result.items():
        print(f"{label:28} {r['cpu_ms']:7.2f} {r['min_ms']:6.2f} {r['queries']:3d}")
    floor, bare, frame = (result[k]["cpu_ms"] for k in ("healthz", "bare", "frame"))
    print(
        f"\nsigned in: stack (bare − healthz) {bare - floor:.2f} ms, "
        f"frame (frame − bare) {frame - bare:.2f} ms, both {frame - floor:.2f} ms"
    )
    floor_a = result["bare, anonymous"]["cpu_ms"] - floor
    frame_a = result["frame, anonymous"]["cpu_ms"] - result["bare, anonymous"]["cpu_ms"]
    print(f"anonymous: stack {floor_a:.2f} ms, frame {frame_a:.2f} ms")


if __name__ == "__main__":
    main()
