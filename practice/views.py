"""History pages: the list of one's sessions, one session (edit, delete), the manual log.

Thin views over practice.selectors (history, own_session: another user's
session is a 404, as in the API) and practice.services (record_practice,
update_session, delete_session); service errors go back onto the forms.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from practice import selectors, services
from practice.forms import HistoryFilters, ManualLogForm, SessionEditForm
from practice.models import Source
from yogaflow.core.forms import PLAIN_WIDGETS, add_service_errors

SESSIONS_PER_PAGE = 20
# Not yogaflow.core.paging.WindowPaginator: a long history's first page would read every
# session of the user to count them beside 20 rows (10,000 sessions: PostgreSQL ~4.8 ms for the
# count and the page apart, ~19 ms together; docs/performance.md, speed2).

get_or_post = require_http_methods(["GET", "POST"])


def _form_data(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _earned(awarded) -> str:
    names = ", ".join(f"{badge.icon} {badge.name}" for badge in awarded)
    return f" You earned: {names}." if names else ""


@login_required
@require_safe
def history(request: HttpRequest) -> HttpResponse:
    """Invalid filters are shown on the form, with no results rather than a guess."""
    form = HistoryFilters(request.GET, renderer=PLAIN_WIDGETS)
    page = None
    if form.is_valid():
        sessions = selectors.history_rows(request.user, **form.selector_kwargs())
        page = Paginator(sessions, SESSIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "practice/history.html", {"form": form, "page_obj": page})


@login_required
@never_cache
@get_or_post
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.own_session(request.user, pk)
    form = SessionEditForm.for_session(session, _form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_session(user=request.user, session=session, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Saved your notes.")
            return redirect("practice:session", pk=session.pk)
    return render(request, "practice/session_detail.html", {"session": session, "form": form})


@login_required
@get_or_post
def session_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST deletes (badges already earned stay earned)."""
    session = selectors.own_session(request.user, pk)
    if request.method == "POST":
        services.delete_session(user=request.user, session=session)
        messages.success(request, f"Deleted the practice of {session.local_date:%-d %B %Y}.")
        return redirect("practice:history")
    return render(request, "practice/session_confirm_delete.html", {"session": session})


@login_required
@never_cache
@get_or_post
def log_practice(request: HttpRequest) -> HttpResponse:
    """“I practised elsewhere”: the day and time are read on the user's own clock."""
    form = ManualLogForm.for_user(request.user, _form_data(request), prefill=request.GET)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.record_practice(
                user=request.user, source=Source.MANUAL, **form.practice_kwargs(request.user)
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Logged your practice." + _earned(result.awarded))
            return redirect("practice:session", pk=result.session.pk)
    return render(request, "practice/log.html", {"form": form})
