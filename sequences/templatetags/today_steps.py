"""The steps of today's practice as its page lists them, written in Python: a 60-minute
practice lists some ninety poses, and the template wrote each through twenty-odd nodes (half
the page's time went to rendering it)."""

from functools import lru_cache

from django import template
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.safestring import mark_safe

from poses.templatetags.pose_figures import pose_picture
from yogaflow.core.html import html_value
from yogaflow.core.templatetags.durations import duration

register = template.Library()


@lru_cache(maxsize=4096)
def _pose_page(slug: str, prefix: str, urlconf) -> str:
    """The pose's page, escaped as `{% url %}` writes it (reversed once per slug, script
    prefix and URLconf: a page lists a pose or two dozen times)."""
    return html_value(reverse("poses:detail", args=[slug], urlconf=urlconf))


@register.simple_tag
def today_step(step) -> str:
    """One step's `<li>`: its picture, side, pose (linked to its page), hold and reason, as
    the template wrote it, byte for byte (sequences/tests/test_today_views.py compares)."""
    value = html_value  # `{{ value }}`: localised, escaped unless safe
    flow = f' data-flow="{value(step.flow)}"' if step.flow else ""
    each = " each side" if step.side == "both" and step.pose.is_bilateral else ""
    picture = pose_picture(step.pose, side=step.side, size="thumb", alt="")
    page = _pose_page(step.pose.slug, get_script_prefix(), get_urlconf())
    seconds = step.duration_seconds
    return mark_safe(  # noqa: S308 (every value escaped, the picture written by its own tag)
        f'<li class="today-step today-step--{value(step.phase)}"{flow}>\n'
        f"        {picture}\n"
        f'        <span class="today-step__phase">{value(step.side_label)}</span>\n'
        f'        <span class="today-step__pose"><a href="{page}">{value(step.pose.name)}</a>'
        "</span>\n"
        f'        <span class="today-step__hold"><time datetime="PT{value(seconds)}S">'
        f"{value(duration(seconds))}</time>{each}</span>\n"
        f'        <span class="today-step__reason">{value(step.reason)}</span>\n'
        "      </li>"
    )
