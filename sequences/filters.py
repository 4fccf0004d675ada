"""Query-string filters of the sequence catalogue: one form, read by the page and the API."""

from django import forms
from django.core.exceptions import ValidationError

from poses.models import Difficulty
from sequences.models import Focus, Style
from sequences.selectors import SCOPES, SORTS
from yogaflow.core.forms import KeptSelect, SharedWidgets, optional_choice


class CatalogFilters(SharedWidgets, forms.Form):
    q = forms.CharField(required=False, max_length=100, label="Search")
    difficulty = optional_choice(Difficulty, "difficulty")
    focus = optional_choice(Focus, "focus")
    style = optional_choice(Style, "style")
    min_minutes = forms.IntegerField(required=False, min_value=0, max_value=600, label="From (min)")
    max_minutes = forms.IntegerField(required=False, min_value=0, max_value=600, label="To (min)")
    scope = forms.ChoiceField(
        choices=[(scope, scope.capitalize()) for scope in SCOPES],
        required=False,
        label="Show",
        widget=KeptSelect,
    )
    sort = forms.ChoiceField(
        choices=[(key, key.capitalize()) for key in SORTS],
        required=False,
        label="Sort by",
        widget=KeptSelect,
    )

    def clean(self):
        data = super().clean()
        low, high = data.get("min_minutes"), data.get("max_minutes")
        if low is not None and high is not None and low > high:
            raise ValidationError(
                {"max_minutes": "“To” must be at least “From”."}, code="invalid_range"
            )
        return data

    def selector_kwargs(self) -> dict:
        """Arguments for sequences.selectors.catalog, besides `user` (call after is_valid())."""
        data = self.cleaned_data
        return {
            "search": data["q"].strip(),
            "difficulty": data["difficulty"],
            "focus": data["focus"],
            "style": data["style"],
            "min_minutes": data["min_minutes"],
            "max_minutes": data["max_minutes"],
            "scope": data["scope"] or "all",
            "sort": data["sort"] or "title",
        }
