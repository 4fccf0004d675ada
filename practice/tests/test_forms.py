"""The history forms: filters for the selector, and the manual log's local clock made aware."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django import forms
from hypothesis import given, settings
from hypothesis import strategies as st

from accounts.tests.factories import UserFactory
from practice.forms import HistoryFilters, ManualLogForm, SessionEditForm
from sequences.models import Style
from yogaflow.core.testing.forms import assert_writes_as_deep_copied

UTC = ZoneInfo("UTC")


def test_empty_filters_mean_everything():
    form = HistoryFilters({})

    assert form.is_valid()
    assert form.selector_kwargs() == {"date_from": None, "date_to": None, "style": "", "day": None}


def test_filters_parse_dates_and_style():
    form = HistoryFilters({"date_from": "2026-02-01", "date_to": "2026-02-28", "style": "yin"})

    assert form.is_valid()
    assert form.selector_kwargs()["date_from"] == date(2026, 2, 1)
    assert form.selector_kwargs()["style"] == "yin"


def test_a_range_that_ends_before_it_starts_is_refused_on_to():
    form = HistoryFilters({"date_from": "2026-03-02", "date_to": "2026-03-01"})

    assert not form.is_valid()
    assert list(form.errors) == ["date_to"]


class DeepCopiedHistoryFilters(HistoryFilters):
    """The history filters as Form.__init__ makes them: every field deep-copied per form."""

    def __init__(self, *args, **kwargs):
        forms.Form.__init__(self, *args, **kwargs)


days = st.sampled_from(
    ["", "2026-02-01", "2026-03-01", "1899-12-31", "9999-12-31", "x", "2026-02-30"]
)
history_data = st.fixed_dictionaries(
    {},
    optional={
        "date_from": days,
        "date_to": days,
        "day": days,
        "style": st.sampled_from(["", *Style.values, "<odd>"]),
    },
)


@pytest.mark.django_db
@settings(deadline=None, max_examples=60)
@given(data=history_data)
def test_the_history_filters_share_their_widgets_and_write_and_clean_as_deep_copied_ones(data):
    """Rendering, validating (clean() adds errors for days out of range and a range the wrong
    way round) and added errors change nothing the forms share (SharedWidgets): every form
    writes and cleans what a form with deep-copied fields does."""
    assert_writes_as_deep_copied(HistoryFilters, DeepCopiedHistoryFilters, data)
    one, other = HistoryFilters(), HistoryFilters()
    assert one.fields["style"].widget is other.fields["style"].widget  # shared, not copied
    assert one.fields["style"] is not other.fields["style"]


def test_edit_form_reads_scales_as_numbers_and_empty_as_none():
    form = SessionEditForm({"mood_before": "3", "mood_after": "", "notes": "ok"})

    assert form.is_valid()
    assert form.cleaned_data["mood_before"] == 3 and form.cleaned_data["mood_after"] is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("Asia/Tokyo", datetime(2026, 2, 28, 21, 30, tzinfo=UTC)),
        ("UTC", datetime(2026, 3, 1, 6, 30, tzinfo=UTC)),
        ("America/New_York", datetime(2026, 3, 1, 11, 30, tzinfo=UTC)),
    ],
)
def test_manual_log_reads_the_date_and_time_on_the_users_clock(zone, expected):
    user = UserFactory.build(timezone=zone)
    form = ManualLogForm(
        {"date": "2026-03-01", "start_time": "06:30", "duration_minutes": "45", "style": "yin"}
    )

    assert form.is_valid(), form.errors
    kwargs = form.practice_kwargs(user)
    assert kwargs["started_at"] == expected
    assert (kwargs["ended_at"] - kwargs["started_at"]).total_seconds() == 45 * 60
    assert kwargs["duration_seconds"] == 45 * 60


@pytest.mark.parametrize("minutes", ["0", "361", "4.5"])
def test_manual_log_duration_is_whole_minutes_from_1_to_360(minutes):
    form = ManualLogForm(
        {"date": "2026-03-01", "start_time": "06:30", "duration_minutes": minutes, "style": "yin"}
    )

    assert not form.is_valid()
    assert "duration_minutes" in form.errors


@time_machine.travel(datetime(2026, 3, 1, 15, 10, tzinfo=UTC), tick=False)
def test_just_after_midnight_the_default_start_is_yesterday_evening():
    user = UserFactory.build(timezone="Asia/Tokyo")  # 00:10 on 2 March there

    form = ManualLogForm.for_user(user)

    assert form.initial["date"] == date(2026, 3, 1)
    assert form.initial["start_time"].strftime("%H:%M") == "23:40"
