"""What a teacher sequences by: kind, position, intensity, effort, hold ranges, props and
breath pattern. Existing rows get values derived from their category and usual hold;
`load_library` then brings the curated poses to the reviewed values of the content file."""

import django.core.validators
from django.db import migrations, models

import poses.models

PASSIVE_CATEGORIES = {"restorative"}
POSITIONS = {
    "standing": "standing",
    "balance": "standing",
    "seated": "seated",
    "forward_fold": "seated",
    "twist": "seated",
    "hip_opener": "seated",
    "backbend": "prone",
    "inversion": "inverted",
    "core": "hands_and_feet",
    "restorative": "supine",
}
INTENSITY = {"beginner": 2, "intermediate": 3, "advanced": 4}


def derive(apps, schema_editor):
    Pose = apps.get_model("poses", "Pose")
    for pose in Pose.objects.all():
        hold = pose.default_hold_seconds
        passive = pose.category in PASSIVE_CATEGORIES or hold >= 180
        pose.position = POSITIONS.get(pose.category, "seated")
        pose.effort = "passive" if passive else "active"
        pose.intensity = 1 if passive else INTENSITY.get(pose.difficulty, 2)
        pose.hold_min_seconds = max(5, min(hold, hold // 3))
        pose.hold_max_seconds = min(600, max(hold, hold * 3))
        if passive:
            pose.long_hold_min_seconds = min(hold, 600)
            pose.long_hold_max_seconds = min(600, hold * 2)
        pose.save()


def size(name):
    return models.PositiveSmallIntegerField(
        name,
        validators=[
            django.core.validators.MinValueValidator(5),
            django.core.validators.MaxValueValidator(600),
        ],
    )


class Migration(migrations.Migration):
    dependencies = [("poses", "0002_poserating")]

    operations = [
        migrations.RemoveConstraint(model_name="pose", name="pose_category_valid"),
        migrations.AddField(
            model_name="pose",
            name="kind",
            field=models.CharField(
                choices=[
                    ("asana", "Pose (asana)"),
                    ("pranayama", "Breathing (pranayama)"),
                    ("meditation", "Meditation"),
                ],
                default="asana",
                max_length=16,
            ),
        ),
        migrations.AddField(
            model_name="pose",
            name="position",
            field=models.CharField(
                choices=[
                    ("standing", "Standing"),
                    ("hands_and_feet", "On hands and feet"),
                    ("kneeling", "Kneeling or on hands and knees"),
                    ("seated", "Seated"),
                    ("supine", "Lying on the back"),
                    ("side_lying", "Lying on the side"),
                    ("prone", "Lying on the belly"),
                    ("inverted", "Inverted"),
                    ("arm_balance", "Arm balance"),
                ],
                default="seated",
                max_length=16,
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="pose",
            name="intensity",
            field=models.PositiveSmallIntegerField(
                default=2,
                help_text="1 restful … 5 very strong, for a practitioner of the pose's level.",
                validators=[
                    django.core.validators.MinValueValidator(1),
                    django.core.validators.MaxValueValidator(5),
                ],
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="pose",
            name="effort",
            field=models.CharField(
                choices=[("active", "Active"), ("passive", "Passive")],
                default="active",
                max_length=8,
            ),
        ),
        migrations.AddField(
            model_name="pose",
            name="hold_min_seconds",
            field=models.PositiveSmallIntegerField(default=5),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="pose",
            name="hold_max_seconds",
            field=models.PositiveSmallIntegerField(default=600),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="pose",
            name="long_hold_min_seconds",
            field=models.PositiveSmallIntegerField(null=True, blank=True),
        ),
        migrations.AddField(
            model_name="pose",
            name="long_hold_max_seconds",
            field=models.PositiveSmallIntegerField(null=True, blank=True),
        ),
        migrations.AddField(
            model_name="pose",
            name="props",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Props the pose uses.",
                validators=[poses.models.validate_props],
            ),
        ),
        migrations.AddField(
            model_name="pose",
            name="breath_pattern",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text='Breathing practices: seconds per phase, e.g. {"inhale": 4, "exhale": 6}.',
                validators=[poses.models.validate_breath_pattern],
            ),
        ),
        migrations.RunPython(derive, migrations.RunPython.noop),
    ]
