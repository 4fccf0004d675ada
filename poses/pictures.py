"""What a pose looks like on a page: its figure, drawn by poses.figures at a versioned URL,
and the figure moving from one pose into the next (a transition, for the guided player).

A figure's URL carries a version: a digest of the figure, the name it is titled with and the
renderer's own code. A staff edit, a renamed pose or a changed renderer gives a new address,
so browsers may keep each address for a year and still never show a stale picture. Plain
functions of plain values (a slug, a figure, a name), so cards that are not Pose rows (the
generator's PoseCard) draw the same picture at the same address.
"""

import hashlib
import json
import math
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from django.core.exceptions import ValidationError
from django.urls import get_script_prefix, reverse

from poses.figures import interpolate, render_svg, validate_figure

SIDES = ("right", "left")
FIGURE_ROUTES = {"right": "poses:figure", "left": "poses:figure_left"}
TRANSITION_ROUTE = "poses:transition"
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


# --- the figure moving from one pose into the next ------------------------------------------
#
# A transition is one SVG document: keyframes drawn by the one renderer (`interpolate` then
# `render_svg`), merged element by element into the first frame with SMIL
# `<animate values="…">`, so the browser plays them at its own frame rate, inside the
# picture. Why SMIL and not frames swapped by the player's script: one request and one
# cached file per pair of poses; no script loop beside the practice's timer (the timer's
# code never waits for a picture, and a picture that fails changes nothing); it runs in an
# <img> under the SVG's strict Content-Security-Policy (SMIL is not script); and the player
# keeps reduced motion in its own hands by simply never showing a transition.
#
# Joint angles only mean the same thing within one view (side view: flexion; front view:
# abduction), so two figures drawn in the same view move joint by joint; across views the
# second picture fades in over the first.

TRANSITION_SECONDS = 1.0
# Keyframes after the first (even, so the middle, where a side changes, is one of them).
TRANSITION_FRAMES = 12
# A change of side (a mirror image) happens in the middle, within a millisecond.
SIDE_CHANGE = 0.001
_SVG_NS = "http://www.w3.org/2000/svg"
# The renderer's code and this file's: a change to how transitions are made changes them all.
_TRANSITION_SOURCE = hashlib.sha256(
    RENDERER_DIGEST.encode() + Path(__file__).read_bytes()
).hexdigest()


def transition_title(name_from: str, name_to: str) -> str:
    return f"Moving from {name_from} into {name_to}"


def transition_version(version_from: str, version_to: str) -> str:
    """The digest of both figures' versions and of the code that animates them."""
    text = f"{_TRANSITION_SOURCE}\n{version_from}\n{version_to}"
    return hashlib.sha256(text.encode()).hexdigest()[:VERSION_LENGTH]


def transition_url(
    slug_from: str, slug_to: str, *, sides: tuple[str, str] = ("right", "right"), version=""
) -> str:
    """The transition's address, /poses/<from>/to/<to>/<side>-<side>.svg with ?v= (cached
    for a year at its current version, like a figure)."""
    if any(side not in SIDES for side in sides):
        raise ValueError(f'sides must be "right" or "left", not {sides!r}')
    kwargs = {"slug": slug_from, "to": slug_to, "side_from": sides[0], "side_to": sides[1]}
    url = reverse(TRANSITION_ROUTE, kwargs=kwargs)
    return f"{url}?v={version}" if version else url


def transition_svg(
    figure_from: dict,
    figure_to: dict,
    *,
    names: tuple[str, str],
    sides: tuple[str, str] = ("right", "right"),
) -> str:
    """An SVG that moves from the first figure into the second over TRANSITION_SECONDS and
    rests there; deterministic, so it can be cached under an ETag."""
    if any(side not in SIDES for side in sides):
        raise ValueError(f'sides must be "right" or "left", not {sides!r}')
    return _transition(
        canonical_json(figure_from), canonical_json(figure_to), transition_title(*names), sides
    )


def _eased(u: float) -> float:
    """A body sets off gently and settles gently: ease in and out."""
    return (1 - math.cos(math.pi * u)) / 2


@lru_cache(maxsize=256)
def _transition(text_from: str, text_to: str, title: str, sides: tuple[str, str]) -> str:
    figure_from, figure_to = json.loads(text_from), json.loads(text_to)
    if figure_from["view"] != figure_to["view"]:
        return _crossfade(figure_from, figure_to, title, sides)
    times, frames = [], []
    for i in range(TRANSITION_FRAMES + 1):
        u = i / TRANSITION_FRAMES
        figure = interpolate(figure_from, figure_to, _eased(u))
        if u == 0.5 and sides[0] != sides[1]:
            times.append(u)
            frames.append(_drawn(figure, sides[0], title))
            u += SIDE_CHANGE
        side = sides[0] if u < 0.5 else sides[1]
        times.append(u)
        frames.append(_drawn(figure, side, title))
    return _write(_merge(frames, times))


def _crossfade(figure_from: dict, figure_to: dict, title: str, sides: tuple[str, str]) -> str:
    """Two views do not share joint angles: the second picture fades in over the first."""
    first = _drawn(figure_from, sides[0], title)
    last = _drawn(figure_to, sides[1], title)
    root = _copy(first, children=[])
    root.append(first[0])
    under, over = ET.Element(f"{{{_SVG_NS}}}g"), ET.Element(f"{{{_SVG_NS}}}g")
    under.extend(first[1:])
    over.extend(last[1:])
    over.set("opacity", "0")
    over.append(
        _animate(
            "opacity",
            ["0", "1"],
            [0, 1],
            calcMode="spline",
            keySplines="0.42 0 0.58 1",
        )
    )
    root.extend([under, over])
    return _write(root)


def _drawn(figure: dict, side: str, title: str) -> ET.Element:
    """One keyframe as an element tree: the renderer's own output, never outside input."""
    return ET.fromstring(render_svg(figure, side=side, title=title))  # noqa: S314


def _copy(element: ET.Element, children=None) -> ET.Element:
    copied = ET.Element(element.tag, dict(element.attrib))
    copied.text = element.text
    if children is not None:
        copied.extend(children)
    return copied


def _animate(name: str, values: list[str], times: list[float], **extra) -> ET.Element:
    """A SMIL animation of one attribute through `values` at `times` (0..1 of the duration),
    holding the last value when done."""
    return ET.Element(
        f"{{{_SVG_NS}}}animate",
        {
            "attributeName": name,
            "dur": f"{TRANSITION_SECONDS:g}s",
            "fill": "freeze",
            "keyTimes": ";".join(f"{time:.4f}".rstrip("0").rstrip(".") for time in times),
            "values": ";".join(values),
            **extra,
        },
    )


def _shape(element: ET.Element) -> tuple:
    return tuple((child.tag, tuple(child.attrib)) for child in element)


def _merge(frames: list[ET.Element], times: list[float]) -> ET.Element:
    """The first frame, each attribute that changes animated through every frame's value.
    Where the frames' children differ in shape (a prop that only one pose has), each run of
    frames of one shape becomes a group shown only during its run."""
    first = frames[0]
    merged = _copy(first)
    for name in first.attrib:
        values = [frame.get(name, "") for frame in frames]
        if len(set(values)) > 1:
            merged.append(_animate(name, values, times))
    shapes = [_shape(frame) for frame in frames]
    if len(set(shapes)) == 1:
        for index in range(len(first)):
            merged.append(_merge([frame[index] for frame in frames], times))
        return merged
    runs = []  # (first frame, last frame) of each stretch of one shape
    for i, shape in enumerate(shapes):
        if runs and shapes[runs[-1][0]] == shape and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    for start, end in runs:
        # Outside its run a group is hidden, and holds its nearest frame.
        held = [frames[min(max(i, start), end)] for i in range(len(frames))]
        group = ET.Element(f"{{{_SVG_NS}}}g")
        visible = ["visible" if start <= i <= end else "hidden" for i in range(len(frames))]
        group.set("visibility", visible[0])
        group.append(_animate("visibility", visible, times, calcMode="discrete"))
        for index in range(len(frames[start])):
            group.append(_merge([frame[index] for frame in held], times))
        merged.append(group)
    return merged


def _write(element: ET.Element) -> str:
    """SVG text with the default namespace on the root only (as the renderer writes it)."""
    tag = element.tag.removeprefix(f"{{{_SVG_NS}}}")
    attributes = "".join(f" {name}={quoteattr(value)}" for name, value in element.attrib.items())
    if tag == "svg":
        attributes = f' xmlns="{_SVG_NS}"{attributes}'
    inner = escape(element.text or "") + "".join(_write(child) for child in element)
    return f"<{tag}{attributes}>{inner}</{tag}>" if inner else f"<{tag}{attributes}/>"
