"""Pose pages: the library (search, filters, pages of cards) and one pose in full.

Thin views over poses.selectors and sequences.selectors; the filter form is the
same one the API reads, so invalid values get the same messages everywhere.
"""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from poses import selectors
from poses.filters import PoseFilters
from sequences.selectors import sequences_using_pose

POSES_PER_PAGE = 24


@require_safe
def library(request: HttpRequest) -> HttpResponse:
    """Invalid filters are shown on the form, with no results rather than a guess."""
    form = PoseFilters(request.GET)
    page = None
    if form.is_valid():
        poses = selectors.pose_library(**form.selector_kwargs())
        page = Paginator(poses, POSES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "poses/pose_library.html", {"form": form, "page_obj": page})


@require_safe
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    pose = selectors.published_pose(slug)
    sequences = sequences_using_pose(pose=pose, user=request.user)
    return render(request, "poses/pose_detail.html", {"pose": pose, "sequences": sequences})
