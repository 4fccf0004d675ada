"""Two poses in a row are not the same shape held twice (blind teacher review r16 F2: Twisted
Crescent Lunge then Revolved Side Angle, both "elbow outside the knee"): the second is taught
as the next stage of the first (`next_stage`)."""

from sequences.generator.next_stage import same_shape


def _next_stage_said(practice) -> list[str]:
    """No two neighbouring steps of different poses say the same shape's words."""
    problems = []
    steps = practice.steps
    for before, step in zip(steps, steps[1:], strict=False):
        if before.pose.slug == step.pose.slug:
            continue
        words = same_shape(step.cue, before.cue)
        if words:
            problems.append(f"{before.label} then {step.label}: both '{words}'")
    return problems


RULES = {"next_stage_said": _next_stage_said}
