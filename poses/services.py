"""Pose writes: the staff API, the admin and the content loader all go through these.

`save_pose` runs the model's validation (field validators, choices, vocabularies,
unique slug) so no caller can store a pose the library pages could not show;
images go through `set_pose_image`, which validates them with Pillow first and
makes the resized copies pages and the API show.
"""

import secrets

import structlog
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from poses.images import EXTENSIONS, RENDITION_EXTENSION, make_renditions, validate_pose_image
from poses.models import IMAGE_WIDTHS, SEQUENCING_FIELDS, Pose, PoseRating, Rating
from poses.pictures import figure_version
from poses.signals import pose_sides_changed

logger = structlog.get_logger(__name__)

# What callers may set by keyword. The uploaded image has its own service, and
# `library_fingerprint` / `search_text` are kept by the loader and the model.
POSE_FIELDS = (
    "slug",
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
    *SEQUENCING_FIELDS,
    "props",
    "breath_pattern",
    "figure",
    "image_urls",
    "is_published",
)
DUPLICATE_SLUG = "A pose with this slug already exists."


def save_pose(*, pose: Pose | None = None, **fields) -> Pose:
    """Create a pose (no `pose`) or update one with the given model fields; full_clean, then save.

    Raises ValidationError keyed by field name, so the API and the admin show it
    next to the right input.
    """
    unknown = set(fields) - set(POSE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown pose fields: {sorted(unknown)}")
    if pose is None:
        pose = Pose()
    for name, value in fields.items():
        setattr(pose, name, value)
    pose.full_clean(validate_constraints=False)
    stored_sides = (
        Pose.objects.filter(pk=pose.pk).values_list("is_bilateral", flat=True).first()
        if pose.pk
        else None
    )
    try:
        with transaction.atomic():
            pose.save()
            if stored_sides is not None and stored_sides != pose.is_bilateral:
                pose_sides_changed.send(sender=Pose, pose=pose)
    except IntegrityError as error:  # a concurrent save took the slug
        raise ValidationError({"slug": ValidationError(DUPLICATE_SLUG, code="unique")}) from error
    logger.info("pose_saved", pose_id=pose.pk)
    return pose


def refresh_figure_versions(*, model=Pose, using: str = "default") -> int:
    """Bring every pose's kept figure version in line with its figure, name and the renderer's
    code now; returns how many changed. save() keeps it in step with each edit; this catches
    a changed renderer (and rows written without save()). `model`: the Pose model, or a
    migration's historical one. Runs after every `migrate` (poses.apps)."""
    rows = model.objects.using(using).values_list("pk", "figure", "name_en", "figure_version")
    changed = [
        model(pk=pk, figure_version=version)
        for pk, figure, name, kept in rows.iterator()
        if (version := figure_version(figure, name) if figure else "") != kept
    ]
    model.objects.using(using).bulk_update(changed, ["figure_version"], batch_size=500)
    if changed:
        logger.info("figure_versions_refreshed", poses=len(changed))
    return len(changed)


def _delete_files_after_commit(storage, names) -> None:
    # Only once the new names are committed: a rolled-back save keeps its old files.
    names = [name for name in names if name]
    if names:
        transaction.on_commit(lambda: [storage.delete(name) for name in names])


def _stored_files(pose: Pose) -> list[str]:
    """The upload and its resized copies, as stored now."""
    if not pose.image:
        return []
    return [pose.image.name, *pose.image_renditions.values()]


def _store_renditions(storage, stem: str, renditions: dict[int, bytes]) -> dict[str, str]:
    """Store each copy as <stem>-<width>.webp; {"480": stored name, ...}. On failure, what was
    stored is removed again and the error goes on."""
    stored = {}
    try:
        for width, data in renditions.items():
            name = f"{stem}-{width}{RENDITION_EXTENSION}"
            stored[str(width)] = storage.save(name, ContentFile(data))
    except Exception:
        for name in stored.values():
            storage.delete(name)
        raise
    return stored


def set_pose_image(*, pose: Pose, upload) -> Pose:
    """Validate an upload, store it and its resized WebP copies (IMAGE_WIDTHS) under generated
    names, and drop the previous files.

    The stored name is the pose's slug, a random suffix and the extension of the
    decoded format: nothing of the uploader's file name reaches the storage. Pages and
    the API show the copies, so a phone never downloads a large original.
    """
    image_format = validate_pose_image(upload)
    renditions = make_renditions(upload, widths=IMAGE_WIDTHS)
    previous = _stored_files(pose)
    name = f"{pose.slug[:60]}-{secrets.token_hex(4)}{EXTENSIONS[image_format]}"
    pose.image.save(name, upload, save=False)
    storage = pose.image.storage
    try:
        pose.image_renditions = _store_renditions(
            storage, pose.image.name.rpartition(".")[0], renditions
        )
        pose.save(update_fields=["image", "image_renditions", "updated_at"])
    except Exception:
        storage.delete(pose.image.name)
        raise
    _delete_files_after_commit(storage, previous)
    logger.info(
        "pose_image_set",
        pose_id=pose.pk,
        image_format=image_format,
        renditions=sorted(pose.image_renditions),
    )
    return pose


def make_missing_renditions(*, pose: Pose) -> bool:
    """Give a photo uploaded before resized copies existed its copies (True if it made them).
    The original stays where it is; pages and the API show the copies from then on."""
    if not pose.image or pose.image_renditions:
        return False
    with pose.image.open("rb") as original:
        renditions = make_renditions(original, widths=IMAGE_WIDTHS)
    pose.image_renditions = _store_renditions(
        pose.image.storage, pose.image.name.rpartition(".")[0], renditions
    )
    pose.save(update_fields=["image_renditions", "updated_at"])
    logger.info("pose_image_renditions_made", pose_id=pose.pk, renditions=sorted(renditions))
    return True


def clear_pose_image(*, pose: Pose) -> Pose:
    """Remove a pose's uploaded image and its copies (its figure shows again)."""
    if not pose.image:
        return pose
    storage, previous = pose.image.storage, _stored_files(pose)
    pose.image = ""
    pose.image_renditions = {}
    pose.save(update_fields=["image", "image_renditions", "updated_at"])
    _delete_files_after_commit(storage, previous)
    logger.info("pose_image_cleared", pose_id=pose.pk)
    return pose


def rate_pose(*, user, pose: Pose, rating: str | None) -> PoseRating | None:
    """Set the user's thumbs up or down on a pose (one per pair), or clear it with None.

    Generated practices never pick a thumbed-down pose and favour thumbed-up ones.
    """
    if rating is None:
        PoseRating.objects.filter(user=user, pose=pose).delete()
        logger.info("pose_rating_cleared", user_id=user.pk, pose_id=pose.pk)
        return None
    if rating not in Rating.values:
        raise ValidationError(
            {
                "rating": ValidationError(
                    "“%(value)s” is not a rating; use “up” or “down”.",
                    code="invalid_choice",
                    params={"value": rating},
                )
            }
        )
    # Inside the (user, pose) unique constraint: a concurrent first rating is caught
    # by get_or_create's IntegrityError retry and becomes an update.
    pose_rating, _created = PoseRating.objects.update_or_create(
        user=user, pose=pose, defaults={"rating": rating}
    )
    logger.info("pose_rated", user_id=user.pk, pose_id=pose.pk, rating=rating)
    return pose_rating
