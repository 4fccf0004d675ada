"""Pose figures: an articulated body as data, drawn as SVG by one renderer.

`validate_figure(data)` checks a figure (the format is documented in
poses.figures.schema), `render_svg(figure, side=..., title=...)` draws it and
`interpolate(a, b, t)` gives the shape part-way between two figures.
"""

from poses.figures.motion import interpolate
from poses.figures.render import render_svg
from poses.figures.schema import validate_figure

__all__ = ["interpolate", "render_svg", "validate_figure"]
