"""Histories for the badge page and API tests."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from achievements.models import Achievement, UserAchievement
from practice.models import PracticeSession
from practice.tests.factories import PracticeSessionFactory

UTC = ZoneInfo("UTC")
MONDAY = datetime(2026, 1, 12, 10, 0, tzinfo=UTC)


def practise_days(user, days: int) -> None:
    """`days` sessions on consecutive days ending on MONDAY (bulk: no badges awarded)."""
    PracticeSession.objects.bulk_create(
        PracticeSessionFactory.build(
            user=user,
            started_at=MONDAY - timedelta(days=index),
            local_date=(MONDAY - timedelta(days=index)).date(),
            local_hour=MONDAY.hour,
        )
        for index in range(days)
    )


def award(user, code: str, at: datetime) -> UserAchievement:
    award = UserAchievement.objects.create(
        user=user, achievement=Achievement.objects.get(code=code)
    )
    UserAchievement.objects.filter(pk=award.pk).update(earned_at=at)  # auto_now_add
    award.refresh_from_db()
    return award
