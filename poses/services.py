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
from poses.models import IMAGE_WIDTHS, Pose, PoseRating, Rating
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
    stem = f"{pose.slug[:60]}-{secrets.token_hex(4)}"
    pose.image.save(f"{stem}{EXTENSIONS[image_format]}", upload, save=False)
    storage = pose.image.storage
    folder = pose.image.name.rpartition("/")[0]
    prefix = f"{folder}/" if folder else ""
    stored = {}
    try:
        for width, data in renditions.items():
            name = f"{prefix}{stem}-{width}{RENDITION_EXTENSION}"
            stored[str(width)] = storage.save(name, ContentFile(data))
        pose.image_renditions = stored
        pose.save(update_fields=["image", "image_renditions", "updated_at"])
    except Exception:
        for name in [pose.image.name, *stored.values()]:
            storage.delete(name)
        raise
    _delete_files_after_commit(storage, [name for name in previous if name not in stored.values()])
    logger.info(
        "pose_image_set", pose_id=pose.pk, image_format=image_format, renditions=sorted(stored)
    )
    return pose


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
