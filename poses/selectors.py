"""Reads of the pose library, shared by the pages and the API."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from poses.models import (
    Pose,
    PoseRating,
    Rating,
    categories_avoided,
    cautions_avoided,
    fold_for_search,
)


def published_poses() -> QuerySet[Pose]:
    return Pose.objects.filter(is_published=True)


def pose_library(
    *,
    search: str = "",
    kind: str = "",
    category: str = "",
    difficulty: str = "",
    target_area: str = "",
    position: str = "",
) -> QuerySet[Pose]:
    """Published poses matching every given filter; the search looks at both names, accents ignored.

    Target areas are a JSON list: matched as the quoted value inside its text,
    which every database can do (the library is a few hundred rows).
    """
    poses = published_poses()
    if search:
        for word in fold_for_search(search).split():
            poses = poses.filter(search_text__contains=word)
    if kind:
        poses = poses.filter(kind=kind)
    if category:
        poses = poses.filter(category=category)
    if position:
        poses = poses.filter(position=position)
    if difficulty:
        poses = poses.filter(difficulty=difficulty)
    if target_area:
        poses = poses.filter(target_areas__icontains=f'"{target_area}"')
    return poses.order_by("name_en", "pk")


# What a library card shows (poses/templatetags/pose_cards.py and its picture): the page reads
# no other field, so the texts and JSON lists it never shows are neither fetched nor decoded.
# The cards are values (poses.cards.LibraryCard): reading a field left out fails the page.
CARD_FIELDS = (
    "slug", "name_en", "name_sa", "kind", "category", "difficulty",
    "figure_version", "image", "image_renditions", "image_urls",
)  # fmt: skip


def pose_cards(**filters) -> QuerySet:
    """pose_library(**filters) read as the values a library card shows (CARD_FIELDS): a dict
    per pose, no Pose row per card (a page makes its rows poses.cards.LibraryCards)."""
    return pose_library(**filters).values(*CARD_FIELDS)


# What the API's library rows show (poses.api.serializers.pose_summary_row): no steps,
# benefits, cautions, long texts or hold ranges. The figure's kept version makes its URL (the
# figure itself is not read). A field left out and then read would cost a query per row; the
# API's pinned count catches it.
API_CARD_FIELDS = (
    "slug", "kind", "name_en", "name_sa", "category", "difficulty", "description",
    "target_areas", "default_hold_seconds", "is_bilateral", "position", "intensity", "effort",
    "props", "figure_version", "image", "image_renditions", "image_urls",
)  # fmt: skip


def pose_api_cards(**filters) -> QuerySet[Pose]:
    """pose_library(**filters) with only what the API lists of each pose (API_CARD_FIELDS)."""
    return pose_library(**filters).only(*API_CARD_FIELDS)


def published_pose(slug: str) -> Pose:
    """A published pose by slug, or 404."""
    return get_object_or_404(published_poses(), slug=slug)


# What the pose's own page never shows: the figure (its picture is addressed by the version
# kept beside it) and the loader's, search's and clock's bookkeeping. Reading one of them on
# the page would cost a query, which the page's pinned query count catches.
PAGE_DEFERRED_FIELDS = ("figure", "library_fingerprint", "search_text", "created_at", "updated_at")


def pose_for_view(*, user, slug: str, page: bool = False) -> Pose:
    """A pose by slug: published ones for everyone, unpublished ones for staff too; else 404.
    `page`: without what the pose page does not show (PAGE_DEFERRED_FIELDS)."""
    poses = Pose.objects.all() if user is not None and user.is_staff else published_poses()
    if page:
        poses = poses.defer(*PAGE_DEFERRED_FIELDS)
    return get_object_or_404(poses, slug=slug)


def pose_for_figure(*, user, slug: str) -> Pose:
    """The fields a pose's figure is drawn from, by slug; an unpublished pose only for staff,
    else 404. `user` is looked at only for an unpublished pose, so a published figure's
    answer is the same for everyone (and does not touch the session)."""
    pose = (
        Pose.objects.only("slug", "name_en", "figure", "figure_version", "is_published")
        .filter(slug=slug)
        .first()
    )
    if pose is None or not (pose.is_published or (user is not None and user.is_staff)):
        raise Http404("No such pose.")
    return pose


def poses_by_ids(ids) -> dict[int, Pose]:
    """Published poses by primary key, in one query."""
    return {pose.pk: pose for pose in published_poses().filter(pk__in=set(ids))}


def pose_search_q(search: str) -> Q:
    """The same accent-blind name search, for querysets that join poses."""
    q = Q()
    for word in fold_for_search(search).split():
        q &= Q(search_text__contains=word)
    return q


# --- a practitioner's preferences ------------------------------------------------


@dataclass(frozen=True)
class PracticePreferences:
    """What generated practices respect: the avoid list (User.avoid), the pose cautions it
    rules out, and the slugs of the poses thumbed up (liked) and down (disliked)."""

    avoid: tuple[str, ...] = ()
    avoid_cautions: frozenset[str] = frozenset()
    liked: frozenset[str] = frozenset()
    disliked: frozenset[str] = frozenset()

    @property
    def avoid_categories(self) -> frozenset[str]:
        return categories_avoided(self.avoid)


def _is_member(user) -> bool:
    return user is not None and user.is_authenticated


def practice_preferences(user) -> PracticePreferences:
    """The user's avoid list and thumbs; empty for visitors. One query (the ratings)."""
    if not _is_member(user):
        return PracticePreferences()
    ratings = PoseRating.objects.filter(user=user).values_list("pose__slug", "rating")
    liked, disliked = set(), set()
    for slug, rating in ratings:
        (liked if rating == Rating.UP else disliked).add(slug)
    avoid = tuple(sorted(set(user.avoid or ())))
    return PracticePreferences(
        avoid=avoid,
        avoid_cautions=cautions_avoided(avoid),
        liked=frozenset(liked),
        disliked=frozenset(disliked),
    )


def pose_for_rating(*, user, slug: str) -> Pose:
    """A pose the user may rate: one they may see, or one they rated before (so a rating can
    still be cleared after staff unpublish its pose); else 404."""
    if user is not None and user.is_staff:
        poses = Pose.objects.all()
    else:
        rated = PoseRating.objects.filter(user=user).values("pose_id")
        poses = Pose.objects.filter(Q(is_published=True) | Q(pk__in=rated))
    return get_object_or_404(poses, slug=slug)


def rating_for(user, pose: Pose) -> str | None:
    """The user's rating of one pose ("up", "down"), or None (also for visitors)."""
    if not _is_member(user):
        return None
    return PoseRating.objects.filter(user=user, pose=pose).values_list("rating", flat=True).first()


def ratings_for(user, poses: Iterable[Pose]) -> dict[int, str]:
    """{pose id: rating} for those of `poses` the user rated, in one query (none for visitors)."""
    ids = {pose.pk for pose in poses}
    if not _is_member(user) or not ids:
        return {}
    rows = PoseRating.objects.filter(user=user, pose_id__in=ids).values_list("pose_id", "rating")
    return dict(rows)


def rated_poses(user, rating: str) -> QuerySet[Pose]:
    """The poses the user gave this rating, most recently rated first (unpublished ones too,
    so a rating can still be undone after staff hide its pose)."""
    if not _is_member(user):
        return Pose.objects.none()
    return Pose.objects.filter(ratings__user=user, ratings__rating=rating).order_by(
        "-ratings__updated_at", "name_en", "pk"
    )


def pose_ratings(user) -> QuerySet[PoseRating]:
    """The user's ratings with their poses, most recently changed first (the API's list)."""
    return (
        PoseRating.objects.filter(user=user).select_related("pose").order_by("-updated_at", "-pk")
    )
