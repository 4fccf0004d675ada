"""`{% session_rows sessions %}`: the history page's list of sessions, in Python.

Each row was a template included per session (twenty a page), with a `{% url %}`, two `date`
formats and two duration filters. This writes the same HTML, byte for byte
(practice/tests/test_session_rows.py renders the former include, kept in tests/data, beside it).
"""

from django import template
from django.utils.safestring import mark_safe

from practice.models import Source
from sequences.models import Style
from yogaflow.core.html import date_text as date_format
from yogaflow.core.html import html_value
from yogaflow.core.templatetags.durations import duration, iso_duration
from yogaflow.core.urls import pk_url

register = template.Library()

_STYLES = dict(Style.choices)
_SOURCES = dict(Source.choices)


def session_row(session) -> str:
    """One session: its title (linking to it), local day, style, length, whether it was
    completed, and how it was recorded."""
    seconds = session.duration_seconds
    url = pk_url("practice:session", session.pk)
    return (
        '\n<li class="session-row">\n'
        f'  <a class="session-row__title" href="{html_value(url)}">'
        f"{html_value(session.sequence_title or 'Practice')}</a>\n"
        '  <time class="session-row__date" '
        f'datetime="{html_value(date_format(session.local_date, "Y-m-d"))}">'
        f"{html_value(date_format(session.local_date, 'D j M Y'))}</time>\n"
        '  <ul class="session-row__facts">\n'
        f"    <li>{html_value(_STYLES.get(session.style, session.style) or 'Any style')}</li>\n"
        f'    <li><time datetime="{html_value(iso_duration(seconds))}">'
        f"{html_value(duration(seconds))}</time></li>\n"
        f"    <li>{'Completed' if session.completed else 'Ended early'}</li>\n"
        f"    <li>{html_value(_SOURCES.get(session.source, session.source))}</li>\n"
        "  </ul>\n"
        "</li>\n"
    )


@register.simple_tag
def session_rows(sessions) -> str:
    """The `<li>` rows of `sessions` (PracticeSession rows, newest first as given)."""
    return mark_safe("".join(session_row(session) for session in sessions))  # noqa: S308
