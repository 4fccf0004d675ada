"""Flows, focus and shapes: Sun Salutations, linked flows, repeated shapes."""

from sequences.checks import (
    not_entered_from,
    same_kind_runs,
)
from sequences.checks.rounds import copied_rounds
from sequences.generator.knee_load import knee_free_again
from sequences.generator.knee_rotations import shape_of
from sequences.generator.quality.common import PHASES, held, held_shapes
from sequences.generator.shapes import (
    body_regions,
    works,
    works_directly,
)
from sequences.generator.stance_links import without_way
from sequences.generator.vocabulary import (
    FOCUS_SHARE,
    FOCUS_SHARE_FROM_MINUTES,
    FULL_BODY_FROM_MINUTES,
    FULL_BODY_REGIONS,
    SLOW_STYLES,
)
from sequences.models import Focus, Side, Style
from sequences.steps import Step


def _entered_from(practice) -> list[str]:
    """Reverse Warrior comes out of Warrior II on the same side (sequences.checks)."""
    return [
        f"{s.pose.slug} {s.side} not from {want}" for s, want in not_entered_from(practice.steps)
    ]


def _sun_fold(practice) -> list[str]:
    """A Sun Salutation folds (or hinges, knees bent) before it first steps back to Plank."""
    problems, folded, seen = [], {}, set()
    for step in practice.steps:
        name = step.flow
        if not name.startswith("Sun Salutation") or name in seen:
            continue
        pose = step.pose
        if pose.slug in STEP_BACK:
            seen.add(name)
            if not folded.get(name) and "hinge" not in step.cue:
                problems.append(f"{name}: no fold before {pose.slug}")
            continue
        fold = pose.category == "forward_fold" and pose.slug != "halfway-lift"
        folded[name] = folded.get(name) or fold or "hinge" in step.cue or "fold" in step.cue
    return problems


# The movements that step (or jump) back from the front of the mat.
STEP_BACK = frozenset({"plank", "forearm-plank", "chaturanga", "knees-chest-chin"})


# What a Sun Salutation's cue calls the pose, and the poses that answer to it.
CUE_NAMES = {
    "step back to Plank": {"plank"},
    "Down Dog": {"downward-facing-dog"},
    "Chaturanga": {"chaturanga"},
}


def _cue_names_pose(practice) -> list[str]:
    """A movement's cue names the pose done (Forearm Plank, Dolphin), not the one it stands
    in for."""
    problems = []
    for step in practice.steps:
        if not step.flow or step.cue.startswith("Vinyasa"):
            continue
        own = without_way(step.cue)  # (the way from the pose before names it, stance_links)
        for words, slugs in CUE_NAMES.items():
            if words in own and step.pose.slug not in slugs:
                problems.append(f"{step.pose.slug}: {step.cue}")
    return problems


def _flow(practice) -> list[str]:
    if practice.choices.style not in (Style.VINYASA, Style.POWER):
        return []
    flows = {s.flow for s in practice.steps if s.flow and s.side == Side.RIGHT}
    flows = {f for f in flows if not f.startswith("Sun Salutation")}
    if not flows:
        return ["no flow on one side at a time"]
    return [
        f"{flow}: no left side"
        for flow in sorted(flows)
        if not any(s.flow == flow and s.side == Side.LEFT for s in practice.steps)
    ]


def _focus(practice) -> list[str]:
    style = practice.choices.style
    slow = style in SLOW_STYLES
    problems = []
    for focus in practice.choices.focus:
        if focus == Focus.FULL_BODY:
            continue
        where = PHASES if slow or focus == Focus.RELAXATION else ("build", "peak")
        if not any(
            works(s.pose, focus, slow=slow)
            for s in practice.steps
            if (s.phase in where or s.work) and held(s)
        ):
            problems.append(focus)
    return problems


def focus_shares(practice) -> dict[str, float]:
    """For each focus area asked for (relaxation and the whole body aside), the share of the
    build and peak held time (seconds, both sides counted) in poses that work it directly
    (`shapes.works_directly`); passing beats of a flow count in the whole, not for a focus."""
    slow = practice.choices.style in SLOW_STYLES
    # (with the build's work taught before the standing work, `Step.work`)
    steps = [s for s in practice.steps if s.phase in ("build", "peak") or s.work]
    whole = sum(s.seconds for s in steps)
    shares = {}
    for focus in practice.choices.focus:
        if focus in (Focus.RELAXATION, Focus.FULL_BODY):
            continue
        worked = sum(
            s.seconds for s in steps if held(s) and works_directly(s.pose, focus, slow=slow)
        )
        shares[focus] = worked / whole if whole else 0.0
    return shares


def _focus_share(practice) -> list[str]:
    """Each focus area gets its share of the build and peak (FOCUS_SHARE: one area a quarter,
    two a sixth each, three a tenth each); a whole-body class works the legs, the core, the
    upper body and the back there (review r5 #8: no core, no arms; #10: a core class with
    2:20 of core work in 30 minutes). Active classes from FOCUS_SHARE_FROM_MINUTES; an area
    whose poses the practice's level and avoid list leave too few of is spared
    (`GeneratedPractice.focus_spared`, vocabulary.FOCUS_LEAST_SHAPES)."""
    choices = practice.choices
    if choices.style in SLOW_STYLES or choices.minutes < FOCUS_SHARE_FROM_MINUTES:
        return []
    shares = focus_shares(practice)
    spared = set(practice.focus_spared)
    problems = []
    if shares:
        least = FOCUS_SHARE[len(shares)]
        problems += [
            f"{focus}: {share:.0%} of the build and peak, under {least:.0%}"
            for focus, share in shares.items()
            if share < least and focus not in spared
        ]
    if Focus.FULL_BODY in choices.focus and choices.minutes >= FULL_BODY_FROM_MINUTES:
        regions = set()
        for step in practice.steps:
            if (step.phase in ("build", "peak") or step.work) and held(step):
                regions |= body_regions(step.pose)
        problems += [
            f"full_body: {region} not worked in the build or peak"
            for region in FULL_BODY_REGIONS
            if region not in regions and f"region:{region}" not in spared
        ]
    return problems


def _shape_twice(practice) -> list[str]:
    shapes: dict[str, set[str]] = {}
    peak = practice.peak and practice.peak.pose
    for step in held_shapes(practice):
        if knee_free_again(practice, step):
            continue  # the peak's shape lying down, knee-free (knee_load, r17 F14)
        shapes.setdefault(shape_of(step.pose, peak), set()).add(step.pose.slug)
    return sorted(" = ".join(sorted(slugs)) for slugs in shapes.values() if len(slugs) > 1)


def _shape_in_a_row(practice) -> list[str]:
    """Two different poses of one shape one after the other (Butterfly then Bound Angle)."""
    steps = held_shapes(practice)
    peak = practice.peak and practice.peak.pose
    return [
        f"{a.pose.slug} then {b.pose.slug}"
        for a, b in zip(steps, steps[1:], strict=False)
        if a.pose.slug != b.pose.slug and shape_of(a.pose, peak) == shape_of(b.pose, peak)
    ]


def _kind_in_a_row(practice) -> list[str]:
    """No three seated twists or three seated folds in a row (sequences.checks)."""
    return [" → ".join(s.pose.slug for s in run) for run in same_kind_runs(held_shapes(practice))]


def _rounds(steps: list[Step]) -> list[list[Step]]:
    """The rounds of one flow: a round starts again at the flow's first step."""
    rounds: list[list[Step]] = []
    for step in steps:
        if rounds and (step.pose.slug, step.side) == (steps[0].pose.slug, steps[0].side):
            rounds.append([])
        if not rounds:
            rounds.append([])
        rounds[-1].append(step)
    return rounds


def _flow_progresses(practice) -> list[str]:
    """A flow done again progresses (longer holds, a pose more), never a word-for-word copy:
    the rule the checks' hint reads (`checks.rounds.copied_rounds`), over each flow's steps
    and over the practice's; and no later round the same as the first."""
    flows: dict[str, list[Step]] = {}
    for step in practice.steps:
        if step.flow and not step.flow.startswith("Sun Salutation"):
            flows.setdefault(step.flow, []).append(step)
    problems = [
        f"steps {practice.steps[start].position}-{practice.steps[start + size - 1].position} "
        "copy the round before"
        for start, size in copied_rounds(_keys(practice.steps))
    ]
    for name, steps in flows.items():
        problems += [f"{name}: a round copies the one before" for _ in copied_rounds(_keys(steps))]
        rounds = _rounds(steps)
        shape = [_keys(r) for r in rounds]
        problems += [f"{name}: round {n + 1} repeats round 1" for n in range(1, len(shape))
                     if shape[n] == shape[0]]  # fmt: skip
    return problems


def _keys(steps: list[Step]) -> list[tuple[str, str, int]]:
    return [(s.pose.slug, s.side, s.duration_seconds) for s in steps]


RULES = {
    "entered_from": _entered_from,
    "sun_fold": _sun_fold,
    "cue_names_pose": _cue_names_pose,
    "flow": _flow,
    "focus": _focus,
    "focus_share": _focus_share,
    "shape_twice": _shape_twice,
    "shape_in_a_row": _shape_in_a_row,
    "kind_in_a_row": _kind_in_a_row,
    "flow_progresses": _flow_progresses,
}
