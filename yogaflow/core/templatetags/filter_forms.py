"""`{% filter_field form.q %}`: one field of a filter form (label, errors, widget), written in
Python rather than a template included per field (yogaflow.core.forms.filter_field_html)."""

from django import template

from yogaflow.core.forms import filter_field_html

register = template.Library()


@register.simple_tag
def filter_field(field) -> str:
    """The field's div, the same HTML the former `_filter_field.html` include wrote."""
    return filter_field_html(field)
