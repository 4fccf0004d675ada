"""A counter-pose's reason claims only what the pose does (issue 11, blind teacher review r11,
F1 of #1: "rests the hamstrings" of Supported Fish, a chest opener with the legs long)."""

from sequences.generator.counter_words import (
    claims_rest_for_the_hamstrings,
    slackens_the_hamstrings,
)


def _counter_rests_truly(practice) -> list[str]:
    """A counter-pose said to rest the hamstrings bends the knees and lets them go slack
    (`counter_words.SLACKENS_THE_HAMSTRINGS`)."""
    return [
        f"{step.pose.slug} said to rest the hamstrings"
        for step in practice.steps
        if step.phase == "counter"
        and claims_rest_for_the_hamstrings(step.cue)
        and not slackens_the_hamstrings(step.pose)
    ]


RULES = {"counter_rests_truly": _counter_rests_truly}
