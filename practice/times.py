"""Every conversion between a practitioner's wall clock and UTC, and the range of times kept.

One place decides the two awkward hours of a clock change, for every path (manual log, player,
API, stats, calendar, early/late badges):

- a local time that does not exist (the hour skipped when clocks go forward, e.g. 02:30 in
  Paris on 29 March 2026) is refused with a ValidationError (code ``nonexistent_time``): the
  practitioner picks a time that happened, rather than us guessing one;
- a local time that happens twice (the hour repeated when clocks go back) is its first
  occurrence (``fold=0``), the earlier of the two instants.

Durations are added in UTC (``start_utc + timedelta``), never on the wall clock, so 75 minutes
from 01:45 on the day clocks go forward end at 04:00 local, 75 real minutes later.

Every time the product keeps lies in [MIN_MOMENT, MAX_MOMENT): 1 January 1970 to 1 January 2100
UTC. Outside it a time is refused with a ValidationError (code ``out_of_range``), so no stored
row can make a read fail (a year-1 time in a zone east of UTC is year 0 in UTC, which no
Python datetime holds). The database holds the same range (PracticeSession's constraints).
"""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ValidationError

MIN_MOMENT = datetime(1970, 1, 1, tzinfo=UTC)
MAX_MOMENT = datetime(2100, 1, 1, tzinfo=UTC)
# Local days a practice may be on: a day's margin inside the instants, for any zone.
MIN_DAY = date(1970, 1, 2)
MAX_DAY = date(2099, 12, 30)
RANGE_MESSAGE = "Give a date between 2 January 1970 and 30 December 2099."


def zone_of(user) -> ZoneInfo:
    """The practitioner's IANA zone (UTC if it is unknown to this machine)."""
    try:
        return ZoneInfo(getattr(user, "timezone", "") or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def check_day(day: date, *, field: str = "date") -> None:
    """ValidationError keyed `field` (code out_of_range) unless MIN_DAY <= day <= MAX_DAY."""
    if not MIN_DAY <= day <= MAX_DAY:
        raise ValidationError({field: ValidationError(RANGE_MESSAGE, code="out_of_range")})


def check_moment(moment: datetime, *, field: str) -> datetime:
    """`moment` (aware) in UTC; ValidationError keyed `field` if naive or outside the range."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        message = "Give the time with its offset from UTC (e.g. 2026-03-01T07:00:00+01:00)."
        raise ValidationError({field: ValidationError(message, code="naive")})
    try:
        utc = moment.astimezone(UTC)
    except OverflowError:
        utc = None
    if utc is None or not MIN_MOMENT <= utc < MAX_MOMENT:
        message = "Give a time between 1970 and 2099 (UTC)."
        raise ValidationError({field: ValidationError(message, code="out_of_range")})
    return utc


def local_to_utc(day: date, clock: time, zone: ZoneInfo, *, field: str = "start_time") -> datetime:
    """The UTC instant of wall-clock `day` `clock` in `zone`.

    Repeated hour: the first occurrence. Skipped hour: ValidationError keyed `field`
    (code nonexistent_time). A day out of range: ValidationError keyed ``date``.
    """
    check_day(day)
    wall = datetime.combine(day, clock.replace(tzinfo=None, fold=0))
    utc = wall.replace(tzinfo=zone).astimezone(UTC)
    if utc.astimezone(zone).replace(tzinfo=None) != wall:
        message = (
            f"{clock:%H:%M} did not happen on {day:%-d %B %Y} in {zone.key}: the clocks went "
            "forward. Give the time shown on the clock then."
        )
        raise ValidationError({field: ValidationError(message, code="nonexistent_time")})
    return utc


def to_local(moment: datetime, zone: ZoneInfo) -> datetime:
    """An aware instant on the wall clock of `zone` (always defined)."""
    return moment.astimezone(zone)
