"""The pose page's and the badges page's rendering, the former templates against the current
ones, interleaved in one process: what `bench/pages.py` cannot resolve on a loaded machine.

    DATABASE_URL=postgres://… .venv/bin/python bench/render_ab.py

Same database and settings as bench/pages.py (run that first: it collects the static files).
Two template engines: the current templates, and the same with the former ones kept in
tests/data found first (the pose page, its thumbs include, its sequences panel, the badges
page). Each round renders the page once with each (the pose page: bench0's view of the first
published pose, the former read in full as it was, the current as the view reads it now; the
badges page: bench0's badges), timing `time.process_time`; ROUNDS rounds (env RENDER_ROUNDS,
default 300). Printed per page: whether both wrote the same HTML (CSRF tokens masked), and the
lowest and median CPU ms of each. Only the rendering is timed (the panel's query included),
not the middleware or the view's own queries.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import pages  # noqa: E402  (the same environment as bench/pages.py)

ROUNDS = int(os.environ.get("RENDER_ROUNDS", "300"))
FORMER = {
    "poses/pose_detail.html": ROOT / "poses/tests/data/pose_detail_as_template.html",
    "poses/_pose_rating.html": ROOT / "poses/tests/data/pose_rating_as_template.html",
    "sequences/_pose_sequences.html": ROOT / "sequences/tests/data/pose_sequences_as_template.html",
    "achievements/badges.html": ROOT / "achievements/tests/data/badges_as_template.html",
}


def engine(*, former: bool):
    from django.conf import settings
    from django.template.backends.django import DjangoTemplates

    conf = {**settings.TEMPLATES[0], "APP_DIRS": False, "NAME": "former" if former else "now"}
    conf.pop("BACKEND")
    loaders = [
        "django.template.loaders.filesystem.Loader",
        "django.template.loaders.app_directories.Loader",
    ]
    if former:
        found = {name: path.read_text() for name, path in FORMER.items()}
        loaders.insert(0, ("django.template.loaders.locmem.Loader", found))
    conf["OPTIONS"] = {
        **conf["OPTIONS"],
        "loaders": [("django.template.loaders.cached.Loader", loaders)],
    }
    return DjangoTemplates(conf)


def main() -> None:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore
    from django.middleware.csrf import get_token
    from django.test import RequestFactory

    import yogaflow.core.templatetags.panels as panels_tag
    from achievements.selectors import badges_for
    from poses import selectors
    from poses.models import Pose

    engines = {"former": engine(former=True), "now": engine(former=False)}
    user = get_user_model().objects.get(email__startswith="bench0@")
    request = RequestFactory().get("/poses/")
    request.user, request.session = user, SessionStore()
    request._messages = FallbackStorage(request)
    get_token(request)
    slug = Pose.objects.filter(is_published=True).order_by("pk").first().slug
    poses = {
        "former": selectors.pose_for_view(user=user, slug=slug),
        "now": selectors.pose_for_view(user=user, slug=slug, page=True),
    }
    badges = badges_for(user)
    earned = [badge for badge in badges if badge["earned"]]
    locked = [badge for badge in badges if not badge["earned"]]
    contexts = {
        "pose detail": (
            "poses/pose_detail.html",
            lambda side: {"pose": poses[side], "rating": None},
        ),
        "badges": (
            "achievements/badges.html",
            lambda side: {"earned": earned, "locked": locked, "total": len(badges)},
        ),
    }
    for label, (name, context) in contexts.items():
        templates = {side: engines[side].get_template(name) for side in engines}
        times, html = {side: [] for side in engines}, {}
        for _ in range(ROUNDS):
            for side, template in templates.items():
                # The panels tag finds its templates through the engine being measured.
                panels_tag.get_template = engines[side].get_template
                values = context(side)
                start = time.process_time()
                html[side] = template.render(values, request)
                times[side].append((time.process_time() - start) * 1000)
        same = len({pages.CSRF.sub(r"\1CSRF", text) for text in html.values()}) == 1
        figures = " | ".join(
            f"{side}: lowest {min(t):.2f}, median {statistics.median(t):.2f}"
            for side, t in times.items()
        )
        print(f"{label:12} same HTML: {same}; render CPU ms {figures}", flush=True)


if __name__ == "__main__":
    main()
