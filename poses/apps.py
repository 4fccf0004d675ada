from django.apps import AppConfig


class PosesConfig(AppConfig):
    name = "poses"

    def ready(self) -> None:
        from poses.panels import rated_poses
        from yogaflow.core.panels import register_panel

        register_panel("profile", template="poses/_rated_pose_lists.html", context=rated_poses)
