"""practice.times: local wall clock ↔ UTC across clock changes, over zones with transitions."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from hypothesis import example, given, settings
from hypothesis import strategies as st

from practice.times import (
    MAX_DAY,
    MIN_DAY,
    check_moment,
    local_to_utc,
)

# Zones with clock changes of every kind: forward/back by an hour, half an hour (Lord Howe),
# at midnight (Santiago, Havana, Beirut), southern hemisphere, a zone that moved across the
# date line (Apia), and one with none (Kolkata) to keep the ordinary case honest.
ZONES = [
    "Europe/Paris",
    "America/New_York",
    "America/Santiago",
    "America/Havana",
    "Asia/Beirut",
    "Australia/Lord_Howe",
    "Australia/Sydney",
    "Pacific/Apia",
    "Asia/Kolkata",
    "America/Sao_Paulo",
    "Europe/London",
]
zones = st.sampled_from(ZONES).map(ZoneInfo)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))
clocks = st.times().map(lambda moment: moment.replace(microsecond=0))


def instants_showing(wall: datetime, zone: ZoneInfo) -> list[datetime]:
    """Every UTC instant whose local wall clock in `zone` reads `wall` (by brute force)."""
    found = []
    for fold in (0, 1):
        guess = wall.replace(tzinfo=zone, fold=fold).astimezone(UTC)
        for shift in range(-3, 4):  # offsets change by at most a few hours (or a day: Apia)
            candidate = guess + timedelta(minutes=30 * shift)
            if candidate.astimezone(zone).replace(tzinfo=None) == wall:
                found.append(candidate)
    for day_shift in (-1, 1):  # Apia skipped a whole day
        candidate = wall.replace(tzinfo=zone).astimezone(UTC) + timedelta(days=day_shift)
        if candidate.astimezone(zone).replace(tzinfo=None) == wall:
            found.append(candidate)
    return sorted(set(found))


@settings(max_examples=400, deadline=None)
@given(zone=zones, day=days, clock=clocks)
def test_a_local_time_is_its_first_instant_or_refused_when_it_never_happened(zone, day, clock):
    wall = datetime.combine(day, clock)
    instants = instants_showing(wall, zone)
    try:
        utc = local_to_utc(day, clock, zone)
    except ValidationError as error:
        assert error.error_dict["start_time"][0].code == "nonexistent_time"
        assert instants == []
        return
    assert utc.tzinfo is UTC
    assert utc.astimezone(zone).replace(tzinfo=None) == wall
    assert utc == instants[0]  # the repeated hour: its first occurrence


@settings(max_examples=300, deadline=None)
@given(zone=zones, day=days, clock=clocks, minutes=st.integers(1, 360))
# Three hours from 22:00 across Havana's midnight change end at the second 00:00.
@example(zone=ZoneInfo("America/Havana"), day=date(2021, 11, 6), clock=time(22), minutes=180)
def test_a_duration_is_added_in_real_time(zone, day, clock, minutes):
    try:
        start = local_to_utc(day, clock, zone)
    except ValidationError:
        return
    end = start + timedelta(minutes=minutes)
    assert (end - start).total_seconds() == minutes * 60
    # On the wall clock it may look longer or shorter (Python subtracts two times of one zone
    # on the wall clock); each shown time still stands for the same instant.
    assert start.astimezone(zone).astimezone(UTC) == start
    assert end.astimezone(zone).astimezone(UTC) == end


def test_the_hour_skipped_in_paris_is_refused_and_the_hour_repeated_is_its_first():
    paris = ZoneInfo("Europe/Paris")
    with pytest.raises(ValidationError) as refused:
        local_to_utc(date(2026, 3, 29), time(2, 30), paris)
    assert "clocks went forward" in str(refused.value)
    assert local_to_utc(date(2026, 3, 29), time(1, 45), paris) == datetime(
        2026, 3, 29, 0, 45, tzinfo=UTC
    )
    assert local_to_utc(date(2026, 10, 25), time(2, 30), paris) == datetime(
        2026, 10, 25, 0, 30, tzinfo=UTC
    )


@pytest.mark.parametrize(
    "moment",
    [
        datetime(1, 1, 1, tzinfo=ZoneInfo("Europe/Paris")),
        datetime(1969, 12, 31, 23, 59, tzinfo=UTC),
        datetime(2100, 1, 1, tzinfo=UTC),
        datetime(9999, 12, 31, 23, 59, tzinfo=ZoneInfo("Pacific/Kiritimati")),
        datetime(2026, 3, 1, 7, 0),  # naive
    ],
)
def test_times_outside_1970_to_2099_or_without_an_offset_are_refused(moment):
    with pytest.raises(ValidationError) as refused:
        check_moment(moment, field="started_at")
    assert set(refused.value.error_dict) == {"started_at"}


@pytest.mark.parametrize("day", [date(1, 1, 1), MIN_DAY - timedelta(days=1), date(9999, 12, 31)])
def test_days_out_of_range_are_refused(day):
    with pytest.raises(ValidationError):
        local_to_utc(day, time(0), ZoneInfo("Europe/Paris"))
    assert MIN_DAY < MAX_DAY


def test_every_conversion_here_is_used_by_the_product():
    """One place decides clock changes only if the product calls it: a public function of
    practice.times that nothing outside it and the tests uses is dead weight to keep right."""
    import inspect
    import re
    from pathlib import Path

    import practice.times as times

    module = Path(times.__file__).resolve()
    root = module.parents[1]
    sources = [
        path.read_text()
        for folder in root.iterdir()
        if folder.is_dir() and not folder.name.startswith(".")
        for path in folder.rglob("*.py")
        if path != module and "tests" not in path.parts
    ]
    public = [
        name
        for name, value in vars(times).items()
        if inspect.isfunction(value) and value.__module__ == times.__name__
        if not name.startswith("_")
    ]

    unused = [
        name for name in public if not any(re.search(rf"\b{name}\b", text) for text in sources)
    ]
    assert public and unused == []
