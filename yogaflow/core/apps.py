from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Installed for its template tags (pagination, panels) and the sent-mail register."""

    name = "yogaflow.core"
    label = "yogaflow_core"
    verbose_name = "YogaFlow core"
