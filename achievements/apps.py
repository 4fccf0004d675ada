from django.apps import AppConfig


class AchievementsConfig(AppConfig):
    name = "achievements"

    def ready(self) -> None:
        from achievements.services import on_sequence_created, on_session_recorded
        from practice.signals import session_recorded
        from sequences.signals import sequence_created

        session_recorded.connect(on_session_recorded, dispatch_uid="achievements-evaluate")
        sequence_created.connect(on_sequence_created, dispatch_uid="achievements-creator")
