"""Reads of the pose library, shared by the pages and the API."""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from poses.models import Pose, fold_for_search


def published_poses() -> QuerySet[Pose]:
    return Pose.objects.filter(is_published=True)


def pose_library(
    *, search: str = "", category: str = "", difficulty: str = "", target_area: str = ""
) -> QuerySet[Pose]:
    """Published poses matching every given filter; the search looks at both names, accents ignored.

    Target areas are a JSON list: matched as the quoted value inside its text,
    which every database can do (the library is a few hundred rows).
    """
    poses = published_poses()
    if search:
        for word in fold_for_search(search).split():
            poses = poses.filter(search_text__contains=word)
    if category:
        poses = poses.filter(category=category)
    if difficulty:
        poses = poses.filter(difficulty=difficulty)
    if target_area:
        poses = poses.filter(target_areas__icontains=f'"{target_area}"')
    return poses.order_by("name_en", "pk")


def published_pose(slug: str) -> Pose:
    """A published pose by slug, or 404."""
    return get_object_or_404(published_poses(), slug=slug)


def pose_for_view(*, user, slug: str) -> Pose:
    """A pose by slug: published ones for everyone, unpublished ones for staff too; else 404."""
    poses = Pose.objects.all() if user is not None and user.is_staff else published_poses()
    return get_object_or_404(poses, slug=slug)


def poses_by_ids(ids) -> dict[int, Pose]:
    """Published poses by primary key, in one query."""
    return {pose.pk: pose for pose in published_poses().filter(pk__in=set(ids))}


def pose_search_q(search: str) -> Q:
    """The same accent-blind name search, for querysets that join poses."""
    q = Q()
    for word in fold_for_search(search).split():
        q &= Q(search_text__contains=word)
    return q
