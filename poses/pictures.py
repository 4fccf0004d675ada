"""What a pose looks like on a page: its figure, drawn by poses.figures at a versioned URL.

A figure's URL carries a version: a digest of the figure, the name it is titled with and the
renderer's own code. A staff edit, a renamed pose or a changed renderer gives a new address,
so browsers may keep each address for a year and still never show a stale picture. Plain
functions of plain values (a slug, a figure, a name), so cards that are not Pose rows (the
generator's PoseCard) draw the same picture at the same address.
"""

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.urls import get_script_prefix, reverse

from poses.figures import render_svg, validate_figure

SIDES = ("right", "left")
FIGURE_ROUTES = {"right": "poses:figure", "left": "poses:figure_left"}
VERSION_LENGTH = 16


def _renderer_digest() -> str:
    """The renderer's source: a change to how figures are drawn changes every version."""
    package = Path(__file__).resolve().parent / "figures"
    digest = hashlib.sha256()
    for path in sorted(package.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


RENDERER_DIGEST = _renderer_digest()


def canonical_json(value) -> str:
    """One text per value whatever the key order (a database may reorder a JSON object)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def figure_title(name: str, side: str = "right") -> str:
    """What the picture is called: the pose's name, and which side when it is the left."""
    return name if side == "right" else f"{name}, left side"


def figure_version(figure: dict, name: str) -> str:
    """The digest of everything the figure's SVG is made from (both sides share it)."""
    text = f"{RENDERER_DIGEST}\n{name}\n{canonical_json(figure)}"
    return hashlib.sha256(text.encode()).hexdigest()[:VERSION_LENGTH]


_SLUG_MARK = "slug-mark"


@lru_cache(maxsize=16)
def _route(side: str, prefix: str) -> tuple[str, str]:
    """The figure route around its slug, reversed once per side and script prefix (a page of
    a hundred figures would otherwise reverse a hundred times)."""
    url = reverse(FIGURE_ROUTES[side], kwargs={"slug": _SLUG_MARK})
    before, _, after = url.partition(_SLUG_MARK)
    return before, after


def figure_url(slug: str, *, side: str = "right", version: str = "") -> str:
    """The figure's address: /poses/<slug>/figure.svg (right) or figure-left.svg, with ?v=.

    Without a version the address still answers (with a short cache life and an ETag);
    with the current version it may be cached for a year.
    """
    if side not in SIDES:
        raise ValueError(f'side must be "right" or "left", not {side!r}')
    if not slug:
        raise ValueError("a figure's address needs the pose's slug")
    before, after = _route(side, get_script_prefix())
    url = f"{before}{slug}{after}"
    return f"{url}?v={version}" if version else url


@lru_cache(maxsize=1024)
def _render(figure_text: str, side: str, title: str) -> str:
    return render_svg(json.loads(figure_text), side=side, title=title)


def figure_svg(figure: dict, *, name: str, side: str = "right") -> str:
    """The figure as an SVG document, drawn by the one renderer (kept for pages that repeat it)."""
    if side not in SIDES:
        raise ValueError(f'side must be "right" or "left", not {side!r}')
    return _render(canonical_json(figure), side, figure_title(name, side))


def preview_figure(text: str, *, name: str) -> dict[str, str]:
    """Both sides of a figure typed as JSON, as SVG ({"right": …, "left": …}), for the admin's
    live preview. ValidationError with a message an editor can act on if it is not a figure."""
    try:
        figure = json.loads(text)
    except ValueError as error:
        raise ValidationError(
            f"Not valid JSON yet: {error.msg} (line {error.lineno}, column {error.colno}).",
            code="invalid_json",
        ) from error
    validate_figure(figure)
    return {side: figure_svg(figure, name=name, side=side) for side in SIDES}
