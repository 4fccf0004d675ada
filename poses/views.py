"""Pose pages: the library (search, filters, pages of cards), one pose in full, and the
practitioner's thumbs up/down on a pose.

Thin views over poses.selectors and poses.services; the filter form is the same
one the API reads, so invalid values get the same messages everywhere. The pose
page's list of sequences comes from sequences' template tag `sequences_using`:
poses never imports sequences.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from poses import selectors, services
from poses.filters import PoseFilters
from poses.models import Rating
from yogaflow.core.caching import cache_anonymous
from yogaflow.core.http import safe_next

POSES_PER_PAGE = 24
RATED_MESSAGES = {
    Rating.UP: "Noted: practices made for you will favour “{name}”.",
    Rating.DOWN: "“{name}” will be left out of practices made for you.",
    None: "Your take on “{name}” is cleared.",
}


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
    # Only for members: cache_anonymous never serves or stores their pages.
    rating = selectors.rating_for(request.user, pose)
    return render(request, "poses/pose_detail.html", {"pose": pose, "rating": rating})


@require_POST
def rate(request: HttpRequest, slug: str) -> HttpResponse:
    """Thumbs up (rating=up), down (rating=down) or neither (rating empty), then go back."""
    back = safe_next(request) or reverse("poses:detail", kwargs={"slug": slug})
    if not request.user.is_authenticated:
        # Back to the page the form was on after logging in (a GET here would be a 405).
        return redirect_to_login(back)
    pose = selectors.pose_for_rating(user=request.user, slug=slug)
    rating = request.POST.get("rating") or None
    try:
        services.rate_pose(user=request.user, pose=pose, rating=rating)
    except ValidationError as error:
        return HttpResponseBadRequest(" ".join(error.messages))
    message = RATED_MESSAGES[rating].format(name=pose.name_en)
    (messages.info if rating is None else messages.success)(request, message)
    return redirect(back)
