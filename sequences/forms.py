"""HTML forms of the sequence builder: shape only.

Every rule about the data (valid choices, 5–600 s holds, known sides, at most
MAX_POSES_PER_SEQUENCE (150) poses, ownership) lives in sequences.services and the models; the views
hand a service's ValidationError back to the form (accounts.forms.add_service_errors).
Select boxes offer the valid values; the service still checks them.
"""

from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError

from accounts.models import Avoidance
from poses.models import MAX_HOLD_SECONDS, MIN_HOLD_SECONDS, Difficulty
from poses.selectors import published_poses
from sequences import selectors
from sequences.generator import MAX_FOCUS, MAX_MINUTES, MIN_MINUTES, GeneratedPractice
from sequences.models import (
    MAX_CUE_LENGTH,
    MAX_DESCRIPTION_LENGTH,
    MAX_TITLE_LENGTH,
    Focus,
    Side,
    Style,
    Visibility,
)
from yogaflow.core.forms import PLAIN_WIDGETS, KeptSelect, SharedWidgets, add_service_errors


def _hold_input(**attrs) -> forms.NumberInput:
    # min/max are hints for the browser's spinner; the range is enforced by the service.
    return forms.NumberInput(
        attrs={"min": MIN_HOLD_SECONDS, "max": MAX_HOLD_SECONDS, "step": 1, **attrs}
    )


class SequenceDetailsForm(forms.Form):
    """Title, description and the catalogue facets of one's own sequence (create and edit)."""

    title = forms.CharField(
        label="Title",
        max_length=MAX_TITLE_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"required": "Give your sequence a title."},
        help_text="For example “Slow morning hips” or “Desk break, 10 minutes”.",
    )
    description = forms.CharField(
        label="Description",
        required=False,
        max_length=MAX_DESCRIPTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the practice is for, and anything to know before starting "
        f"(up to {MAX_DESCRIPTION_LENGTH} characters).",
    )
    difficulty = forms.CharField(
        label="Difficulty",
        initial=Difficulty.BEGINNER,
        widget=forms.Select(choices=Difficulty.choices),
    )
    focus = forms.CharField(
        label="Focus", initial=Focus.FULL_BODY, widget=forms.Select(choices=Focus.choices)
    )
    style = forms.CharField(
        label="Style", initial=Style.HATHA, widget=forms.Select(choices=Style.choices)
    )
    visibility = forms.CharField(
        label="Who can see it",
        initial=Visibility.PRIVATE,
        # Private first: it is the default, and the safer choice.
        widget=forms.RadioSelect(
            choices=[(v.value, v.label) for v in (Visibility.PRIVATE, Visibility.PUBLIC)]
        ),
    )

    @classmethod
    def for_sequence(cls, sequence, data=None) -> "SequenceDetailsForm":
        """The form filled with a sequence's stored details (or bound to `data`)."""
        initial = {name: getattr(sequence, name) for name in cls.base_fields}
        return cls(data, initial=initial)


class ItemForm(forms.Form):
    """Hold, side and cue of the pose at one position (the URL carries the position)."""

    duration_seconds = forms.IntegerField(
        label="Hold (seconds)", widget=_hold_input(inputmode="numeric")
    )
    side = forms.CharField(
        label="Side", initial=Side.BOTH, widget=forms.Select(choices=Side.choices)
    )
    cue = forms.CharField(
        label="Cue",
        required=False,
        max_length=MAX_CUE_LENGTH,
        widget=forms.TextInput(attrs={"placeholder": "e.g. soften the knees"}),
    )

    @classmethod
    def for_item(cls, item, *, position: int, data=None) -> "ItemForm":
        """A row's form; ids carry the position so that every row's labels stay unique."""
        initial = {"duration_seconds": item.duration_seconds, "side": item.side, "cue": item.cue}
        return cls(data, initial=initial, auto_id=f"item-{position}-%s")


class AddPoseForm(forms.Form):
    """One pose from the library, by slug; hold (default: the pose's own) and side optional."""

    pose = forms.ModelChoiceField(
        queryset=published_poses(),
        to_field_name="slug",
        widget=forms.HiddenInput,
        error_messages={
            "required": "Choose a pose to add.",
            "invalid_choice": "That pose is not in the library.",
        },
    )
    duration_seconds = forms.IntegerField(
        label="Hold (seconds)", required=False, widget=_hold_input()
    )
    side = forms.CharField(label="Side", required=False, widget=forms.Select(choices=Side.choices))

    def service_kwargs(self) -> dict:
        """Arguments for sequences.services.add_pose, besides user and sequence."""
        data = self.cleaned_data
        return {
            "pose": data["pose"],
            "duration_seconds": data["duration_seconds"],
            "side": data["side"] or Side.BOTH,
        }


class MoveForm(forms.Form):
    offset = forms.TypedChoiceField(
        choices=[(-1, "Move up"), (1, "Move down")],
        coerce=int,
        error_messages={"invalid_choice": "Move a pose one place up or down."},
    )


class RemoveForm(forms.Form):
    """No inputs (the URL names the row): it carries the service's error back to the page."""


class TodayForm(SharedWidgets, forms.Form):
    """The choices for today's practice; sequences.generator.clean_choices holds the rules.
    Its widgets are written in Python (PLAIN_WIDGETS, KeptSelect: the same HTML as Django's
    templates): the home page and the today page render its 15 checkboxes on every request."""

    default_renderer = PLAIN_WIDGETS

    minutes = forms.IntegerField(
        label="Length (minutes)",
        widget=forms.NumberInput(attrs={"min": MIN_MINUTES, "max": MAX_MINUTES, "step": 5}),
        help_text=f"{MIN_MINUTES} to {MAX_MINUTES} minutes.",
    )
    level = forms.CharField(label="Level", widget=KeptSelect(choices=Difficulty.choices))
    style = forms.CharField(label="Style", widget=KeptSelect(choices=Style.choices))
    focus = forms.Field(
        label="Focus",
        required=False,
        widget=forms.CheckboxSelectMultiple(choices=Focus.choices),
        help_text=f"Up to {MAX_FOCUS}; none for the whole body.",
    )
    avoid = forms.Field(
        label="Leave out",
        required=False,
        widget=forms.CheckboxSelectMultiple(choices=Avoidance.choices),
        help_text="Poses with these cautions are left out; your profile's are ticked to start.",
    )
    seed = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)

    @classmethod
    def initial_for(cls, user) -> dict:
        """Defaults from the profile; a visitor gets 20 minutes of beginner hatha."""
        if not user.is_authenticated:
            return {"minutes": 20, "level": Difficulty.BEGINNER, "style": Style.HATHA}
        minutes = min(max(user.preferred_session_minutes, MIN_MINUTES), MAX_MINUTES)
        return {
            "minutes": minutes,
            "level": user.experience_level,
            "style": Style.HATHA,
            "avoid": list(user.avoid or ()),
        }

    def choices(self) -> dict:
        """Keyword arguments for sequences.selectors.todays_practice."""
        data = self.cleaned_data
        return {
            "minutes": data["minutes"],
            "level": data["level"],
            "style": data["style"],
            "focus": data["focus"] or (),
            "avoid": data["avoid"] or (),
            "seed": data["seed"],
        }

    def generate(self, user) -> GeneratedPractice | None:
        """The practice for the bound choices, or None with the rules' errors on the form."""
        if not self.is_valid():
            return None
        try:
            return selectors.todays_practice(user=user, **self.choices())
        except ValidationError as error:
            add_service_errors(self, error)
            return None


def practice_query(practice: GeneratedPractice, **overrides) -> str:
    """The query string of TodayForm that generates this same practice again."""
    choices = practice.choices
    params = {
        "minutes": choices.minutes,
        "level": choices.level,
        "style": choices.style,
        "focus": list(choices.focus),
        "avoid": list(choices.avoid),
        "seed": practice.seed,
        **overrides,
    }
    return urlencode(params, doseq=True)
