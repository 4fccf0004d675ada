from django.apps import AppConfig


class SequencesConfig(AppConfig):
    name = "sequences"

    def ready(self) -> None:
        from poses.signals import pose_sides_changed
        from sequences.services import refresh_totals_for_pose

        pose_sides_changed.connect(refresh_totals_for_pose, dispatch_uid="sequences-pose-sides")
