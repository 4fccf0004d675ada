"""The signed-in HTML pages of issue 15, timed in process, and their HTML kept for comparison.

    .venv/bin/python bench/pages.py                   # time each page (CPU and wall ms)
    .venv/bin/python bench/pages.py --save DIR        # also write each page's HTML to DIR
    .venv/bin/python bench/pages.py --compare DIR     # also diff each page's HTML with DIR's
    .venv/bin/python bench/pages.py --profile "pose detail"   # where one page's time goes

Runs against the database in DATABASE_URL, seeded as the bench seeds it (`manage.py
load_library`, then `manage.py seed_bench --practice-sessions 10000 --more-histories 1000
--long-sequence-steps 100`; bench2's 100,000 sessions are not needed here). Settings as the
bench serves them: DEBUG off, the cache off (dummycache: every page computed), whitenoise's
manifest storage (collectstatic into a temporary STATIC_ROOT first), logs at WARNING.

Each page is requested through Django's test client as bench0 (signed in), twice to warm up,
then RUNS times (env PAGE_RUNS, default 40). Printed per page: the median and the lowest CPU
milliseconds of one request (`time.process_time`: this process only, the database server's
work is not in it, so it moves far less with the machine's load than wall time), the median
wall milliseconds, and the queries of one request.

The HTML check: every page `targets()` names (signed in and anonymous, other pages of the
lists, filters, a curated sequence, an empty history, the pose page in each of its shapes and
thumbed up and down — ratings written for the check and rolled back —, a practice's summary,
badges earned), with the per-request CSRF tokens replaced by a mark, so the same code writes
the same file; --compare prints a unified diff of any page whose HTML changed and exits 1.
"""

import argparse
import difflib
import os
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STATIC_ROOT = Path(tempfile.gettempdir()) / "yogaflow-bench-pages-static"
os.environ.update(
    DEBUG="false",
    CACHE_URL="dummycache://",
    SECRET_KEY=os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
    JWT_SIGNING_KEY=os.environ.get("JWT_SIGNING_KEY") or secrets.token_urlsafe(50),
    ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
    SECURE_SSL_REDIRECT="false",
    STATIC_ROOT=str(STATIC_ROOT),
    LOG_LEVEL="WARNING",
)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yogaflow.settings")

RUNS = int(os.environ.get("PAGE_RUNS", "40"))
# Masked CSRF tokens differ on every request: the form field and the player queue's attribute.
CSRF = re.compile(r'(name="csrfmiddlewaretoken" value="|data-csrf=")[^"]+"')


def collectstatic() -> None:
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=os.environ,
        check=True,
    )


def targets():
    """({label: path} timed, {label: (path, signed_in)} only checked), from the seeded rows."""
    from achievements.models import UserAchievement
    from poses.models import Pose
    from practice.models import PracticeSession
    from sequences.models import Sequence

    pose = Pose.objects.filter(is_published=True).order_by("pk").first()
    photo_pose = Pose.objects.filter(is_published=True).exclude(image="").first()
    curated = Sequence.objects.filter(author__isnull=True).order_by("slug").first()
    timed = {
        "pose library": "/poses/",
        "sequence catalogue": "/sequences/",
        "sequence detail (100 steps)": "/sequences/bench-long-flow/",
        "pose detail": f"/poses/{pose.slug}/",
        "practice history (10,000 sessions)": "/practice/sessions/",
        "badges": "/badges/",
    }
    checked = {f"{label}, signed in": (path, True) for label, path in timed.items()}
    checked.update(
        {
            f"{label}, anonymous": (path, False)
            for label, path in timed.items()
            if not path.startswith(("/practice/", "/badges/"))
        }
    )
    checked.update(
        {
            "pose library page 3": ("/poses/?page=3", True),
            "pose library, a search": ("/poses/?q=warrior", True),
            "pose library, filters": ("/poses/?difficulty=beginner&position=standing", True),
            "pose library, bad filter": ("/poses/?difficulty=nonsense", True),
            "pose library, nothing found": ("/poses/?q=zzzzqqq", True),
            "sequence catalogue page 2": ("/sequences/?page=2", True),
            "sequence catalogue, filters": ("/sequences/?difficulty=beginner&sort=popular", True),
            "sequence catalogue, a search": ("/sequences/?q=flow", False),
            "sequence catalogue, bad filter": ("/sequences/?max_minutes=-4", True),
            "curated sequence": (curated.get_absolute_url(), True),
            "curated sequence, anonymous": (curated.get_absolute_url(), False),
            "practice history page 2": ("/practice/sessions/?page=2", True),
            "practice history, filters": (
                "/practice/sessions/?style=vinyasa&date_from=2024-01-01&date_to=2026-06-30",
                True,
            ),
            "practice history, bad filter": ("/practice/sessions/?date_from=nonsense", True),
            "sequence catalogue, scope and sort": ("/sequences/?scope=community&sort=newest", True),
            "stats page": ("/practice/stats/", True),
            "stats page, an earlier month": ("/practice/stats/?month=2025-03", True),
            "stats page, a bad month": ("/practice/stats/?month=nonsense", True),
            "badges, anonymous": ("/badges/", False),
            "home (the today form)": ("/", True),
            "home, anonymous": ("/", False),
            "today's practice, bad choices": (
                "/sequences/today/?minutes=3&level=x&focus=zz&avoid=knee_friendly",
                True,
            ),
            "sequence catalogue, a search with one page": ("/sequences/?q=bench", True),
        }
    )
    if photo_pose is not None:
        checked["pose with a photo"] = (photo_pose.get_absolute_url(), True)
    # The pose page in each of its shapes (signed in, and rated: see RATED).
    published = Pose.objects.filter(is_published=True).order_by("slug")
    shapes = {
        "pose detail, two-sided": published.filter(is_bilateral=True),
        "pose detail, breathing": published.exclude(kind="asana"),
        "pose detail, long hold and props": published.filter(
            long_hold_max_seconds__isnull=False
        ).exclude(props=[]),
        "pose detail, cautions and modifications": published.exclude(cautions=[]).exclude(
            modifications=""
        ),
    }
    for label, poses in shapes.items():
        if (shaped := poses.first()) is not None:
            checked[label] = (shaped.get_absolute_url(), True)
    for label, (slug, _) in RATED.items():
        checked[label] = (f"/poses/{slug}/?from=<here>&x=1", True)
    latest = PracticeSession.objects.filter(user__email__startswith="bench0@").order_by("-pk")
    if (session := latest.first()) is not None:
        checked["practice summary"] = (f"/practice/sessions/{session.pk}/summary/", True)
    earned = UserAchievement.objects.values_list("user_id", flat=True).first()
    return timed, checked, earned


# Pages of poses bench0 has rated, the ratings written for the HTML check and rolled back.
RATED = {
    "pose detail, thumbed up": ("tree", "up"),
    "pose detail, thumbed down": ("crow", "down"),
}


def normalised(html: bytes) -> str:
    return CSRF.sub(r"\1CSRF", html.decode())


def time_page(client, path: str) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(2):
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"GET {path} answered {response.status_code}")
    cpu, wall = [], []
    for _ in range(RUNS):
        c0, w0 = time.process_time(), time.perf_counter()
        client.get(path)
        cpu.append((time.process_time() - c0) * 1000)
        wall.append((time.perf_counter() - w0) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return {
        "cpu_ms": statistics.median(cpu),
        "cpu_min_ms": min(cpu),
        "wall_ms": statistics.median(wall),
        "queries": len(queries.captured_queries),
    }


def profile_page(client, path: str) -> None:
    """cProfile over RUNS requests of `path` (after two to warm up): the 30 costliest calls by
    their own time, then by time including what they call."""
    import cProfile
    import pstats

    for _ in range(2):
        client.get(path)
    profiler = cProfile.Profile(time.process_time)  # this process's CPU, not the database's
    profiler.enable()
    for _ in range(RUNS):
        client.get(path)
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(30)
    stats.sort_stats("cumulative").print_stats(40)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--save", type=Path, help="write each page's HTML into this folder")
    parser.add_argument("--compare", type=Path, help="diff each page's HTML with this folder's")
    parser.add_argument("--no-timing", action="store_true", help="only save or compare HTML")
    parser.add_argument(
        "--profile",
        metavar="PAGE",
        help="print cProfile's costliest calls over RUNS requests of this timed page (by label)",
    )
    args = parser.parse_args()

    collectstatic()
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.test import Client

    from poses.models import Pose, PoseRating

    user = get_user_model().objects.get(email__startswith="bench0@")
    signed_in = Client()
    signed_in.force_login(user)
    anonymous = Client()
    timed, checked, earned_user = targets()

    if args.profile:
        profile_page(signed_in, timed[args.profile])
        return
    if not args.no_timing:
        head = "page (signed in, cache off)"
        print(f"{head:40} {'CPU ms':>8} {'min':>7} {'wall ms':>8} {'q':>3}")
        for label, path in timed.items():
            r = time_page(signed_in, path)
            print(
                f"{label:40} {r['cpu_ms']:8.2f} {r['cpu_min_ms']:7.2f} {r['wall_ms']:8.2f} "
                f"{r['queries']:3d}",
                flush=True,
            )

    if args.save or args.compare:
        with transaction.atomic():
            for slug, rating in RATED.values():
                PoseRating.objects.update_or_create(
                    user=user, pose=Pose.objects.get(slug=slug), defaults={"rating": rating}
                )
            pages = {
                label: normalised((signed_in if auth else anonymous).get(path).content)
                for label, (path, auth) in checked.items()
            }
            transaction.set_rollback(True)
        if earned_user is not None:
            other = Client()
            other.force_login(get_user_model().objects.get(pk=earned_user))
            pages["badges, some earned"] = normalised(other.get("/badges/").content)
        named = {
            re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-") + ".html": html
            for label, html in pages.items()
        }
        changed = save_or_compare(named, save=args.save, compare=args.compare)
        if args.compare:
            print(f"HTML: {len(pages) - changed} of {len(pages)} pages the same")
            sys.exit(1 if changed else 0)


def save_or_compare(bodies: dict[str, str], *, save: Path | None, compare: Path | None) -> int:
    """Write each body under its file name to `save`; compare each with the file of that
    name in `compare`, printing a diff of each that changed. The number that changed."""
    changed = 0
    for name, body in bodies.items():
        if save:
            save.mkdir(parents=True, exist_ok=True)
            (save / name).write_text(body)
        if compare:
            old = (compare / name).read_text()
            if old != body:
                changed += 1
                sys.stdout.writelines(
                    difflib.unified_diff(
                        old.splitlines(keepends=True),
                        body.splitlines(keepends=True),
                        f"before/{name}",
                        f"after/{name}",
                        n=1,
                    )
                )
    return changed


if __name__ == "__main__":
    main()
