"""Accounts' work outside the request (yogaflow/celery.py)."""

from celery import shared_task
from django.conf import settings

from accounts import services
from yogaflow.core.exceptions import ServiceUnavailable


@shared_task(
    name="accounts.send_password_reset",
    ignore_result=True,
    # The cache is down (the reset allowance cannot be counted): try again later rather than
    # lose the mail. Only this error: a bug or bad input is not retried.
    autoretry_for=(ServiceUnavailable,),
    retry_backoff=settings.RESET_RETRY_BACKOFF_SECONDS,
    retry_backoff_max=settings.RESET_RETRY_BACKOFF_MAX_SECONDS,
    retry_jitter=True,
    max_retries=settings.RESET_MAX_RETRIES,
    # What Celery logs of the retried message: never the address.
    retry_kwargs={"argsrepr": "()", "kwargsrepr": "{}"},
)
def send_password_reset(*, email: str, link_template: str) -> bool:
    """Look the address up and queue its reset mail if it has an account (services); True if
    a message was queued.

    While the shared cache is down the reset allowance cannot be counted
    (`ServiceUnavailable`): Celery retries the task after RESET_RETRY_BACKOFF_SECONDS, doubling
    up to RESET_RETRY_BACKOFF_MAX_SECONDS with full jitter, at most RESET_MAX_RETRIES times,
    then lets it fail (logged by the worker, the address never). Run eagerly (no broker) the
    retries come at once, in the caller.
    """
    return services.send_password_reset_link(email=email, link_template=link_template)
