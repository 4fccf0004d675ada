"""The badges page's grids, in Python: `{% earned_badges earned %}` and
`{% locked_badges locked %}`.

Each badge was a template loop iteration of a dozen variable look-ups, a `{% timezone %}`
block with two `date` formats (earned) or a `{% widthratio %}` and four numbers (locked).
These write the same HTML, byte for byte (achievements/tests/test_badges_tags.py renders
the former page template, kept in tests/data, beside them).
"""

from django import template
from django.template.defaultfilters import date as date_format
from django.utils import timezone
from django.utils.safestring import mark_safe

from yogaflow.core.html import html_value

register = template.Library()


def _width(progress, threshold) -> str:
    """`{% widthratio progress threshold 100 %}`: the share as a whole percentage."""
    try:
        return str(round(float(progress) / float(threshold) * 100))
    except ZeroDivisionError:
        return "0"
    except (ValueError, TypeError, OverflowError):
        return ""


def earned_badge(item, zone) -> str:
    """One earned badge (from achievements.selectors.badges_for): icon, name, description
    and the day it was earned in the practitioner's time zone."""
    achievement = item["achievement"]
    with timezone.override(zone):
        earned_at = timezone.template_localtime(item["earned_at"])
        iso, day = date_format(earned_at, "c"), date_format(earned_at, "j F Y")
    return (
        '\n          <li class="badge badge--earned">\n'
        '            <span class="badge__icon" aria-hidden="true">'
        f"{html_value(achievement.icon)}</span>\n"
        f'            <h3 class="badge__name">{html_value(achievement.name)}</h3>\n'
        '            <p class="badge__description">'
        f"{html_value(achievement.description)}</p>\n"
        '            <p class="badge__status"><span class="badge__check" aria-hidden="true">'
        f'✓</span> Earned <time datetime="{html_value(iso)}">{html_value(day)}</time></p>\n'
        "          </li>\n        "
    )


def locked_badge(item) -> str:
    """One badge still to earn: icon, name, description and the progress towards it."""
    achievement = item["achievement"]
    name = html_value(achievement.name)
    progress, threshold = html_value(item["progress"]), html_value(item["threshold"])
    return (
        '\n        <li class="badge badge--locked">\n'
        '          <span class="badge__icon" aria-hidden="true">'
        f"{html_value(achievement.icon)}</span>\n"
        f'          <h3 class="badge__name">{name} <span class="badge__lock">(locked)</span></h3>\n'
        '          <p class="badge__description">'
        f"{html_value(achievement.description)}</p>\n"
        '          <div class="badge__progress">\n'
        '            <div class="progress" role="progressbar" '
        f'aria-label="Progress towards {name}" aria-valuemin="0" '
        f'aria-valuemax="{threshold}" aria-valuenow="{progress}" '
        f'aria-valuetext="{progress} of {threshold}">\n'
        '              <span class="progress__bar" '
        f'data-width="{_width(item["progress"], item["threshold"])}"></span>\n'
        "            </div>\n"
        f'            <p class="badge__count">{progress} / {threshold} '
        f"{html_value(item['unit'])}</p>\n"
        "          </div>\n"
        "        </li>\n      "
    )


@register.simple_tag(takes_context=True)
def earned_badges(context, items) -> str:
    """The `<li>` of each earned badge, dated in the page's user's time zone."""
    zone = context["user"].timezone
    return mark_safe("".join(earned_badge(item, zone) for item in items))  # noqa: S308


@register.simple_tag
def locked_badges(items) -> str:
    """The `<li>` of each badge still to earn, with its progress."""
    return mark_safe("".join(locked_badge(item) for item in items))  # noqa: S308
