from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PosesConfig(AppConfig):
    name = "poses"

    def ready(self) -> None:
        from poses.panels import rated_poses
        from yogaflow.core.panels import register_panel

        register_panel("profile", template="poses/_rated_pose_lists.html", context=rated_poses)
        post_migrate.connect(_refresh_figure_versions, sender=self, dispatch_uid="figure-versions")


def _refresh_figure_versions(sender, *, using, apps=None, **kwargs) -> None:
    """A deployed renderer change takes effect at the release's `migrate`: figure addresses
    kept in the table get the new version, so browsers fetch the pictures drawn anew. Skipped
    where the migrations run stop before the column exists (`migrate poses 0006`). A flush
    sends no `apps`: the models are the current ones there."""
    from django.apps import apps as current_apps

    from poses.services import refresh_figure_versions

    try:
        model = (apps or current_apps).get_model("poses", "Pose")
    except LookupError:
        return
    if any(field.name == "figure_version" for field in model._meta.get_fields()):
        refresh_figure_versions(model=model, using=using)
