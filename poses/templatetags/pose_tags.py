"""Template helpers of the pose pages: people's labels for the vocabulary stored as codes, and
the practitioner's rated poses for the profile page (accounts never imports poses)."""

from django import template

from poses import selectors
from poses.models import BREATH_PHASES, INTENSITY_LABELS, Caution, Prop, Rating, TargetArea

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


@register.inclusion_tag("poses/_rated_pose_lists.html", takes_context=True)
def rated_pose_lists(context) -> dict:
    """`{% rated_pose_lists %}`: the poses the signed-in user thumbed down and up, each with an
    Undo button. Two queries, whatever the number of ratings."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "user": user,
        "csrf_token": context.get("csrf_token"),
        "disliked": list(selectors.rated_poses(user, Rating.DOWN)),
        "liked": list(selectors.rated_poses(user, Rating.UP)),
    }
