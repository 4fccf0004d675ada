"""A one-sided pose's two sides come together (teacher review r12 F5), as a teacher reads it on
the printed practice."""

from sequences.generator.sides import split_sides


def _sides_split(practice) -> list[str]:
    """No pose with no sides is held between the right and the left side of a one-sided pose
    (a one-side flow's other one-sided poses and its link may be)."""
    return split_sides(practice.steps)


RULES = {"sides_split": _sides_split}
