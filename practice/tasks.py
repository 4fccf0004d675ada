"""Practice's scheduled work (yogaflow/celery.py; the schedule is settings.CELERY_BEAT_SCHEDULE)."""

from celery import shared_task
from django.utils import timezone

from practice import reminders


@shared_task(name="practice.send_due_reminders", ignore_result=True)
def send_due_reminders() -> int:
    """Every minute: queue the practice reminders due now (practice.reminders)."""
    return reminders.send_due_reminders(now=timezone.now())
