"""Progress of a practitioner towards every badge, in a handful of queries."""

from django.db.models import Count, Q, Sum

from achievements.models import Achievement, Rule, UserAchievement
from practice.models import PracticeSession
from practice.selectors import practice_runs
from sequences.models import Sequence

EARLY_HOUR = 7
EVENING_HOUR = 20


def progress_values(user) -> dict[str, int]:
    """Each rule's current value for the user: 3 queries, whatever the history size."""
    totals = PracticeSession.objects.filter(user=user).aggregate(
        sessions=Count("pk"),
        seconds=Sum("duration_seconds"),
        distinct_sequences=Count("sequence", distinct=True),
        early=Count("pk", filter=Q(local_hour__lt=EARLY_HOUR)),
        evening=Count("pk", filter=Q(local_hour__gte=EVENING_HOUR)),
        completed=Count("pk", filter=Q(completed=True)),
    )
    longest = max((run.days for run in practice_runs(user)), default=0)
    return {
        Rule.SESSIONS: totals["sessions"],
        Rule.MINUTES: (totals["seconds"] or 0) // 60,
        Rule.STREAK_DAYS: longest,
        Rule.DISTINCT_SEQUENCES: totals["distinct_sequences"],
        Rule.CUSTOM_SEQUENCES: Sequence.objects.filter(author=user).count(),
        Rule.EARLY_SESSIONS: totals["early"],
        Rule.EVENING_SESSIONS: totals["evening"],
        Rule.COMPLETED_SESSIONS: totals["completed"],
    }


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
