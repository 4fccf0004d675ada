"""Marks: small cues drawn over a figure where its shape alone cannot say what moves.

Each mark becomes strokes in body units (placed points, y up), as path commands:
("M", p), ("L", p), ("C", c1, c2, p) or ("Z",). Curves are cubic, never arcs, so a
mirrored drawing only reflects x. Sizes are fixed, so the same mark reads the same on
every figure.
"""

import math

from poses.figures.body import HEAD_RADIUS, Body

MARK_TYPES = ("circle", "square", "breath")
CIRCLE_RADIUS = 10.0
CIRCLE_START, CIRCLE_SWEEP = 100.0, -280.0  # degrees: from above the point, clockwise
SQUARE_SIDE = 24.0
ARROW_LENGTH, ARROW_HALF = 5.0, 4.0
BREATH_GAP = 2.5  # from the face to the first stroke
BREATH_LENGTH = 6.0
BREATH_FAN = 22.0  # degrees between strokes


def _at(centre, radius: float, degrees: float):
    a = math.radians(degrees)
    return centre[0] + radius * math.cos(a), centre[1] + radius * math.sin(a)


def _arrow(tip, direction_deg: float) -> list[tuple]:
    """An open arrowhead at `tip` pointing along `direction_deg`."""
    back = direction_deg + 180
    return [
        ("M", _at(_at(tip, ARROW_LENGTH, back), ARROW_HALF, back + 90)),
        ("L", tip),
        ("L", _at(_at(tip, ARROW_LENGTH, back), ARROW_HALF, back - 90)),
    ]


def _circle(centre) -> list[tuple]:
    """Most of a circle around `centre` in four cubic arcs, ending in an arrowhead."""
    pieces = 4
    step = CIRCLE_SWEEP / pieces
    handle = 4 / 3 * math.tan(math.radians(abs(step)) / 4) * CIRCLE_RADIUS
    turn = -90 if step < 0 else 90  # the tangent, the way the arc runs
    out = [("M", _at(centre, CIRCLE_RADIUS, CIRCLE_START))]
    for i in range(pieces):
        a, b = CIRCLE_START + i * step, CIRCLE_START + (i + 1) * step
        start, end = _at(centre, CIRCLE_RADIUS, a), _at(centre, CIRCLE_RADIUS, b)
        out.append(("C", _at(start, handle, a + turn), _at(end, handle, b - turn), end))
    end_angle = CIRCLE_START + CIRCLE_SWEEP
    return out + _arrow(_at(centre, CIRCLE_RADIUS, end_angle), end_angle + turn)


def _square(corner) -> list[tuple]:
    """A square from `corner` forward and up, traced up first (an arrow on the top side)."""
    x, y = corner
    s = SQUARE_SIDE
    out = [("M", (x, y)), ("L", (x, y + s)), ("L", (x + s, y + s)), ("L", (x + s, y)), ("Z",)]
    return out + _arrow((x + s * 0.6, y + s), 0)


def _breath(body: Body, target) -> list[tuple]:
    """Three short strokes fanning from the face toward `target`."""
    hx, hy = body.xy("head")
    direction = math.degrees(math.atan2(target[1] - hy, target[0] - hx))
    near = HEAD_RADIUS + BREATH_GAP
    out = []
    for offset in (-BREATH_FAN, 0, BREATH_FAN):
        a = direction + offset
        out += [
            ("M", _at((hx, hy), near, a)),
            ("L", _at((hx, hy), near + BREATH_LENGTH, a)),
        ]
    return out


def mark_strokes(body: Body) -> list[tuple]:
    """Every mark of the figure as path commands in body units, in the figure's order."""
    out = []
    for mark in body.marks:
        point = body.xy(mark["at"])
        if mark["type"] == "circle":
            out += _circle(point)
        elif mark["type"] == "square":
            out += _square(point)
        else:
            out += _breath(body, point)
    return out


def stroke_points(strokes: list[tuple]) -> list[tuple[float, float]]:
    """Every point and control point of the strokes: what the picture must hold."""
    return [p for command in strokes for p in command[1:]]
