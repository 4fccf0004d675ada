"""Query-string filters of the pose library: one form, read by the page and the API."""

from django import forms

from poses.models import Category, Difficulty, Kind, Position, TargetArea
from yogaflow.core.forms import SharedWidgets, optional_choice


class PoseFilters(SharedWidgets, forms.Form):
    q = forms.CharField(required=False, max_length=100, label="Search")
    kind = optional_choice(Kind, "kind")
    category = optional_choice(Category, "category")
    difficulty = optional_choice(Difficulty, "difficulty")
    target_area = optional_choice(TargetArea, "target area")
    position = optional_choice(Position, "position")

    def selector_kwargs(self) -> dict:
        """Arguments for poses.selectors.pose_library (call after is_valid())."""
        data = self.cleaned_data
        return {
            "search": data["q"].strip(),
            "kind": data["kind"],
            "category": data["category"],
            "difficulty": data["difficulty"],
            "target_area": data["target_area"],
            "position": data["position"],
        }
