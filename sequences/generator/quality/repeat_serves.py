"""A flow of the build is taught twice a side at most (r19 F3: High Lunge → Twisted Crescent →
Revolved Triangle, Humble Warrior → Warrior III and Warrior II → Reverse Warrior → Extended
Side Angle each three rounds a side, 32 minutes of near-identical standing work; F6: Warrior
II → Extended Side Angle → Extended Triangle three rounds a side for a knee-care student).

`flow_repeated`: a flow (not a salutation: each round of a Sun Salutation is its own, and
several rounds are the practice) holds a one-sided pose a third time on one side. A second
round, a breath longer, is what a teacher accepts in a long class; the time of a third goes
to new poses and the peak's preparation (`generator.third_round`).
"""

from collections import Counter

from sequences.generator.third_round import MOST_ROUNDS
from sequences.models import Side

SALUTATION = "Salutation"


def _flow_repeated(practice) -> list[str]:
    rounds: Counter = Counter()
    first: dict[tuple[str, str, str], int] = {}
    for step in practice.steps:
        if not step.flow or SALUTATION in step.flow or step.side == Side.BOTH:
            continue
        key = (step.flow, step.pose.slug, step.side)
        rounds[key] += 1
        first.setdefault(key, step.position)
    problems, named = [], set()
    for (flow, slug, side), count in rounds.items():
        if count > MOST_ROUNDS and flow not in named:
            named.add(flow)
            problems.append(
                f"{flow}: {slug} {count} rounds on the {side} side (from step "
                f"{first[(flow, slug, side)]}), at most {MOST_ROUNDS}"
            )
    return problems


RULES = {"flow_repeated": _flow_repeated}
