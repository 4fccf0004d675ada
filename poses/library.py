"""The curated pose library: reading poses/content/poses.json (and each pose's figure from
poses/content/figures.json) and bringing the table in line.

Rule (shared with sequences.library, documented in README "Curated content"):
every loaded row stores `library_fingerprint`, the sha256 of its content as
last loaded. On the next load a row that is missing is created; a row whose
current content still has that fingerprint (nobody edited it) is updated to
the file; a row edited since (current content ≠ stored fingerprint) is kept
and reported, unless `overwrite_edits`. Only the fields in the file belong to
the library: uploaded images, image URLs and the published flag are staff's.
A pose's figure is library content like its text: it comes from figures.json
(`{slug: figure}`, or a "figure" key in the pose's own row, which wins), and a
pose without one is refused.
"""

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from poses.models import Pose
from poses.services import save_pose

POSES_FILE = Path(__file__).resolve().parent / "content" / "poses.json"
FIGURES_FILE = Path(__file__).resolve().parent / "content" / "figures.json"

REQUIRED = object()
# The library's fields with their value when a file row leaves them out.
CONTENT_FIELDS = {
    "kind": "asana",
    "name_en": REQUIRED,
    "name_sa": "",
    "category": "",
    "difficulty": REQUIRED,
    "description": REQUIRED,
    "instructions": REQUIRED,
    "benefits": [],
    "target_areas": [],
    "cautions": [],
    "contraindications": "",
    "modifications": "",
    "default_hold_seconds": 30,
    "is_bilateral": False,
    "position": REQUIRED,
    "intensity": REQUIRED,
    "effort": REQUIRED,
    "hold_min_seconds": REQUIRED,
    "hold_max_seconds": REQUIRED,
    "long_hold_min_seconds": None,
    "long_hold_max_seconds": None,
    "props": [],
    "breath_pattern": {},
    # From the figures file unless the row has its own (plan_poses puts it in the row).
    "figure": REQUIRED,
}


class LibraryError(Exception):
    """The content files cannot be loaded; `messages` name the file, the slug and the field."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass
class LoadReport:
    """What one load did to one kind of row."""

    kind: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: list[str] = field(default_factory=list)

    def summary(self) -> str:
        line = (
            f"{self.kind.capitalize()}s: {self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged"
        )
        if self.kept:
            line += f", {len(self.kept)} kept (staff edits)"
        return line + "."

    def kept_lines(self) -> list[str]:
        return [
            f"kept staff edit: {self.kind} {slug}; run with --overwrite-edits to replace"
            for slug in self.kept
        ]


def fingerprint(content: dict) -> str:
    """sha256 of content in a canonical JSON form (sorted keys, no whitespace)."""
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def read_rows(path: Path, *, kind: str) -> list[dict]:
    """The file's list of objects, each with a slug; LibraryError if it is not that."""
    name = Path(path).name
    try:
        rows = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise LibraryError([f"{name}: cannot read the file ({error.strerror})."]) from error
    except ValueError as error:
        raise LibraryError([f"{name}: not valid JSON ({error})."]) from error
    if not isinstance(rows, list):
        raise LibraryError([f"{name}: expected a list of {kind}s."])
    errors, seen = [], set()
    for index, row in enumerate(rows):
        slug = row.get("slug") if isinstance(row, dict) else None
        if not isinstance(slug, str) or not slug:
            errors.append(f"{name}: {kind} #{index + 1}: slug: missing.")
        elif slug in seen:
            errors.append(f"{name}: {kind} '{slug}': slug: appears more than once.")
        seen.add(slug)
    if errors:
        raise LibraryError(errors)
    return rows


def read_figures(path: Path) -> dict[str, dict]:
    """The figures file: an object of {slug: figure}; LibraryError if it is not that (each
    figure itself is checked with the pose it belongs to)."""
    name = Path(path).name
    try:
        figures = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise LibraryError([f"{name}: cannot read the file ({error.strerror})."]) from error
    except ValueError as error:
        raise LibraryError([f"{name}: not valid JSON ({error})."]) from error
    if not isinstance(figures, dict):
        raise LibraryError([f"{name}: expected an object of figures by pose slug."])
    return figures


def check_keys(row: dict, fields: dict, *, where: str) -> list[str]:
    """Messages for keys the loader does not know (typos) and required keys left out."""
    errors = [f"{where}: {key}: unknown field." for key in sorted(set(row) - {"slug", *fields})]
    errors += [
        f"{where}: {key}: this field is required."
        for key, default in fields.items()
        if default is REQUIRED and key not in row
    ]
    return errors


def error_lines(error: ValidationError, *, where: str) -> list[str]:
    """One line per message of a (field-keyed) ValidationError."""
    if not hasattr(error, "error_dict"):
        return [f"{where}: {message}" for message in error.messages]
    return [
        f"{where}: {message}" if key == NON_FIELD_ERRORS else f"{where}: {key}: {message}"
        for key, messages in error.message_dict.items()
        for message in messages
    ]


def pose_content(pose: Pose) -> dict:
    return {name: getattr(pose, name) for name in CONTENT_FIELDS}


@dataclass
class PosePlan:
    """The checked file, compared with the table; `apply` performs it."""

    report: LoadReport
    # (existing row or None for a new one, slug, content, fingerprint of the content)
    writes: list[tuple[Pose | None, str, dict, str]]
    # Rows whose content already equals the file but carry another fingerprint.
    adopt: list[Pose]
    # Every pose of the file by slug, as it will be once applied (unsaved for new rows).
    poses: dict[str, Pose]
    # Filled by apply_poses: existing poses whose bilateral flag the load changed
    # (the durations of sequences using them change with it).


def plan_poses(
    rows: list[dict],
    *,
    overwrite_edits: bool,
    file_name: str,
    figures: dict[str, dict] | None = None,
    figures_file_name: str = FIGURES_FILE.name,
) -> PosePlan:
    """Validate every row, with its figure, by the model's rules and decide create / update /
    keep / unchanged.

    Raises LibraryError listing every bad row; reads the table in one query.
    """
    errors, candidates = [], {}
    figures = figures or {}
    for row in rows:
        where = f"{file_name}: pose '{row['slug']}'"
        if "figure" not in row:
            if row["slug"] not in figures:
                errors.append(
                    f"{where}: figure: none in {figures_file_name}; every pose needs one."
                )
                continue
            row = {**row, "figure": figures[row["slug"]]}
        key_errors = check_keys(row, CONTENT_FIELDS, where=where)
        if key_errors:
            errors += key_errors
            continue
        content = {
            name: row.get(name, default)
            for name, default in CONTENT_FIELDS.items()
            if name in row or default is not REQUIRED
        }
        candidate = Pose(slug=row["slug"], **content)
        try:
            candidate.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            errors += error_lines(error, where=where)
            continue
        candidates[row["slug"]] = candidate
    if errors:
        raise LibraryError(errors)

    report = LoadReport("pose")
    existing = Pose.objects.in_bulk(list(candidates), field_name="slug")
    writes, adopt, poses = [], [], {}
    for slug, candidate in candidates.items():
        content = pose_content(candidate)
        wanted = fingerprint(content)
        pose = existing.get(slug)
        if pose is None:
            report.created += 1
            writes.append((None, slug, content, wanted))
            poses[slug] = candidate
            continue
        poses[slug] = pose
        current = fingerprint(pose_content(pose))
        if current == wanted:
            report.unchanged += 1
            if pose.library_fingerprint != wanted:
                adopt.append(pose)
                pose.library_fingerprint = wanted
        elif current == pose.library_fingerprint or overwrite_edits:
            report.updated += 1
            writes.append((pose, slug, content, wanted))
        else:
            report.kept.append(slug)
    return PosePlan(report=report, writes=writes, adopt=adopt, poses=poses)


def apply_poses(plan: PosePlan) -> dict[str, Pose]:
    """Write the plan through poses.services.save_pose (call inside a transaction).

    Returns the file's poses by slug, saved.
    """
    for pose, slug, content, wanted in plan.writes:
        if pose is None:
            pose = Pose()
        pose.library_fingerprint = wanted
        plan.poses[slug] = save_pose(pose=pose, slug=slug, **content)
    if plan.adopt:
        Pose.objects.bulk_update(plan.adopt, ["library_fingerprint"])
    return plan.poses
