"""A long sequence's three answers, timed and profiled in process (issue 15): its page, the
guided player over it, and `GET /api/v1/sequences/<slug>`.

    .venv/bin/python bench/detail.py                     # time each answer
    .venv/bin/python bench/detail.py --save DIR          # also write each answer's body to DIR
    .venv/bin/python bench/detail.py --compare DIR       # also diff each answer with DIR's
    .venv/bin/python bench/detail.py --profile player    # where one answer's time goes

Runs against the database in DATABASE_URL, seeded as the bench seeds it (`manage.py
load_library`, then `manage.py seed_bench --long-sequence-steps 100`: the public 100-step
sequence `bench-long-flow`; the other options only size the rest). Settings as bench/pages.py
sets them: DEBUG off, the cache off (every answer computed), whitenoise's manifest storage.

Each answer is requested through Django's test client as bench0 (signed in, or by token for
the API; the anonymous page too), twice to warm up, then RUNS times (env PAGE_RUNS, default
40). Printed per answer: the median and lowest CPU milliseconds of one request
(`time.process_time`: this process only), the median wall milliseconds and the queries.
--save/--compare write and diff the bodies (CSRF tokens masked) of every answer, so a change
that makes them faster is shown to answer the same bytes.

Measured (2026-11-30, PostgreSQL, the 2-core machine shared with other work, load 6-9; main at
97fa540 and this branch run in turn, twice each, 60 requests per answer; median CPU ms of one
request, the lowest in brackets; queries unchanged):

| answer (100 steps)        | before               | after              |
| ---                       | ---                  | ---                |
| page, signed in           | 20.7 (18.2), 21.0 (18.0) | 10.2 (7.8), 10.7 (9.3) |
| page, anonymous           | 19.5 (15.8), 18.9 (16.3) | 7.7 (7.0), 7.9 (6.5)   |
| player                    | 20.1 (17.6), 20.8 (18.2) | 10.7 (9.0), 11.1 (8.9) |
| API detail, token         | 21.7 (17.4), 19.0 (16.8) | 8.3 (7.1), 9.5 (8.0)   |
| API detail, anonymous     | 20.3 (17.3), 18.3 (15.8) | 5.7 (4.7), 7.1 (6.2)   |
"""

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import pages  # noqa: E402 (sets the bench's environment)

SLUG = "bench-long-flow"
ANSWERS = {
    # label: (path, who)
    "detail": (f"/sequences/{SLUG}/", "session"),
    "detail, anonymous": (f"/sequences/{SLUG}/", "anonymous"),
    "player": (f"/practice/play/{SLUG}/", "session"),
    "api": (f"/api/v1/sequences/{SLUG}", "token"),
    "api, anonymous": (f"/api/v1/sequences/{SLUG}", "anonymous"),
}


def clients():
    from django.contrib.auth import get_user_model
    from django.test import Client

    from accounts.api.tokens import AccessToken

    user = get_user_model().objects.get(email__startswith="bench0@")
    session = Client()
    session.force_login(user)
    token = Client(HTTP_HOST="localhost", HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user)}")
    return {"session": session, "token": token, "anonymous": Client(HTTP_HOST="localhost")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--save", type=Path, help="write each answer's body into this folder")
    parser.add_argument("--compare", type=Path, help="diff each answer's body with this folder's")
    parser.add_argument("--no-timing", action="store_true", help="only save or compare")
    parser.add_argument("--profile", metavar="ANSWER", choices=ANSWERS, help="cProfile one")
    args = parser.parse_args()

    pages.collectstatic()
    import django

    django.setup()
    by = clients()
    from django.urls import reverse

    assert reverse("practice:player", args=[SLUG]) == ANSWERS["player"][0]

    if args.profile:
        path, who = ANSWERS[args.profile]
        pages.profile_page(by[who], path)
        return
    if not args.no_timing:
        print(f"{'answer (cache off)':24} {'CPU ms':>8} {'min':>7} {'wall ms':>8} {'q':>3}")
        for label, (path, who) in ANSWERS.items():
            r = pages.time_page(by[who], path)
            print(
                f"{label:24} {r['cpu_ms']:8.2f} {r['cpu_min_ms']:7.2f} {r['wall_ms']:8.2f} "
                f"{r['queries']:3d}",
                flush=True,
            )
    if args.save or args.compare:
        bodies = {
            re.sub(r"[^a-z0-9]+", "-", label)
            + (".json" if "api" in label else ".html"): pages.normalised(by[who].get(path).content)
            for label, (path, who) in ANSWERS.items()
        }
        changed = pages.save_or_compare(bodies, save=args.save, compare=args.compare)
        if args.compare:
            print(f"bodies: {len(ANSWERS) - changed} of {len(ANSWERS)} the same")
            sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
