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
from poses.models import Caution, Effort, Kind, TargetArea, cautions_avoided
from sequences.checks import (
    HINT,
    PASSING_SECONDS,
    check_sequence,
    level_changes,
    not_entered_from,
    same_kind_runs,
    spine_not_warmed,
)
from sequences.generator import reasons
from sequences.generator.fit import time_shares
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
    BREATH_SECONDS,
    CLOSING_ONLY,
    LEVEL_PEAK_INTENSITY,
    LEVELS,
    LINKING_SLUGS,
    REST_WORDS,
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
    "centring_time",
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
    "reason_credit",
    "reason_areas",
    "reason_order",
    "reason_names",
    "reason_grammar",
    "reason_filler",
    "reason_holds",
    "reason_heat",
    "cool_down_hamstrings",
    "cool_down_twist",
    "relaxation_support",
    "slow_peak_longest",
    "transitions",
    "yin_rebound",
    "restorative_props",
    "gentle_holds",
    "pregnancy",
)
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
    target, total = practice.target_seconds, practice.planned_seconds
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
        target_seconds=practice.target_seconds - practice.transition_seconds,
        avoid=choices.avoid,
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
    if not _one_peak([s for s in practice.steps if s.phase == "peak"]):
        return ["not one peak"]
    return []


def _one_peak(peaks: list[Step]) -> bool:
    """One peak pose, held once or in rounds with a rest pose between (`PEAK_ROUNDS`)."""
    if len(peaks) % 2 == 0:
        return False
    rounds, rests = peaks[::2], peaks[1::2]
    return len({s.pose.slug for s in rounds}) == 1 and all(s.pose.slug in REST_WORDS for s in rests)


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


def _centring_time(practice) -> list[str]:
    """Long enough for the breath to slow down: a minute (50 s in a practice under ten
    minutes), not two breaths."""
    first = practice.steps[0]
    least = 60 if practice.choices.minutes >= SHORT_MINUTES else 50
    if first.phase == "centring" and first.duration_seconds < least:
        return [f"{first.pose.slug} {first.duration_seconds} s"]
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
        # (none to give where the practitioner left out every wrist release by name)
        releases = set(WRIST_RELEASES) - practice.choices.avoid_slugs
        if releases and not first & releases:
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
    """A flowing class moves longer than it cools down, and its quiet end is at most
    QUIET_AT_MOST of it (the rule the generator keeps: `fit.time_shares`)."""
    choices = practice.choices
    return time_shares(practice.steps, style=choices.style, minutes=choices.minutes)


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


# --- reasons a teacher would give --------------------------------------------------------------


def _before_peak(practice) -> list[Step]:
    peak = practice.peak
    return [] if peak is None else list(practice.steps[: peak.position - 1])


def _credited(practice, step: Step) -> bool:
    """The step's reason names the peak as what it works toward: its name, not a longer pose
    name that holds it (Warrior III in a flow before a Warrior II peak names Warrior III)."""
    peak = practice.peak
    if peak is None or step is peak:
        return False
    name, cue = peak.pose.name, step.cue
    for other in {s.pose.name for s in practice.steps}:
        if other != name and name in other:
            cue = cue.replace(other, "")
    return name in cue


def _reason_credit(practice) -> list[str]:
    """A pose is credited with preparing the peak only where it really does
    (`reasons.prepares`: its main work meets what the peak needs, or it is the shape the peak
    grows out of); a flow only where one of its poses does; the peak credits only poses
    before it that prepared it, and only with what they prepared."""
    peak = practice.peak
    if peak is None:
        return []
    problems = []
    flows: dict[str, list[Step]] = {}
    for step in _before_peak(practice):
        if step.flow:
            flows.setdefault(step.flow, []).append(step)
    for step in _before_peak(practice):
        if not _credited(practice, step) or step.phase not in ("warm_up", "build"):
            continue
        if step.flow:
            if step.cue.startswith(("Right side", "Once more, right side")) and not any(
                reasons.prepares(s.pose, peak.pose) for s in flows[step.flow]
            ):
                problems.append(f"{step.flow} credited with {peak.pose.slug}")
        elif not (
            reasons.prepares(step.pose, peak.pose)
            or reasons.warms_for(step.pose, peak.pose)
            or reasons.uses(step.pose, peak.pose)[0]
        ):
            problems.append(f"{step.pose.slug} credited with {peak.pose.slug}")
    match = re.search(r"; (.+?) (?:prepared|settled) the ([a-z ,]+?)\.", peak.cue)
    if match:
        before = {s.pose.name: s.pose for s in _before_peak(practice)}
        named = [name for name in before if name in match.group(1)]
        if not named or len(match.group(1)) > len(" and ".join(named)):
            problems.append(f"peak credits {match.group(1)!r}")
        given = {a for name in named for a in reasons.prepares(before[name], peak.pose)}
        for area in _areas_named(match.group(2)):
            if area not in given:
                problems.append(f"peak credits {area} to {named}")
    return problems


AREA_LABELS = {area: TargetArea(area).label.lower() for area in TargetArea.values}
# The words around a reason's own claim: how the props hold a pose, today's focus named.
FOCUS_TAILS = re.compile(
    r"(for|in keeping with|as) today's focus on [^,.;]*|, [^,.;]* being today's focus"
)


def _areas_named(text: str) -> list[str]:
    """The target areas a piece of text names ("the upper back and lower back")."""
    found = []
    for area, label in sorted(AREA_LABELS.items(), key=lambda item: -len(item[1])):
        if re.search(rf"\b{label}\b", text):
            found.append(area)
            text = re.sub(rf"\b{label}\b", " ", text)
    return found


def _claim(practice, step: Step) -> str:
    """The cue with pose names, props set-ups and today's focus words taken out: what it
    says the pose itself does."""
    text = FOCUS_TAILS.sub("_", step.cue)
    for name in sorted({s.pose.name for s in practice.steps}, key=len, reverse=True):
        text = text.replace(name, "_")
    said = [
        *reasons.SUPPORT.values(),
        *reasons.WHERE.values(),
        reasons.props_words(step.pose),
        *(words.strip() for _, _, words, _ in reasons.AVOID_CUES),
    ]
    for words in sorted(said, key=len, reverse=True):
        if words:
            text = text.replace(words, "_")
    return text


def _reason_areas(practice) -> list[str]:
    """A pose is said to work only what it works: its first three target areas (Locust does
    not "open the hamstrings")."""
    problems = []
    for step in practice.steps:
        if (
            step.flow
            or step.pose.is_breathing
            or step.phase
            not in (
                "warm_up",
                "build",
                "cool_down",
            )
        ):
            continue
        if step.pose.slug in reasons.DOES:
            continue
        own = step.pose.target_areas[:3]
        for area in _areas_named(_claim(practice, step)):
            if area not in own:
                problems.append(f"{step.pose.slug}: {area} ({step.cue})")
    return problems


def _reason_order(practice) -> list[str]:
    """Ordinal words are true of the order: "Last before <peak>" only on the pose straight
    before the peak, and no other "first" or "last" in a reason."""
    peak = practice.peak
    problems = []
    for index, step in enumerate(practice.steps):
        text = step.cue
        label = f"Last before {peak.pose.name}." if peak is not None else None
        if label and label in text:
            if index + 1 != peak.position - 1:
                problems.append(f"{step.pose.slug}: last before the peak at {step.position}")
            text = text.replace(label, "")
        if re.search(r"\b(first|last)\b", text, flags=re.IGNORECASE):
            problems.append(f"{step.pose.slug}: {step.cue}")
    return problems


def _reason_names(practice) -> list[str]:
    """Pose names as the library spells them ("Extended Triangle", not "extended Triangle"),
    and one label to a reason ("Vinyasa: link:" is two)."""
    problems = []
    names = sorted({s.pose.name for s in practice.steps}, key=len, reverse=True)
    for step in practice.steps:
        for name in names:
            for found in re.finditer(re.escape(name), step.cue, flags=re.IGNORECASE):
                if found.group(0) != name:
                    problems.append(f"{found.group(0)!r} for {name!r}")
        if re.match(r"^[^:]*: \w+: ", step.cue):
            problems.append(f"two labels: {step.cue}")
    return problems


PRONOUN_CLAIM = re.compile(
    r"the ([a-z ,]+?)(?::| that| at an easy intensity;| before)[^.;]*?"
    r"\b(?:asks for|will need|needs|load|loads) (them|it)\b"
)


def _reason_grammar(practice) -> list[str]:
    """A pronoun agrees with the areas it stands for ("the core ... asks for it")."""
    problems = []
    for step in practice.steps:
        for match in PRONOUN_CLAIM.finditer(step.cue):
            areas = _areas_named(match.group(1))
            if areas and reasons.pronoun(areas) != match.group(2):
                problems.append(f"{match.group(2)!r} for {areas}: {step.cue}")
    return problems


# Words that say nothing about the pose's job here.
FILLER = (
    "part of today's work",
    "whole body",
    "strong and steady",
    "what today is for",
    "more work on",
    "steady breaths",
)


def _reason_filler(practice) -> list[str]:
    """Every warm-up and build reason names a job; none is filler ("part of today's work on
    flexibility and the back", "Wakes up the whole body")."""
    return [
        f"{step.pose.slug}: {step.cue}"
        for step in practice.steps
        if step.phase in ("warm_up", "build") and any(f in step.cue.lower() for f in FILLER)
    ]


def _reason_holds(practice) -> list[str]:
    """A hold a reason quotes is the hold given: seconds, breaths (five seconds each) and
    minutes as `reasons.minutes` says them."""
    problems = []
    for step in practice.steps:
        hold = step.duration_seconds
        for seconds in re.findall(r"\b(\d+) s\b", step.cue):
            if int(seconds) != hold:
                problems.append(f"{step.pose.slug}: {seconds} s quoted, {hold} s given")
        for breaths in re.findall(r"\b(\d+) breaths\b", step.cue):
            if int(breaths) * BREATH_SECONDS != hold:
                problems.append(f"{step.pose.slug}: {breaths} breaths quoted, {hold} s given")
        for said in re.findall(r"\b((?:about )?\d+ minutes?)\b", step.cue):
            if said != reasons.minutes(hold):
                problems.append(f"{step.pose.slug}: {said} quoted, {hold} s given")
    return problems


def _reason_heat(practice) -> list[str]:
    """No heat in a class that stays cool: gentle, yin and restorative."""
    if practice.choices.style not in reasons.CALM_STYLES:
        return []
    return [f"{s.pose.slug}: {s.cue}" for s in practice.steps if "heat" in s.cue.lower()]


# --- the cool-down, the final rest, the slow styles and pregnancy --------------------------------


def _cool_down_hamstrings(practice) -> list[str]:
    """The cool-down adds no fourth hamstring stretch (`reasons.stretches_hamstrings`) to the
    practice's held poses, but one forward fold to close (review r4: a cool-down with no fold
    after a flowing class)."""
    seen: list[str] = []
    problems = []
    for step in _shapes(practice):
        if not reasons.stretches_hamstrings(step.pose) or step.pose.slug in seen:
            continue
        seen.append(step.pose.slug)
        if step.phase == "cool_down" and len(seen) > 3:
            problems.append(f"{step.pose.slug}: hamstring stretch {len(seen)}")
    return problems[1:]


def _cool_down_twist(practice) -> list[str]:
    """A practice of twenty minutes or more twists the spine somewhere (the cool-down adds
    Reclined Twist where nothing else did): checked where nothing is avoided, so a twist is
    always there to choose; restorative practice, all supported shapes, and yin under 45
    minutes aside."""
    choices = practice.choices
    if choices.minutes < (45 if choices.style in SLOW_STYLES else 20):
        return []  # a yin class under 45 minutes may have no room for a long twist
    if choices.style == Style.RESTORATIVE:
        return []
    if choices.avoid or choices.avoid_slugs:
        return []
    if any(s.pose.category == "twist" for s in _shapes(practice)):
        return []
    return ["no twist"]


def _relaxation_support(practice) -> list[str]:
    """For back care the final rest has support under the knees (or is Constructive Rest)."""
    if "back_care" not in practice.choices.avoid:
        return []
    return [
        f"{s.pose.slug}: {s.cue}"
        for s in practice.steps
        if s.phase == "relaxation"
        and s.pose.position == "supine"
        and s.pose.slug != "constructive-rest"
        and "under the knees" not in s.cue
    ]


def _slow_peak_longest(practice) -> list[str]:
    """In yin and restorative practice of a quarter of an hour or more the peak, the featured
    pose, is the longest hold of the arc (centring, final rest and closing aside)."""
    if practice.choices.style not in SLOW_STYLES or practice.peak is None:
        return []
    if practice.choices.minutes < 15:
        return []  # two or three shapes whose ranges may not allow it
    peak = practice.peak
    style = practice.choices.style
    longer = [
        f"{s.pose.slug} {s.duration_seconds} s"
        for s in practice.steps
        if s is not peak
        and s.phase in ("warm_up", "build", "counter", "cool_down")
        and not s.pose.is_breathing
        and s.duration_seconds >= peak.duration_seconds
        # unless the ranges forbid it: the other at its shortest, the peak at its longest
        and not (
            s.duration_seconds == s.pose.hold_range(style)[0]
            and peak.duration_seconds >= _longest(peak.pose, practice.choices)
        )
    ]
    return [f"peak {peak.duration_seconds} s, not above {longer}"] if longer else []


def _longest(card, choices) -> int:
    """The longest hold the pose may have in this practice: its range, under the caps."""
    caps = [cap.seconds for cap in choices.hold_caps if cap.applies(card)]
    return min([card.hold_range(choices.style)[1], *caps])


def _transitions(practice) -> list[str]:
    """Yin and restorative practice of half an hour or more set time aside for props,
    coming out and rebounds: at least 30 s a shape (up to a fifth of the practice)."""
    if practice.choices.style not in SLOW_STYLES:
        return [] if not practice.transition_seconds else ["time aside in an active style"]
    if practice.choices.minutes < 30:
        return []  # a short slow practice sets aside what its shortest holds leave
    count = sum(1 for s in practice.steps if not s.pose.is_breathing)
    least = min(30 * count, 0.2 * practice.target_seconds)
    if practice.transition_seconds < least:
        return [f"{practice.transition_seconds} s aside for {count} shapes"]
    return []


def _yin_rebound(practice) -> list[str]:
    """In yin, a rebound after the deep shapes (`reasons.needs_rebound`: Dragon, Saddle, the
    peak): the shape after one says so, and no other shape does (no rebound after a twist or a
    passive fold)."""
    if practice.choices.style != Style.YIN:
        return []
    arc = ("warm_up", "build", "peak", "counter", "cool_down")
    problems = []
    for before, step in zip(practice.steps, practice.steps[1:], strict=False):
        if step.phase not in arc or before.phase not in arc:
            continue
        if step.pose.is_breathing or before.pose.is_breathing:
            continue
        wanted = reasons.needs_rebound(before.pose, before.phase)
        if wanted and "rebound" not in step.cue:
            problems.append(f"{before.pose.slug} straight into {step.pose.slug}")
        if not wanted and "rebound" in step.cue:
            problems.append(f"a rebound after {before.pose.slug}")
    return problems


def _restorative_props(practice) -> list[str]:
    """Restorative poses name their props (Child's Pose over a bolster, Crocodile with a
    blanket)."""
    if practice.choices.style != Style.RESTORATIVE:
        return []
    return [
        f"{s.pose.slug}: {s.cue}"
        for s in practice.steps
        if not s.pose.is_breathing and not any(word in s.cue for word in reasons.PROP_WORDS)
    ]


def _gentle_holds(practice) -> list[str]:
    """A gentle class holds strong standing poses 20-30 s, resting between sides."""
    if practice.choices.style != Style.GENTLE:
        return []
    problems = []
    for step in practice.steps:
        pose = step.pose
        if pose.position != "standing" or pose.intensity < 3 or pose.is_breathing:
            continue
        if not 20 <= step.duration_seconds <= 30 and not step.flow.startswith("Sun"):
            problems.append(f"{pose.slug} {step.duration_seconds} s")
        if pose.is_bilateral and not step.flow and "between sides" not in step.cue:
            problems.append(f"{pose.slug}: no rest between sides")
    return problems


def _pregnancy(practice) -> list[str]:
    """In pregnancy: passive hip and adductor shapes (Dragonfly, Deer) held three minutes at
    most; nothing held lying flat on the back for a minute or more (inclined on a bolster
    instead); seated folds with the legs wide; the rebound never flat on the back."""
    if not practice.choices.pregnant:
        return []
    caps = [cap for cap in practice.choices.hold_caps if cap.avoid]
    problems = []
    for step in practice.steps:
        if step.phase in ("relaxation", "closing", "centring"):
            continue
        for cap in caps:
            if cap.applies(step.pose) and step.duration_seconds > cap.seconds:
                problems.append(f"{step.pose.slug} {step.duration_seconds} s")
        flat = reasons.lies_flat(step.pose) and step.duration_seconds >= 60
        if flat and "Inclined" not in step.cue:
            problems.append(f"{step.pose.slug} flat on the back")
        if reasons.folds_legs_together(step.pose) and "Legs wide" not in step.cue:
            problems.append(f"{step.pose.slug} with the legs together")
        if "lying flat" in step.cue:
            problems.append(f"{step.pose.slug}: lying flat")
    return problems


FIGURE_RULES = {
    "time": _time,
    "avoided": _avoided,
    "sides": _sides,
    "checks": _checks,
    "holds": _holds,
    "up_and_down": _up_and_down,
    "arc_order": _arc_order,
    "centring": _centring,
    "centring_time": _centring_time,
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
    "reason_credit": _reason_credit,
    "reason_areas": _reason_areas,
    "reason_order": _reason_order,
    "reason_names": _reason_names,
    "reason_grammar": _reason_grammar,
    "reason_filler": _reason_filler,
    "reason_holds": _reason_holds,
    "reason_heat": _reason_heat,
    "cool_down_hamstrings": _cool_down_hamstrings,
    "cool_down_twist": _cool_down_twist,
    "relaxation_support": _relaxation_support,
    "slow_peak_longest": _slow_peak_longest,
    "transitions": _transitions,
    "yin_rebound": _yin_rebound,
    "restorative_props": _restorative_props,
    "gentle_holds": _gentle_holds,
    "pregnancy": _pregnancy,
}
