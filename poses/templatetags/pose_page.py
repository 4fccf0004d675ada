"""The pose page's fragments, in Python: `{% pose_rating pose rating %}` (also on a practice's
summary, once per pose practised) and `{% pose_facts pose %}`.

They were a template included per pose and a block of two dozen variable look-ups and
filters. These write the same HTML, byte for byte (poses/tests/test_pose_page.py renders the
former templates, kept in tests/data, beside them).
"""

from django import template
from django.utils.safestring import mark_safe

from poses.models import Category, Difficulty, Effort, Kind, Position
from poses.templatetags.pose_tags import (
    breath_counts,
    intensity_label,
    prop_labels,
    target_area_labels,
)
from yogaflow.core.html import html_value, member_forms
from yogaflow.core.templatetags.durations import duration, iso_duration
from yogaflow.core.urls import slug_url

register = template.Library()

_CATEGORIES = dict(Category.choices)
_KINDS = dict(Kind.choices)
_DIFFICULTIES = dict(Difficulty.choices)
_POSITIONS = dict(Position.choices)
_EFFORTS = dict(Effort.choices)
# (value, label) of the two toggles: pressing the one that is on clears the rating.
_TOGGLES = (("up", "👍</span> More like this"), ("down", "👎</span> Leave out of my practices"))


def _label(labels: dict, value) -> str:
    """`get_FOO_display()`: the choice's label, or the stored value when it is not a choice."""
    return labels.get(value, value)


def _toggle(value: str, label: str, *, rating, action: str, csrf: str, next_path: str) -> str:
    on = rating == value
    return (
        f'  <form class="pose-rating__form" method="post" action="{action}">\n'
        f"    {csrf}\n"
        f'    <input type="hidden" name="next" value="{next_path}">\n'
        f'    <button type="submit" name="rating" value="{"" if on else value}" '
        'class="button button--small button--quiet pose-rating__button'
        f'{" pose-rating__button--on" if on else ""}" '
        f'aria-pressed="{"true" if on else "false"}"><span aria-hidden="true">{label}</button>\n'
        "  </form>\n"
    )


@register.simple_tag(takes_context=True)
def pose_rating(context, pose, rating) -> str:
    """Thumbs up / down on `pose` for a member (nothing for a visitor, so the anonymous page
    stays cacheable): one POST form per toggle, aria-pressed the current `rating` ("up",
    "down" or None), coming back to the page's own address."""
    member, csrf, next_path = member_forms(context)
    if not member:
        return mark_safe("\n\n")  # noqa: S308 (a constant)
    action = html_value(slug_url("poses:rate", pose.slug))
    toggles = "".join(
        _toggle(value, label, rating=rating, action=action, csrf=csrf, next_path=next_path)
        for value, label in _TOGGLES
    )
    return mark_safe(  # noqa: S308 (every value escaped above)
        '\n\n<div class="pose-rating" role="group" '
        f'aria-label="Your take on {html_value(pose.name_en)}">\n{toggles}</div>\n\n'
    )


def _fact(term: str, labels: list[str]) -> str:
    """An optional fact: nothing without labels (each line keeps the template's indentation)."""
    if not labels:
        return "        \n"
    listed = ", ".join(html_value(label) for label in labels)
    return f"        \n        <div><dt>{term}</dt><dd>{listed}</dd></div>\n        \n"


@register.simple_tag
def pose_facts(pose) -> str:
    """The pose's facts list: its usual hold (each side for a bilateral pose) and range, its
    long hold in yin and restorative practice, a breathing practice's count, position,
    intensity and effort, props, target areas."""
    long_hold = (
        f"; in yin or restorative practice up to {html_value(duration(pose.long_hold_max_seconds))}"
        if pose.long_hold_max_seconds
        else ""
    )
    breath = (
        "        \n        <div><dt>Breath count</dt>"
        f"<dd>{html_value(breath_counts(pose.breath_pattern))} (seconds)</dd></div>\n        \n"
        if pose.breath_pattern
        else "        \n"
    )
    effort = _label(_EFFORTS, pose.effort)
    return mark_safe(  # noqa: S308 (every value escaped above)
        '<dl class="facts facts--compact">\n'
        "        <div>\n"
        f"          <dt>{'Usual length' if pose.is_breathing else 'Default hold'}</dt>\n"
        f'          <dd><time datetime="{html_value(iso_duration(pose.default_hold_seconds))}">'
        f"{html_value(duration(pose.default_hold_seconds))}</time>"
        f"{' each side' if pose.is_bilateral else ''} "
        f"({html_value(duration(pose.hold_min_seconds))} to "
        f"{html_value(duration(pose.hold_max_seconds))}{long_hold})</dd>\n"
        "        </div>\n"
        f"{breath}"
        "        <div><dt>Position</dt>"
        f"<dd>{html_value(_label(_POSITIONS, pose.position))}</dd></div>\n"
        f"        <div><dt>Intensity</dt><dd>{html_value(intensity_label(pose.intensity))} "
        f"({html_value(pose.intensity)} of 5), {html_value(str(effort).lower())}</dd></div>\n"
        f"{_fact('Props', prop_labels(pose.props))}"
        f"{_fact('Target areas', target_area_labels(pose.target_areas))}"
        "      </dl>"
    )
