"""Every pose gets its figure, and uploaded photos get resized copies.

Existing rows take their figure from poses/content/figures.json (a pose staff added, absent
there, starts from a body standing at ease, for staff to shape). The figure is library
content, so it enters each row's fingerprint: a row nobody edited is signed again with its
figure, so `load_library` goes on updating it (rather than reporting every curated pose as a
staff edit); a row staff edited stays an edit."""

import hashlib
import json
from pathlib import Path

from django.db import migrations, models

import poses.figures.schema

FIGURES_FILE = Path(__file__).resolve().parents[1] / "content" / "figures.json"
STANDING_AT_EASE = {
    "view": "side",
    "angles": {"shoulder_r": 8, "shoulder_l": -8},
    "contacts": ["ankle_r", "toe_r", "ankle_l", "toe_l"],
}
# poses.library.CONTENT_FIELDS as they were before the figure joined them.
CONTENT_FIELDS = (
    "kind",
    "name_en",
    "name_sa",
    "category",
    "difficulty",
    "description",
    "instructions",
    "benefits",
    "target_areas",
    "cautions",
    "contraindications",
    "modifications",
    "default_hold_seconds",
    "is_bilateral",
    "position",
    "intensity",
    "effort",
    "hold_min_seconds",
    "hold_max_seconds",
    "long_hold_min_seconds",
    "long_hold_max_seconds",
    "props",
    "breath_pattern",
)


def fingerprint(content: dict) -> str:
    """poses.library.fingerprint, as it is at this migration."""
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def give_every_pose_a_figure(apps, schema_editor):
    Pose = apps.get_model("poses", "Pose")
    figures = json.loads(FIGURES_FILE.read_text(encoding="utf-8")) if FIGURES_FILE.exists() else {}
    for pose in Pose.objects.all():
        content = {name: getattr(pose, name) for name in CONTENT_FIELDS}
        unedited = bool(pose.library_fingerprint) and pose.library_fingerprint == fingerprint(
            content
        )
        pose.figure = figures.get(pose.slug) or STANDING_AT_EASE
        if unedited:
            pose.library_fingerprint = fingerprint({**content, "figure": pose.figure})
        pose.save(update_fields=["figure", "library_fingerprint"])


class Migration(migrations.Migration):
    dependencies = [
        ("poses", "0004_sequencing_constraints"),
    ]

    operations = [
        migrations.AddField(
            model_name="pose",
            name="figure",
            field=models.JSONField(
                default=dict,
                error_messages={"blank": "Every pose needs a figure: a view and its joint angles."},
                help_text="The pose drawn as an articulated body: a view (side or front), joint angles in degrees, optional props (poses/figures/schema.py). Bilateral poses are described on the right side; the left is drawn as the mirror image.",
                validators=[poses.figures.schema.validate_figure],
            ),
        ),
        migrations.AddField(
            model_name="pose",
            name="image_renditions",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AlterField(
            model_name="pose",
            name="image",
            field=models.ImageField(
                blank=True, help_text="A photo shown instead of the figure.", upload_to="poses/"
            ),
        ),
        migrations.RunPython(give_every_pose_a_figure, migrations.RunPython.noop),
    ]
