"""A flowing class moves with the breath (review r16 F7, "would not teach": a 90-minute advanced
vinyasa class held its standing flows 9–12 breaths, 45–60 s, like hatha). In vinyasa and power
a standing pose of a flow is held FLOW_MOST seconds at most, within its own range; the peak and
its rounds keep their holds, and so does the floor work (a seated flow, backbend rounds). The
time the shorter holds give back is filled as a teacher fills it (`Planner.fill_time`,
`Planner.lengthen`): the quiet ends, then more flow (`salutation_rounds`); only a class that
still cannot fill its time, its steps or its poses spent, holds them longer, at the very last
(`breaths_given_back`).

`held_to_breaths` caps the planned drafts (called wherever the planner caps holds,
`Prep.keep_the_peak_hardest`), so the planner counts on the shorter holds while it fills the
time; the quality figure `flow_breaths` (quality/flow_breaths.py) reads `standing_flow`.
"""

from poses.models import Position
from sequences.generator.time_fill import filled_within
from sequences.generator.vocabulary import BREATH_SECONDS, FLOWING_STYLES, HOLD_BOUNDS

# Eight breaths at the most, five seconds a breath.
FLOW_MOST = 8 * BREATH_SECONDS
# The phases whose flows move with the breath (the peak and its rounds are held).
FLOW_PHASES = ("warm_up", "build")


def standing_flow(style: str, phase: str, flow: str, card, peak) -> bool:
    """A standing pose of a flow in the warm-up or build of a vinyasa or power class, not the
    peak's pose (a round of the peak keeps its hold) nor a Sun Salutation's (its beats are a
    breath each; a round again, `salutation_rounds`, is the whole round moved through)."""
    return (
        style in FLOWING_STYLES
        and phase in FLOW_PHASES
        and bool(flow)
        and not flow.startswith("Sun Salutation")  # its beats pass; a round again moves
        and card.position == Position.STANDING
        and not card.is_breathing
        and (peak is None or card.slug != peak.slug)
    )


def held_to_breaths(planner) -> bool:
    """Each standing flow pose of `planner`'s practice (`standing_flow`) held FLOW_MOST seconds
    at most (or what `breaths_given_back` allows), and counted on so; True if a hold was cut."""
    most = getattr(planner, "flow_most", FLOW_MOST)
    planned = planner.__dict__.setdefault("flow_highs", {})
    cut = False
    for block in planner.blocks:
        for draft in block.drafts:
            if draft.high <= most:
                continue
            if not standing_flow(planner.style, draft.phase, draft.flow, draft.card, planner.peak):
                continue
            planned[id(draft)] = max(planned.get(id(draft), 0), draft.high)
            cut = cut or draft.hold > most
            draft.high = most
            draft.low = min(draft.low, most)
            draft.hold = min(draft.hold, most)
    return cut


def breaths_given_back(planner) -> bool:
    """The very last way a flowing class fills its time, every other spent (its steps, or the
    poses a long avoid list leaves): its standing flows a breath longer, each up to the hold
    it was planned with and the style's longest (`HOLD_BOUNDS`), while its holds at their
    longest leave it short past `filled_within`. `generate` gives such a draw only where no
    other fills its time (`gave_back`). True if one may."""
    if not planner.flowing:
        return False
    if planner.capacity()[1] >= planner.target - filled_within(planner.target):
        return False  # the class may fill its time as it is (`time_fill.filled_within`)
    most = getattr(planner, "flow_most", FLOW_MOST)
    if most >= HOLD_BOUNDS[planner.style][1]:
        return False
    most = planner.flow_most = most + BREATH_SECONDS
    planned = getattr(planner, "flow_highs", {})
    grew = False
    for block in planner.blocks:
        for draft in block.drafts:
            high = min(planned.get(id(draft), 0), most)
            if high > draft.high:
                draft.high, grew = high, True
    return grew


def gave_back(practice) -> bool:
    """Whether a generated practice holds a standing flow pose past FLOW_MOST (given back at
    last, `breaths_given_back`): `generate` keeps trying for a draw that fills its time
    without."""
    peak = practice.peak.pose if practice.peak is not None else None
    return any(
        step.duration_seconds > FLOW_MOST
        and standing_flow(practice.choices.style, step.phase, step.flow, step.pose, peak)
        for step in practice.steps
    )
