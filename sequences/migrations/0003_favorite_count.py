"""A kept favorite count per sequence (issue 15: `sort=popular` without counting per request),
filled from the favorites already kept."""

from django.conf import settings
from django.db import migrations, models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce


def count_favorites(apps, schema_editor):
    Sequence = apps.get_model("sequences", "Sequence")
    Favorite = apps.get_model("sequences", "Favorite")
    favorites = (
        Favorite.objects.filter(sequence=OuterRef("pk"))
        .order_by()
        .values("sequence")
        .annotate(n=Count("pk"))
        .values("n")
    )
    Sequence.objects.update(favorite_count=Coalesce(Subquery(favorites), 0))


class Migration(migrations.Migration):
    dependencies = [
        ("sequences", "0002_text_limits"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="sequence",
            name="favorite_count",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.AddIndex(
            model_name="sequence",
            index=models.Index(fields=["-favorite_count", "title"], name="seq_popular"),
        ),
        migrations.RunPython(count_favorites, migrations.RunPython.noop, elidable=True),
    ]
