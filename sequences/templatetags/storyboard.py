"""`{% storyboard steps ... %}`: a practice's steps as the storyboard strip, in Python.

templates/sequences/_storyboard.html describes it and calls this tag. A storyboard draws up to
a hundred steps; as a template loop that was most of a long sequence's page (a template
variable lookup, a filter and a `{% url %}` per field of every step). This writes the same
HTML, byte for byte, with one picture tag call per step and no resolver walk.
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from poses.templatetags.pose_figures import pose_name, pose_picture
from yogaflow.core.templatetags.durations import duration, iso_duration
from yogaflow.core.urls import slug_url

register = template.Library()


def _step(number: int, step, *, inline, link_poses) -> str:
    pose = step.pose
    side = step.side
    slug = conditional_escape(pose.slug)
    name = conditional_escape(pose_name(pose))
    if link_poses is False:
        title = name
    else:
        title = f'<a href="{conditional_escape(slug_url("poses:detail", pose.slug))}">{name}</a>'
    seconds = step.duration_seconds
    if side == "both":
        side_text = ' <span class="storyboard__side">each side</span>' if pose.is_bilateral else ""
    else:
        side_text = f' <span class="storyboard__side">{conditional_escape(side)} side</span>'
    cue = step.cue
    cue_html = f'<p class="storyboard__cue">{conditional_escape(cue)}</p>' if cue else ""
    picture = pose_picture(pose, side=side, size="step", alt="", inline=inline)
    return (
        f'\n  <li class="storyboard__step" data-step data-pose="{slug}" '
        f'data-side="{conditional_escape(side)}">\n'
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


@register.simple_tag
def storyboard(steps, label=None, inline=False, compact=False, link_poses=None):
    """The `<ol class="storyboard">` of `steps` (objects with pose, side, duration_seconds and
    cue). `label`: the list's accessible name; `inline`: figures drawn into the page;
    `compact`: the dense print layout; `link_poses=False`: names without links."""
    opening = '<ol class="storyboard storyboard--compact"' if compact else '<ol class="storyboard"'
    aria = f' aria-label="{conditional_escape(label)}"' if label else ""
    body = "".join(
        _step(number, step, inline=inline, link_poses=link_poses)
        for number, step in enumerate(steps, start=1)
    )
    return mark_safe(f"{opening}{aria}>\n  {body}\n</ol>")  # noqa: S308 (escaped)
