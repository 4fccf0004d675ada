"""The statistics page: one call to practice.stats, drawn by practice.charts and the templates."""

from datetime import date

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from practice import charts
from practice.stats import STATS_TIMEOUT, cached_practice_stats, local_today, stats_cache_key
from yogaflow.core.caching import cache_get, cache_set


class MonthForm(forms.Form):
    """`?month=2026-03`: the month calendar to show; anything else shows the current month."""

    month = forms.DateField(required=False, input_formats=["%Y-%m"])

    def first_day(self, today: date) -> date:
        chosen = self.cleaned_data.get("month") if self.is_valid() else None
        if chosen is None or chosen.year < 1900 or chosen > today:
            return today.replace(day=1)
        return chosen


@login_required
@require_GET
def stats(request: HttpRequest) -> HttpResponse:
    """The page body is rendered once per user, day, month shown and change of their history."""
    today = local_today(request.user)
    month = MonthForm(request.GET).first_day(today)
    key = stats_cache_key(request.user, "page", today, month)
    body = cache_get(key) if key else None
    if body is None:
        body = render_to_string(
            "practice/_stats_body.html", _context(request, today, month), request
        )
        if key:
            cache_set(key, body, STATS_TIMEOUT)
    return render(request, "practice/stats.html", {"body": mark_safe(body)})  # noqa: S308 (our template)


def _context(request: HttpRequest, today: date, month: date) -> dict:
    data = cached_practice_stats(request.user, today=today, month=month)
    return {
        "stats": data,
        "time_practised": divmod(data["total_minutes"], 60),
        "year": charts.year_calendar(data["days"], start=data["calendar_start"], today=today),
        "weekly": charts.weekly_chart(data["weeks"]),
        "month": charts.month_calendar(data["month_days"], first=month, today=today),
        "styles": charts.share_bars(data["styles"]),
        "focuses": charts.share_bars(data["focuses"]),
    }
