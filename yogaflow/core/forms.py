"""Form helpers every app's pages use: service errors on forms, filter fields, and filter
forms rendered without a template per widget."""

import copy

from django import forms
from django.core.exceptions import ValidationError
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.forms import BoundField
from django.forms.renderers import DjangoTemplates as DjangoTemplateRenderer
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from yogaflow.core.exceptions import RateLimited, ServiceUnavailable
from yogaflow.core.html import html_value as _out

# Refusals a page shows on its form, with the status the page then answers.
REFUSALS = (RateLimited, ServiceUnavailable)


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: next to the field it names, else on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def add_refusal(form: forms.Form, error: RateLimited | ServiceUnavailable) -> int:
    """Show a refusal (too many attempts, a service down) on top of the form; return the status
    the page answers with: 429 or 503."""
    form.add_error(None, error.message)
    return 429 if isinstance(error, RateLimited) else 503


class _SharedWidgets(dict):
    """A form class's fields, copied for each form one by one (copy.copy), not deeply."""

    def __deepcopy__(self, memo) -> dict:
        return {name: copy.copy(field) for name, field in self.items()}


class SharedWidgets:
    """A form mixin (before forms.Form): each form gets its own copy of each field, but the
    fields' widgets, choices, validators and error messages are the class's, not deep-copied
    for every form as Form.__init__ does (~0.2 ms of each library and catalogue request, and
    of the API lists that read the same filters). Rendering and validating change none of them
    (yogaflow/core/tests/test_forms_html.py holds it); a form whose code sets a field's widget
    attributes, choices or messages per request must not use it."""

    def __init__(self, *args, **kwargs):
        self.base_fields = _SharedWidgets(type(self).base_fields)
        super().__init__(*args, **kwargs)


def optional_choice(choices, label: str) -> forms.ChoiceField:
    """A filter's choice field whose empty value reads "Any <label>" (a KeptSelect)."""
    return forms.ChoiceField(
        choices=[("", f"Any {label}"), *choices.choices],
        required=False,
        label=label.capitalize(),
        widget=KeptSelect,
    )


# --- filter forms written without a template per widget -----------------------------------
#
# A filter form renders eight widgets on every library, catalogue and history page; through
# Django's form renderer each is a template with an include per attribute list and per
# option. These write the very same strings in Python (yogaflow/core/tests/test_forms_html.py
# compares them with Django's templates for every widget they take), and hand anything else
# to the templates.

_INPUT_WIDGETS = frozenset(
    f"django/forms/widgets/{name}.html"
    for name in (
        "input", "text", "number", "date", "datetime", "time", "hidden", "email", "url",
        "password", "search", "tel", "checkbox",
    )
)  # fmt: skip
_SELECT = "django/forms/widgets/select.html"
_CHOICE_OPTIONS = frozenset(
    f"django/forms/widgets/{name}.html"
    for name in ("input_option", "checkbox_option", "radio_option")
)
_ERROR_LISTS = frozenset(f"django/forms/errors/list/{name}.html" for name in ("default", "ul"))
_OPTION = "django/forms/widgets/select_option.html"


def _formatted(value) -> str:
    """`{{ value|stringformat:'s' }}`: str(), escaped unless it was safe."""
    return conditional_escape(value if isinstance(value, str) else str(value))


def _attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html: False leaves an attribute out, True writes its name."""
    return "".join(
        f" {_out(name)}" if value is True else f' {_out(name)}="{_formatted(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input(widget: dict) -> str:
    value = "" if widget["value"] is None else f' value="{_formatted(widget["value"])}"'
    return (
        f'<input type="{_out(widget["type"])}" name="{_out(widget["name"])}"{value}'
        f"{_attrs(widget['attrs'])}>"
    )


def _choice_option(widget: dict) -> str:
    """django/forms/widgets/input_option.html: one checkbox or radio, its label around it when
    the widget's own template writes it (wrap_label), bare when a page writes the label."""
    html = _input(widget)
    if not widget.get("wrap_label"):
        return html
    label_id = widget["attrs"].get("id")
    label_for = f' for="{_out(label_id)}"' if label_id else ""
    # input.html ends in a newline, which the include keeps inside the label
    return f"<label{label_for}>{html}\n {_out(widget['label'])}</label>"


def _select(widget: dict) -> str | None:
    parts = [f'<select name="{_out(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_out(group_name)}">')
        for option in group_choices:
            if option["template_name"] != _OPTION:
                return None  # a custom option template: the templates write it
            parts.append(
                f'\n  <option value="{_formatted(option["value"])}"{_attrs(option["attrs"])}>'
                f"{_out(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


class PlainWidgetRenderer(DjangoTemplateRenderer):
    """Django's default form renderer, writing the input and select widgets, checkbox and radio
    options and empty error lists in Python (the same HTML as their templates, several times
    faster); every other template as before."""

    def render(self, template_name, context, request=None):
        if template_name in _INPUT_WIDGETS:
            return _input(context["widget"]).strip()
        if template_name in _CHOICE_OPTIONS:
            return _choice_option(context["widget"]).strip()
        if template_name in _ERROR_LISTS and not context["errors"]:
            return ""  # `{% if errors %}` writes nothing for an empty list
        if template_name == _SELECT:
            html = _select(context["widget"])
            if html is not None:
                return html.strip()
        return super().render(template_name, context, request=request)


PLAIN_WIDGETS = PlainWidgetRenderer()


# --- selects kept per (choices, selected values) ----------------------------------------------
#
# A filter form's select is one of a few strings: the same choices on every page, one of them
# selected. Building it (an option dict per choice, each label escaped) was most of a filter
# form's cost, on every library, catalogue and history page.

_KEPT_SELECTS: dict = {}
MAX_KEPT_SELECTS = 1024


@receiver(setting_changed)
def _forget_selects(**kwargs) -> None:
    _KEPT_SELECTS.clear()  # a test's templates or renderer settings may write them otherwise


def _frozen(choices) -> tuple:
    """The choices as nested tuples (grouped choices hold lists), to be part of a key."""
    return tuple(
        (value, _frozen(label)) if isinstance(label, (list, tuple)) else (value, label)
        for value, label in choices
    )


class KeptSelect(forms.Select):
    """forms.Select whose HTML is rendered once per (name, selected values, attributes,
    choices, renderer), then read back: everything Select's template is given. Choices that
    cannot be part of a key (a queryset's iterator, an unhashable value) render each time."""

    def render(self, name, value, attrs=None, renderer=None):
        if not isinstance(self.choices, list):
            return super().render(name, value, attrs, renderer)
        key = (
            type(self),
            self.template_name,
            self.option_template_name,
            name,
            tuple(self.format_value(value)),
            tuple(self.build_attrs(self.attrs, attrs).items()),
            _frozen(self.choices),
            renderer,
        )
        try:
            html = _KEPT_SELECTS.get(key)
        except TypeError:  # an unhashable value or attribute: not kept
            return super().render(name, value, attrs, renderer)
        if html is None:
            html = super().render(name, value, attrs, renderer)
            if len(_KEPT_SELECTS) >= MAX_KEPT_SELECTS:
                _KEPT_SELECTS.clear()
            _KEPT_SELECTS[key] = html
        return html


def filter_field_html(field: BoundField) -> str:
    """One filter field as templates/_filter_field.html wrote it: a div with the label, the
    field's errors and its widget (escaped as the template escapes them)."""
    errors = field.errors
    invalid = " field--invalid" if errors else ""
    return mark_safe(  # noqa: S308 (every part escaped by _out, or HTML from Django's forms)
        f'\n<div class="field filters__field filters__field--{_out(field.name)}{invalid}">\n'
        f'  <label for="{_out(field.id_for_label)}">{_out(field.label)}</label>\n'
        f"  {_out(errors) if errors else ''}\n"  # an empty list writes nothing
        f"  {_out(field)}\n"
        "</div>\n"
    )
