"""The badges page: earned badges with their dates, locked ones with progress."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from achievements.selectors import badges_for


@login_required
@require_GET
def badges(request: HttpRequest) -> HttpResponse:
    items = badges_for(request.user)
    context = {
        "earned": [item for item in items if item["earned"]],
        "locked": [item for item in items if not item["earned"]],
        "total": len(items),
    }
    return render(request, "achievements/badges.html", context)
