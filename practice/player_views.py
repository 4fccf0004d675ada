"""The guided player: the page that runs a sequence, the JSON endpoint it records to,
and the summary it lands on. Thin: the rules live in practice.services/selectors."""

import json
from zoneinfo import ZoneInfo

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from practice import selectors, services
from practice.models import PracticeSession, Source
from sequences.selectors import sequence_for_view, visible_sequences


class RecordForm(forms.Form):
    """Shape and types of what the player posts; the time rules live in record_practice."""

    client_id = forms.UUIDField()
    sequence = forms.SlugField(max_length=200)
    started_at = forms.DateTimeField()
    ended_at = forms.DateTimeField()
    duration_seconds = forms.IntegerField()
    completed = forms.NullBooleanField()
    poses_completed = forms.IntegerField(min_value=0)

    def clean_completed(self):
        if self.cleaned_data["completed"] is None:
            raise ValidationError("This field is required.", code="required")
        return self.cleaned_data["completed"]


def _player_items(sequence) -> list[dict]:
    return [
        {
            "position": item.position,
            "name_en": item.pose.name_en,
            "name_sa": item.pose.name_sa,
            "image_src": item.pose.image_src,
            "cue": item.cue,
            "duration_seconds": item.duration_seconds,
            "side": item.side,
            "is_bilateral": item.pose.is_bilateral,
        }
        for item in sequence.items.all()
    ]


@login_required
@require_GET
def player(request, slug):
    sequence = sequence_for_view(user=request.user, slug=slug)
    return render(
        request,
        "practice/player.html",
        {"sequence": sequence, "items": _player_items(sequence)},
    )


def _errors(status: int, errors) -> JsonResponse:
    return JsonResponse({"errors": errors}, status=status)


@login_required
@require_POST
def record(request):
    try:
        payload = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return _errors(400, {"__all__": ["The body must be JSON."]})
    if not isinstance(payload, dict):
        return _errors(400, {"__all__": ["The body must be a JSON object."]})
    form = RecordForm(payload)
    if not form.is_valid():
        return _errors(400, {name: list(messages) for name, messages in form.errors.items()})
    data = form.cleaned_data
    try:
        sequence = get_object_or_404(visible_sequences(request.user), slug=data.pop("sequence"))
        result = services.record_practice(
            user=request.user, sequence=sequence, source=Source.PLAYER, **data
        )
    except Http404:
        return _errors(404, {"sequence": ["No such sequence."]})
    except ValidationError as error:
        return _errors(400, error.message_dict)
    session = result.session
    return JsonResponse(
        {"session": session.pk, "summary_url": reverse("practice:summary", args=[session.pk])},
        status=201 if result.created else 200,
    )


@login_required
@require_GET
def summary(request, pk):
    session = get_object_or_404(
        PracticeSession.objects.select_related("sequence"), pk=pk, user=request.user
    )
    today = timezone.localdate(timezone=ZoneInfo(request.user.timezone))
    current_streak, _longest = selectors.streaks(selectors.practice_runs(request.user), today=today)
    return render(
        request,
        "practice/summary.html",
        {
            "session": session,
            "streak": current_streak,
            # The badges this session earned (UserAchievement.session, related_name "awards").
            "awards": session.awards.select_related("achievement").order_by("pk"),
        },
    )
