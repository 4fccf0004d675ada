"""A plank's counter-pose lengthens the front of the body on the floor, and a short class stays
down after it (blind teacher review r16 F11, r15 F12: Wide-Legged Forward Fold, then Mountain,
after Forearm Plank in a 10-minute class: "a fold compresses the belly… it also makes students
stand up from the floor peak")."""

from poses.models import Category
from sequences.generator.plank_counters import faces_the_floor_on_the_arms
from sequences.generator.shapes import on_the_floor
from sequences.generator.vocabulary import SHORT_MINUTES


def _plank_countered_lying(practice) -> list[str]:
    """After a plank (`plank_counters.faces_the_floor_on_the_arms`) no counter-pose is a
    fold; in a short class the counter-pose is on the floor, and the class closes there."""
    peak = practice.peak
    if peak is None or not faces_the_floor_on_the_arms(peak.pose):
        return []
    counters = [s for s in practice.steps if s.phase == "counter"]
    problems = [
        f"{s.pose.slug} folds over the belly {peak.pose.slug} braced" for s in counters
        if s.pose.category == Category.FORWARD_FOLD
    ]  # fmt: skip
    if practice.choices.minutes > SHORT_MINUTES or not counters:
        return problems
    if not on_the_floor(counters[-1].pose):
        problems.append(f"{counters[-1].pose.slug} stands up from {peak.pose.slug}")
    closing = [s for s in practice.steps if s.phase == "closing"]
    if closing and not on_the_floor(closing[-1].pose):
        problems.append(f"the class stands again to close in {closing[-1].pose.slug}")
    return problems


RULES = {"plank_countered_lying": _plank_countered_lying}
