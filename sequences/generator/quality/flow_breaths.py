"""A flowing class moves with the breath (review r16 F7, "would not teach": a 90-minute advanced
vinyasa class held its standing flow poses 9–12 breaths, 45–60 s, like hatha):

- `flow_breaths`: in vinyasa and power no standing pose of a warm-up or build flow is held past
  `flow_breaths.FLOW_MOST` seconds a side (eight breaths); the peak and its rounds, and the
  floor work (a seated flow, backbend rounds), keep their holds. No class is exempt: a class
  short of time fills it otherwise (review r18 F9: the 90-minute class that had spent its steps
  held them 9–12 breaths again; a sequence now holds 150 steps).
"""

from sequences.generator.flow_breaths import FLOW_MOST, standing_flow


def _flow_breaths(practice) -> list[str]:
    peak = practice.peak.pose if practice.peak is not None else None
    style = practice.choices.style
    return [
        f"{s.pose.slug} {s.side} (pos {s.position}) {s.duration_seconds} s"
        for s in practice.steps
        if s.duration_seconds > FLOW_MOST and standing_flow(style, s.phase, s.flow, s.pose, peak)
    ]


RULES = {
    "flow_breaths": _flow_breaths,
}
