"""A round's rest is not the cool-down's shape too (review r11b; `generator.round_rests`):
Knees-to-Chest between two rounds of Bridge, then Knees-to-Chest again on its own."""

from sequences.generator.round_rests import held_again


def _rest_held_again(practice) -> list[str]:
    """No cool-down pose of a shape the class rested in between rounds."""
    return [
        f"{step.pose.slug} at {step.position}, a round's rest held again"
        for step in held_again(practice.steps)
    ]


RULES = {"round_rest_again": _rest_held_again}
