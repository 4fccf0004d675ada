"""Today's practice: the form on the home page, the preview with its reasons and figures, its
printable sheet, and the save.

Thin views over sequences.selectors.todays_practice (which reads the library
once and generates), sequences.steps.with_figures (the figures of the poses it chose, in one
more query) and sequences.services.save_generated_practice. The preview's links and forms
carry the seed, so "Practise now", "Print" and "Save" get exactly the practice that was shown.
"""

import secrets
from dataclasses import replace
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from sequences import services
from sequences.forms import TodayForm, practice_query
from sequences.steps import with_figures
from sequences.views import PRINT_COMPACT_FROM
from yogaflow.core.forms import add_service_errors


def _profile_defaults(user) -> QueryDict:
    return QueryDict(urlencode(TodayForm.initial_for(user), doseq=True))


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    form = TodayForm(initial=TodayForm.initial_for(request.user))
    return render(request, "home.html", {"today_form": form})


def _pictured(request: HttpRequest):
    """The form and the practice its choices make (the practice of the day from the profile's
    defaults when the address has none), its poses with their figures; None on bad choices."""
    form = TodayForm(request.GET or _profile_defaults(request.user))
    practice = form.generate(request.user)
    if practice is not None:
        practice = replace(practice, steps=tuple(with_figures(practice.steps)))
    return form, practice


@require_safe
def today(request: HttpRequest) -> HttpResponse:
    """The preview: each pose's figure beside its side, hold and reason."""
    form, practice = _pictured(request)
    context = {"form": form, "practice": practice}
    if practice is not None:
        context["query"] = practice_query(practice)
        context["another_query"] = practice_query(practice, seed=secrets.randbelow(2**31))
    return render(request, "sequences/today.html", context, status=200 if practice else 400)


@require_safe
def print_today(request: HttpRequest) -> HttpResponse:
    """The practice as the same printable sheet as a saved sequence's (static/css/print.css):
    the address carries the choices and seed, so it is the practice the preview showed."""
    form, practice = _pictured(request)
    if practice is None:
        context = {"form": form, "practice": None}
        return render(request, "sequences/today.html", context, status=400)
    context = {
        "practice": practice,
        "query": practice_query(practice),
        "compact": len(practice.steps) >= PRINT_COMPACT_FROM,
    }
    return render(request, "sequences/today_print.html", context)


@login_required
@require_POST
def save_today(request: HttpRequest) -> HttpResponse:
    form = TodayForm(request.POST)
    practice = form.generate(request.user)
    if practice is None:
        return render(request, "sequences/today.html", {"form": form}, status=400)
    try:
        sequence = services.save_generated_practice(user=request.user, practice=practice)
    except ValidationError as error:
        add_service_errors(form, error)
        return render(request, "sequences/today.html", {"form": form}, status=400)
    messages.success(
        request, f"“{sequence.title}” is saved to your sequences. Change anything you like here."
    )
    return redirect(reverse("sequences:edit", args=[sequence.slug]))
