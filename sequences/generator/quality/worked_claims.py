"""Every claim of a stretch true of the pose it is said of, and true beside the version the
cue teaches (blind teacher review r15): no pose is said to lengthen a muscle its effort works
(F3: "Reverse Warrior lengthens the quadriceps for Side Lunge"), and no reason claims the
stretch its own version takes away (F16: Three-Legged Dog "standing knee bent, heel lifted",
then "the hamstrings and calves of the standing leg lengthen")."""

from sequences.generator import version_claims, worked_claims
from sequences.generator.quality.common import derived


def _cards_by_name(practice) -> dict:
    """The practice's poses by name, kept."""
    kept = derived(practice)
    if "cards_by_name" not in kept:
        kept["cards_by_name"] = {s.pose.name: s.pose for s in practice.steps}
    return kept["cards_by_name"]


def _stretch_not_worked(practice) -> list[str]:
    """No cue says a pose lengthens, stretches or opens an area that pose works
    (`worked_claims.stretched_but_worked`)."""
    others = _cards_by_name(practice)
    return [
        f"{said}: {step.cue}"
        for step in practice.steps
        for said in worked_claims.stretched_but_worked(step.cue, step.pose, others)
    ]


def _version_keeps_claim(practice) -> list[str]:
    """No cue claims the stretch its own version takes away (`version_claims.taken_claims`:
    a bent knee leaves no hamstring length to claim)."""
    return [
        f"{step.pose.slug} {said}: {step.cue}"
        for step in practice.steps
        for said in version_claims.taken_claims(step.cue)
    ]


RULES = {
    "stretch_not_worked": _stretch_not_worked,
    "version_keeps_claim": _version_keeps_claim,
}
