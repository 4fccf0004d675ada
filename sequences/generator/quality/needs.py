"""Every need of a real peak prepared before it, in proportion to the class (issue 11)."""

from sequences.generator.needs import (
    counts_step,
    gives,
    least_seconds,
    needs_of,
    real_peak,
    smaller_arm_balances,
)
from sequences.generator.quality.common import before_peak
from sequences.generator.vocabulary import SHORT_MINUTES, SLOW_STYLES


def _every_need_prepared(practice) -> list[str]:
    """Each need of a real peak (`needs.needs_of`: Wild Thing the spine extended, the hip
    flexors and the front of the shoulders; Firefly the hamstrings and the core drawing the
    legs up; Monkey the hamstrings and the hip flexors; Frog the inner thighs) is held in the
    build at least `needs.least_seconds` in all, both sides counted; an advanced arm balance
    follows a smaller one (teacher review, issue 11)."""
    peak, choices = practice.peak, practice.choices
    if peak is None or choices.minutes <= SHORT_MINUTES:
        return []
    if not real_peak(peak.pose, choices.style in SLOW_STYLES):
        return []
    steps = [s for s in before_peak(practice) if counts_step(s)]
    least = least_seconds(choices.minutes, peak.pose)
    problems = []
    for need in needs_of(peak.pose):
        seconds = sum(s.seconds for s in steps if gives(need, s.pose, peak.pose))
        if seconds < least:
            problems.append(f"{need.words}: {seconds} s before {peak.pose.slug}, {least} s asked")
    smaller = smaller_arm_balances(peak.pose, choices.level)
    left = smaller and not set(smaller) <= choices.avoid_slugs
    if left and not any(s.pose.slug in smaller for s in steps):
        problems.append(f"no {'/'.join(smaller)} before {peak.pose.slug}")
    return problems


RULES = {"every_need_prepared": _every_need_prepared}
