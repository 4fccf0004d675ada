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

from poses.pictures import TRANSITION_SECONDS
from practice import selectors, services
from practice.forms import AwareDateTimeField
from practice.models import PracticeSession, Source
from sequences.forms import TodayForm, practice_query
from sequences.selectors import is_visible_to, sequence_with_steps
from sequences.steps import player_items, practice_numbered, with_figures
from yogaflow.core import jsoninput


class RecordForm(forms.Form):
    """Shape and types of what the player posts; the time rules live in record_practice."""

    client_id = forms.UUIDField()
    # A saved sequence by slug, or (`generated`) the choices and seed of a generated one.
    sequence = forms.SlugField(max_length=200, required=False)
    generated = forms.JSONField(required=False)
    started_at = AwareDateTimeField()
    ended_at = AwareDateTimeField()
    # The device's clock when it sent this practice: the server corrects the times by its error.
    sent_at = AwareDateTimeField(required=False)
    duration_seconds = forms.IntegerField()
    # The player's claim; completion is decided by record_practice from what was held.
    completed = forms.NullBooleanField(required=False)
    poses_completed = forms.IntegerField(min_value=0, required=False)
    steps = forms.JSONField(required=False)

    def clean(self):
        data = super().clean()
        if not data.get("sequence") and not isinstance(data.get("generated"), dict):
            raise ValidationError(
                {"sequence": "Give the sequence, or the choices of a generated practice."}
            )
        return data


@login_required
@require_GET
def player(request, slug):
    sequence = sequence_with_steps(user=request.user, slug=slug)
    context = {"sequence": sequence, "items": player_items(practice_numbered(sequence.steps))}
    return render(request, "practice/player.html", {**context, **_pictures()})


@login_required
@require_GET
def play_today(request):
    """The guided player over a generated practice, unsaved: the address carries its seed."""
    form = TodayForm(request.GET)
    practice = form.generate(request.user)
    if practice is None:
        return render(request, "sequences/today.html", {"form": form}, status=400)
    context = {
        "practice": practice,
        # The generator leaves figures out of its library read: one query adds them here.
        "items": player_items(with_figures(practice.steps)),
        "generated_json": json.dumps({**form.choices(), "seed": practice.seed}),
        "preview_url": f"{reverse('sequences:today')}?{practice_query(practice)}",
        **_pictures(),
    }
    return render(request, "practice/player.html", context)


def _pictures() -> dict:
    """How long the player shows a transition before the figure of the pose itself."""
    return {"transition_ms": round(TRANSITION_SECONDS * 1000)}


def _as_form_data(payload: dict) -> dict:
    """JSON values as the form fields read them: text (a number, true or a list becomes its
    JSON, which a field then accepts or refuses), except `generated`, an object, and null."""
    return {
        name: value
        if name in ("generated", "steps") or value is None or isinstance(value, str)
        else json.dumps(value)
        for name, value in payload.items()
    }


def _errors(status: int, errors) -> JsonResponse:
    return JsonResponse({"errors": errors}, status=status)


@require_POST
def record(request):
    if not request.user.is_authenticated:
        # The player keeps the practice and sends it again once its owner logs back in.
        return _errors(401, {"__all__": ["You are logged out."]})
    try:
        payload = jsoninput.loads(request.body)  # 413 above DATA_UPLOAD_MAX_MEMORY_SIZE
    except ValueError:  # malformed, not UTF-8, nested too deep, unpaired surrogates
        return _errors(400, {"__all__": ["The body must be JSON."]})
    if not isinstance(payload, dict):
        return _errors(400, {"__all__": ["The body must be a JSON object."]})
    form = RecordForm(_as_form_data(payload))
    if not form.is_valid():
        return _errors(400, {name: list(messages) for name, messages in form.errors.items()})
    data = {name: value for name, value in form.cleaned_data.items() if value not in ("", None)}
    data.pop("completed", None)
    data["client_clock"] = data.pop("sent_at", None)
    try:
        result = services.record_practice(user=request.user, source=Source.PLAYER, **data)
    except Http404:
        return _errors(404, {"sequence": ["No such sequence."]})
    except ValidationError as error:
        return _errors(400, error.message_dict)
    return JsonResponse(
        {
            "session": result.session.pk,
            "summary_url": reverse("practice:summary", args=[result.session.pk]),
        },
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
            # Its author may have made the sequence private since: no link to a 404 then.
            "practise_again": session.sequence
            if session.sequence and is_visible_to(session.sequence, request.user)
            else None,
            "streak": current_streak,
            # The badges this session earned (UserAchievement.session, related_name "awards").
            "awards": session.awards.select_related("achievement").order_by("pk"),
            # The sequence's poses, or a generated practice's steps as stored.
            "pose_ratings": selectors.session_pose_ratings(session, request.user),
        },
    )
