"""How a pose is pictured on a page: `{% pose_picture pose side=... size=... %}`.

One tag for every place a pose appears (library cards, the pose page, storyboards, the
builder, the summary, the player next): staff's photo where they uploaded one (its resized
copies), else the pose's figure at its versioned URL, or drawn inline (`inline=True`, for a
printed sheet: no request per figure, nothing left to load when the page prints). A left step
shows the mirrored figure (a photo is flipped). It reads only what the pose row carries, so a
page of figures runs no query per figure. `pose` may also be a plain card with a slug and
a name (`name_en` or `name`) and, optionally, `figure` and `image_urls`.
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from poses.models import Pose
from poses.pictures import SIDES, figure_svg, figure_title, figure_url, figure_version
from yogaflow.core.html import escape_text

register = template.Library()

# The width the picture takes on the page, for a photo's srcset (figures are vectors).
PHOTO_SIZES = {
    "thumb": "6rem",
    "step": "(max-width: 30rem) 45vw, 11rem",
    "card": "(max-width: 30rem) 50vw, 18rem",
    "large": "(max-width: 48rem) 100vw, 28rem",
}


def _name(pose) -> str:
    return getattr(pose, "name_en", None) or getattr(pose, "name", "") or ""


def _photo(pose) -> tuple[str, str]:
    """(src, srcset) of staff's photo, or ("", "") when the pose has none."""
    if getattr(pose, "has_own_image", False):
        return pose.photo_src, pose.photo_srcset
    urls = getattr(pose, "image_urls", None) or ()
    return (urls[0], "") if urls else ("", "")


def _figure_src(pose, side: str) -> str:
    if isinstance(pose, Pose):
        return pose.figure_url(side)  # the kept version; a deferred figure is never read
    # A PoseCard carries its version: digested here only for plain cards.
    version = getattr(pose, "figure_version", "")
    if not (isinstance(version, str) and version):
        figure = getattr(pose, "figure", None)
        version = figure_version(figure, _name(pose)) if figure else ""
    return figure_url(pose.slug, side=side, version=version)


@register.simple_tag
def pose_picture(pose, side="right", size="card", alt=None, loading="lazy", inline=False):
    """The pose's picture. `side`: "right" (also for "both") or "left"; `size`: thumb, step,
    card or large (a class, and the photo's srcset sizes); `alt`: the text alternative
    ("" when the name is written beside it; default: the figure's title); `loading`: "lazy"
    or "" (the page's main picture); `inline`: draw the figure into the page.

    Written in Python, not a sub-template: a storyboard draws a hundred of them."""
    side = "left" if side == "left" else "right"
    size = size if size in PHOTO_SIZES else "card"
    name = _name(pose)
    alt = figure_title(name, side) if alt is None else alt
    photo, srcset = _photo(pose)
    if not photo and inline and getattr(pose, "figure", None):
        svg = figure_svg(pose.figure, name=name, side=side)
        label = format_html(' role="img" aria-label="{}"', alt) if alt else ' aria-hidden="true"'
        return format_html(
            '<span class="pose-picture pose-picture--{} pose-picture--figure" data-side="{}"{}>'
            "{}</span>",
            size,
            side,
            mark_safe(label),  # noqa: S308 (escaped above, or a constant)
            mark_safe(svg),  # noqa: S308 (the renderer writes numbers and an escaped title)
        )
    if photo:
        kind = "photo pose-picture--mirrored" if side == "left" else "photo"
        extra = format_html(' srcset="{}" sizes="{}"', srcset, PHOTO_SIZES[size]) if srcset else ""
        src = photo
    else:
        kind, extra, src = "figure", "", _figure_src(pose, side)
    esc = escape_text  # format_html's escaping, without its per-argument lazy check
    lazy = f' loading="{esc(loading)}"' if loading else ""
    return mark_safe(  # noqa: S308 (every value escaped, `extra` written by format_html)
        f'<img class="pose-picture pose-picture--{esc(size)} pose-picture--{esc(kind)}" '
        f'src="{esc(src)}"{esc(extra)} alt="{esc(alt)}" width="240" height="180"{lazy} '
        f'decoding="async" data-side="{esc(side)}">'
    )


@register.simple_tag
def pose_figure_url(pose, side="right") -> str:
    """The figure's versioned URL for a side (a data attribute, a script's list of frames)."""
    return _figure_src(pose, side if side in SIDES else "right")


@register.filter
def pose_name(pose) -> str:
    """The pose's English name, from a Pose (`name_en`) or a plain card (`name`)."""
    return _name(pose)
