"""Tallies of each practitioner's history (practice.tallies), filled from the sessions already
recorded: badges and statistics read them instead of every session."""

from datetime import timedelta

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Sum, Value
from django.db.models.expressions import Case, When

# What the backfill needs of practice.tallies.rebuild as it stood when this migration was
# written, copied here over the historical models: a later change to the module must not change
# what this migration does to a database that has not run it yet.

BATCH = 2000


def backfill(apps, schema_editor):
    """Fill the new (empty) tallies from every session recorded so far: the same rows as
    practice.tallies.rebuild gives (a test holds it)."""
    Session = apps.get_model("practice", "PracticeSession")
    Step = apps.get_model("practice", "PracticeStep")
    sessions = Session.objects.order_by()

    Day = apps.get_model("practice", "PracticeDay")
    days = sessions.values("user_id", "local_date").annotate(
        n=Count("pk"), seconds=Sum("duration_seconds")
    )
    Day.objects.bulk_create(
        (
            Day(
                user_id=r["user_id"],
                local_date=r["local_date"],
                sessions=r["n"],
                seconds=r["seconds"],
            )
            for r in days.iterator()
        ),
        batch_size=BATCH,
    )

    Run = apps.get_model("practice", "PracticeRun")
    practised = sessions.values_list("user_id", "local_date").distinct()
    Run.objects.bulk_create(
        _runs(Run, practised.order_by("user_id", "local_date")), batch_size=BATCH
    )

    Tally = apps.get_model("practice", "PracticeTally")
    tallies = sessions.values("user_id", "style", "focus").annotate(
        n=Count("pk"), seconds=Sum("duration_seconds"), done=Count("pk", filter=Q(completed=True))
    )
    Tally.objects.bulk_create(
        (
            Tally(
                user_id=r["user_id"],
                style=r["style"],
                focus=r["focus"],
                sessions=r["n"],
                seconds=r["seconds"],
                completed=r["done"],
            )
            for r in tallies.iterator()
        ),
        batch_size=BATCH,
    )

    Hour = apps.get_model("practice", "PracticeHour")
    hours = sessions.values("user_id", "local_hour").annotate(n=Count("pk"))
    Hour.objects.bulk_create(
        (Hour(user_id=r["user_id"], local_hour=r["local_hour"], sessions=r["n"]) for r in hours),
        batch_size=BATCH,
    )

    # How far a session without kept steps got through its sequence; 0 for one with steps.
    Sequence = apps.get_model("practice", "PractisedSequence")
    kept = Exists(Step.objects.filter(session=OuterRef("pk")))
    reached = Case(
        When(Q(kept=True) | Q(poses_completed__lte=0), then=Value(0)),
        default="poses_completed",
        output_field=IntegerField(),
    )
    sequences = (
        sessions.filter(sequence__isnull=False)
        .annotate(kept=kept)
        .annotate(reached=reached)
        .values("user_id", "sequence_id", "reached")
        .annotate(n=Count("pk"))
    )
    Sequence.objects.bulk_create(
        (
            Sequence(
                user_id=r["user_id"],
                sequence_id=r["sequence_id"],
                reached=r["reached"],
                sessions=r["n"],
            )
            for r in sequences.iterator()
        ),
        batch_size=BATCH,
    )

    Pose = apps.get_model("practice", "PractisedPose")
    poses = (
        Step.objects.order_by()
        .values("session__user_id", "pose_slug")
        .annotate(n=Count("session", distinct=True))
    )
    Pose.objects.bulk_create(
        (
            Pose(user_id=r["session__user_id"], pose_slug=r["pose_slug"], sessions=r["n"])
            for r in poses.iterator()
        ),
        batch_size=BATCH,
    )


def _runs(Run, days):
    """Runs of consecutive practice days (PracticeRun rows) from (user id, day) pairs ordered by
    user and day."""
    one_day = timedelta(days=1)
    user_id = first = last = None
    for uid, day in days.iterator():
        if uid == user_id and day == last + one_day:
            last = day
            continue
        if user_id is not None:
            yield Run(user_id=user_id, first_day=first, last_day=last, days=(last - first).days + 1)
        user_id, first, last = uid, day, day
    if user_id is not None:
        yield Run(user_id=user_id, first_day=first, last_day=last, days=(last - first).days + 1)


class Migration(migrations.Migration):

    dependencies = [
        ('practice', '0004_completed_means_practised'),
        ('sequences', '0002_text_limits'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='PracticeDay',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('local_date', models.DateField()),
                ('sessions', models.PositiveIntegerField()),
                ('seconds', models.PositiveBigIntegerField()),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('user', 'local_date'), name='practice_day_unique')],
            },
        ),
        migrations.CreateModel(
            name='PracticeHour',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('local_hour', models.PositiveSmallIntegerField()),
                ('sessions', models.PositiveIntegerField()),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('user', 'local_hour'), name='practice_hour_unique')],
            },
        ),
        migrations.CreateModel(
            name='PracticeRun',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('first_day', models.DateField()),
                ('last_day', models.DateField()),
                ('days', models.PositiveIntegerField(help_text='last_day - first_day + 1')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'indexes': [models.Index(fields=['user', 'days'], name='practice_run_user_days')],
                'constraints': [models.UniqueConstraint(fields=('user', 'last_day'), name='practice_run_last_unique'), models.UniqueConstraint(fields=('user', 'first_day'), name='practice_run_first_unique'), models.CheckConstraint(condition=models.Q(('last_day__gte', models.F('first_day'))), name='practice_run_ordered')],
            },
        ),
        migrations.CreateModel(
            name='PracticeTally',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('style', models.CharField(blank=True, max_length=16)),
                ('focus', models.CharField(blank=True, max_length=16)),
                ('sessions', models.PositiveIntegerField()),
                ('seconds', models.PositiveBigIntegerField()),
                ('completed', models.PositiveIntegerField()),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('user', 'style', 'focus'), name='practice_tally_unique')],
            },
        ),
        migrations.CreateModel(
            name='PractisedPose',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('pose_slug', models.SlugField(db_index=False, max_length=120)),
                ('sessions', models.PositiveIntegerField()),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('user', 'pose_slug'), name='practised_pose_unique')],
            },
        ),
        migrations.CreateModel(
            name='PractisedSequence',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('reached', models.PositiveSmallIntegerField()),
                ('sessions', models.PositiveIntegerField()),
                ('sequence', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='sequences.sequence')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('user', 'sequence', 'reached'), name='practised_sequence_unique')],
            },
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
