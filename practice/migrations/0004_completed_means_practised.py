"""Existing sessions under the one completion rule (practice.services.is_completed): a class
logged by hand was practised; a session of a sequence still there is completed when more than
half the sequence's time was practised. Sessions whose plan is unknown (a generated practice,
a deleted sequence) keep what was recorded. Badges already earned stay earned."""

from django.db import migrations
from django.db.models import F, OuterRef, Subquery


def apply_the_rule(apps, schema_editor):
    session = apps.get_model("practice", "PracticeSession")
    sequence = apps.get_model("sequences", "Sequence")
    session.objects.filter(source="manual", completed=False).update(completed=True)
    planned = Subquery(sequence.objects.filter(pk=OuterRef("sequence_id")).values("total_duration_seconds")[:1])
    with_plan = session.objects.exclude(source="manual").filter(sequence__isnull=False)
    with_plan = with_plan.annotate(planned=planned, twice=F("duration_seconds") * 2)
    with_plan.filter(completed=True, planned__gt=0, twice__lte=F("planned")).update(
        completed=False
    )
    with_plan.filter(completed=False, planned__gt=0, twice__gt=F("planned")).update(
        completed=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("practice", "0003_steps_done_and_time_range"),
        ("sequences", "0002_text_limits"),
    ]

    operations = [migrations.RunPython(apply_the_rule, migrations.RunPython.noop)]
