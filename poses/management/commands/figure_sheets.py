"""Review sheets for the pose figures: one PNG per slug and contact sheets of twenty.

    manage.py figure_sheets /path/outside/the/repo [--slug warrior-i ...]

Renders every figure of poses/content/figures.json with Debian's Chromium (Playwright's
sync API; browsers are never downloaded) so a teacher can look at the shapes: <slug>.png
about 400 px wide, and sheet-NN.png with names, each figure also shown at card size (96 px)
beside its large version and mirrored to the left side.
"""

import json
from html import escape
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from poses.figures import render_svg, validate_figure
from yogaflow.core import chromium

CONTENT = Path(settings.BASE_DIR) / "poses" / "content"
PER_SHEET = 20
PAGE_STYLE = """
body { margin: 0; padding: 16px; background: #fff; font: 14px system-ui, sans-serif; }
.grid { display: grid; grid-template-columns: repeat(4, 330px); gap: 14px; }
.cell { border: 1px solid #e4ded3; border-radius: 8px; padding: 6px; }
.cell p { margin: 4px 0 0; color: #24231f; }
.cell small { color: #5c5850; }
.row { display: flex; gap: 6px; align-items: end; }
.one { width: 400px; height: 300px; display: block; }
"""


def _names() -> dict[str, str]:
    names = {}
    for file in ("poses.json", "poses_new.json"):
        path = CONTENT / file
        if path.exists():
            names |= {row["slug"]: row["name_en"] for row in json.loads(path.read_text("utf-8"))}
    return names


def _img(svg: str, width: int) -> str:
    height = width * 3 // 4
    return svg.replace('width="240" height="180"', f'width="{width}" height="{height}"', 1)


class Command(BaseCommand):
    help = "Render every pose figure to PNG (one per slug and contact sheets) for review."

    def add_arguments(self, parser):
        parser.add_argument("out_dir", help="Directory for the PNG files (outside the repository).")
        parser.add_argument("--slug", action="append", help="Only these slugs (repeatable).")

    def handle(self, *args, out_dir, slug, **options):
        from playwright.sync_api import sync_playwright

        figures = json.loads((CONTENT / "figures.json").read_text("utf-8"))
        if slug:
            missing = sorted(set(slug) - set(figures))
            if missing:
                raise CommandError(f"No figure for: {', '.join(missing)}")
            figures = {s: figures[s] for s in slug}
        for figure in figures.values():
            validate_figure(figure)
        names = _names()
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        slugs = list(figures)
        with sync_playwright() as playwright:
            browser = chromium.launch(playwright)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            for name in slugs:
                title = names.get(name, name)
                svg = _img(render_svg(figures[name], title=title), 400)
                page.set_content(f"<style>body{{margin:0}}</style><div class=one>{svg}</div>")
                page.locator("svg").screenshot(path=str(out / f"{name}.png"))
            for number, start in enumerate(range(0, len(slugs), PER_SHEET), start=1):
                cells = []
                for name in slugs[start : start + PER_SHEET]:
                    title = names.get(name, name)
                    figure = figures[name]
                    cells.append(
                        "<div class=cell><div class=row>"
                        f"{_img(render_svg(figure, title=title), 220)}"
                        f"<div>{_img(render_svg(figure, side='left', title=title), 96)}<br>"
                        f"{_img(render_svg(figure, title=title), 96)}</div></div>"
                        f"<p>{escape(title)} <small>{escape(name)}</small></p></div>"
                    )
                page.set_content(
                    f"<style>{PAGE_STYLE}</style><div class=grid>{''.join(cells)}</div>"
                )
                page.screenshot(path=str(out / f"sheet-{number:02d}.png"), full_page=True)
            browser.close()
        self.stdout.write(f"Wrote {len(slugs)} figures and sheets to {out}")
