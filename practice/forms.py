"""HTML forms of the history pages: shape only.

The rules about a practice (no future start, at most 6 hours, no more practice
than the wall time) are practice.services.record_practice's; the views put its
ValidationErrors back on these forms (accounts.forms.add_service_errors).
"""

from datetime import datetime, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from practice.models import MAX_NOTES_LENGTH, MAX_SESSION_SECONDS, MAX_TITLE_LENGTH
from practice.times import RANGE_MESSAGE, check_day, check_moment, local_to_utc, zone_of
from sequences.models import Focus, Style
from yogaflow.core.forms import SharedWidgets, optional_choice

MAX_LOG_MINUTES = MAX_SESSION_SECONDS // 60
SCALE_CHOICES = [
    ("", "—"),
    (1, "1 · very low"),
    (2, "2 · low"),
    (3, "3 · okay"),
    (4, "4 · good"),
    (5, "5 · great"),
]


def _scale_field(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label, choices=SCALE_CHOICES, coerce=int, empty_value=None, required=False
    )


class HistoryFilters(SharedWidgets, forms.Form):
    """Filters of the history page and of GET sessions: local calendar days and a style.
    Its widgets are shared by every form (SharedWidgets): clean() adds errors, never changes a
    field."""

    date_from = forms.DateField(
        required=False, label="From", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        required=False, label="To", widget=forms.DateInput(attrs={"type": "date"})
    )
    style = optional_choice(Style, "style")
    day = forms.DateField(required=False, label="Day", widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        for name in ("date_from", "date_to", "day"):
            if data.get(name) is not None:
                try:
                    check_day(data[name], field=name)
                except ValidationError as error:
                    self.add_error(None, error)
                    data[name] = None
        low, high = data.get("date_from"), data.get("date_to")
        if low is not None and high is not None and low > high:
            raise ValidationError(
                {"date_to": "“To” must not be before “From”."}, code="invalid_range"
            )
        return data

    def selector_kwargs(self) -> dict:
        """Arguments for practice.selectors.history, besides `user` (call after is_valid())."""
        data = self.cleaned_data
        return {
            "date_from": data["date_from"],
            "date_to": data["date_to"],
            "style": data["style"],
            "day": data["day"],
        }


class SessionEditForm(forms.Form):
    """What may change after a practice: how it felt, and the notes."""

    mood_before = _scale_field("Mood before")
    mood_after = _scale_field("Mood after")
    energy_before = _scale_field("Energy before")
    energy_after = _scale_field("Energy after")
    notes = forms.CharField(
        label="Notes",
        required=False,
        max_length=MAX_NOTES_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=f"Up to {MAX_NOTES_LENGTH} characters.",
    )

    @classmethod
    def for_session(cls, session, data=None) -> "SessionEditForm":
        initial = {name: getattr(session, name) for name in cls.base_fields}
        return cls(data, initial=initial)


def _default_start(now: datetime) -> datetime:
    """Half an hour ago, rounded down to five minutes: a practice just finished."""
    start = now - timedelta(minutes=30)
    return start.replace(minute=start.minute - start.minute % 5, second=0, microsecond=0)


class ManualLogForm(forms.Form):
    """“I practised elsewhere”: a day and time on the practitioner's own clock."""

    date = forms.DateField(label="Date", widget=forms.DateInput(attrs={"type": "date"}))
    start_time = forms.TimeField(
        label="Start time", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    duration_minutes = forms.IntegerField(
        label="Duration in minutes", min_value=1, max_value=MAX_LOG_MINUTES, initial=30
    )
    style = forms.ChoiceField(label="Style", choices=Style.choices)
    focus = forms.ChoiceField(label="Focus", choices=[("", "—"), *Focus.choices], required=False)
    title = forms.CharField(
        label="Title",
        max_length=MAX_TITLE_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "Studio class"}),
    )
    notes = forms.CharField(
        label="Notes",
        required=False,
        max_length=MAX_NOTES_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=f"Up to {MAX_NOTES_LENGTH} characters.",
    )
    mood_before = _scale_field("Mood before")
    mood_after = _scale_field("Mood after")

    zone = None

    PREFILLED = ("date", "start_time", "duration_minutes", "title", "style")

    @classmethod
    def for_user(cls, user, data=None, prefill=None) -> "ManualLogForm":
        """A start half an hour ago (today, unless just after midnight), on the user's clock;
        `prefill` (the address's query: a practice kept on the device, to fix) overrides it."""
        zone = zone_of(user)
        start = _default_start(timezone.localtime(timezone.now(), zone))
        initial = {"date": start.date(), "start_time": start.time()}
        for name in cls.PREFILLED:
            value = (prefill or {}).get(name)
            if isinstance(value, str) and value and len(value) <= MAX_TITLE_LENGTH:
                initial[name] = value
        form = cls(data, initial=initial)
        form.zone = zone
        form.fields["date"].help_text = RANGE_MESSAGE.replace("Give a", "A")
        return form

    def clean(self):
        """The local day and time in UTC (practice.times.local_to_utc: a time the clocks skipped
        is refused here; a repeated one is its first occurrence)."""
        data = super().clean()
        if self.zone and data.get("date") is not None and data.get("start_time") is not None:
            try:
                local_to_utc(data["date"], data["start_time"], self.zone)
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    self.add_error(field, messages)
        return data

    def practice_kwargs(self, user) -> dict:
        """Arguments for practice.services.record_practice: the start in UTC, the duration
        added in UTC (a real 75 minutes, whatever the clocks do meanwhile)."""
        data = self.cleaned_data
        started_at = local_to_utc(data["date"], data["start_time"], zone_of(user))
        duration = timedelta(minutes=data["duration_minutes"])
        return {
            "started_at": started_at,
            "ended_at": started_at + duration,
            "duration_seconds": int(duration.total_seconds()),
            "style": data["style"],
            "focus": data["focus"],
            "title": data["title"].strip(),
            "notes": data["notes"],
            "mood_before": data["mood_before"],
            "mood_after": data["mood_after"],
        }


class AwareDateTimeField(forms.DateTimeField):
    """An ISO 8601 time with its offset from UTC, in 1970–2099; a time without an offset is
    refused (read as UTC it would move the practice by the device's offset)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            parsed = value
        else:
            try:
                parsed = parse_datetime(str(value).strip())
            except ValueError:
                parsed = None
        if parsed is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return check_moment(parsed, field="value")
        except ValidationError as error:
            raise error.error_dict["value"][0] from error
