"""Under knee care, a pose whose straight legs bear the body's weight says how the knees are
spared (blind teacher review r16 F10: Upward Plank with no knee cue; "Knees bent, feet flat
under the knees (Reverse Tabletop); straighten the legs only if the knees neither lock nor
ache"), on every side and pass (r17 F8: Revolved Triangle in a flow, "front knee soft, never
locked", and on its second side "front knee soft, not locked")."""

from sequences.generator.straight_knees import AGAIN, CHOICE, HELD_FROM, STRAIGHT_LEGS, knees_said


def _straight_knees_said(practice) -> list[str]:
    """Each step of a straight-leg pose (`straight_knees.STRAIGHT_LEGS`, `AGAIN`) held
    HELD_FROM seconds or more in a knee-friendly practice, in a flow or not, first or again,
    says its knee words."""
    if CHOICE not in practice.choices.avoid:
        return []
    problems = []
    for step in practice.steps:
        slug = step.pose.slug
        if slug not in AGAIN and slug not in STRAIGHT_LEGS:
            continue
        if step.duration_seconds < HELD_FROM:
            continue
        marker = STRAIGHT_LEGS.get(slug, ("", "knee"))[1]
        if marker not in step.cue.lower() and not knees_said(step.cue):
            problems.append(f"{step.label}: straight legs under load, no word for the knees")
    return problems


RULES = {"straight_knees_said": _straight_knees_said}
