"""The Celery app: tasks live in each app's `tasks.py` (autodiscovered) and call that app's
services, as views do. `make worker` runs a worker with the scheduler (beat) embedded.

Configuration is Django's settings under the CELERY_ prefix (yogaflow/settings.py): without
CELERY_BROKER_URL every task runs eagerly inside its caller. The worker logs through
settings.LOGGING (JSON lines like the app's) with each line's task_id (django-structlog).
"""

import logging.config
import os

from celery import Celery, signals
from django_structlog.celery.steps import DjangoStructLogInitStep

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yogaflow.settings")

app = Celery("yogaflow")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.steps["worker"].add(DjangoStructLogInitStep)


@signals.setup_logging.connect
def _use_django_logging(**kwargs) -> None:
    """Keep Django's LOGGING (structlog, secrets redacted) instead of Celery's own format."""
    from django.conf import settings

    logging.config.dictConfig(settings.LOGGING)
