"""The stats page's weekly chart, month calendar, year calendar and share bars, written in
Python, are the very HTML the former templates (kept in tests/data) wrote, for any weeks,
months, days, minutes and labels."""

from datetime import date, timedelta
from pathlib import Path

from django.template import Context, Template
from hypothesis import given, settings
from hypothesis import strategies as st

from practice import charts
from practice.templatetags.stats_charts import (
    month_calendar,
    share_bars,
    weekly_chart,
    year_calendar,
)

DATA = Path(__file__).parent / "data"
WEEKLY = Template((DATA / "weekly_chart_as_template.html").read_text())
MONTH = Template((DATA / "calendar_month_as_template.html").read_text())
YEAR = Template((DATA / "calendar_year_as_template.html").read_text())
BARS = Template((DATA / "breakdown_as_template.html").read_text())
days = st.dates(min_value=date(1900, 2, 1), max_value=date(2100, 12, 31))
minutes = st.integers(min_value=0, max_value=100_000)


@settings(deadline=None, max_examples=80)
@given(
    last=days,
    weeks=st.lists(
        st.tuples(minutes, st.integers(min_value=0, max_value=50)), min_size=0, max_size=14
    ),
)
def test_the_weekly_chart_is_the_former_template(last, weeks):
    start = last - timedelta(weeks=len(weeks))
    weekly = charts.weekly_chart(
        [
            {"start": start + timedelta(weeks=n), "minutes": m, "sessions": s}
            for n, (m, s) in enumerate(weeks)
        ]
    )
    assert weekly_chart(weekly) == WEEKLY.render(Context({"weekly": weekly}))


@settings(deadline=None, max_examples=80)
@given(
    first=days.map(lambda day: day.replace(day=1)),
    today_offset=st.integers(min_value=-40, max_value=400),
    practised=st.dictionaries(st.integers(min_value=-7, max_value=40), minutes, max_size=30),
)
def test_the_month_calendar_is_the_former_template(first, today_offset, practised):
    today = first + timedelta(days=today_offset)
    month_days = {first + timedelta(days=offset): m for offset, m in practised.items()}
    month = charts.month_calendar(month_days, first=first, today=today)
    assert month_calendar(month) == MONTH.render(Context({"month": month}))


def test_the_month_calendar_links_a_practised_day_to_its_history():
    first = date(2026, 3, 1)
    month = charts.month_calendar({date(2026, 3, 4): 35}, first=first, today=date(2026, 3, 20))
    html = month_calendar(month)
    assert (
        '<a href="/practice/sessions/?day=2026-03-04" aria-label="4 March 2026: 35 minutes">'
        in html
    )
    assert html == MONTH.render(Context({"month": month}))


@given(day=st.dates(min_value=date(1, 1, 1)))
def test_a_day_label_is_the_day_and_strftime_month_and_year(day):
    assert charts.day_label(day) == f"{day.day} {day:%b %Y}"


@given(minutes=st.integers(min_value=-5, max_value=10_000))
def test_a_heat_level_counts_the_thresholds_reached(minutes):
    assert charts.level(minutes) == sum(1 for t in charts.LEVEL_MINUTES if minutes >= t)


@settings(deadline=None, max_examples=60)
@given(
    today=days,
    weeks=st.integers(min_value=1, max_value=53),
    practised=st.dictionaries(st.integers(min_value=-3, max_value=380), minutes, max_size=40),
)
def test_the_year_calendar_is_the_former_template(today, weeks, practised):
    start = today - timedelta(days=today.weekday(), weeks=weeks - 1)
    day_minutes = {start + timedelta(days=offset): m for offset, m in practised.items()}
    year = charts.year_calendar(day_minutes, start=start, today=today)
    assert year_calendar(year) == YEAR.render(Context({"year": year}))


labels = st.text(alphabet=st.sampled_from("aZ _<>&\"'é·"), max_size=10)


@settings(deadline=None, max_examples=80)
@given(
    rows=st.lists(
        st.fixed_dictionaries(
            {
                "key": labels,
                "label": labels,
                "sessions": st.integers(min_value=0, max_value=3),
                "minutes": minutes,
            }
        ),
        max_size=6,
    ),
    label=labels,
)
def test_the_share_bars_are_the_former_template(rows, label):
    bars = charts.share_bars(rows)
    assert share_bars(bars, label) == BARS.render(Context({"rows": bars, "label": label}))
