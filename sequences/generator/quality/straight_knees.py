"""Under knee care, a pose whose straight legs bear the body's weight says how the knees are
spared (blind teacher review r16 F10: Upward Plank with no knee cue; "Knees bent, feet flat
under the knees (Reverse Tabletop); straighten the legs only if the knees neither lock nor
ache")."""

from sequences.generator.straight_knees import CHOICE, STRAIGHT_LEGS


def _straight_knees_said(practice) -> list[str]:
    """Each pose of `straight_knees.STRAIGHT_LEGS` held on its own in a knee-friendly practice
    says its knee words the first time it is held."""
    if CHOICE not in practice.choices.avoid:
        return []
    problems, seen = [], set()
    for step in practice.steps:
        slug = step.pose.slug
        if step.flow or slug not in STRAIGHT_LEGS or slug in seen:
            continue
        seen.add(slug)
        cue = step.cue.lower()
        if STRAIGHT_LEGS[slug][1] not in cue and "knee" not in cue:
            problems.append(f"{step.label}: straight legs under load, no word for the knees")
    return problems


RULES = {"straight_knees_said": _straight_knees_said}
