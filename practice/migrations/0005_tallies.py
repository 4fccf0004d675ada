"""Tallies of each practitioner's history (practice.tallies), filled from the sessions already
recorded: badges and statistics read them instead of every session."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def backfill(apps, schema_editor):
    from practice.tallies import rebuild

    rebuild(models=lambda name: apps.get_model("practice", name))


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
