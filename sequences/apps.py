from django.apps import AppConfig


class SequencesConfig(AppConfig):
    name = "sequences"

    def ready(self) -> None:
        from poses.signals import pose_sides_changed
        from sequences.panels import pose_sequences
        from sequences.services import refresh_totals_for_pose
        from yogaflow.core.panels import register_panel

        pose_sides_changed.connect(refresh_totals_for_pose, dispatch_uid="sequences-pose-sides")
        register_panel(
            "pose_detail", template="sequences/_pose_sequences.html", context=pose_sequences
        )
