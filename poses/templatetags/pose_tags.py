"""Template helpers of the pose pages: people's labels for the vocabulary stored as codes."""

from django import template

from poses.models import Caution, TargetArea

register = template.Library()


def _labels(values, choices) -> list[str]:
    known = dict(choices.choices)
    return [known.get(value, value.replace("_", " ").capitalize()) for value in values or ()]


@register.filter
def target_area_labels(values) -> list[str]:
    """["lower_back"] → ["Lower back"]."""
    return _labels(values, TargetArea)


@register.filter
def caution_labels(values) -> list[str]:
    """["knee_load"] → ["Weight or deep bend on the knees"]."""
    return _labels(values, Caution)
