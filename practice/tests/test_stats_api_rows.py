"""Issue 15: GET /api/v1/stats writes its answer as plain dicts (stats_row); the JSON is the
one StatsSerializer writes, byte for byte, for real histories and for any numbers and names."""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.renderers import JSONRenderer

from practice.api.stats_serializers import StatsSerializer, stats_row
from practice.stats import practice_stats
from practice.tests.factories import practices, practitioner_with

BASE = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)


def rendered(data) -> bytes:
    return JSONRenderer().render(data)


def assert_written_alike(data: dict) -> None:
    assert rendered(stats_row(data)) == rendered(StatsSerializer(data).data)


@pytest.mark.django_db
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    history=st.lists(practices(days=60), max_size=14),
    zone=st.sampled_from(["UTC", "Pacific/Auckland", "America/Los_Angeles"]),
    today=st.integers(0, 70).map(lambda n: BASE.date() + timedelta(days=n)),
    sequence_gone=st.booleans(),
)
def test_the_answer_for_any_history_is_the_serializers_byte_for_byte(
    history, zone, today, sequence_gone
):
    user = practitioner_with(history, zone=zone, base=BASE, sequence_gone=sequence_gone)

    assert_written_alike(practice_stats(user, today=today))


days = st.dates(date(1990, 1, 1), date(2100, 12, 31))
counts = st.integers(0, 10**9)
names = st.one_of(st.none(), st.text(max_size=12))
periods = st.fixed_dictionaries({"start": days, "sessions": counts, "minutes": counts})
breakdowns = st.lists(
    st.fixed_dictionaries(
        {"key": st.text(max_size=8), "label": st.text(max_size=12), "sessions": counts,
         "minutes": counts}
    ),
    max_size=4,
)  # fmt: skip
top_poses = st.fixed_dictionaries(
    {"slug": st.text(max_size=10), "name": names, "sanskrit_name": st.text(max_size=10),
     "is_published": st.booleans(), "times": counts}
)  # fmt: skip


@given(
    data=st.fixed_dictionaries(
        {
            "today": days,
            "total_sessions": counts,
            "total_minutes": counts,
            "average_minutes": counts,
            "current_streak": counts,
            "longest_streak": counts,
            "this_week": periods,
            "this_month": periods,
            "weeks": st.lists(periods, max_size=12),
            "styles": breakdowns,
            "focuses": breakdowns,
            "top_poses": st.lists(top_poses, max_size=5),
            "calendar_start": days,
            "days": st.dictionaries(days, counts, max_size=8),
        }
    )
)
def test_any_numbers_names_and_days_are_written_as_the_serializer_writes_them(data):
    assert_written_alike(data)
