"""Full-page screenshots of every page family, and a pixel comparison of two sets.

For stylesheet work that must not change what people see: shoot before, change,
shoot after, compare. Each page is shot at 1280 px and 390 px wide, signed out
and signed in, and the computed style of every element (and of its ::before and
::after) is saved beside the picture, so a change the pixels hide (a cursor, a
transition, the content of a closed <details>) still shows.

    .venv/bin/python bench/screenshots.py prepare     # a throwaway SQLite file with data
    .venv/bin/python bench/screenshots.py shoot /tmp/shots/before
    ... change the stylesheets ...
    .venv/bin/python bench/screenshots.py shoot /tmp/shots/after
    .venv/bin/python bench/screenshots.py compare /tmp/shots/before /tmp/shots/after

`shoot` serves the app itself on 127.0.0.1: runserver with DEBUG on, and a second
one with DEBUG off for the 404 page (with DEBUG on Django shows its own), both on
one SECRET_KEY so one login serves both. Debian's Chromium, never `playwright
install`. `compare` exits 1 when anything differs. Environment: SHOTS_DB
(/tmp/screenshots.sqlite3), SHOTS_PORT (8765; the second server takes the next).
"""

import argparse
import gzip
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from yogaflow.core import chromium  # noqa: E402  (the project, from its root)

PY = str(ROOT / ".venv" / "bin" / "python")
DB = os.environ.get("SHOTS_DB", "/tmp/screenshots.sqlite3")
PORT = int(os.environ.get("SHOTS_PORT", "8765"))
WIDTHS = {"desktop": (1280, 800), "phone": (390, 844)}
EMAIL = "asha@example.com"
PASSWORD = "Calm-Breath-2024!"

# (name, path or a discovery key in braces, who: "both" or "in" for login-only pages)
PAGES = [
    ("home", "/", "both"),
    ("pose-library", "/poses/", "both"),
    ("pose-library-empty", "/poses/?q=zzzz", "both"),
    ("pose-detail", "/poses/camel/", "both"),
    ("sequence-catalog", "/sequences/", "both"),
    ("sequence-detail", "/sequences/sun-salutation-a/", "both"),
    ("sequence-detail-own-private", "{private_sequence}", "in"),
    ("favorites", "/sequences/favorites/", "in"),
    ("my-sequences", "/sequences/mine/", "in"),
    ("builder-create", "/sequences/new/", "in"),
    ("builder-edit", "{private_sequence_edit}", "in"),
    ("today-preview", "/sequences/today/?minutes=20&level=beginner&style=gentle&seed=7", "both"),
    ("player", "/practice/play/sun-salutation-a/", "in"),
    ("practice-summary", "{session_summary}", "in"),
    ("history", "/practice/sessions/", "in"),
    ("session-detail", "{session}", "in"),
    ("manual-log", "/practice/sessions/new/", "in"),
    ("stats", "/practice/stats/", "in"),
    ("badges", "/badges/", "in"),
    ("profile", "/accounts/profile/", "in"),
    ("password-change", "/accounts/password/change/", "in"),
    ("account-delete", "/accounts/data/delete/", "in"),
    ("sequence-copy", "/sequences/sun-salutation-a/duplicate/", "in"),
    ("sequence-delete", "{private_sequence}delete/", "in"),
    ("session-delete", "{session}delete/", "in"),
    ("login", "/accounts/login/", "out"),
    ("signup", "/accounts/signup/", "out"),
    ("signup-errors", "/accounts/signup/#submit", "out"),
    ("password-reset", "/accounts/password/reset/", "both"),
    ("password-reset-sent", "/accounts/password/reset/sent/", "out"),
    ("not-found", "{error_base}/no-such-page/", "both"),
]

# The manual log starts at the current date and time: pin them, so two runs match.
SETTLE_JS = """async () => {
  for (const input of document.querySelectorAll('input[type="date"], input[type="time"]')) {
    if (input.value) input.value = input.type === "date" ? "2024-05-04" : "07:30";
  }
  await document.fonts.ready;
}"""
TRANSITIONS_MS = 1000  # the longest transition in the stylesheets is 600 ms

# Every computed property of every element, in document order; ::before/::after
# only where they are rendered.
STYLES_JS = """() => {
  const out = [];
  const names = Array.from(getComputedStyle(document.body)).sort();
  const path = (el) => {
    const parts = [];
    for (; el && el.nodeType === 1; el = el.parentElement) {
      const index = el.parentElement ? Array.from(el.parentElement.children).indexOf(el) : 0;
      parts.unshift(el.localName + (el.classList.length ? "." + [...el.classList].join(".") : "")
        + ":" + index);
    }
    return parts.join(">");
  };
  const values = (style) => names.map((name) => style.getPropertyValue(name));
  for (const el of document.querySelectorAll("*")) {
    const key = path(el);
    out.push([key, values(getComputedStyle(el))]);
    for (const pseudo of ["::before", "::after"]) {
      const style = getComputedStyle(el, pseudo);
      if (style.content && style.content !== "none" && style.content !== "normal") {
        out.push([key + pseudo, values(style)]);
      }
    }
  }
  return {names, elements: out};
}"""


def seed() -> None:
    """A member with favorites, own sequences (one private), ratings and a few weeks of practice."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yogaflow.settings")
    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.utils import timezone

    from accounts.models import User
    from accounts.services import register_user
    from poses.models import Pose
    from poses.services import rate_pose
    from practice.services import record_practice
    from sequences.models import Sequence
    from sequences.services import save_sequence, set_favorite

    user = register_user(
        email=EMAIL, password=PASSWORD, display_name="Asha", timezone="America/Los_Angeles"
    )
    User.objects.filter(pk=user.pk).update(avoid=["no_inversions"])
    for slug in ("sun-salutation-a", "bedtime-yin", "core-power"):
        set_favorite(user=user, sequence=Sequence.objects.get(slug=slug), favorite=True)
    poses = list(Pose.objects.order_by("slug")[:6])
    save_sequence(
        author=user,
        title="Evening wind-down",
        description="Slow hips and a long rest.",
        difficulty="beginner",
        focus="relaxation",
        style="gentle",
        visibility="public",
        poses=[{"pose": pose.pk} for pose in poses[:4]],
    )
    save_sequence(
        author=user,
        title="My morning",
        description="Wake the spine.",
        difficulty="intermediate",
        focus="flexibility",
        style="vinyasa",
        visibility="private",
        poses=[{"pose": pose.pk, "cue": "breathe"} for pose in poses[2:6]],
    )
    # "Updated … ago" on My sequences: far enough back to read the same all day.
    Sequence.objects.filter(author=user).update(updated_at=timezone.now() - timedelta(days=40))
    rate_pose(user=user, pose=poses[0], rating="up")
    rate_pose(user=user, pose=poses[1], rating="down")
    now = timezone.now()
    library = list(Sequence.objects.filter(author=None).order_by("slug")[:5])
    for index, days in enumerate((0, 1, 2, 4, 7, 9, 15, 22, 30, 45, 60, 90)):
        start = now - timedelta(days=days, hours=3)
        minutes = 10 + (index * 7) % 40
        record_practice(
            user=user,
            started_at=start,
            ended_at=start + timedelta(minutes=minutes),
            duration_seconds=minutes * 60,
            sequence=library[index % len(library)],
            completed=True,
            poses_completed=5,
            mood_before=2,
            mood_after=4,
            energy_before=2,
            energy_after=3,
            notes="Felt steady." if index % 2 else "",
        )
    start = now - timedelta(days=3, hours=5)
    record_practice(
        user=user,
        started_at=start,
        ended_at=start + timedelta(minutes=30),
        duration_seconds=1800,
        source="manual",
        style="yin",
        title="Studio class",
        notes="With a friend.",
    )
    print(f"seeded {EMAIL}")


def _env(**extra) -> dict:
    env = dict(os.environ)
    env.update({"DATABASE_URL": f"sqlite:///{DB}", "DEBUG": "true", "LOG_LEVEL": "WARNING"})
    env.update(extra)
    return env


def _manage(env: dict, *args: str) -> None:
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare() -> None:
    """A fresh SQLite file: the schema, the library and the member the shots show."""
    Path(DB).unlink(missing_ok=True)
    env = _env()
    _manage(env, "migrate", "--noinput", "-v", "0")
    _manage(env, "load_library", "-v", "0")
    subprocess.run([PY, __file__, "seed"], cwd=ROOT, env=env, check=True)


@contextmanager
def servers(static_root: str):
    """The app on PORT (DEBUG on) and PORT + 1 (DEBUG off, for the 404 page), then stopped."""
    keys = {"SECRET_KEY": secrets.token_urlsafe(50), "JWT_SIGNING_KEY": secrets.token_urlsafe(50)}
    plain = _env(**keys)
    production = _env(
        **keys,
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        STATICFILES_BACKEND="django.contrib.staticfiles.storage.StaticFilesStorage",
        STATIC_ROOT=static_root,
    )
    _manage(production, "collectstatic", "--noinput", "-v", "0")
    processes = [
        subprocess.Popen(
            [PY, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port, env in ((PORT, plain), (PORT + 1, production))
    ]
    try:
        for port in (PORT, PORT + 1):
            _wait_for(f"http://127.0.0.1:{port}/healthz")
        yield f"http://127.0.0.1:{PORT}", f"http://127.0.0.1:{PORT + 1}"
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)


def _wait_for(url: str, seconds: int = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5)  # noqa: S310 (loopback)
            return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"{url} did not answer within {seconds} s")


def _discover(page, base: str, error_base: str) -> dict:
    """Addresses that depend on the data: the member's private sequence and latest session."""
    page.goto(base + "/sequences/mine/")
    private = page.locator(".builder-card", has=page.locator(".builder-badge--private"))
    edit = private.locator(".builder-card__title a").get_attribute("href")
    page.goto(base + "/practice/sessions/")
    session = page.locator(".session-row a").first.get_attribute("href")
    return {
        "private_sequence": edit.removesuffix("edit/"),
        "private_sequence_edit": edit,
        "session": session,
        "session_summary": session + "summary/",
        "error_base": error_base,
    }


def _log_in(page, base: str) -> None:
    page.goto(base + "/accounts/login/")
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("button", name="Log out").wait_for()


def _shoot_page(page, url: str, out: Path, stem: str) -> None:
    submit = url.endswith("#submit")
    page.goto(url.removesuffix("#submit"), wait_until="networkidle")
    if submit:
        page.locator("main form button[type=submit]").last.click()
        page.wait_for_load_state("networkidle")
    page.evaluate(SETTLE_JS)
    page.screenshot(path=str(out / f"{stem}.png"), full_page=True, animations="disabled")
    # Closed <details> leave their content's style uncomputed (and so unsteady): open them,
    # let the transitions end, then read every element.
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    page.wait_for_timeout(TRANSITIONS_MS)
    styles = page.evaluate(STYLES_JS)
    (out / f"{stem}.styles.json.gz").write_bytes(gzip.compress(json.dumps(styles).encode()))


def shoot(out: Path) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with (
        tempfile.TemporaryDirectory() as static_root,
        servers(static_root) as (base, error_base),
        sync_playwright() as playwright,
    ):
        browser = chromium.launch(playwright)
        for who in ("out", "in"):
            for width_name, (width, height) in WIDTHS.items():
                context = browser.new_context(
                    viewport={"width": width, "height": height}, device_scale_factor=1
                )
                page = context.new_page()
                found = {"error_base": error_base}
                if who == "in":
                    _log_in(page, base)
                    found = _discover(page, base, error_base)
                for name, path, wanted in PAGES:
                    if wanted not in ("both", who):
                        continue
                    url = path.format(**found)
                    if not url.startswith("http"):
                        url = base + url
                    stem = f"{name}--{width_name}--signed-{who}"
                    _shoot_page(page, url, out, stem)
                    print(stem, flush=True)
                context.close()
        browser.close()


def _style_differences(before: Path, after: Path) -> list[str]:
    """Every computed value that changed in the page's body. A custom property on one side
    only is a token added or removed, not a difference: the values that use it are compared."""
    old, new = (json.loads(gzip.decompress(path.read_bytes())) for path in (before, after))
    for styles in (old, new):  # the <head> (which stylesheets, scripts) is not on screen
        styles["elements"] = [item for item in styles["elements"] if ">head:" not in item[0]]
    one_side = set(old["names"]) ^ set(new["names"])
    lines = [f"property {name} is computed on one side only" for name in sorted(one_side)]
    lines = [line for line in lines if not line.startswith("property --")]
    if [key for key, _ in old["elements"]] != [key for key, _ in new["elements"]]:
        return [*lines, "the elements (or rendered ::before/::after) differ"]
    shared = [name for name in old["names"] if name not in one_side]
    old_at = {name: index for index, name in enumerate(old["names"])}
    new_at = {name: index for index, name in enumerate(new["names"])}
    for (key, old_values), (_, new_values) in zip(old["elements"], new["elements"], strict=True):
        for name in shared:
            was, now = old_values[old_at[name]], new_values[new_at[name]]
            if was != now:
                lines.append(f"{key} {name}: {was!r} -> {now!r}")
    return lines


def compare(before: Path, after: Path, diffs: Path | None) -> int:
    from PIL import Image, ImageChops

    shots = sorted(path.name for path in before.glob("*.png"))
    missing = sorted({path.name for path in after.glob("*.png")} ^ set(shots))
    differing = 0
    for name in shots:
        if name in missing:
            continue
        old = Image.open(before / name).convert("RGB")
        new = Image.open(after / name).convert("RGB")
        notes = []
        if old.size != new.size:
            notes.append(f"size {old.size} -> {new.size}")
        else:
            difference = ImageChops.difference(old, new)
            box = difference.getbbox()
            if box:
                marked = difference.point(lambda value: 255 if value else 0).convert("L")
                notes.append(f"{sum(marked.histogram()[1:])} pixels differ in {box}")
                if diffs:
                    diffs.mkdir(parents=True, exist_ok=True)
                    marked.save(diffs / name)
        stem = name.removesuffix(".png")
        styles = before / f"{stem}.styles.json.gz"
        if styles.exists() and (after / styles.name).exists():
            style_lines = _style_differences(styles, after / styles.name)
            if style_lines:
                notes.append(f"{len(style_lines)} computed values differ")
                notes.extend("    " + line for line in style_lines[:20])
        if notes:
            differing += 1
            print(f"DIFFERENT {stem}")
            for note in notes:
                print(f"  {note}")
    print(
        f"{len(shots)} shots compared: {len(shots) - differing - len(missing)} identical, "
        f"{differing} different, {len(missing)} only on one side {missing or ''}"
    )
    return 1 if differing or missing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("prepare", help="a fresh database with the data the shots show")
    commands.add_parser("seed", help="(run by prepare) the member and their data")
    shoot_args = commands.add_parser("shoot", help="take every shot into a folder")
    shoot_args.add_argument("out", type=Path)
    compare_args = commands.add_parser("compare", help="compare two folders of shots")
    compare_args.add_argument("before", type=Path)
    compare_args.add_argument("after", type=Path)
    compare_args.add_argument("--diffs", type=Path, help="write difference images here")
    args = parser.parse_args()
    if args.command == "prepare":
        prepare()
        return 0
    if args.command == "seed":
        seed()
        return 0
    if args.command == "shoot":
        shoot(args.out)
        return 0
    return compare(args.before, args.after, args.diffs)


if __name__ == "__main__":
    sys.exit(main())
