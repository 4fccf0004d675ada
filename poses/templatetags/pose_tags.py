"""Template helpers of the pose pages: people's labels for the vocabulary stored as codes."""

from django import template

from poses.models import BREATH_PHASES, INTENSITY_LABELS, Caution, Prop, TargetArea

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


@register.filter
def prop_labels(values) -> list[str]:
    """["bolster", "blanket"] → ["Bolster", "Blanket"]."""
    return _labels(values, Prop)


@register.filter
def intensity_label(value) -> str:
    """3 → "Moderate"."""
    return INTENSITY_LABELS.get(value, "")


BREATH_WORDS = {"inhale": "in", "hold": "hold", "exhale": "out", "hold_empty": "hold"}


@register.filter
def breath_counts(pattern) -> str:
    """{"inhale": 4, "hold": 7, "exhale": 8} → "in 4 · hold 7 · out 8" (phases of 0 left out)."""
    pattern = pattern or {}
    return " · ".join(
        f"{BREATH_WORDS[phase]} {pattern[phase]}" for phase in BREATH_PHASES if pattern.get(phase)
    )
