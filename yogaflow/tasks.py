"""The roof's scheduled work: the daily clean-ups (settings.CELERY_BEAT_SCHEDULE)."""

import structlog
from celery import shared_task
from django.core.management import call_command

from yogaflow.core.mail import forget_sent_mail

logger = structlog.get_logger(__name__)


@shared_task(name="yogaflow.daily_clean_ups", ignore_result=True)
def daily_clean_ups() -> None:
    """Once a day: expired page sessions (`clearsessions`), expired refresh tokens and their
    blacklist entries (`flushexpiredtokens`), sent-mail keys older than 30 days."""
    call_command("clearsessions")
    call_command("flushexpiredtokens")
    logger.info("daily_clean_ups_done", sent_mail_forgotten=forget_sent_mail(older_than_days=30))
