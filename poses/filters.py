"""Query-string filters of the pose library: one form, read by the page and the API."""

from django import forms

from poses.models import Category, Difficulty, TargetArea


def _choice(choices, label):
    return forms.ChoiceField(
        choices=[("", f"Any {label}"), *choices.choices], required=False, label=label.capitalize()
    )


class PoseFilters(forms.Form):
    q = forms.CharField(required=False, max_length=100, label="Search")
    category = _choice(Category, "category")
    difficulty = _choice(Difficulty, "difficulty")
    target_area = _choice(TargetArea, "target area")

    def selector_kwargs(self) -> dict:
        """Arguments for poses.selectors.pose_library (call after is_valid())."""
        data = self.cleaned_data
        return {
            "search": data["q"].strip(),
            "category": data["category"],
            "difficulty": data["difficulty"],
            "target_area": data["target_area"],
        }
