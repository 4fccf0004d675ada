"""A whole-body class in balance and flows done again only for the focus (issue 11, teacher
review r9 #8 and #17), as a teacher measures them on the printed practice."""

from sequences.generator.focus_balance import (
    BACK_PLANES,
    BACK_PLANES_FROM_MINUTES,
    BACK_PLANES_SPARED,
    NOT_BY_A_REPEAT,
    REGION_LEAST,
    REGION_MOST,
    REPEATED_ANYWAY,
    region_shares,
    spares_by_avoid,
    spine_planes,
)
from sequences.generator.quality.common import held
from sequences.generator.shapes import works_directly
from sequences.generator.vocabulary import (
    FOCUS_SHARE_SPARED_BY,
    FULL_BODY_FROM_MINUTES,
    SLOW_STYLES,
)
from sequences.models import Focus


def _build_and_peak(practice):
    return [s for s in practice.steps if s.phase in ("build", "peak") or s.work]


def _full_body_balance(practice) -> list[str]:
    """An active whole-body class of FULL_BODY_FROM_MINUTES gives each region (legs, core,
    upper body, back) REGION_LEAST of its build and peak held time at least and none more than
    REGION_MOST (review r9 #8: about 17 of 40 minutes of standing leg work, the upper body,
    core and back 35 s of Forearm Plank). A region the poses the choices allow cannot give its
    share is spared ("region:<name>" in `focus_spared`), and one the planner could not thin out
    to the most ("balance:<name>": a standing class to a standing peak has no floor for core
    and back work in its build)."""
    choices = practice.choices
    if Focus.FULL_BODY not in choices.focus or choices.style in SLOW_STYLES:
        return []
    if choices.minutes < FULL_BODY_FROM_MINUTES or FOCUS_SHARE_SPARED_BY & set(choices.avoid):
        return []
    steps = _build_and_peak(practice)
    whole = sum(s.seconds for s in steps)
    if not whole:
        return []
    shares = region_shares([(s.pose, s.seconds) for s in steps if held(s)], whole)
    spared = set(practice.focus_spared)
    return [
        f"full_body: {region} {share:.0%} of the build and peak, under {REGION_LEAST:.0%}"
        for region, share in shares.items()
        if share < REGION_LEAST and f"region:{region}" not in spared
    ] + [
        f"full_body: {region} {share:.0%} of the build and peak, over {REGION_MOST:.0%}"
        for region, share in shares.items()
        if share > REGION_MOST and f"balance:{region}" not in spared
    ]


def _flow_rounds(practice) -> dict[str, list[list]]:
    """Each build flow (Sun Salutations aside) as its rounds: a round starts again at the
    flow's first pose on its first side."""
    flows: dict[str, list] = {}
    for step in practice.steps:
        if step.phase == "build" and step.flow and not step.flow.startswith("Sun Salutation"):
            flows.setdefault(step.flow, []).append(step)
    rounds = {}
    for name, steps in flows.items():
        first = (steps[0].pose.slug, steps[0].side)
        split: list[list] = []
        for step in steps:
            if not split or ((step.pose.slug, step.side) == first and len(split[-1]) > 1):
                split.append([])
            split[-1].append(step)
        rounds[name] = split
    return rounds


def _repeat_serves_focus(practice) -> list[str]:
    """A flow is done again only where that serves the focus (review r9 #17: both bent-knee
    standing flows "once more, a breath longer" in a knee-friendly whole-body class, 10½
    minutes more): never with a pose whose load the avoid list spares (bent knees under the
    body's weight when knee-friendly, the hands bearing weight when wrist-friendly), and in a
    class with a focus area (not energy, relaxation or the whole body) only a flow with a pose
    held that works one directly. A practice nothing else could fill to its time declares
    the flow done again anyway ("repeat" in `focus_spared`)."""
    choices = practice.choices
    slow = choices.style in SLOW_STYLES
    areas = [f for f in choices.focus if f not in NOT_BY_A_REPEAT]
    if REPEATED_ANYWAY in practice.focus_spared:
        return []  # the last refuge: nothing else could fill the time
    problems = []
    for name, rounds in _flow_rounds(practice).items():
        if len(rounds) < 2:
            continue
        steps = [s for r in rounds for s in r]
        spared = spares_by_avoid([s.pose for s in steps], choices.avoid)
        if spared:
            problems.append(f"{name}: done again with {', '.join(spared)} ({choices.avoid})")
        if areas and not any(
            held(s) and works_directly(s.pose, area, slow=slow) for s in steps for area in areas
        ):
            problems.append(f"{name}: done again, working none of {', '.join(areas)}")
    return problems


def _back_planes(practice) -> list[str]:
    """A back class of BACK_PLANES_FROM_MINUTES (restorative aside) works the spine in
    BACK_PLANES planes at least, in the shapes it holds from the warm-up to the cool-down:
    forward and back bends, side bends, twists (review r9 #13: a yin class for the back with
    two folds and Fish, no side bend, no twist), unless the poses the choices allow offer no
    other ("back:planes" in `focus_spared`)."""
    choices = practice.choices
    if Focus.BACK not in choices.focus or choices.style == "restorative":
        return []
    if choices.minutes < BACK_PLANES_FROM_MINUTES or BACK_PLANES_SPARED in practice.focus_spared:
        return []
    planes = {
        plane
        for s in practice.steps
        if s.phase in ("warm_up", "build", "peak", "counter", "cool_down") and held(s)
        for plane in spine_planes(s.pose)
    }
    if len(planes) < BACK_PLANES:
        return [f"back: the spine worked in {', '.join(sorted(planes)) or 'no plane'} only"]
    return []


RULES = {
    "full_body_balance": _full_body_balance,
    "repeat_serves_focus": _repeat_serves_focus,
    "back_planes": _back_planes,
}
