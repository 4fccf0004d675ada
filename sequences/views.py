"""Sequence pages: the catalogue, one sequence, its printable sheet, the favorite toggle and
"My favorites".

Thin views over sequences.selectors (who sees what, in how few queries) and
sequences.services.set_favorite; another user's private sequence is a 404 here
as in the API.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from sequences import checks, selectors, services
from sequences.filters import CatalogFilters
from yogaflow.core.caching import cache_anonymous
from yogaflow.core.forms import PLAIN_WIDGETS
from yogaflow.core.http import safe_next
from yogaflow.core.paging import WindowPaginator

SEQUENCES_PER_PAGE = 20
# Past this many steps the printed sheet takes its dense layout (still one or two pages).
PRINT_COMPACT_FROM = 25
FAVORITE_VALUES = {"1": True, "0": False}


def _page(request: HttpRequest, queryset):
    return WindowPaginator(queryset, SEQUENCES_PER_PAGE).get_page(request.GET.get("page"))


@cache_anonymous
@require_safe
def catalog(request: HttpRequest) -> HttpResponse:
    """Invalid filters are shown on the form, with no results rather than a guess."""
    form = CatalogFilters(request.GET, renderer=PLAIN_WIDGETS)
    page = None
    if form.is_valid():
        page = _page(request, selectors.catalog_cards(user=request.user, **form.selector_kwargs()))
    return render(request, "sequences/sequence_catalog.html", {"form": form, "page_obj": page})


@cache_anonymous
@require_safe
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    # Its steps read once (one `.values()` query), drawn by the storyboard and checked.
    sequence = selectors.sequence_with_steps(user=request.user, slug=slug)
    avoid = checks.avoid_of(request.user)
    context = {
        "sequence": sequence,
        "findings": checks.findings_for(sequence, avoid=avoid, steps=sequence.steps),
    }
    return render(request, "sequences/sequence_detail.html", context)


@cache_anonymous
@require_safe
def print_sheet(request: HttpRequest, slug: str) -> HttpResponse:
    """The sequence as a teacher's sheet for paper: the storyboard with names, sides, holds and
    cues, drawn into the page (static/css/print.css lays it out on A4 or Letter)."""
    sequence = selectors.sequence_for_view(user=request.user, slug=slug, page=True)
    context = {"sequence": sequence, "compact": sequence.pose_count >= PRINT_COMPACT_FROM}
    return render(request, "sequences/sequence_print.html", context)


@require_POST
def favorite(request: HttpRequest, slug: str) -> HttpResponse:
    """Mark (favorite=1) or unmark (favorite=0), then go back where the form was."""
    if not request.user.is_authenticated:
        # Back to the page the form was on after logging in (a GET here would be a 405).
        return redirect_to_login(safe_next(request) or reverse("sequences:detail", args=[slug]))
    if request.POST.get("favorite") not in FAVORITE_VALUES:
        return HttpResponseBadRequest("`favorite` must be 1 or 0.")
    sequence = get_object_or_404(selectors.visible_sequences(request.user), slug=slug)
    is_favorite = services.set_favorite(
        user=request.user, sequence=sequence, favorite=FAVORITE_VALUES[request.POST["favorite"]]
    )
    if is_favorite:
        messages.success(request, f"Added “{sequence.title}” to your favorites.")
    else:
        messages.info(request, f"Removed “{sequence.title}” from your favorites.")
    return redirect(safe_next(request) or sequence)


@login_required
@require_safe
def favorites(request: HttpRequest) -> HttpResponse:
    page = _page(request, selectors.favorite_sequences(request.user))
    return render(request, "sequences/favorites.html", {"page_obj": page})
