"""One SVG for one figure: server side, deterministic, the same elements in the same order.

Every figure draws, in this order: title, background, floor line, mat, a group of props
(empty when there are none), then one group of eighteen body elements: four limb slots
behind the torso, torso, neck, head, hair knot, four limb slots in front of it, each over
a rim of background colour (see _body), and the marks over their own rim (two paths,
empty when there are none). The figure's "front" decides which layer each limb is drawn
in. So a player can morph frames element by element, and `side="left"` reflects every x
coordinate of `side="right"` about the middle of the frame. Coordinates are written in tenths, which
keeps the mirror exact and the file small. A top view has no floor line (its path is
empty) and its mat is the rectangle it lies on, seen from above.
"""

import math
from xml.sax.saxutils import escape

from poses.figures.body import (
    BOLSTER_ACROSS_RADIUS,
    CHAIR_BACK_HEIGHT,
    FRONT_TORSO_RADIUS,
    HEAD_RADIUS,
    LIMB_RADIUS,
    NECK_RADIUS,
    TORSO_RADIUS,
    Body,
    pose,
)
from poses.figures.marks import mark_strokes, stroke_points

WIDTH, HEIGHT = 240, 180
FLOOR_Y = 164  # where the figure rests
MARGIN_X, MARGIN_TOP = 14, 10
MAX_SCALE = 1.6  # small shapes (seated, kneeling) grow only so far
MARGIN_TOP_VIEW = 12  # above and below a top view
MAT_LENGTH = 170  # body units
MAT_TOP = (184, 64)  # body units: the mat seen from above, length and width
MARK_WIDTH = 2.4  # body units
MARK_RIM = 1.2  # body units of background either side of a mark
KNOT_RADIUS = 4.2
HALO = 2.0  # body units of background around a near limb
HALO_START = 0.45

MIST = "#eef3ef"
FLOOR = "#e4ded3"
MAT = "#cbd8d1"
SAGE = "#3d6b58"
SAGE_FAR = "#9db7aa"
PROP_FILL = "#e4ded3"
PROP_LINE = "#a59c8e"
CHAIR_LINE = "#8a8378"

SIDES = ("right", "left")


def _tenths(value: float) -> int:
    return round(value * 10)


def _num(tenths: int) -> str:
    text = f"{tenths / 10:.1f}"
    return text[:-2] if text.endswith(".0") else text


class _Frame:
    """Body units → picture tenths, mirrored for the left side; y = 0 is drawn at `floor`."""

    def __init__(self, scale: float, shift_x: float, mirror: bool, floor: float = FLOOR_Y):
        self.scale, self.shift_x, self.mirror, self.floor = scale, shift_x, mirror, floor

    def x(self, value: float) -> str:
        tenths = _tenths(self.shift_x + self.scale * value)
        return _num(WIDTH * 10 - tenths if self.mirror else tenths)

    def y(self, value: float) -> str:
        return _num(_tenths(self.floor - self.scale * value))

    def size(self, value: float) -> str:
        return _num(_tenths(self.scale * value))

    def span(self, x0: float, x1: float) -> tuple[str, str]:
        """A rectangle's left edge and width, whichever way the picture is mirrored."""
        a, b = _tenths(self.shift_x + self.scale * x0), _tenths(self.shift_x + self.scale * x1)
        if self.mirror:
            a, b = WIDTH * 10 - b, WIDTH * 10 - a
        return _num(a), _num(b - a)


def _extent(body: Body) -> tuple[float, float, float]:
    """Left, right and top of everything drawn, in body units (the floor is 0)."""
    xs, tops = [], [0.0]
    for name, (x, y, _) in body.points.items():
        r = body.radii[name]
        xs += [x - r, x + r]
        tops.append(y + r)
    knot = _knot_centre(body)
    xs += [knot[0] - KNOT_RADIUS, knot[0] + KNOT_RADIUS]
    tops.append(knot[1] + KNOT_RADIUS)
    for prop in body.props:
        if "x0" in prop:
            xs += [prop["x0"], prop["x1"]]
            tops.append(prop["y1"] + (CHAIR_BACK_HEIGHT if prop["type"] == "chair" else 0))
        elif prop["type"] == "wall":
            xs.append(prop["x"] + 6 * prop["away"])
    for x, y in stroke_points(mark_strokes(body)):
        xs += [x - MARK_WIDTH, x + MARK_WIDTH]
        tops.append(y + MARK_WIDTH)
    return min(xs), max(xs), max(tops)


def _knot_centre(body: Body) -> tuple[float, float]:
    """The hair knot sits behind and above the head (on top in front view): it shows the facing.
    It turns with the chest and the gaze beyond it: how far the face looks across the picture
    (all the way in side view, not at all in front view) sets how far behind the top of the
    head it sits. In side view a head turned past 90° looks back over the shoulder, so the
    knot passes over the top to the front of the head."""
    hx, hy = body.xy("head")
    nx, ny = body.xy("neck")
    angle = math.atan2(hy - ny, hx - nx)
    twist = math.radians(body.twist + body.gaze)
    across = math.cos(twist) if body.view == "side" else math.sin(twist)
    angle += math.radians(50) * across
    d = HEAD_RADIUS + 0.6
    return hx + d * math.cos(angle), hy + d * math.sin(angle)


def _path(frame: _Frame, body: Body, names) -> str:
    parts = []
    for i, name in enumerate(names):
        x, y = body.xy(name)
        parts.append(f"{'M' if i == 0 else 'L'}{frame.x(x)} {frame.y(y)}")
    return "".join(parts)


def _spine(frame: _Frame, body: Body) -> str:
    """Pelvis to chest as one curve through the waist (a quadratic whose control point puts
    the waist on it): a spine bends along its length, so an arch or a rounded back reads as a
    curve, not two bars meeting at a corner."""
    (px, py), (wx, wy), (cx, cy) = body.xy("pelvis"), body.xy("waist"), body.xy("chest")
    qx, qy = 2 * wx - (px + cx) / 2, 2 * wy - (py + cy) / 2
    return f"M{frame.x(px)} {frame.y(py)}Q{frame.x(qx)} {frame.y(qy)} {frame.x(cx)} {frame.y(cy)}"


def _front_torso(frame: _Frame, body: Body) -> str:
    wx, wy = body.xy("waist")
    cx, cy = body.xy("chest")
    angle = math.atan2(cy - wy, cx - wx) - math.pi / 2
    # a chest turned about the spine shows narrower from the front (no twist: 10.5 wide)
    half = 10.5 * (0.4 + 0.6 * math.cos(math.radians(body.twist)))
    waist_r = (wx + half * math.cos(angle), wy + half * math.sin(angle))
    waist_l = (wx - half * math.cos(angle), wy - half * math.sin(angle))
    ring = [body.xy("hip_l"), waist_l, body.xy("shoulder_l"), body.xy("shoulder_r"), waist_r]
    ring.append(body.xy("hip_r"))
    return (
        "".join(
            f"{'M' if i == 0 else 'L'}{frame.x(x)} {frame.y(y)}" for i, (x, y) in enumerate(ring)
        )
        + "Z"
    )


def _props(frame: _Frame, body: Body) -> list[str]:
    out = []
    line = f'fill="{PROP_FILL}" stroke="{PROP_LINE}" stroke-width="{frame.size(1.4)}"'
    for prop in body.props:
        kind = prop["type"]
        if kind == "wall":
            edge = WIDTH * 10 if prop["away"] > 0 else 0
            a = _tenths(frame.shift_x + frame.scale * prop["x"])
            if frame.mirror:
                a, edge = WIDTH * 10 - a, WIDTH * 10 - edge
            left, right = min(a, edge), max(a, edge)
            out.append(
                f'<rect x="{_num(left)}" width="{_num(right - left)}" '
                f'height="{FLOOR_Y}" fill="{FLOOR}"/>'
            )
        elif kind == "strap":
            d = _path(frame, body, (prop["from"], prop["to"]))
            out.append(
                f'<path d="{d}" stroke="{CHAIR_LINE}" stroke-width="{frame.size(1.8)}" '
                'stroke-linecap="round"/>'
            )
        elif kind == "chair":
            out.append(_chair(frame, body, prop))
        elif kind == "bolster_across":
            cx = (prop["x0"] + prop["x1"]) / 2
            cy = (prop["y0"] + prop["y1"]) / 2
            out.append(
                f'<circle cx="{frame.x(cx)}" cy="{frame.y(cy)}" '
                f'r="{frame.size(BOLSTER_ACROSS_RADIUS - 0.7)}" {line}/>'
            )
        else:
            x, width = frame.span(prop["x0"], prop["x1"])
            height = prop["y1"] - prop["y0"]
            rx = {"bolster": height / 2, "blanket": 2.5}.get(kind, 1.5)
            out.append(
                f'<rect x="{x}" y="{frame.y(prop["y1"])}" width="{width}" '
                f'height="{frame.size(height)}" rx="{frame.size(rx)}" {line}/>'
            )
    return out


def _chair(frame: _Frame, body: Body, prop: dict) -> str:
    seat, floor = prop["y1"] - 1.5, 0.0
    top = seat + CHAIR_BACK_HEIGHT
    back = prop["back"]
    front = prop["x1"] if back == prop["x0"] else prop["x0"]
    if body.view == "front":
        a, b = prop["x0"], prop["x1"]
        a, b = (a + b) / 2 - 20, (a + b) / 2 + 20
        segments = [((a, floor), (a, top)), ((b, floor), (b, top)), ((a, seat), (b, seat))]
        segments.append(((a, top - 6), (b, top - 6)))
    else:
        segments = [((back, floor), (back, top)), ((back, seat), (front, seat))]
        segments.append(((front, seat), (front, floor)))
    d = "".join(
        f"M{frame.x(x0)} {frame.y(y0)}L{frame.x(x1)} {frame.y(y1)}"
        for (x0, y0), (x1, y1) in segments
    )
    return (
        f'<path d="{d}" fill="none" stroke="{CHAIR_LINE}" stroke-width="{frame.size(3)}" '
        'stroke-linecap="round"/>'
    )


def _limb(frame: _Frame, body: Body, names, colour: str) -> str:
    return (
        f'<path d="{_path(frame, body, names)}" stroke="{colour}" '
        f'stroke-width="{frame.size(2 * LIMB_RADIUS)}"/>'
    )


def _marks(frame: _Frame, body: Body, rim_colour: str) -> list[str]:
    """Two paths of every mark (d="" when there are none), drawn over the body: a rim of
    background colour, so a mark over the torso (a circling shoulder) still shows, then the
    mark."""
    parts = []
    for command, *points in mark_strokes(body):
        parts.append(command + " ".join(f"{frame.x(x)} {frame.y(y)}" for x, y in points))
    d = "".join(parts)
    return [
        f'<path d="{d}" stroke="{rim_colour}" '
        f'stroke-width="{frame.size(MARK_WIDTH + 2 * MARK_RIM)}"/>',
        f'<path d="{d}" stroke="{SAGE}" stroke-width="{frame.size(MARK_WIDTH)}"/>',
    ]


def _rim(frame: _Frame, body: Body, names) -> str:
    """The path of a limb's rim: it starts part-way down the first segment, so the joint
    with the torso stays joined."""
    (x0, y0), (x1, y1) = body.xy(names[0]), body.xy(names[1])
    start = (x0 + HALO_START * (x1 - x0), y0 + HALO_START * (y1 - y0))
    parts = [f"M{frame.x(start[0])} {frame.y(start[1])}"]
    for name in names[1:]:
        x, y = body.xy(name)
        parts.append(f"L{frame.x(x)} {frame.y(y)}")
    return "".join(parts)


def _body(frame: _Frame, body: Body) -> list[str]:
    """Eighteen elements in a fixed order: four limb slots behind the torso, torso, neck,
    head, knot, four limb slots in front of it, each over a rim of background colour (of
    the mat in a top view), then the marks over a rim of their own. A limb fills its slot
    in one layer and leaves the other empty (d=""). Order within a layer: far before near;
    in side view far limbs are lighter."""
    near = body.near
    far = "l" if near == "r" else "r"

    def names(limb):
        kind, s = limb.split("_")
        if kind == "arm":
            return [f"shoulder_{s}", f"elbow_{s}", f"wrist_{s}", f"hand_{s}"]
        return [f"hip_{s}", f"knee_{s}", f"ankle_{s}", f"ball_{s}", f"toe_{s}"]

    def colour(limb):
        return SAGE_FAR if body.view == "side" and limb.endswith(far) else SAGE

    width = frame.size(2 * LIMB_RADIUS)
    rim = frame.size(2 * (LIMB_RADIUS + HALO))
    rim_colour = MAT if body.view == "top" else MIST
    parts = []
    for limb in (f"arm_{far}", f"leg_{far}", f"leg_{near}", f"arm_{near}"):
        d = "" if limb in body.front else _path(frame, body, names(limb))
        parts.append(f'<path d="{d}" stroke="{colour(limb)}" stroke-width="{width}"/>')
    if body.view == "side":
        # The line across the shoulders, drawn as part of the torso: a point inside it when
        # the chest is square to the side, a yoke when the chest turns toward the picture.
        shoulders = _path(frame, body, (f"shoulder_{far}", f"shoulder_{near}"))
        parts.append(
            f'<path d="{_spine(frame, body)}{shoulders}" '
            f'stroke="{SAGE}" stroke-width="{frame.size(2 * TORSO_RADIUS)}"/>'
        )
    else:
        parts.append(
            f'<path d="{_front_torso(frame, body)}" fill="{SAGE}" stroke="{SAGE}" '
            f'stroke-width="{frame.size(2 * FRONT_TORSO_RADIUS)}"/>'
        )
    hx, hy = body.xy("head")
    kx, ky = _knot_centre(body)
    parts += [
        f'<path d="{_path(frame, body, ("chest", "neck"))}" stroke="{SAGE}" '
        f'stroke-width="{frame.size(2 * NECK_RADIUS)}"/>',
        f'<circle cx="{frame.x(hx)}" cy="{frame.y(hy)}" r="{frame.size(HEAD_RADIUS)}" '
        f'fill="{SAGE}"/>',
        f'<circle cx="{frame.x(kx)}" cy="{frame.y(ky)}" r="{frame.size(KNOT_RADIUS)}" '
        f'fill="{SAGE}"/>',
    ]
    for limb in (f"leg_{far}", f"arm_{far}", f"leg_{near}", f"arm_{near}"):
        shown = limb in body.front
        parts.append(
            f'<path d="{_rim(frame, body, names(limb)) if shown else ""}" stroke="{rim_colour}" '
            f'stroke-width="{rim}"/>'
        )
        d = _path(frame, body, names(limb)) if shown else ""
        parts.append(f'<path d="{d}" stroke="{colour(limb)}" stroke-width="{width}"/>')
    parts += _marks(frame, body, rim_colour)
    return parts


def frame_for(body: Body, mirror: bool = False) -> _Frame:
    """Scale to fill the picture (up to MAX_SCALE), centred, resting on the floor line; a top
    view is centred up and down as well."""
    left, right, top = _extent(body)
    high = HEIGHT - 2 * MARGIN_TOP_VIEW if body.view == "top" else FLOOR_Y - MARGIN_TOP
    scale = min((WIDTH - 2 * MARGIN_X) / max(right - left, 1.0), high / max(top, 1.0), MAX_SCALE)
    shift_x = WIDTH / 2 - scale * (left + right) / 2
    if body.view == "top":
        return _Frame(scale, shift_x, mirror, floor=HEIGHT / 2 + scale * top / 2)
    return _Frame(scale, shift_x, mirror)


def _ground(frame: _Frame, body: Body) -> list[str]:
    """The floor line and the mat: seen from the side a strip on the floor, from above the
    rectangle the body lies on (and no floor line)."""
    length = MAT_TOP[0] if body.view == "top" else MAT_LENGTH
    half_mat = _tenths(min(length * frame.scale, WIDTH - 8) / 2)
    mat_x, mat_w = _num(WIDTH * 5 - half_mat), _num(2 * half_mat)
    if body.view == "top":
        half_high = _tenths(min(MAT_TOP[1] * frame.scale, HEIGHT - 8) / 2)
        floor, mat_y, mat_h, rx = "", _num(HEIGHT * 5 - half_high), _num(2 * half_high), "3"
    else:
        floor, mat_y, mat_h, rx = f"M0 {FLOOR_Y + 2.5}H{WIDTH}", str(FLOOR_Y), "2.5", "1.2"
    return [
        f'<path d="{floor}" stroke="{FLOOR}" stroke-width="3"/>',
        f'<rect x="{mat_x}" y="{mat_y}" width="{mat_w}" height="{mat_h}" rx="{rx}" fill="{MAT}"/>',
    ]


def render_svg(figure: dict, *, side: str = "right", title: str) -> str:
    """The figure as a standalone SVG document (usable as <img src> or inline).

    `figure` must be valid (poses.figures.validate_figure); `title` names the picture for
    screen readers; `side="left"` is the exact mirror image of `side="right"`. Same input,
    same bytes, so the result can be cached under an ETag.
    """
    if side not in SIDES:
        raise ValueError(f'side must be "right" or "left", not {side!r}')
    body = pose(figure)
    frame = frame_for(body, mirror=side == "left")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{MIST}"/>',
        *_ground(frame, body),
        "<g>",
        *_props(frame, body),
        "</g>",
        '<g fill="none" stroke-linecap="round" stroke-linejoin="round">',
        *_body(frame, body),
        "</g></svg>",
    ]
    return "".join(parts)
