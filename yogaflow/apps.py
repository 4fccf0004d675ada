from django.apps import AppConfig


class YogaflowConfig(AppConfig):
    name = "yogaflow"
    verbose_name = "YogaFlow"

    def ready(self) -> None:
        from django_structlog import signals as structlog_signals

        from yogaflow import logs

        def on_request_started(sender, request, **kwargs):
            logs.add_request_timing(request)

        def on_request_finished(sender, request, response, log_kwargs, **kwargs):
            log_kwargs.update(logs.request_finished_fields(request, response))
            # `status` and `path` replace django-structlog's `code` and `request`
            # (the latter holds the query string, which is nobody's business).
            log_kwargs.pop("request", None)
            log_kwargs.pop("code", None)

        self._invalidate_library_cache_on_changes()

        structlog_signals.bind_extra_request_metadata.connect(
            on_request_started, weak=False, dispatch_uid="yogaflow-request-timing"
        )
        structlog_signals.bind_extra_request_finished_metadata.connect(
            on_request_finished, weak=False, dispatch_uid="yogaflow-request-finished"
        )

    @staticmethod
    def _invalidate_library_cache_on_changes() -> None:
        from django.conf import settings
        from django.db.models.signals import post_delete, post_save

        from poses.models import Pose
        from sequences.models import Favorite, Sequence, SequencePose
        from yogaflow.core.caching import bump_library_version

        for model in (Pose, Sequence, SequencePose, Favorite):
            for signal in (post_save, post_delete):
                signal.connect(
                    bump_library_version,
                    sender=model,
                    weak=False,
                    dispatch_uid=f"library-version-{model.__name__}-{signal is post_save}",
                )

        def on_user_saved(sender, update_fields=None, **kwargs):
            # Authors' display names show on public sequences; logins (last_login)
            # and password changes do not change any page.
            if update_fields is None or "display_name" in update_fields:
                bump_library_version()

        post_save.connect(
            on_user_saved,
            sender=settings.AUTH_USER_MODEL,
            weak=False,
            dispatch_uid="library-version-user",
        )
