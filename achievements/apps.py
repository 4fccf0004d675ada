from django.apps import AppConfig


class AchievementsConfig(AppConfig):
    name = "achievements"

    def ready(self) -> None:
        from achievements.services import on_session_recorded
        from practice.signals import session_recorded

        session_recorded.connect(on_session_recorded, dispatch_uid="achievements-evaluate")
