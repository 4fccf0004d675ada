from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "practice"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from practice.models import PracticeSession
        from practice.stats import bump_stats_version

        for signal in (post_save, post_delete):
            signal.connect(
                bump_stats_version,
                sender=PracticeSession,
                dispatch_uid=f"practice-stats-version-{signal is post_save}",
            )
