"""yogaflow.core.html: escaping as Django's templates escape, and the members' form bits."""

import datetime as dt
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.template import Context
from django.template.base import render_value_in_context
from django.template.defaultfilters import date as date_filter
from django.test import RequestFactory, override_settings
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy
from hypothesis import given
from hypothesis import strategies as st

from yogaflow.core.html import MemberForms, date_text, escape_text, html_value, member_forms

texts = st.text(alphabet=st.sampled_from("aZ <>&\"'é\u2028\x00-/=`"), max_size=20)
values = st.one_of(
    texts,
    texts.map(mark_safe),
    st.integers(),
    st.decimals(allow_nan=False, allow_infinity=False, places=2),
    st.floats(allow_nan=False),
    st.none(),
    st.booleans(),
    st.dates(),
    st.just(gettext_lazy("Pose library")),
    st.just(Decimal("1234.50")),
    st.just(dt.datetime(2026, 3, 1, 12, 30, tzinfo=dt.UTC)),
)


@given(values)
def test_escape_text_is_conditional_escape(value):
    escaped = escape_text(value)
    assert escaped == conditional_escape(value)
    assert isinstance(escaped, SafeString)


@given(values)
def test_html_value_is_what_a_template_writes(value):
    expected = render_value_in_context(value, Context(autoescape=True))
    written = html_value(value)
    assert written == expected
    assert isinstance(written, SafeString)


@given(st.integers() | st.booleans())
def test_html_value_of_an_int_is_what_a_template_writes_with_thousands_grouped(value):
    with override_settings(USE_THOUSAND_SEPARATOR=True):
        assert html_value(value) == render_value_in_context(value, Context(autoescape=True))
        assert html_value(123456) == "123,456"


class Member:
    is_authenticated = True


def test_member_forms_are_computed_for_members_only():
    request = RequestFactory().get("/sequences/?q=<a>&page=2")
    member = member_forms(Context({"user": Member(), "request": request, "csrf_token": "t<k>"}))
    assert member == MemberForms(
        True,
        '<input type="hidden" name="csrfmiddlewaretoken" value="t&lt;k&gt;">',
        "/sequences/?q=%3Ca%3E&amp;page=2",
    )
    visitor = member_forms(Context({"user": AnonymousUser(), "request": request}))
    assert visitor == MemberForms(False, "", "")
    assert member_forms(Context({"user": Member(), "request": request})).csrf == ""


@given(
    value=st.dates() | st.none() | st.just(""),
    fmt=st.sampled_from(["Y-m-d", "D j M Y", "j F Y", "M Y", "F Y", "Y-m", "DATE_FORMAT", "l"]),
    language=st.sampled_from(["en-us", "de", "fr"]),
)
def test_date_text_is_the_date_filter_in_each_language(value, fmt, language):
    """Formatted once per (date, format, language): asked in one language after another, each
    answer is the filter's in the language active at the time."""
    with translation.override(language):
        assert date_text(value, fmt) == date_filter(value, fmt)
    with translation.override("en-us"):
        assert date_text(value, fmt) == date_filter(value, fmt)


def test_date_text_of_a_datetime_is_the_filter_s():
    moment = dt.datetime(2026, 3, 1, 23, 30, tzinfo=dt.UTC)
    assert date_text(moment, "Y-m-d H:i") == date_filter(moment, "Y-m-d H:i")
