"""The seconds a flow's climbing rounds give back, held by the class's other poses (review r18
F9: a 90-minute advanced vinyasa class planned to 88:25 with steps left). After the fit,
`flow_rounds.progress` holds each round of a flow done again a breath longer than the round
before; where the last round is at its most (eight breaths, `flow_breaths.FLOW_MOST`), the
earlier ones give way, and the quiet end (`fit.settle` over the quiet phases) takes back what
it can within its ranges. What is still short goes, as a teacher would give it, to the poses
the warm-up and build hold once each, five seconds at a time within each hold's range and caps
(`Draft.high`): never to a flow's pose (its rounds climb; its standing poses move with the
breath), nor to a pose held in rounds or twice (each round as the one before), nor to a rest,
a breathing practice or the peak.
"""

from sequences.generator.fit import settle
from sequences.generator.plan import Draft
from sequences.generator.shapes import is_rest

# The phases whose held poses take the last seconds, the build first.
HOLDING_PHASES = ("build", "warm_up")


def held_longer(drafts: list[Draft], target: int) -> int:
    """`drafts` (in practice order, fitted and progressed) held up to `target` seconds where
    they are short of it (see the module); returns their total seconds."""
    total = sum(d.seconds for d in drafts)
    if total >= target:
        return total
    once = [d.card.slug for d in drafts]
    givers = [
        d
        for d in drafts
        if d.phase in HOLDING_PHASES
        and not d.flow
        and not d.fixed
        and once.count(d.card.slug) == 1
        and not d.card.is_breathing
        and not is_rest(d.card)
    ]
    others = total - sum(d.seconds for d in givers)
    return others + settle(givers, target - others)
