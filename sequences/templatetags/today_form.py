"""The today form's checkbox lists (focus, leave out) written in Python: fifteen options, each
through a loop, an include and two variables of the template, were most of the form's time
on the home page and the today page."""

from django import template
from django.forms import BoundField
from django.utils.safestring import mark_safe

from yogaflow.core.html import html_value

register = template.Library()


@register.simple_tag
def today_choices(field: BoundField) -> str:
    """One list's fieldset as templates/sequences/_today_form.html wrote it, byte for byte
    (sequences/tests/test_today_form.py compares it with the former template); each box is
    the widget's own option tag (the form's renderer writes it)."""
    value = html_value  # `{{ value }}`: escaped unless safe
    errors = field.errors
    auto_id = value(field.auto_id)
    options = "".join(
        f'\n      <li class="field field--checkbox">{value(option.tag())} '
        f'<label for="{value(option.id_for_label)}">{value(option.choice_label)}</label></li>\n'
        "      "
        for option in field
    )
    return mark_safe(  # noqa: S308 (every value escaped; errors and tags are Django's HTML)
        '\n  <fieldset class="fieldset today-form__options'
        f'{" field--invalid" if errors else ""}" id="{auto_id}" '
        f'aria-describedby="{auto_id}_helptext">\n'
        f"    <legend>{value(field.label)}</legend>\n"
        f'    <p class="fieldset__hint" id="{auto_id}_helptext">{value(field.help_text)}</p>\n'
        f"    {value(errors)}\n"
        f'    <ul class="today-form__choices">\n      {options}\n    </ul>\n'
        "  </fieldset>\n  "
    )
