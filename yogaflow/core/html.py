"""Writing in Python what a template writes, for the few fragments a page repeats many times
(cards, filter fields): the same escaping and number formatting as `{{ value }}`."""

from django.template import Context
from django.template.base import render_value_in_context
from django.utils.html import format_html

_AUTOESCAPE = Context(autoescape=True)


def html_value(value) -> str:
    """`{{ value }}` as a template writes it: localised (numbers, dates), escaped unless safe."""
    return render_value_in_context(value, _AUTOESCAPE)


def csrf_input(context) -> str:
    """`{% csrf_token %}` in this template context: the hidden input with the page's token,
    nothing when the context has none (as the tag writes)."""
    token = context.get("csrf_token")
    if not token or token == "NOTPROVIDED":
        return ""
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)
