"""The quality bar of a generated practice, figure by figure, as a teacher measures it.

`faults(practice)` names every figure the practice misses, with the steps it is about:
`{"peak": ["Mountain Pose (i1) is the peak but Chair Pose (i3) is held"], ...}`; an empty dict
is a practice that meets the bar. The property tests assert it is empty over a thousand random
choices, and `bench/practices.py --measure` counts each figure over as many, so a figure the
generator slips on shows as a rate before any test fails.
"""

import re
from collections import Counter

from accounts.models import Avoidance
from poses.models import Caution, Effort, Kind, cautions_avoided
from sequences.checks import (
    HINT,
    PASSING_SECONDS,
    check_sequence,
    level_changes,
    not_entered_from,
    same_kind_runs,
    spine_not_warmed,
)
from sequences.generator.shapes import (
    family,
    floor_height,
    loads_bent_knees,
    on_the_floor,
    outranks,
    peak_needs,
    quietens,
    works,
    wrist_flexion_balance,
)
from sequences.generator.vocabulary import (
    ARM_BALANCE_EXTENSIONS,
    CLOSING_ONLY,
    LEVEL_PEAK_INTENSITY,
    LEVELS,
    LINKING_SLUGS,
    SHORT_MINUTES,
    SLOW_STYLES,
    SPINE_WARM_UPS,
    TOLERANCE,
    WRIST_RELEASES,
)
from sequences.models import Focus, Side, Style
from sequences.steps import PHASE_LABELS, Step

PHASES = list(PHASE_LABELS)
# Every figure, in the order the bench prints them.
FIGURES = (
    "time",
    "avoided",
    "sides",
    "checks",
    "holds",
    "up_and_down",
    "arc_order",
    "centring",
    "peak",
    "peak_hardest",
    "peak_fits",
    "peak_prepared",
    "counter",
    "counter_answers",
    "cool_down",
    "time_shares",
    "warm_up_order",
    "spine_first",
    "entered_from",
    "sun_fold",
    "flow",
    "cue_names_pose",
    "focus",
    "shape_twice",
    "shape_in_a_row",
    "kind_in_a_row",
    "flow_progresses",
    "pose_count",
    "reason_repeated",
    "reason_template",
)
# The quiet end of a flowing class: a third or less as a rule (the generator aims there); up
# to half in the rare long beginner class with an avoid list that cannot fill its time moving.
QUIET_AT_MOST = 0.5
# A skeleton of words (pose names and numbers left out) seen this often is a template.
TEMPLATE_AT = 3


def held(step: Step) -> bool:
    """Held, not passed through in a flow (a breath or four)."""
    return not (step.flow and step.duration_seconds <= PASSING_SECONDS)


def faults(practice) -> dict[str, list[str]]:
    """Each figure of the quality bar the practice misses, with what was seen."""
    found: dict[str, list[str]] = {}
    for figure in FIGURES:
        problems = FIGURE_RULES[figure](practice)
        if problems:
            found[figure] = problems
    return found


def _time(practice) -> list[str]:
    target, total = practice.target_seconds, practice.total_seconds
    if abs(total - target) <= TOLERANCE * target:
        return []
    return [f"{total} s planned for {target} s"]


def _avoided(practice) -> list[str]:
    choices = practice.choices
    cautions = cautions_avoided(choices.avoid)
    top = LEVELS.index(choices.level)
    return [
        step.pose.slug
        for step in practice.steps
        if step.pose.slug in choices.avoid_slugs
        or step.pose.cautions & cautions
        or step.pose.category in choices.avoid_categories
        or LEVELS.index(step.pose.difficulty) > top
    ]


def _sides(practice) -> list[str]:
    sides = Counter((s.pose.slug, s.side) for s in practice.steps if s.side != Side.BOTH)
    other = {Side.LEFT: Side.RIGHT, Side.RIGHT: Side.LEFT}
    return sorted(
        f"{slug} {side}" for (slug, side), n in sides.items() if sides[(slug, other[side])] != n
    )


def _checks(practice) -> list[str]:
    choices = practice.choices
    findings = check_sequence(
        practice.steps,
        difficulty=choices.level,
        style=choices.style,
        target_seconds=practice.target_seconds,
    )
    return [f"{f.code}: {f.message}" for f in findings if f.severity != HINT]


def _holds(practice) -> list[str]:
    problems = []
    for step in practice.steps:
        low, high = step.pose.hold_range(practice.choices.style)
        if not low <= step.duration_seconds <= high:
            problems.append(f"{step.pose.slug} {step.duration_seconds} s not in {low}-{high}")
    return problems


def _up_and_down(practice) -> list[str]:
    most = 1 if practice.choices.minutes <= SHORT_MINUTES else 2
    changes = level_changes(practice.steps)
    return [f"{len(changes)} changes: {[s.label for s in changes]}"] if len(changes) > most else []


def _arc_order(practice) -> list[str]:
    phases = [PHASES.index(step.phase) for step in practice.steps]
    if phases != sorted(phases):
        return ["phases out of order"]
    if [s.phase for s in practice.steps].count("peak") != 1:
        return ["not one peak"]
    return []


def _centring(practice) -> list[str]:
    """A breath or a quiet seated or lying shape, never an active or standing one."""
    first = practice.steps[0]
    if first.phase != "centring":
        return [f"starts with {first.phase}"]
    pose = first.pose
    if pose.kind != Kind.ASANA:
        return []
    if not on_the_floor(pose) or pose.intensity > 1:
        return [f"{pose.slug} to centre"]
    return []


def _peak(practice) -> list[str]:
    """The peak is the most intense pose held in the practice (a breath of Chaturanga in a
    flow is passed through; the generator lowers through Knees-Chest-Chin where it may)."""
    peak = practice.peak
    if peak is None:
        return ["no peak"]
    stronger = [
        s.pose.slug for s in practice.steps if held(s) and s.pose.intensity > peak.pose.intensity
    ]
    return [f"{peak.pose.slug} (i{peak.pose.intensity}) below {stronger}"] if stronger else []


def _before_peak(practice) -> list[Step]:
    """The held steps before the peak, in order."""
    peak = practice.peak
    return [s for s in practice.steps if s.position < peak.position and held(s)]


def _peak_hardest(practice) -> list[str]:
    """No pose before the peak outranks it: no deeper variant of it (Humble Warrior before
    Warrior I, Seated Forward Fold before Head-to-Knee, Standing Split before Pyramid)."""
    peak = practice.peak
    if peak is None:
        return []
    return [
        f"{s.pose.slug} before the peak {peak.pose.slug}"
        for s in _before_peak(practice)
        if outranks(s.pose, peak.pose)
    ]


def _peak_fits(practice) -> list[str]:
    """The peak fits the level (an advanced active class climbs to an advanced shape), the
    focus (an energy class does not top out in a quietening inversion), the avoid list beyond
    its tags (no loaded bent-knee peak for knee-friendly practice), and the arc (Plough is a
    closing pose)."""
    peak, choices = practice.peak, practice.choices
    if peak is None:
        return []
    pose, problems = peak.pose, []
    active = choices.style not in SLOW_STYLES
    calm = Focus.RELAXATION in choices.focus or choices.style == Style.GENTLE
    least = LEVEL_PEAK_INTENSITY[choices.level]
    if active and not calm and not choices.avoid and pose.intensity < least:
        problems.append(f"{pose.slug} (i{pose.intensity}) for {choices.level}")
    if Focus.ENERGY in choices.focus and quietens(pose):
        problems.append(f"{pose.slug}: a quietening peak for energy")
    if active and pose.slug in CLOSING_ONLY:
        problems.append(f"{pose.slug}: a closing pose as the peak")
    if Avoidance.KNEE_FRIENDLY in choices.avoid and loads_bent_knees(pose):
        problems.append(f"{pose.slug}: bent knees under load for knee-friendly")
    return problems


def _peak_prepared(practice) -> list[str]:
    """Each need of the peak (PEAK_NEEDS) is met before it, and the last held pose before it
    meets one: Side Lunge or Wide-Knee Child's straight before Frog, Sphinx before Locust."""
    peak = practice.peak
    if peak is None:
        return []
    needs = peak_needs(peak.pose)
    if not needs:
        return []
    before = [s.pose.slug for s in _before_peak(practice)]
    problems = [
        f"nothing of {'/'.join(need[:3])} before {peak.pose.slug}"
        for need in needs
        if not set(need) & set(before)
    ]
    last = next((slug for slug in reversed(before) if slug != peak.pose.slug), None)
    if last is not None and not any(last in need for need in needs):
        problems.append(f"{last} straight before {peak.pose.slug}")
    return problems


def _counter(practice) -> list[str]:
    """A counter-pose after the peak is no stronger than the peak, and never another peak."""
    steps = practice.steps
    peak = practice.peak
    counters = [s for s in steps if s.phase == "counter"]
    problems = []
    for step in counters:
        if step.pose.intensity >= peak.pose.intensity and peak.pose.intensity > 1:
            problems.append(f"{step.pose.slug} as strong as {peak.pose.slug}")
        if Caution.DEEP_BACKBEND in step.pose.cautions:
            problems.append(f"{step.pose.slug}: a backbend to counter")
    return problems


def _counter_answers(practice) -> list[str]:
    """An active peak of intensity 3 or more has a counter-pose; after an arm balance on bent
    wrists (Crow, Firefly) a wrist release and an extension come before Child's Pose; and the
    first pose after the peak does not repeat its shape (Happy Baby after Frog)."""
    peak = practice.peak
    if peak is None:
        return []
    steps, pose, problems = practice.steps, peak.pose, []
    after = [s for s in steps if s.position > peak.position and s.pose.slug != pose.slug]
    counters = [s for s in after if s.phase == "counter"]
    slow = practice.choices.style in SLOW_STYLES
    # Up to ten minutes a practice may end standing, from the peak into Mountain.
    short = practice.choices.minutes <= SHORT_MINUTES
    # A gentle peak (intensity 2 or less) may go straight on into the cool-down.
    strong = pose.effort == Effort.ACTIVE and pose.intensity >= 3
    if not slow and not short and strong and not counters:
        problems.append(f"no counter-pose after {pose.slug}")
    if wrist_flexion_balance(pose):
        rest = next(
            (n for n, s in enumerate(counters) if s.pose.slug == "childs-pose"), len(counters)
        )
        first = {s.pose.slug for s in counters[:rest]}
        if not first & set(WRIST_RELEASES):
            problems.append(f"no wrist release after {pose.slug}")
        if not (first & set(ARM_BALANCE_EXTENSIONS)):
            problems.append(f"no extension after {pose.slug}")
    following = next((s for s in after if held(s) and not s.pose.is_breathing), None)
    if (
        following is not None
        and not slow
        and strong
        and following.pose.category == pose.category
        and pose.category in REPEATED_SHAPES
        and set(following.pose.target_areas[:3]) & set(pose.target_areas[:3])
    ):
        problems.append(f"{following.pose.slug} repeats {pose.slug}")
    return problems


# Categories whose shape a teacher does not repeat straight after the peak.
REPEATED_SHAPES = frozenset({"hip_opener", "forward_fold", "backbend", "twist"})


def _cool_down(practice) -> list[str]:
    """Down to the floor and staying there: no standing, never back up a height (from the
    counter-pose on, where it is on the floor), and at each height the twist last."""
    problems = []
    before = twisted = None
    for step in practice.steps:
        if step.phase == "counter" and on_the_floor(step.pose):
            before = floor_height(step.pose)  # the cool-down goes on down from a floor counter
        if step.phase != "cool_down" or step.pose.is_breathing:
            continue
        if not on_the_floor(step.pose):
            problems.append(f"{step.pose.slug} off the floor")
        height = floor_height(step.pose)
        if before is not None and height > before:
            problems.append(f"back up to {step.pose.slug}")
        if twisted is not None and height == twisted and step.pose.category != "twist":
            problems.append(f"{step.pose.slug} after the twist")
        if step.pose.category == "twist":
            twisted = height
        before = height
    return problems


def _time_shares(practice) -> list[str]:
    """A flowing class moves: it moves longer than it cools down, and the quiet end (cool-down
    and final relaxation) takes at most QUIET_AT_MOST of the time."""
    if practice.choices.style not in (Style.VINYASA, Style.POWER) or practice.choices.minutes < 20:
        return []
    seconds = Counter()
    for step in practice.steps:
        seconds[step.phase] += step.seconds
    problems = []
    if seconds["cool_down"] > seconds["warm_up"] + seconds["build"] + seconds["peak"]:
        problems.append(f"cool-down {seconds['cool_down']} s, build {seconds['build']} s")
    quiet = seconds["cool_down"] + seconds["relaxation"] + seconds["closing"]
    if quiet > QUIET_AT_MOST * practice.total_seconds:
        problems.append(f"{quiet} s quiet of {practice.total_seconds} s")
    return problems


def _warm_up_order(practice) -> list[str]:
    """The spine moves (Cat-Cow) before it twists or bends back in the warm-up."""
    warm_up = [s for s in practice.steps if s.phase == "warm_up" and not s.flow]
    slugs = [s.pose.slug for s in warm_up]
    if "cat-cow" not in slugs:
        return []
    spine = slugs.index("cat-cow")
    return [
        f"{s.pose.slug} before Cat-Cow"
        for s in warm_up[:spine]
        if s.pose.category in ("twist", "backbend")
    ]


def _spine_first(practice) -> list[str]:
    """A spinal warm-up (Cat-Cow, Seated Cat-Cow) before any hamstring fold, twist or
    Chaturanga (sequences.checks: fold_before_warm_spine), unless the avoid list leaves out
    both (by name, by rounding the spine, or one by a caution and the other by name); yin and
    restorative practice warm the spine with their first long holds instead."""
    choices = practice.choices
    if choices.style in SLOW_STYLES:
        return []
    if choices.avoid_slugs >= SPINE_WARM_UPS or Caution.SPINAL_ROUNDING in cautions_avoided(
        choices.avoid
    ):
        return []
    if (choices.avoid or choices.avoid_slugs) and not any(
        step.pose.slug in SPINE_WARM_UPS for step in practice.steps
    ):
        return []
    return [f"{s.pose.slug} before the spine is warm" for s in spine_not_warmed(practice.steps)]


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
        for words, slugs in CUE_NAMES.items():
            if words in step.cue and step.pose.slug not in slugs:
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
            works(s.pose, focus, slow=slow) for s in practice.steps if s.phase in where and held(s)
        ):
            problems.append(focus)
    return problems


def _shapes(practice) -> list[Step]:
    return [s for s in practice.steps if held(s) and not s.flow.startswith("Sun Salutation")]


def _shape_twice(practice) -> list[str]:
    shapes: dict[str, set[str]] = {}
    for step in _shapes(practice):
        shapes.setdefault(family(step.pose), set()).add(step.pose.slug)
    return sorted(" = ".join(sorted(slugs)) for slugs in shapes.values() if len(slugs) > 1)


def _shape_in_a_row(practice) -> list[str]:
    """Two different poses of one shape one after the other (Butterfly then Bound Angle)."""
    steps = _shapes(practice)
    return [
        f"{a.pose.slug} then {b.pose.slug}"
        for a, b in zip(steps, steps[1:], strict=False)
        if a.pose.slug != b.pose.slug and family(a.pose) == family(b.pose)
    ]


def _kind_in_a_row(practice) -> list[str]:
    """No three seated twists or three seated folds in a row (sequences.checks)."""
    return [" → ".join(s.pose.slug for s in run) for run in same_kind_runs(_shapes(practice))]


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
    """A flow done again progresses (longer holds, a pose more), never a word-for-word copy."""
    flows: dict[str, list[Step]] = {}
    for step in practice.steps:
        if step.flow and not step.flow.startswith("Sun Salutation"):
            flows.setdefault(step.flow, []).append(step)
    problems = []
    for name, steps in flows.items():
        rounds = _rounds(steps)
        shape = [[(s.pose.slug, s.side, s.duration_seconds) for s in r] for r in rounds]
        problems += [f"{name}: round {n + 1} repeats round 1" for n in range(1, len(shape))
                     if shape[n] == shape[0]]  # fmt: skip
    return problems


# The most times one pose comes in a practice (Chair fourteen times is a lot of quadriceps
# for a beginner); the linking poses and Down Dog are passages, not counted.
MOST_TIMES = {"beginner": 12, "intermediate": 14, "advanced": 14}


def _pose_count(practice) -> list[str]:
    counts = Counter()
    before = None
    for step in practice.steps:
        slug = step.pose.slug
        if slug != before and slug not in LINKING_SLUGS and slug != "downward-facing-dog":
            counts[slug] += 1
        before = slug
    most = MOST_TIMES[practice.choices.level]
    return [f"{slug} {n} times" for slug, n in counts.items() if n > most]


def _reason_repeated(practice) -> list[str]:
    cues = Counter(step.cue for step in practice.steps if not step.flow)
    return [cue for cue, count in cues.items() if count > 1]


def skeleton(practice, cue: str) -> str:
    """The cue's words with the practice's pose names, numbers and sides left out."""
    text = cue
    names = sorted({s.pose.name for s in practice.steps}, key=len, reverse=True)
    for name in names:
        text = text.replace(name, "_")
    text = re.sub(r"\d+", "#", text)
    return re.sub(r"\b(right|left)\b", "~", text, flags=re.IGNORECASE)


def _reason_template(practice) -> list[str]:
    """The same sentence with other poses' names in it, down the page: a template. The rounds
    of a Sun Salutation, the left side of a flow and a flow done once more say again what they
    said by design."""
    seen = Counter(
        skeleton(practice, step.cue)
        for step in practice.steps
        if held(step)
        and not step.flow.startswith("Sun Salutation")
        and not (step.flow and step.side == Side.LEFT)
        and not step.cue.startswith("Once more")
    )
    return [f"{count}× {text}" for text, count in seen.items() if count >= TEMPLATE_AT]


FIGURE_RULES = {
    "time": _time,
    "avoided": _avoided,
    "sides": _sides,
    "checks": _checks,
    "holds": _holds,
    "up_and_down": _up_and_down,
    "arc_order": _arc_order,
    "centring": _centring,
    "peak": _peak,
    "peak_hardest": _peak_hardest,
    "peak_fits": _peak_fits,
    "peak_prepared": _peak_prepared,
    "counter": _counter,
    "counter_answers": _counter_answers,
    "cool_down": _cool_down,
    "time_shares": _time_shares,
    "warm_up_order": _warm_up_order,
    "spine_first": _spine_first,
    "entered_from": _entered_from,
    "sun_fold": _sun_fold,
    "cue_names_pose": _cue_names_pose,
    "flow": _flow,
    "focus": _focus,
    "shape_twice": _shape_twice,
    "shape_in_a_row": _shape_in_a_row,
    "kind_in_a_row": _kind_in_a_row,
    "flow_progresses": _flow_progresses,
    "pose_count": _pose_count,
    "reason_repeated": _reason_repeated,
    "reason_template": _reason_template,
}
