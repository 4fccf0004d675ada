"""All mail goes out through one task (yogaflow.core.tasks.send_email): callers render the
message and hand it here, inside or outside a request, and never wait for SMTP.

With a broker (CELERY_BROKER_URL) the message is queued for `make worker`; without one it is
sent at once in the caller (development, and tests that start no worker).
"""

import uuid

import structlog

from yogaflow.core.queue import enqueue

logger = structlog.get_logger(__name__)


def new_key(purpose: str) -> str:
    """A fresh message key for a message that is never repeated on purpose (a reset link)."""
    return f"{purpose}:{uuid.uuid4().hex}"


def send_mail(
    *, key: str, to: list[str], subject: str, body: str, headers: dict | None = None
) -> bool:
    """Queue one plain-text message; True once queued (or sent, when eager).

    `key` (no secret in it) makes delivery idempotent: a key already sent is never sent again,
    however often the task runs. A broker that cannot be reached is logged
    (`mail_enqueue_failed`) and answered False within about two seconds, never raised: the
    request that asked goes on as if queued.
    """
    from yogaflow.core.tasks import send_email

    task_id = enqueue(
        send_email,
        kwargs={"key": key, "to": to, "subject": subject, "body": body, "headers": headers},
        kwargsrepr=repr({"key": key}),  # never the body: it can hold a reset link
    )
    if task_id is None:
        logger.error("mail_enqueue_failed", key=key)
        return False
    logger.info("mail_queued", key=key, task_id=task_id)
    return True


def forget_sent_mail(*, older_than_days: int = 30) -> int:
    """Drop sent-mail keys older than this (no task is retried that long); how many."""
    from datetime import timedelta

    from django.utils import timezone

    from yogaflow.core.models import SentMail

    cutoff = timezone.now() - timedelta(days=older_than_days)
    deleted, _ = SentMail.objects.filter(sent_at__lt=cutoff).delete()
    return deleted
