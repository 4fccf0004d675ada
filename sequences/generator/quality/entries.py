"""Where a cue says a pose comes from and where it takes you (blind review r10 #3: Three-Legged
Dog cued "From Down Dog" before Down Dog, and Down Dog "takes you up to standing" before it)."""

from sequences.generator.entries import comes_from, takes_you_true


def _entered_after(practice) -> list[str]:
    """A step cued "from X" comes straight after X, after its own other side, or after another
    pose entered from X (`entries.comes_from`)."""
    steps = practice.steps
    return [
        f"{step.pose.slug} {step.side} after {before.pose.slug if before else 'nothing'}: "
        f"{step.cue[:60]}"
        for before, step in zip((None, *steps), steps, strict=False)
        if not comes_from(
            step.pose.slug, step.cue, before and before.pose.slug, before.cue if before else ""
        )
    ]


def _takes_you_next(practice) -> list[str]:
    """A cue that says the pose takes you up to standing has a standing step after it."""
    steps = practice.steps
    return [
        f"{step.pose.slug} takes you up to standing, then {after.pose.slug if after else 'ends'}"
        for step, after in zip(steps, (*steps[1:], None), strict=False)
        if not takes_you_true(step.cue, after and after.pose.position)
    ]


RULES = {
    "entered_after": _entered_after,
    "takes_you_next": _takes_you_next,
}
