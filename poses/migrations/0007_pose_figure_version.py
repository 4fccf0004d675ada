"""Each pose keeps its figure's version (poses.pictures.figure_version) beside the figure, so
a page of cards reads it instead of digesting every figure on every request."""

from django.db import migrations, models


def fill_figure_versions(apps, schema_editor):
    from poses.services import refresh_figure_versions

    refresh_figure_versions(model=apps.get_model("poses", "Pose"), using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [("poses", "0006_text_limits")]

    operations = [
        migrations.AddField(
            model_name="pose",
            name="figure_version",
            field=models.CharField(blank=True, editable=False, max_length=16),
        ),
        migrations.RunPython(fill_figure_versions, migrations.RunPython.noop),
    ]
