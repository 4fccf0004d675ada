"""Writing in Python what a template writes, for the few fragments a page repeats many times
(cards, filter fields, member forms): the same escaping and number formatting as
`{{ value }}`, and the CSRF input and path to come back to that every member's form repeats."""

from datetime import date
from functools import lru_cache
from html import escape as _escape
from typing import NamedTuple

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template import Context
from django.template.base import render_value_in_context
from django.template.defaultfilters import date as date_filter
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

_AUTOESCAPE = Context(autoescape=True)


def escape_text(value) -> str:
    """`conditional_escape(value)`, the same string, with a plain `str` escaped directly: a
    card page escapes some five hundred values, and Django's escape first checks each
    argument for a lazy translation. Safe strings (a subclass) and anything else go through
    conditional_escape."""
    if type(value) is str:
        return SafeString(_escape(value))  # what django.utils.html.escape does to a str
    return conditional_escape(value)


def html_value(value) -> str:
    """`{{ value }}` as a template writes it: localised (numbers, dates), escaped unless safe."""
    if type(value) is str:
        return SafeString(_escape(value))  # a plain str is neither localised nor safe
    if type(value) is int and not settings.USE_THOUSAND_SEPARATOR:
        # What localising an int without grouping gives (django.utils.numberformat.format):
        # its digits. A card page writes some fifty lengths and counts.
        return SafeString(value)
    return render_value_in_context(value, _AUTOESCAPE)


@lru_cache(maxsize=4096)
def _date_text(value: date, fmt: str, language: str | None) -> str:
    return date_filter(value, fmt)


@receiver(setting_changed)
def _forget_dates(**kwargs) -> None:
    _date_text.cache_clear()  # named formats (DATE_FORMAT, ...) are settings


def date_text(value, fmt: str) -> str:
    """`{{ value|date:fmt }}` (not escaped). A date (not a datetime, which the template would
    first move to the current time zone) is formatted once per format and active language,
    then read back: a history page writes forty dates, mostly the same ones as last time."""
    if type(value) is not date:
        return date_filter(value, fmt)
    return _date_text(value, fmt, get_language())


def csrf_input(context) -> str:
    """`{% csrf_token %}` in this template context: the hidden input with the page's token,
    nothing when the context has none (as the tag writes)."""
    token = context.get("csrf_token")
    if not token or token == "NOTPROVIDED":
        return ""
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)


class MemberForms(NamedTuple):
    """What every member's form on a page shares: whether the viewer is signed in, the CSRF
    input (`{% csrf_token %}`) and the escaped path to come back to (`{{ request.get_full_path }}`),
    or (False, "", "") for a visitor, who is shown no such form."""

    signed_in: bool
    csrf: str
    next_path: str


def member_forms(context) -> MemberForms:
    """The page's MemberForms, from a template context with `user` and `request`: computed
    once per page, not once per card or form."""
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return MemberForms(False, "", "")
    request = context.get("request")
    next_path = html_value(request.get_full_path()) if request else ""
    return MemberForms(True, csrf_input(context), next_path)
