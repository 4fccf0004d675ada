"""The preparation lighter than the peak, and the peak truly the hardest of its kind (blind
teacher review r15): no preparation of the peak's own kind is held still longer than a round
of the peak (F11: three static 45 s Cobras before a 15 s Locust, for gentle beginners with
osteoporosis: more back-extensor endurance than the peak asks), and no balance peak is taken
with a support the balances before it did without (F18: Warrior III's hands on a chair back
after an unsupported Half Moon and Tree, "the hardest balance")."""

from sequences.generator import prep_load
from sequences.generator.quality.common import held
from sequences.generator.version_rules import taught


def _prep_lighter(practice) -> list[str]:
    """Each still preparation of the peak's kind (`prep_load.same_kind`) is held no longer
    than a round of the peak; one that moves with the breath (`prep_load.moving`) is not
    held, and a flow's poses keep the flow's breath count (the flows' own figures)."""
    peak = practice.peak
    if peak is None:
        return []
    return [
        f"{step.pose.slug} {step.duration_seconds} s still before {peak.pose.slug} "
        f"{peak.duration_seconds} s: {step.cue}"
        for step in practice.steps[: peak.position - 1]
        if held(step)
        and not step.flow
        and step.phase == "build"
        and prep_load.same_kind(step.pose, peak.pose)
        and step.duration_seconds > peak.duration_seconds
        and not prep_load.moving(step.cue)
    ]


def _peak_unsupported(practice) -> list[str]:
    """A standing balance peak is taught with no support (`prep_load.supported`: hands on a
    chair or a wall) where a standing balance before it was taught without, unless an avoid
    choice needs the support for the balance itself (`prep_load.SUPPORTED_BALANCE`)."""
    peak = practice.peak
    if peak is None or not prep_load.standing_balance(peak.pose):
        return []
    if set(practice.choices.avoid) & prep_load.SUPPORTED_BALANCE:
        return []
    if not prep_load.supported(taught(peak.cue)):
        return []
    free = [
        step.pose.slug
        for step in practice.steps[: peak.position - 1]
        if prep_load.standing_balance(step.pose) and not prep_load.supported(taught(step.cue))
    ]
    return [f"{peak.pose.slug} supported after unsupported {free[0]}: {peak.cue}"] if free else []


RULES = {
    "prep_lighter": _prep_lighter,
    "peak_unsupported": _peak_unsupported,
}
