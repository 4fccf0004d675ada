"""A flowing class moves with the breath (review r16 F7, "would not teach": a 90-minute advanced
vinyasa class held its standing flow poses 9–12 breaths, 45–60 s, like hatha):

- `flow_breaths`: in vinyasa and power no standing pose of a warm-up or build flow is held past
  `flow_breaths.FLOW_MOST` seconds a side (eight breaths); the peak and its rounds, and the
  floor work (a seated flow, backbend rounds), keep their holds. Only a class that would
  otherwise fall short of its time past `time_fill.filled_within` (its steps or poses spent)
  holds them longer (`flow_breaths.breaths_given_back`).
"""

from sequences.generator.flow_breaths import FLOW_MOST, standing_flow
from sequences.generator.time_fill import filled_within


def _flow_breaths(practice) -> list[str]:
    peak = practice.peak.pose if practice.peak is not None else None
    style = practice.choices.style
    over = [
        step
        for step in practice.steps
        if step.duration_seconds > FLOW_MOST
        and standing_flow(style, step.phase, step.flow, step.pose, peak)
    ]
    if over:
        # Given back only where the class would fall short of its time without them.
        given = sum(
            (s.duration_seconds - FLOW_MOST) * s.seconds // s.duration_seconds for s in over
        )
        target = practice.target_seconds
        if practice.planned_seconds - given < target - filled_within(target):
            return []
    return [f"{s.pose.slug} {s.side} (pos {s.position}) {s.duration_seconds} s" for s in over]


RULES = {
    "flow_breaths": _flow_breaths,
}
