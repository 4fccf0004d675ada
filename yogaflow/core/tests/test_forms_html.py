"""The filter forms' Python-written HTML is the very HTML of Django's widget templates and of the
former `_filter_field.html` include (kept in tests/data), for any values, errors and choices."""

from pathlib import Path

import pytest
from django import forms
from django.db import models
from django.forms.renderers import DjangoTemplates
from django.template import Context, Template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy
from hypothesis import given, settings
from hypothesis import strategies as st

from yogaflow.core import forms as core_forms
from yogaflow.core.forms import (
    PLAIN_WIDGETS,
    KeptSelect,
    SharedWidgets,
    filter_field_html,
    optional_choice,
)
from yogaflow.core.testing.forms import assert_writes_as_deep_copied

FIELD_TEMPLATE = Template(
    "{% load filter_forms %}" + (Path(__file__).parent / "data" / "_filter_field.html").read_text()
)
text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)


class EveryWidget(forms.Form):
    """Each widget the renderer writes itself, and two it hands to the templates."""

    text = forms.CharField(required=False, max_length=20, label="Text <b>")
    number = forms.IntegerField(required=False, min_value=0, max_value=9)
    decimal = forms.DecimalField(required=False, max_digits=4, decimal_places=1)
    day = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    when = forms.DateTimeField(required=False)
    hidden = forms.CharField(required=False, widget=forms.HiddenInput)
    email = forms.EmailField(required=True, widget=forms.EmailInput(attrs={"autofocus": True}))
    url = forms.URLField(required=False, assume_scheme="https")
    secret = forms.CharField(required=False, widget=forms.PasswordInput(render_value=True))
    search = forms.CharField(required=False, widget=forms.TextInput(attrs={"type": "search"}))
    flag = forms.BooleanField(required=False)
    off = forms.CharField(required=False, widget=forms.TextInput(attrs={"hidden": False}))
    zero = forms.CharField(required=False, widget=forms.TextInput(attrs={"data-n": 0}))
    choice = forms.ChoiceField(
        required=False,
        choices=[("", "Any"), ("a", "A & B"), (1, 2), ("lazy", gettext_lazy("Lazy"))],
    )
    grouped = forms.ChoiceField(
        required=False,
        choices=[
            ("", "—"),
            ("Group <1>", [("x", "X"), ("y", mark_safe("<em>Y</em>"))]),
            ("Group 2", [("z", "Z")]),
        ],
    )
    many = forms.MultipleChoiceField(required=False, choices=[("a", "A"), ("b", "B")])
    notes = forms.CharField(required=False, widget=forms.Textarea)
    radio = forms.ChoiceField(required=False, choices=[("a", "A")], widget=forms.RadioSelect)


class Level(models.TextChoices):
    GENTLE = "gentle", "Gentle <&>"
    STRONG = "strong", "Strong"


class LikeTheFilters(forms.Form):
    """The fields the library, catalogue and history filters are made of (those forms live in
    higher apps: their pages are compared whole by bench/pages.py --compare)."""

    q = forms.CharField(required=False, max_length=100, label="Search")
    level = optional_choice(Level, "level")
    low = forms.IntegerField(required=False, min_value=0, max_value=600, label="From (min)")
    high = forms.IntegerField(required=False, min_value=0, max_value=600, label="To (min)")
    sort = forms.ChoiceField(choices=[("title", "Title"), ("new", "New")], required=False)
    since = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    day = forms.DateField(required=False, label="Day", widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if data.get("low") and data.get("high") and data["low"] > data["high"]:
            raise forms.ValidationError({"high": "“To” must be at least “From”."})
        return data


FILTER_FORMS = [LikeTheFilters, EveryWidget]


def html_both_ways(form_class, data) -> list[tuple[str, str]]:
    plain = form_class(data, renderer=PLAIN_WIDGETS)
    templates = form_class(data, renderer=DjangoTemplates())
    plain.is_valid()
    templates.is_valid()
    return [(str(plain[name]), str(templates[name])) for name in plain.fields]


@settings(deadline=None, max_examples=60)
@given(
    data=st.fixed_dictionaries(
        {},
        optional={
            name: text | st.sampled_from(["", "a", "1", "x", "y", "2024-02-30", "-4", "5"])
            for name in EveryWidget.base_fields
        },
    )
)
def test_every_widget_writes_what_its_template_writes(data):
    for plain, templates in html_both_ways(EveryWidget, data):
        assert plain == templates


@pytest.mark.parametrize("form_class", FILTER_FORMS)
@settings(deadline=None, max_examples=40)
@given(values=st.lists(text | st.sampled_from(["gentle", "new", "7", "2024-01-05"])))
def test_the_filter_forms_write_what_the_templates_write(form_class, values):
    data = dict(zip(form_class.base_fields, values, strict=False))
    for plain, templates in html_both_ways(form_class, data):
        assert plain == templates


@pytest.mark.parametrize("form_class", FILTER_FORMS)
@settings(deadline=None, max_examples=40)
@given(values=st.lists(text | st.sampled_from(["gentle", "title", "700", "2024-01-05"])))
def test_a_filter_field_is_the_former_include(form_class, values):
    form = form_class(dict(zip(form_class.base_fields, values, strict=False)))
    form.is_valid()
    for field in form:
        assert filter_field_html(field) == FIELD_TEMPLATE.render(Context({"field": field}))


def test_the_field_tag_writes_the_field():
    form = LikeTheFilters({"high": "x", "q": "<script>"})
    form.is_valid()
    html = Template("{% load filter_forms %}{% filter_field form.high %}").render(
        Context({"form": form})
    )
    assert 'class="field filters__field filters__field--high field--invalid"' in html
    assert 'aria-invalid="true"' in html
    assert html == FIELD_TEMPLATE.render(Context({"field": form["high"]}))
    assert "&lt;script&gt;" in filter_field_html(form["q"])


choice_values = st.sampled_from(["", "a", "b", "x", "1", "<&>", "zz"])
choice_lists = st.lists(
    st.tuples(choice_values, text | st.just(gettext_lazy("Lazy"))), max_size=5
).map(lambda pairs: [("", "Any"), *pairs])


@settings(deadline=None, max_examples=80)
@given(
    choices=choice_lists,
    grouped=st.booleans(),
    value=choice_values | st.none(),
    attrs=st.dictionaries(st.sampled_from(["id", "class", "aria-invalid", "required"]), text),
    name=st.sampled_from(["level", "sort", "sort-2"]),
    plain=st.booleans(),
)
def test_a_kept_select_writes_what_a_select_writes(choices, grouped, value, attrs, name, plain):
    """Kept per (choices, value, attributes, name, renderer): any of them changing gives the
    select's own HTML again, never another one's kept string (each example renders after the
    others, so the kept entries of earlier ones are there to be confused with)."""
    if grouped:
        choices = [choices[0], ("Group <g>", choices[1:])]
    renderer = PLAIN_WIDGETS if plain else DjangoTemplates()
    kept, select = KeptSelect(choices=choices), forms.Select(choices=choices)
    for _ in range(2):  # rendered, then read back
        assert kept.render(name, value, attrs, renderer) == select.render(
            name, value, attrs, renderer
        )


def test_a_kept_select_is_rendered_once_per_value(monkeypatch):
    monkeypatch.setattr(core_forms, "_KEPT_SELECTS", {})
    calls = []
    render = forms.Select.render
    monkeypatch.setattr(
        forms.Select, "render", lambda *args, **kwargs: calls.append(1) or render(*args, **kwargs)
    )
    form = LikeTheFilters({"level": "gentle"}, renderer=PLAIN_WIDGETS)
    again = LikeTheFilters({"level": "gentle"}, renderer=PLAIN_WIDGETS)
    other = LikeTheFilters({"level": "strong"}, renderer=PLAIN_WIDGETS)
    assert str(form["level"]) == str(again["level"]) != str(other["level"])
    assert 'value="strong" selected' in str(other["level"])
    assert len(calls) == 2  # gentle (once for both forms), strong


def test_choices_that_cannot_be_kept_render_each_time():
    widget = KeptSelect(choices=[("", "Any"), ("a", "A")], attrs={"data-x": ["a list"]})
    assert widget.render("f", "a", {"id": "id_f"}) == forms.Select(
        choices=[("", "Any"), ("a", "A")], attrs={"data-x": ["a list"]}
    ).render("f", "a", {"id": "id_f"})


class Options(forms.Form):
    """Checkbox and radio lists whose options a page writes one by one (`option.tag`)."""

    boxes = forms.MultipleChoiceField(
        required=False,
        choices=[
            ("a", "A & B"),
            (1, 2),
            ("lazy", gettext_lazy("Lazy")),
            ("s", mark_safe("<i>S</i>")),
        ],
        widget=forms.CheckboxSelectMultiple(attrs={"class": "x"}),
    )
    radio = forms.ChoiceField(
        required=False, choices=[("a", "A"), ("b", "<b>")], widget=forms.RadioSelect
    )


@settings(deadline=None, max_examples=40)
@given(
    boxes=st.lists(st.sampled_from(["a", "1", "lazy", "s", "zz"])),
    radio=st.sampled_from(["", "a", "b", "<x>"]),
    auto_id=st.sampled_from(["id_%s", "", "item-2-%s"]),
)
def test_an_option_and_an_error_list_write_what_their_templates_write(boxes, radio, auto_id):
    data = {"boxes": boxes, "radio": radio}
    plain = Options(data, renderer=PLAIN_WIDGETS, auto_id=auto_id)
    templates = Options(data, renderer=DjangoTemplates(), auto_id=auto_id)
    for name in plain.fields:
        for mine, theirs in zip(plain[name], templates[name], strict=True):
            assert mine.tag() == theirs.tag()
            assert mine.tag(wrap_label=True) == theirs.tag(wrap_label=True)
        assert str(plain[name].errors) == str(templates[name].errors)  # empty or not
    assert str(plain.non_field_errors()) == str(templates.non_field_errors()) == ""


class SharedFilters(SharedWidgets, LikeTheFilters):
    pass


class SharedEveryWidget(SharedWidgets, EveryWidget):
    pass


@pytest.mark.parametrize(
    ("shared", "deep"), [(SharedFilters, LikeTheFilters), (SharedEveryWidget, EveryWidget)]
)
@settings(deadline=None, max_examples=40)
@given(values=st.lists(text | st.sampled_from(["gentle", "title", "700", "2024-01-05", "a"])))
def test_a_form_sharing_its_widgets_writes_and_cleans_as_a_deep_copied_one(shared, deep, values):
    """Rendering, validating and errors (the form's own and added ones) change nothing the
    forms share: every form writes what a form with deep-copied fields writes."""
    assert_writes_as_deep_copied(shared, deep, dict(zip(deep.base_fields, values, strict=False)))


def test_each_form_sharing_its_widgets_has_fields_of_its_own():
    one, other = SharedFilters(), SharedFilters()
    one.fields["q"].required = True
    one.fields["q"].label = "Find"
    assert other.fields["q"].required is False
    assert other.fields["q"].label == SharedFilters.base_fields["q"].label == "Search"
    assert one.fields["level"].widget is other.fields["level"].widget  # shared, not copied
    assert list(one.fields) == list(LikeTheFilters.base_fields)
