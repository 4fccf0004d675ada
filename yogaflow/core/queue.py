"""Handing work to the queue (Celery, yogaflow/celery.py) from a request: quickly or not at all.

Without a broker (CELERY_BROKER_URL unset) the task runs at once in the caller ("eager").
"""

import structlog
from kombu.exceptions import OperationalError

logger = structlog.get_logger(__name__)


def enqueue(task, *, kwargs: dict, kwargsrepr: str = "{}") -> str | None:
    """Queue `task` with keyword arguments; its task id, or None when the broker cannot be
    reached (logged as `enqueue_failed`, never raised: the caller answers as if queued).

    `kwargsrepr` is all Celery's own logs may show of the arguments: never a secret, a body or
    an address. The settings bound the wait for an absent broker to about two seconds.
    """
    try:
        result = task.apply_async(kwargs=kwargs, argsrepr="()", kwargsrepr=kwargsrepr)
    except OperationalError as error:
        logger.error("enqueue_failed", task=task.name, error=type(error).__name__)
        return None
    return result.id
