"""Histories for the badge page and API tests."""

from datetime import datetime
from zoneinfo import ZoneInfo

from achievements.models import Achievement, UserAchievement
from practice.tests.factories import bulk_history

UTC = ZoneInfo("UTC")
MONDAY = datetime(2026, 1, 12, 10, 0, tzinfo=UTC)


def practise_days(user, days: int) -> None:
    """`days` sessions on consecutive days ending on MONDAY (bulk: no badges awarded)."""
    bulk_history(user, days, last=MONDAY)


def award(user, code: str, at: datetime) -> UserAchievement:
    award = UserAchievement.objects.create(
        user=user, achievement=Achievement.objects.get(code=code)
    )
    UserAchievement.objects.filter(pk=award.pk).update(earned_at=at)  # auto_now_add
    award.refresh_from_db()
    return award
