"""Pose pages: the library (search, filters, pages of cards) and one pose in full.

Thin views over poses.selectors; the filter form is the same one the API reads,
so invalid values get the same messages everywhere. The pose page's list of
sequences comes from sequences' template tag `sequences_using`: poses never
imports sequences.
"""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from poses import selectors
from poses.filters import PoseFilters
from yogaflow.caching import cache_anonymous

POSES_PER_PAGE = 24


@cache_anonymous
@require_safe
def library(request: HttpRequest) -> HttpResponse:
    """Invalid filters are shown on the form, with no results rather than a guess."""
    form = PoseFilters(request.GET)
    page = None
    if form.is_valid():
        poses = selectors.pose_library(**form.selector_kwargs())
        page = Paginator(poses, POSES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "poses/pose_library.html", {"form": form, "page_obj": page})


@cache_anonymous
@require_safe
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Staff also see unpublished poses (as in the API), to check them before publishing."""
    pose = selectors.pose_for_view(user=request.user, slug=slug)
    return render(request, "poses/pose_detail.html", {"pose": pose})
