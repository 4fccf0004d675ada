"""The mail task: every message YogaFlow sends goes through `send_email`."""

import random
import smtplib

import structlog
from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage

from yogaflow.core.models import SentMail

logger = structlog.get_logger(__name__)

# A refused or dropped connection (OSError), a timeout, or an SMTP error answer.
RETRYABLE = (smtplib.SMTPException, OSError)


def is_permanent(error: Exception) -> bool:
    """A 5xx answer (unknown mailbox, refused sender): trying again would get the same."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in error.recipients.values())
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def retry_delay(retries: int) -> float:
    """Seconds before attempt `retries + 1`: MAIL_RETRY_BASE_SECONDS doubled each time, capped
    at MAIL_RETRY_MAX_SECONDS, with ±20 % jitter so a queue of failures does not retry in step."""
    delay = min(settings.MAIL_RETRY_BASE_SECONDS * 2**retries, settings.MAIL_RETRY_MAX_SECONDS)
    return delay * random.uniform(0.8, 1.2)  # noqa: S311 (jitter, not a secret)


@shared_task(bind=True, name="mail.send_email", ignore_result=True)
def send_email(self, *, key: str, to: list[str], subject: str, body: str, headers=None) -> str:
    """Send one message unless its key was sent already; "sent", "duplicate" or "refused".

    SMTP and network errors retry after retry_delay(); after MAIL_MAX_RETRIES the failure is
    logged (`mail_failed`: task id, key and error class — never the address or the body)
    and raised. A permanent refusal (5xx) is logged the same way at once and not retried.

    The key is recorded once the SMTP server took the message: a redelivered task (a worker
    lost mid-task, acks_late) finds it and sends nothing. Two copies running in the very same
    second could both send — SMTP cannot be part of a transaction; that is the one gap.
    """
    if SentMail.objects.filter(key=key).exists():
        logger.info("mail_duplicate_skipped", key=key, task_id=self.request.id)
        return "duplicate"
    message = EmailMessage(subject=subject, body=body, to=to, headers=headers or None)
    try:
        message.send()
    except RETRYABLE as error:
        attempt = self.request.retries + 1
        permanent = is_permanent(error)
        if permanent or self.request.retries >= settings.MAIL_MAX_RETRIES:
            logger.error(
                "mail_failed",
                key=key,
                task_id=self.request.id,
                attempts=attempt,
                error=type(error).__name__,
                permanent=permanent,
            )
            if permanent:
                return "refused"
            raise
        delay = retry_delay(self.request.retries)
        logger.warning(
            "mail_retrying",
            key=key,
            task_id=self.request.id,
            attempt=attempt,
            retry_in_seconds=round(delay, 2),
            error=type(error).__name__,
        )
        raise self.retry(
            exc=error,
            countdown=delay,
            max_retries=settings.MAIL_MAX_RETRIES,
            # What Celery logs of the retried message: the key, never the address or body.
            argsrepr="()",
            kwargsrepr=repr({"key": key}),
        ) from error
    SentMail.objects.get_or_create(key=key)
    logger.info("mail_sent", key=key, task_id=self.request.id)
    return "sent"
