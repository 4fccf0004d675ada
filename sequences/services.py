"""Sequence use cases: save (with its ordered poses), builder steps, copy, delete, favorite.

Pages, API and the content loader all write through `save_sequence`, so the
rules — poses exist and are published, 5–600 s holds, at most
MAX_POSES_PER_SEQUENCE (150) poses, unique positions, only the author edits — are
checked in one place, and the derived totals are recomputed in the same transaction.
"""

import secrets
from collections.abc import Iterable, Mapping

import structlog
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.text import slugify

from poses.models import MAX_HOLD_SECONDS, MIN_HOLD_SECONDS, Pose
from poses.selectors import poses_by_ids
from sequences.generator import GeneratedPractice
from sequences.models import (
    MAX_CUE_LENGTH,
    MAX_POSES_PER_SEQUENCE,
    MAX_TITLE_LENGTH,
    Favorite,
    Sequence,
    SequencePose,
    Side,
    Visibility,
    practice_seconds,
)
from sequences.selectors import is_visible_to
from sequences.signals import sequence_created

logger = structlog.get_logger(__name__)

SEQUENCE_FIELDS = ("title", "description", "difficulty", "focus", "style", "visibility")


def _ensure_author(user, sequence: Sequence) -> None:
    # Not the author: answer as if it did not exist (never reveal private sequences).
    if sequence.author_id is None or sequence.author_id != getattr(user, "pk", None):
        raise Http404("No such sequence.")


def _item_error(index: int, message: str) -> ValidationError:
    return ValidationError(f"Pose #{index + 1}: {message}", code="invalid_item")


def _clean_items(items: Iterable[Mapping], *, poses: Mapping[int, Pose]) -> list[SequencePose]:
    """Unsaved SequencePose rows in practice order, or ValidationError keyed `poses`."""
    items = list(items)
    if len(items) > MAX_POSES_PER_SEQUENCE:
        raise ValidationError(
            {"poses": f"A sequence can hold at most {MAX_POSES_PER_SEQUENCE} poses."}
        )
    if any("position" in item for item in items):
        positions = [item.get("position") for item in items]
        if None in positions or len(set(positions)) != len(positions):
            raise ValidationError({"poses": "Every pose needs a position, each one different."})
        items = sorted(items, key=lambda item: item["position"])
    errors, rows = [], []
    for index, item in enumerate(items):
        pose = item.get("pose")
        pose = poses.get(pose.pk if isinstance(pose, Pose) else pose)
        duration = item.get("duration_seconds")
        side = item.get("side") or Side.BOTH
        cue = item.get("cue") or ""
        if pose is None:
            errors.append(_item_error(index, "no such published pose."))
            continue
        if duration is None:
            duration = pose.default_hold_seconds
        if not isinstance(duration, int) or not MIN_HOLD_SECONDS <= duration <= MAX_HOLD_SECONDS:
            errors.append(
                _item_error(index, f"hold must be {MIN_HOLD_SECONDS}–{MAX_HOLD_SECONDS} seconds.")
            )
        if side not in Side.values:
            errors.append(_item_error(index, f"side must be one of {', '.join(Side.values)}."))
        if len(cue) > MAX_CUE_LENGTH:
            errors.append(_item_error(index, f"cue must be at most {MAX_CUE_LENGTH} characters."))
        rows.append(
            SequencePose(
                pose=pose, position=index + 1, duration_seconds=duration, side=side, cue=cue
            )
        )
    if errors:
        raise ValidationError({"poses": errors})
    return rows


def _poses_for(items: list) -> dict[int, Pose]:
    # An oversized list is refused for its length (_clean_items) before any lookup: its
    # ids would make one huge IN (...), beyond PostgreSQL's 65,535 parameters.
    if len(items) > MAX_POSES_PER_SEQUENCE:
        return {}
    return poses_by_ids(_pose_ids(items))


def validate_items(
    items: Iterable[Mapping], *, pose_lookup: Mapping[int, Pose] | None = None
) -> None:
    """save_sequence's pose-list rules without saving, for forms that show errors before a save.

    Raises ValidationError keyed `poses`.
    """
    items = list(items)
    lookup = pose_lookup if pose_lookup is not None else _poses_for(items)
    _clean_items(items, poses=lookup)


def _unique_slug(title: str) -> str:
    base = slugify(title)[:100] or "sequence"
    return f"{base}-{secrets.token_hex(3)}"


def _pose_ids(items: Iterable[Mapping]) -> set:
    return {
        item["pose"].pk if isinstance(item.get("pose"), Pose) else item.get("pose")
        for item in items
    }


@transaction.atomic
def save_sequence(
    *,
    author,
    sequence: Sequence | None = None,
    poses: Iterable[Mapping] | None = None,
    slug: str | None = None,
    pose_lookup: Mapping[int, Pose] | None = None,
    **fields,
) -> Sequence:
    """Create a sequence (no `sequence`) or update the author's own; `poses` replaces the list.

    Each pose item: `pose` (a Pose or its id), optional `duration_seconds`
    (default: the pose's hold), `side`, `cue`, `position`. `author=None` is the
    curated library (used by the loader and staff tools only).
    """
    unknown = set(fields) - set(SEQUENCE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown sequence fields: {sorted(unknown)}")
    created = sequence is None
    if sequence is None:
        sequence = Sequence(author=author, slug=slug or _unique_slug(fields.get("title", "")))
    elif author is not None or sequence.author_id is not None:
        _ensure_author(author, sequence)
    for name, value in fields.items():
        setattr(sequence, name, value)

    errors = {}
    try:
        sequence.full_clean(exclude=["slug"], validate_constraints=False)
    except ValidationError as error:
        errors.update(error.error_dict)
    rows = None
    if poses is not None:
        poses = list(poses)
        lookup = pose_lookup if pose_lookup is not None else _poses_for(poses)
        try:
            rows = _clean_items(poses, poses=lookup)
        except ValidationError as error:
            errors.update(error.error_dict)
    if errors:
        raise ValidationError(errors)

    if rows is not None:
        sequence.pose_count = len(rows)
        sequence.total_duration_seconds = sum(
            practice_seconds(
                duration_seconds=row.duration_seconds,
                side=row.side,
                is_bilateral=row.pose.is_bilateral,
            )
            for row in rows
        )
    try:
        with transaction.atomic():
            sequence.save()
    except IntegrityError as error:
        raise ValidationError({"slug": "A sequence with this slug already exists."}) from error
    if rows is not None:
        sequence.items.all().delete()
        for row in rows:
            row.sequence = sequence
        SequencePose.objects.bulk_create(rows)
        # A prefetch of the old poses would now be stale.
        getattr(sequence, "_prefetched_objects_cache", {}).pop("items", None)
    if created and author is not None:
        sequence_created.send(sender=Sequence, user=author, sequence=sequence)
    logger.info("sequence_saved", sequence_id=sequence.pk, poses=sequence.pose_count)
    return sequence


def refresh_totals(sequence: Sequence) -> Sequence:
    """Recompute pose_count and total duration from the stored poses, for changes made
    under a sequence rather than through save_sequence (a pose's bilateral flag changed).
    """
    rows = list(sequence.items.values_list("duration_seconds", "side", "pose__is_bilateral"))
    total = sum(
        practice_seconds(duration_seconds=duration, side=side, is_bilateral=bilateral)
        for duration, side, bilateral in rows
    )
    if (len(rows), total) != (sequence.pose_count, sequence.total_duration_seconds):
        sequence.pose_count, sequence.total_duration_seconds = len(rows), total
        sequence.save(update_fields=["pose_count", "total_duration_seconds"])
    return sequence


def refresh_totals_for_pose(sender=None, *, pose: Pose, **kwargs) -> None:
    """Receiver of poses.signals.pose_sides_changed: the sequences using the pose change length."""
    for sequence in Sequence.objects.filter(items__pose=pose).distinct():
        refresh_totals(sequence)


def items_of(sequence: Sequence) -> list[dict]:
    """A sequence's poses as the item dicts save_sequence takes (uses a prefetch if present)."""
    return [
        {
            "pose": item.pose,
            "duration_seconds": item.duration_seconds,
            "side": item.side,
            "cue": item.cue,
        }
        for item in sequence.items.all()
    ]


def _edit_items(*, user, sequence: Sequence, change) -> Sequence:
    _ensure_author(user, sequence)
    items = items_of(sequence)
    change(items)
    lookup = {item["pose"].pk: item["pose"] for item in items if isinstance(item["pose"], Pose)}
    missing = _pose_ids(items) - set(lookup)
    lookup.update(poses_by_ids(missing))
    return save_sequence(author=user, sequence=sequence, poses=items, pose_lookup=lookup)


def _position_index(items: list, position: int) -> int:
    if not isinstance(position, int) or not 1 <= position <= len(items):
        raise ValidationError({"position": "No pose at that position."})
    return position - 1


def add_pose(
    *,
    user,
    sequence: Sequence,
    pose: Pose,
    duration_seconds: int | None = None,
    side: str = Side.BOTH,
    cue: str = "",
) -> Sequence:
    """Append a pose (default hold: the pose's own)."""
    item = {"pose": pose, "duration_seconds": duration_seconds, "side": side, "cue": cue}
    return _edit_items(user=user, sequence=sequence, change=lambda items: items.append(item))


def update_item(
    *, user, sequence: Sequence, position: int, duration_seconds: int, side: str, cue: str = ""
) -> Sequence:
    """Change the hold, side and cue of the pose at a 1-based position."""

    def change(items):
        index = _position_index(items, position)
        items[index].update(duration_seconds=duration_seconds, side=side, cue=cue)

    return _edit_items(user=user, sequence=sequence, change=change)


def move_item(*, user, sequence: Sequence, position: int, offset: int) -> Sequence:
    """Move the pose at a 1-based position up (offset -1) or down (+1); the ends stay put."""

    def change(items):
        index = _position_index(items, position)
        target = min(max(index + offset, 0), len(items) - 1)
        items.insert(target, items.pop(index))

    return _edit_items(user=user, sequence=sequence, change=change)


def remove_item(*, user, sequence: Sequence, position: int) -> Sequence:
    def change(items):
        items.pop(_position_index(items, position))

    return _edit_items(user=user, sequence=sequence, change=change)


@transaction.atomic
def duplicate_sequence(*, user, source: Sequence) -> Sequence:
    """A private copy for the user to tweak, of any sequence they may see."""
    if not is_visible_to(source, user):
        raise Http404("No such sequence.")
    copy = save_sequence(
        author=user,
        poses=items_of(source),
        title=f"{source.title} (my copy)"[:MAX_TITLE_LENGTH],
        description=source.description,
        difficulty=source.difficulty,
        focus=source.focus,
        style=source.style,
        visibility=Visibility.PRIVATE,
    )
    copy.copied_from = source
    copy.save(update_fields=["copied_from"])
    logger.info("sequence_duplicated", sequence_id=copy.pk, source_id=source.pk)
    return copy


def delete_sequence(*, user, sequence: Sequence) -> None:
    """Delete one's own sequence (its favorites go with it)."""
    _ensure_author(user, sequence)
    sequence_id = sequence.pk
    sequence.delete()
    logger.info("sequence_deleted", sequence_id=sequence_id)


def set_favorite(*, user, sequence: Sequence, favorite: bool) -> bool:
    """Mark or unmark a sequence the user may see; idempotent. Returns the new state.

    The sequence's favorite_count follows in the same transaction (count_favorite_*)."""
    if not is_visible_to(sequence, user):
        raise Http404("No such sequence.")
    if favorite:
        try:
            with transaction.atomic():
                Favorite.objects.get_or_create(user=user, sequence=sequence)
        except IntegrityError:  # a concurrent double click already created it
            pass
    else:
        with transaction.atomic():
            Favorite.objects.filter(user=user, sequence=sequence).delete()
    return favorite


def count_favorite_added(sender, instance: Favorite, created: bool, raw: bool = False, **kwargs):
    """Receiver of Favorite's post_save: one more favorite on its sequence (F(): no lost
    update between two practitioners' toggles), inside the transaction that saved it."""
    if created and not raw:
        Sequence.objects.filter(pk=instance.sequence_id).update(
            favorite_count=F("favorite_count") + 1
        )


def count_favorite_removed(sender, instance: Favorite, **kwargs) -> None:
    """Receiver of Favorite's post_delete, for every way one goes (unfavorited; its
    practitioner's account or its sequence deleted: the cascade's transaction)."""
    Sequence.objects.filter(pk=instance.sequence_id).update(favorite_count=F("favorite_count") - 1)


def recount_favorites() -> int:
    """Set every sequence's favorite_count from its favorites: for writes the receivers do not
    count (bulk_create in seed_bench and tests; fixtures, saved raw). Returns the number of
    sequences."""
    favorites = (
        Favorite.objects.filter(sequence=OuterRef("pk"))
        .order_by()
        .values("sequence")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Sequence.objects.update(favorite_count=Coalesce(Subquery(favorites), 0))


def save_generated_practice(*, user, practice: GeneratedPractice) -> Sequence:
    """Keep a generated practice as the user's own private sequence, reasons as the cues,
    so it can be edited in the builder like any other."""
    return save_sequence(author=user, **practice.as_sequence())
