"""`{% storyboard steps ... %}`: a practice's steps as the storyboard strip, in Python.

templates/sequences/_storyboard.html describes it and calls this tag. A storyboard draws up to
a hundred steps; as a template loop that was most of a long sequence's page (a template
variable lookup, a filter and a `{% url %}` per field of every step). This writes the same
HTML, byte for byte, with one picture tag call per step and no resolver walk.
"""

import re
from functools import lru_cache
from typing import NamedTuple

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from poses.templatetags.pose_figures import pose_name, pose_picture
from sequences.steps import PoseCard
from yogaflow.core.html import escape_text
from yogaflow.core.templatetags.durations import duration, iso_duration
from yogaflow.core.urls import slug_url

register = template.Library()

_SLUG_MARK = "slug-mark-storyboard"
# What the pose page's <slug:…> route takes as it is (django.urls.converters.SlugConverter).
_PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


class _Figure(NamedTuple):
    """What pose_picture reads of a pose shown by its figure at a kept version."""

    slug: str
    figure_version: str


@lru_cache(maxsize=4096)
def _figure_picture(slug: str, version: str, side: str, prefix: str, urlconf) -> str:
    """A step's figure <img> (pose_picture's own output), written once per figure, side and
    site root: it depends on nothing else (`prefix`, `urlconf`: the figure URL's root)."""
    return pose_picture(_Figure(slug, version), side=side, size="step", alt="", inline=False)


def _picture(pose, side: str, *, inline, root) -> str:
    if (
        type(pose) is PoseCard
        and pose.figure_version
        and not pose.has_photo
        and not inline
        and type(pose.slug) is str
    ):
        return _figure_picture(pose.slug, pose.figure_version, side, *root)
    return pose_picture(pose, side=side, size="step", alt="", inline=inline)


def _step(number: int, step, *, inline, link_poses, link, root) -> str:
    pose = step.pose
    side = step.side
    slug = escape_text(pose.slug)
    name = escape_text(pose_name(pose))
    title = name
    if link_poses is not False:
        title = f'<a href="{escape_text(link(pose.slug))}">{name}</a>'
    seconds = step.duration_seconds
    if side == "both":
        side_text = ' <span class="storyboard__side">each side</span>' if pose.is_bilateral else ""
    else:
        side_text = f' <span class="storyboard__side">{escape_text(side)} side</span>'
    cue = step.cue
    cue_html = f'<p class="storyboard__cue">{escape_text(cue)}</p>' if cue else ""
    picture = _picture(pose, "left" if side == "left" else "right", inline=inline, root=root)
    return (
        f'\n  <li class="storyboard__step" data-step data-pose="{slug}" '
        f'data-side="{escape_text(side)}">\n'
        f"    {picture}\n"
        '    <div class="storyboard__text">\n'
        f'      <h3 class="storyboard__name"><span class="storyboard__number">{number}'
        f'<span class="visually-hidden">.</span></span> {title}</h3>\n'
        '      <p class="storyboard__hold"><span class="visually-hidden">Hold </span>'
        f'<time datetime="{iso_duration(seconds)}">{duration(seconds)}</time>{side_text}</p>\n'
        f"      {cue_html}\n"
        "    </div>\n"
        "  </li>\n  "
    )


def _pose_link():
    """slug_url("poses:detail", slug) with the route, script prefix and URLconf read once for
    the strip rather than once per step."""
    before, _, after = slug_url("poses:detail", _SLUG_MARK).partition(_SLUG_MARK)

    def link(slug) -> str:
        if type(slug) is str and slug and _PLAIN_SLUG.fullmatch(slug):
            return f"{before}{slug}{after}"
        return slug_url("poses:detail", slug)

    return link


@register.simple_tag
def storyboard(steps, label=None, inline=False, compact=False, link_poses=None):
    """The `<ol class="storyboard">` of `steps` (objects with pose, side, duration_seconds and
    cue). `label`: the list's accessible name; `inline`: figures drawn into the page;
    `compact`: the dense print layout; `link_poses=False`: names without links."""
    opening = '<ol class="storyboard storyboard--compact"' if compact else '<ol class="storyboard"'
    aria = f' aria-label="{conditional_escape(label)}"' if label else ""
    link = _pose_link()
    root = (get_script_prefix(), get_urlconf(settings.ROOT_URLCONF))
    body = "".join(
        _step(number, step, inline=inline, link_poses=link_poses, link=link, root=root)
        for number, step in enumerate(steps, start=1)
    )
    return mark_safe(f"{opening}{aria}>\n  {body}\n</ol>")  # noqa: S308 (escaped)
