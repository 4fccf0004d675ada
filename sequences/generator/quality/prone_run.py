"""A prone backbend run stays prone and rises toward the peak (blind review r17 F2: Extended
Puppy → Locust (on the belly) → Upward Plank (seated, face up) → Sphinx (on the belly) → Bow:
the class rolls over to sit and back onto the belly, and Sphinx, the milder, comes after
Locust, so its cue "the arch ... begun gently" is untrue).

In the build and the peak's first step, two backbends on the belly at most NEAR steps apart
have nothing face up or seated between them (`prone_run_stays_prone`), and in the run of them
that leads to a peak on the belly none is milder than one before it (`prone_run_rises`); the
generator keeps both in `generator.prone_run`."""

from poses.models import Position
from sequences.generator.prone_run import NEAR, face_up, prone_backbend


def _lead(practice) -> list:
    """The build's steps and the peak's first."""
    steps = [s for s in practice.steps if s.phase == "build"]
    peak = next((s for s in practice.steps if s.phase == "peak"), None)
    return steps + ([peak] if peak is not None else [])


def _rolled_over(practice) -> list[str]:
    """Each pair of belly backbends of one run with a pose face up or seated between them."""
    steps = _lead(practice)
    prone = [n for n, s in enumerate(steps) if prone_backbend(s.pose)]
    problems = []
    for a, b in zip(prone, prone[1:], strict=False):
        if b - a > NEAR:
            continue
        between = [s.pose.slug for s in steps[a + 1 : b] if face_up(s.pose)]
        if between:
            problems.append(f"{steps[a].pose.slug} → {', '.join(between)} → {steps[b].pose.slug}")
    return problems


def _rises(practice) -> list[str]:
    """Each belly backbend milder than the one before it on the way to a belly peak."""
    steps = _lead(practice)
    if not steps or steps[-1].phase != "peak" or not prone_backbend(steps[-1].pose):
        return []
    run = []
    n = len(steps) - 1
    while n >= 0 and n - (run[-1] if run else n) <= NEAR:
        if prone_backbend(steps[n].pose):
            run.append(n)
        elif steps[n].pose.position == Position.STANDING:
            break
        n -= 1
    run.reverse()
    problems = []
    for a, b in zip(run, run[1:], strict=False):
        if steps[b].pose.intensity < steps[a].pose.intensity:
            problems.append(
                f"{steps[b].pose.slug} (i{steps[b].pose.intensity}) after "
                f"{steps[a].pose.slug} (i{steps[a].pose.intensity})"
            )
    return problems


RULES = {
    "prone_run_stays_prone": _rolled_over,
    "prone_run_rises": _rises,
}
