"""A flowing class moves with the breath (review r16 F7, "would not teach": a 90-minute advanced
vinyasa class held its standing flows 9–12 breaths, 45–60 s, like hatha). In vinyasa and power
a standing pose of a flow is held FLOW_MOST seconds at most, within its own range; the peak and
its rounds keep their holds, and so does the floor work (a seated flow, backbend rounds). The
time the shorter holds give back is filled as a teacher fills it (`Planner.fill_time`,
`Planner.lengthen`): the quiet ends, then more flow (`salutation_rounds`); never by holding
them longer again (a last resort that did so once a class had spent the 98 steps a saved
sequence then held, review r18 F9, went with the room for 150 steps).

`held_to_breaths` caps the planned drafts (called wherever the planner caps holds,
`Prep.keep_the_peak_hardest`), so the planner counts on the shorter holds while it fills the
time; the quality figure `flow_breaths` (quality/flow_breaths.py) reads `standing_flow`.
"""

from poses.models import Position
from sequences.generator.vocabulary import BREATH_SECONDS, FLOWING_STYLES

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
    at most, and counted on so; True if a hold was cut."""
    most = FLOW_MOST
    cut = False
    for block in planner.blocks:
        for draft in block.drafts:
            if draft.high <= most:
                continue
            if not standing_flow(planner.style, draft.phase, draft.flow, draft.card, planner.peak):
                continue
            cut = cut or draft.hold > most
            draft.high = most
            draft.low = min(draft.low, most)
            draft.hold = min(draft.hold, most)
    return cut
