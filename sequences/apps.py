from django.apps import AppConfig


class SequencesConfig(AppConfig):
    name = "sequences"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from poses.models import Pose
        from poses.signals import pose_sides_changed
        from sequences.models import Favorite
        from sequences.panels import pose_sequences
        from sequences.selectors import pose_written
        from sequences.services import (
            count_favorite_added,
            count_favorite_removed,
            refresh_totals_for_pose,
        )
        from yogaflow.core.panels import register_panel

        pose_sides_changed.connect(refresh_totals_for_pose, dispatch_uid="sequences-pose-sides")
        post_save.connect(count_favorite_added, sender=Favorite, dispatch_uid="favorite-count-up")
        post_delete.connect(
            count_favorite_removed, sender=Favorite, dispatch_uid="favorite-count-down"
        )
        for signal in (post_save, post_delete):
            signal.connect(
                pose_written, sender=Pose, dispatch_uid=f"library-cards-{signal is post_save}"
            )
        register_panel(
            "pose_detail", template="sequences/_pose_sequences.html", context=pose_sequences
        )
