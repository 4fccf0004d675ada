"""Pose pages: the library (search, filters, pages of cards), one pose in full, its figure
as SVG (and the figure moving into another pose's, for the guided player), and the
practitioner's thumbs up/down on a pose.

Thin views over poses.selectors and poses.services; the filter form is the same
one the API reads, so invalid values get the same messages everywhere. The pose
page's list of sequences comes from sequences' template tag `sequences_using`:
poses never imports sequences.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotModified,
)
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import parse_etags, quote_etag
from django.views.decorators.http import require_POST, require_safe

from poses import selectors, services
from poses.filters import PoseFilters
from poses.models import Rating
from poses.pictures import figure_svg, transition_svg, transition_version
from yogaflow.core.caching import cache_anonymous
from yogaflow.core.forms import PLAIN_WIDGETS
from yogaflow.core.http import safe_next
from yogaflow.core.paging import WindowPaginator

POSES_PER_PAGE = 24
# At its current ?v= a figure's address never shows anything else: browsers keep it a year.
FIGURE_MAX_AGE = 365 * 24 * 60 * 60
# The SVG is a picture, never a document that runs anything.
FIGURE_CSP = "default-src 'none'; style-src 'unsafe-inline'"
RATED_MESSAGES = {
    Rating.UP: "Noted: practices made for you will favour “{name}”.",
    Rating.DOWN: "“{name}” will be left out of practices made for you.",
    None: "Your take on “{name}” is cleared.",
}


@cache_anonymous
@require_safe
def library(request: HttpRequest) -> HttpResponse:
    """Invalid filters are shown on the form, with no results rather than a guess."""
    form = PoseFilters(request.GET, renderer=PLAIN_WIDGETS)
    page = None
    if form.is_valid():
        poses = selectors.pose_cards(**form.selector_kwargs())
        page = WindowPaginator(poses, POSES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "poses/pose_library.html", {"form": form, "page_obj": page})


@cache_anonymous
@require_safe
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Staff also see unpublished poses (as in the API), to check them before publishing."""
    pose = selectors.pose_for_view(user=request.user, slug=slug, page=True)
    # Only for members: cache_anonymous never serves or stores their pages.
    rating = selectors.rating_for(request.user, pose)
    return render(request, "poses/pose_detail.html", {"pose": pose, "rating": rating})


@require_safe
def figure(request: HttpRequest, slug: str, side: str) -> HttpResponse:
    """The pose's figure as SVG, right side or mirrored (left). The ETag is the figure's version
    (304 when it matches); at the current ?v= the answer is cacheable for a year, anywhere
    else it is revalidated each time, and an unpublished pose's (staff only) is private."""
    pose = selectors.pose_for_figure(user=request.user, slug=slug)
    return _picture(
        request,
        version=pose.figure_version,
        etag=f"{pose.figure_version}-{side}",
        published=pose.is_published,
        draw=lambda: figure_svg(pose.figure, name=pose.name_en, side=side),
    )


@require_safe
def transition(
    request: HttpRequest, slug: str, to: str, side_from: str, side_to: str
) -> HttpResponse:
    """The figure moving from one pose (on one side) into another (on a side), as an animated
    SVG for the guided player; cached and revalidated as a figure is (two queries)."""
    start = selectors.pose_for_figure(user=request.user, slug=slug)
    end = selectors.pose_for_figure(user=request.user, slug=to)
    version = transition_version(start.figure_version, end.figure_version)
    return _picture(
        request,
        version=version,
        etag=f"{version}-{side_from}-{side_to}",
        published=start.is_published and end.is_published,
        draw=lambda: transition_svg(
            start.figure,
            end.figure,
            names=(start.name_en, end.name_en),
            sides=(side_from, side_to),
        ),
    )


def _picture(request: HttpRequest, *, version: str, etag: str, published: bool, draw):
    """An SVG picture under an ETag: 304 when it matches; a year in any cache at the current
    ?v=, revalidated at any other address, private (and revalidated) when not published."""
    etag = quote_etag(etag)
    if etag in parse_etags(request.META.get("HTTP_IF_NONE_MATCH", "")):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(draw(), content_type="image/svg+xml")
    response["ETag"] = etag
    response["Content-Security-Policy"] = FIGURE_CSP
    if not published:
        patch_cache_control(response, private=True, no_cache=True)
    elif request.GET.get("v") == version:
        patch_cache_control(response, public=True, max_age=FIGURE_MAX_AGE, immutable=True)
    else:
        patch_cache_control(response, public=True, no_cache=True)
    return response


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
