"""Progress of a practitioner towards every badge, in one query whatever the history size."""

from django.db import connection

from achievements.models import Achievement, Rule, UserAchievement
from practice.models import PracticeHour, PracticeRun, PracticeTally, PractisedSequence
from sequences.models import Sequence

EARLY_HOUR = 7
EVENING_HOUR = 20


def _progress_sql() -> str:
    """One SELECT of scalar subqueries over the tallies, each 0 when the user has no rows.

    Written as SQL once: built through the ORM (eight correlated Subquery expressions) the
    query took longer to compile in Python than the database took to answer it."""

    def part(aggregate: str, model, where: str = "user_id = %(user)s") -> str:
        # Table names from the models, values as parameters.
        return f"(SELECT {aggregate} FROM {model._meta.db_table} WHERE {where})"  # noqa: S608

    parts = [
        part("COALESCE(SUM(sessions), 0)", PracticeTally),
        part("COALESCE(SUM(seconds), 0)", PracticeTally),
        part("COALESCE(SUM(completed), 0)", PracticeTally),
        part(
            "COALESCE(SUM(sessions), 0)",
            PracticeHour,
            "user_id = %(user)s AND local_hour < %(early)s",
        ),
        part(
            "COALESCE(SUM(sessions), 0)",
            PracticeHour,
            "user_id = %(user)s AND local_hour >= %(evening)s",
        ),
        part("COALESCE(MAX(days), 0)", PracticeRun),
        part("COUNT(DISTINCT sequence_id)", PractisedSequence),
        part("COUNT(*)", Sequence, "author_id = %(user)s"),
    ]
    return "SELECT " + ", ".join(parts)


PROGRESS_FIELDS = (
    Rule.SESSIONS,
    "seconds",
    Rule.COMPLETED_SESSIONS,
    Rule.EARLY_SESSIONS,
    Rule.EVENING_SESSIONS,
    Rule.STREAK_DAYS,
    Rule.DISTINCT_SEQUENCES,
    Rule.CUSTOM_SEQUENCES,
)


def progress_values(user) -> dict[str, int]:
    """Each rule's current value for the user: one query, the same whatever the history size.

    Read from the tallies practice keeps as sessions are recorded and deleted (practice.tallies),
    never from the sessions themselves: sessions, minutes and completed sessions from the
    (style, focus) tallies, early (before EARLY_HOUR) and evening (from EVENING_HOUR) sessions
    from the sessions per local starting hour, the longest streak from the runs of practice
    days, distinct sequences from the sequences practised (a deleted sequence no longer counts,
    as its sessions no longer name it), own sequences built. Minutes are whole minutes of the
    seconds practised in all.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            _progress_sql(), {"user": user.pk, "early": EARLY_HOUR, "evening": EVENING_HOUR}
        )
        values = dict(zip(PROGRESS_FIELDS, map(int, cursor.fetchone()), strict=True))
    values[Rule.MINUTES] = values.pop("seconds") // 60
    return values


def badges_for(user) -> list[dict]:
    """Every active badge with earned flag, date and progress ("4 / 7 days"), in display order."""
    earned = {award.achievement_id: award for award in UserAchievement.objects.filter(user=user)}
    values = progress_values(user)
    badges = []
    for achievement in Achievement.objects.filter(is_active=True):
        award = earned.get(achievement.pk)
        current = min(values.get(achievement.rule, 0), achievement.threshold)
        badges.append(
            {
                "achievement": achievement,
                "earned": award is not None,
                "earned_at": award.earned_at if award else None,
                "progress": achievement.threshold if award else current,
                "threshold": achievement.threshold,
                "unit": achievement.unit,
            }
        )
    return badges
