"""Awarding badges: each exactly once, even under concurrent recording."""

import structlog
from django.db import IntegrityError, transaction

from accounts.services import lock_user
from achievements.models import Achievement, UserAchievement
from achievements.selectors import progress_values

logger = structlog.get_logger(__name__)


@transaction.atomic(savepoint=False)  # inside the recording's transaction: no savepoint
def evaluate_for(user, *, session=None) -> list[Achievement]:
    """Award every active badge the user now qualifies for; return the ones new this time.

    Never missed: the user's row is locked before progress is read, so of two transactions
    that each added a session, the second reads after the first committed and counts both.
    Never twice: the (user, achievement) unique constraint; a concurrent award of the same
    badge is caught and not reported. Queries: lock (1) + progress (1, from the tallies practice
    keeps: the same at any history size) + open badges (1) + one insert per new badge.
    """
    lock_user(user)
    values = progress_values(user)
    open_badges = Achievement.objects.filter(is_active=True).exclude(awards__user=user)
    awarded = []
    for achievement in open_badges:
        if values.get(achievement.rule, 0) < achievement.threshold:
            continue
        try:
            with transaction.atomic():
                UserAchievement.objects.create(user=user, achievement=achievement, session=session)
        except IntegrityError:
            continue  # another process awarded it a moment ago
        awarded.append(achievement)
        logger.info("achievement_earned", user_id=user.pk, code=achievement.code)
    return awarded


def on_session_recorded(sender, *, user, session, **kwargs) -> list[Achievement]:
    """Receiver of practice.signals.session_recorded (same transaction as the session)."""
    return evaluate_for(user, session=session)


def on_sequence_created(sender, *, user, sequence, **kwargs) -> None:
    """Receiver of sequences.signals.sequence_created: building counts too (the creator badge)."""
    evaluate_for(user)
