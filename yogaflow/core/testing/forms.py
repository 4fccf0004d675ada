"""Test helpers for forms that share their widgets (yogaflow.core.forms.SharedWidgets)."""

import copy

from django.forms.renderers import DjangoTemplates

from yogaflow.core.forms import PLAIN_WIDGETS, filter_field_html


def widget_state(form_class) -> list:
    """What a form class's fields hold that every form of it shares: widget attrs, choices,
    error messages."""
    return [
        (name, field.widget.attrs, getattr(field.widget, "choices", None), field.error_messages)
        for name, field in form_class.base_fields.items()
    ]


def assert_writes_as_deep_copied(shared, deep, data: dict) -> None:
    """`shared` (a form class sharing its widgets) validates, errs and writes, with both
    renderers, what `deep` (the same fields deep-copied per form) does, and leaves what its
    forms share unchanged."""
    before = copy.deepcopy(widget_state(shared))
    for renderer in (PLAIN_WIDGETS, DjangoTemplates()):
        mine, theirs = shared(data, renderer=renderer), deep(data, renderer=renderer)
        assert mine.is_valid() == theirs.is_valid()
        mine.add_error(None, "On top.")
        theirs.add_error(None, "On top.")
        assert mine.errors == theirs.errors
        assert str(mine) == str(theirs)
        assert [filter_field_html(f) for f in mine] == [filter_field_html(f) for f in theirs]
    assert widget_state(shared) == before
