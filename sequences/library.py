"""Loads the curated library (poses with their figures, then sequences) in one transaction:
`manage.py load_library`.

The rule, the same for both kinds of row (README "Curated content"): each row
stores `library_fingerprint`, the sha256 of its content as last loaded.
- missing row → created;
- row whose current content still has its stored fingerprint (nobody edited
  it) → updated to the file when the file differs, else left alone;
- row edited by staff since (current content ≠ stored fingerprint) → kept and
  reported ("kept staff edit: pose warrior-ii; …"); `overwrite_edits` replaces it.
A sequence's content is its title, description, difficulty, focus, style and
ordered poses; its visibility (public when created) and a pose's image and
published flag belong to staff. Every file is checked before anything is
written, and any error rolls the whole load back: a bad file changes nothing.
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch

from poses.library import (
    FIGURES_FILE,
    POSES_FILE,
    REQUIRED,
    LibraryError,
    LoadReport,
    apply_poses,
    check_keys,
    error_lines,
    fingerprint,
    plan_poses,
    read_figures,
    read_rows,
)
from poses.models import Pose
from sequences.models import Sequence, SequencePose, Side, Visibility
from sequences.services import save_sequence

SEQUENCES_FILE = Path(__file__).resolve().parent / "content" / "sequences.json"

CONTENT_FIELDS = {
    "title": REQUIRED,
    "description": "",
    "difficulty": REQUIRED,
    "focus": REQUIRED,
    "style": REQUIRED,
    "poses": REQUIRED,
}
ITEM_FIELDS = {"pose": REQUIRED, "duration_seconds": None, "side": Side.BOTH, "cue": ""}
SEQUENCE_FIELDS = ("title", "description", "difficulty", "focus", "style")


def sequence_content(sequence: Sequence) -> dict:
    """A stored sequence in the file's shape (its items prefetched with their poses)."""
    content = {name: getattr(sequence, name) for name in SEQUENCE_FIELDS}
    content["poses"] = [
        {
            "pose": item.pose.slug,
            "duration_seconds": item.duration_seconds,
            "side": item.side,
            "cue": item.cue,
        }
        for item in sequence.items.all()
    ]
    return content


def _file_content(row: dict, poses: dict[str, Pose]) -> dict:
    """A file row with the defaults save_sequence would apply, comparable with sequence_content."""
    content = {name: row.get(name, "") for name in SEQUENCE_FIELDS}
    content["poses"] = [
        {
            "pose": item["pose"],
            "duration_seconds": item.get("duration_seconds")
            if item.get("duration_seconds") is not None
            else poses[item["pose"]].default_hold_seconds,
            "side": item.get("side") or Side.BOTH,
            "cue": item.get("cue") or "",
        }
        for item in row["poses"]
    ]
    return content


def _check_sequence_rows(rows: list[dict], *, known_poses: set[str], file_name: str) -> list[str]:
    """Shape errors: unknown fields, bad slugs, unknown poses (save_sequence checks the rules)."""
    errors = []
    slug_field = Sequence._meta.get_field("slug")
    for row in rows:
        where = f"{file_name}: sequence '{row['slug']}'"
        errors += check_keys(row, CONTENT_FIELDS, where=where)
        try:
            slug_field.run_validators(row["slug"])
        except ValidationError as error:
            errors += error_lines(ValidationError({"slug": error.error_list}), where=where)
        items = row.get("poses", [])
        if not isinstance(items, list):
            errors.append(f"{where}: poses: must be a list.")
            continue
        for index, item in enumerate(items):
            at = f"{where}: poses: pose #{index + 1}"
            if not isinstance(item, dict):
                errors.append(f"{at}: must be an object.")
                continue
            errors += check_keys(item, ITEM_FIELDS, where=at)
            slug = item.get("pose")
            if "pose" in item and (not isinstance(slug, str) or slug not in known_poses):
                errors.append(f"{at}: unknown pose '{slug}'.")
    return errors


def _existing_sequences(slugs: list[str]) -> dict[str, Sequence]:
    items = SequencePose.objects.select_related("pose").order_by("position")
    sequences = Sequence.objects.filter(slug__in=slugs).prefetch_related(
        Prefetch("items", queryset=items)
    )
    return {sequence.slug: sequence for sequence in sequences}


def _load_sequences(
    rows: list[dict], *, poses: dict[str, Pose], overwrite_edits: bool, file_name: str
) -> tuple[LoadReport, set[int]]:
    """Create, update or keep each sequence through save_sequence; returns report and saved ids."""
    report, errors, saved, adopt = LoadReport("sequence"), [], set(), []
    lookup = {pose.pk: pose for pose in poses.values() if pose.is_published}
    existing = _existing_sequences([row["slug"] for row in rows])
    for row in rows:
        slug, where = row["slug"], f"{file_name}: sequence '{row['slug']}'"
        content = _file_content(row, poses)
        wanted = fingerprint(content)
        sequence = existing.get(slug)
        if sequence is not None and sequence.author_id is not None:
            errors.append(f"{where}: slug: already used by a practitioner's own sequence.")
            continue
        if sequence is None:
            report.created += 1
            sequence = Sequence(author=None, slug=slug, visibility=Visibility.PUBLIC)
        else:
            current = fingerprint(sequence_content(sequence))
            if current == wanted:
                report.unchanged += 1
                if sequence.library_fingerprint != wanted:
                    sequence.library_fingerprint = wanted
                    adopt.append(sequence)
                continue
            if current != sequence.library_fingerprint and not overwrite_edits:
                report.kept.append(slug)
                continue
            report.updated += 1
        sequence.library_fingerprint = wanted
        items = [{**item, "pose": poses[item["pose"]].pk} for item in content["poses"]]
        fields = {name: content[name] for name in SEQUENCE_FIELDS}
        try:
            save_sequence(author=None, sequence=sequence, poses=items, pose_lookup=lookup, **fields)
        except ValidationError as error:
            errors += error_lines(error, where=where)
            continue
        saved.add(sequence.pk)
    if errors:
        raise LibraryError(errors)
    if adopt:
        Sequence.objects.bulk_update(adopt, ["library_fingerprint"])
    return report, saved


def load_library(
    *,
    poses_file: Path = POSES_FILE,
    figures_file: Path = FIGURES_FILE,
    sequences_file: Path = SEQUENCES_FILE,
    overwrite_edits: bool = False,
) -> list[LoadReport]:
    """Bring poses and curated sequences in line with the content files, all or nothing.

    Raises LibraryError (every problem found, each naming file, slug and field)
    and then has written nothing.
    """
    pose_rows = read_rows(poses_file, kind="pose")
    figures = read_figures(figures_file)
    sequence_rows = read_rows(sequences_file, kind="sequence")
    errors = []
    try:
        pose_plan = plan_poses(
            pose_rows,
            overwrite_edits=overwrite_edits,
            file_name=Path(poses_file).name,
            figures=figures,
            figures_file_name=Path(figures_file).name,
        )
    except LibraryError as error:
        errors += error.messages
    referenced = {
        item.get("pose")
        for row in sequence_rows
        if isinstance(row.get("poses"), list)
        for item in row["poses"]
        if isinstance(item, dict) and isinstance(item.get("pose"), str)
    }
    file_slugs = {row["slug"] for row in pose_rows}
    stored = set(
        Pose.objects.filter(slug__in=referenced - file_slugs).values_list("slug", flat=True)
    )
    errors += _check_sequence_rows(
        sequence_rows, known_poses=file_slugs | stored, file_name=Path(sequences_file).name
    )
    if errors:
        raise LibraryError(errors)

    with transaction.atomic():
        poses = apply_poses(pose_plan)
        poses.update(Pose.objects.in_bulk(list(stored), field_name="slug"))
        sequence_report, saved = _load_sequences(
            sequence_rows,
            poses=poses,
            overwrite_edits=overwrite_edits,
            file_name=Path(sequences_file).name,
        )
        # A pose that became (or stopped being) two-sided has already updated the
        # sequences using it (poses.signals.pose_sides_changed → sequences.services).
    return [pose_plan.report, sequence_report]
