"""The arc of a practice: centring, peak, counter-poses, cool-down, warm-up order."""

from accounts.models import Avoidance
from poses.models import Caution, Effort, Kind, cautions_avoided
from sequences.checks import (
    level_changes,
    spine_not_warmed,
)
from sequences.generator import reasons
from sequences.generator.cool_down_descent import after_the_peak_heights
from sequences.generator.fit import time_shares
from sequences.generator.peaks import shoulders_other_way
from sequences.generator.plank_counters import most_level_changes
from sequences.generator.prep import (
    DEEP_FLEXIBILITY_PEAKS,
    DEEP_PREP_SECONDS,
    ENTERED_FROM_POSE,
    PROPORTION_SECONDS,
    REHEARSALS,
    REHEARSED_FROM_MINUTES,
    SHORTENS,
    WRIST_WARM_UPS,
    loads_the_wrists,
    most_counters,
    outworks,
    rehearses,
)
from sequences.generator.quality.common import PHASES, before_peak, held, held_shapes
from sequences.generator.shapes import (
    floor_height,
    loads_bent_knees,
    on_the_floor,
    outranks,
    peak_needs,
    quietens,
    wrist_flexion_balance,
)
from sequences.generator.vocabulary import (
    ARM_BALANCE_EXTENSIONS,
    CLOSING_ONLY,
    CORE_ROUNDS,
    DEEP_KNEE_FLEXION,
    LEVEL_PEAK_INTENSITY,
    LUNGE_OPENERS,
    LUNGE_PEAKS,
    PEAK_NEED_RECENT,
    REST_WORDS,
    SHORT_MINUTES,
    SLOW_STYLES,
    SPINE_WARM_UPS,
    WIDE_KNEE_PEAKS,
    WRIST_RELEASES,
)
from sequences.models import Focus, Style
from sequences.steps import Step


def _up_and_down(practice) -> list[str]:
    # A short class rises once, or rises and lies down for its plank's counter-pose (r16 F11).
    most = most_level_changes(practice.steps, practice.choices.minutes <= SHORT_MINUTES)
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


def _peak_hardest(practice) -> list[str]:
    """No pose before the peak outranks it: no deeper variant of it (Humble Warrior before
    Warrior I, Seated Forward Fold before Head-to-Knee, Standing Split before Pyramid)."""
    peak = practice.peak
    if peak is None:
        return []
    return [
        f"{s.pose.slug} before the peak {peak.pose.slug}"
        for s in before_peak(practice)
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
    meets one or rehearses the peak (REHEARSALS): Side Lunge or Wide-Knee Child's straight
    before Frog, Sphinx before Locust, Crow before Firefly."""
    peak = practice.peak
    if peak is None:
        return []
    needs = peak_needs(peak.pose)
    if not needs:
        return []
    before = [s.pose.slug for s in before_peak(practice)]
    problems = [
        f"nothing of {'/'.join(need[:3])} before {peak.pose.slug}"
        for need in needs
        if not set(need) & set(before)
    ]
    last = next((slug for slug in reversed(before) if slug != peak.pose.slug), None)
    if (
        last is not None
        and not any(last in need for need in needs)
        and last not in REHEARSALS.get(peak.pose.slug, ())
    ):
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
        # The front body opened too after a peak held long enough to ask for a third
        # counter-pose (teacher review r7 #2: three counter-poses for a 20 s Firefly).
        long_peak = _peak_seconds(practice) >= PROPORTION_SECONDS
        if long_peak and not (first & set(ARM_BALANCE_EXTENSIONS)):
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
    counter-pose on, where it is on the floor; the belly below sitting but where the class is
    still on it from the counter-pose, `cool_down_descent.after_the_peak_heights`), and at
    each height the twist last."""
    problems = []
    before = twisted = None
    after = [s for s in practice.steps if s.phase in ("counter", "cool_down")]
    heights = dict(zip([id(s) for s in after], after_the_peak_heights(after), strict=True))
    for step in after:
        if step.phase == "counter" and on_the_floor(step.pose):
            before = floor_height(step.pose)  # the cool-down goes on down from a floor counter
        if step.phase != "cool_down" or step.pose.is_breathing:
            continue
        if not on_the_floor(step.pose):
            problems.append(f"{step.pose.slug} off the floor")
        height = heights[id(step)]
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


def _cool_down_hamstrings(practice) -> list[str]:
    """The cool-down adds no fourth hamstring stretch (`reasons.stretches_hamstrings`) to the
    practice's held poses, but one forward fold to close (review r4: a cool-down with no fold
    after a flowing class)."""
    seen: list[str] = []
    problems = []
    for step in held_shapes(practice):
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
    if any(s.pose.category == "twist" for s in held_shapes(practice)):
        return []
    return ["no twist"]


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


def _peak_prepared_recently(practice) -> list[str]:
    """Each need of the peak met before it is met again within the last PEAK_NEED_RECENT
    held shapes before it (`_recent`; review r6 #9: Lizard 15 minutes before Monkey, seated
    hip openers since)."""
    peak = practice.peak
    if peak is None:
        return []
    needs = peak_needs(peak.pose)
    recent, earlier = _recent(practice)
    return [
        f"{'/'.join(need[:3])} not in the last {PEAK_NEED_RECENT} poses before {peak.pose.slug}"
        for need in needs
        if set(need) & earlier and not set(need) & recent
    ]


def _peak_seconds(practice) -> int:
    """The peak's held time, every round and side counted."""
    slug = practice.peak.pose.slug
    return sum(s.seconds for s in practice.steps if s.phase == "peak" and s.pose.slug == slug)


def _wrists_warmed(practice) -> list[str]:
    """A practice that loads the hands in extension (Plank, Chaturanga, Down Dog, an arm
    balance) loosens the wrists in the warm-up before the first of them (teacher review r7
    #1: Wrist Circles only after Firefly)."""
    choices = practice.choices
    if choices.style in SLOW_STYLES or choices.minutes <= SHORT_MINUTES:
        return []  # no hands loaded in extension in yin; no joint by joint in a few minutes
    if set(WRIST_WARM_UPS) <= choices.avoid_slugs:
        return []
    first = next((s for s in practice.steps if loads_the_wrists(s.pose)), None)
    if first is None or first.phase in ("counter", "cool_down"):
        return []
    warmed = any(
        s.pose.slug in WRIST_WARM_UPS and s.phase == "warm_up"
        for s in practice.steps[: first.position - 1]
    )
    return [] if warmed else [f"wrists not warmed before {first.label}"]


def _arm_balance_rehearsed(practice) -> list[str]:
    """An advanced arm balance at the peak is rehearsed before it: an easier arm balance or
    its shape with the feet down (REHEARSALS: Garland, shoulders behind the knees, before
    Firefly; teacher review r7 #1)."""
    peak = practice.peak
    if peak is None or peak.pose.slug not in REHEARSALS or peak.pose.difficulty != "advanced":
        return []
    if practice.choices.minutes < REHEARSED_FROM_MINUTES:
        return []  # a short practice has room for the peak's needs alone
    if set(REHEARSALS[peak.pose.slug]) <= practice.choices.avoid_slugs:
        return []
    if any(rehearses(s.pose, peak.pose) for s in before_peak(practice) if s.phase == "build"):
        return []
    return [f"nothing rehearses {peak.pose.slug}"]


def _short_peak_in_rounds(practice) -> list[str]:
    """An arm balance at the peak of an active practice is tried in rounds with a rest between,
    not one short hold (teacher review r7 #1: Firefly, one 20 s try)."""
    peak = practice.peak
    if peak is None or practice.choices.style in SLOW_STYLES or peak.pose.is_bilateral:
        return []
    if peak.pose.position != "arm_balance" or practice.choices.minutes <= SHORT_MINUTES:
        return []
    tries = sum(1 for s in practice.steps if s.phase == "peak" and s.pose.slug == peak.pose.slug)
    return [] if tries >= 2 else [f"{peak.pose.slug} tried once"]


def _counters_proportionate(practice) -> list[str]:
    """No counter-pose reloads what an earlier one released (Upward Plank on the hands after
    Wrist Circles), and the counter-poses are as many as the peak's time asks
    (`prep.most_counters`; teacher review r7 #2)."""
    if practice.peak is None:
        return []
    counters = [s for s in practice.steps if s.phase == "counter"]
    problems, released = [], False
    for step in counters:
        if released and Caution.WRIST_LOAD in step.pose.cautions:
            problems.append(f"{step.pose.slug} reloads the released wrists")
        released = released or step.pose.slug in WRIST_RELEASES
    most = most_counters(_peak_seconds(practice))
    if len(counters) > most:
        problems.append(f"{len(counters)} counter-poses for {_peak_seconds(practice)} s of peak")
    return problems


def _deep_preparations_held(practice) -> list[str]:
    """Before a deep stretch (Monkey, Frog, Lotus) in an active practice, the pose meeting each
    of its needs last before it is held DEEP_PREP_SECONDS or its longest (teacher review r7
    #4: Low Lunge and Half Splits 25 s before Monkey)."""
    peak = practice.peak
    if peak is None or peak.pose.slug not in DEEP_FLEXIBILITY_PEAKS:
        return []
    if practice.choices.style in SLOW_STYLES:
        return []
    steps = [s for s in before_peak(practice) if held(s)]
    problems = []
    for need in peak_needs(peak.pose):
        last = next((s for s in reversed(steps) if s.pose.slug in need), None)
        if last is None:
            continue
        least = min(DEEP_PREP_SECONDS, last.pose.hold_range(practice.choices.style)[1])
        if last.duration_seconds < least:
            problems.append(f"{last.label} held {last.duration_seconds} s")
    return problems


def _prep_claims_true(practice) -> list[str]:
    """A build pose that names the peak for its shoulders works them the peak's way (teacher
    review r7 #3: Dolphin "strengthens the shoulders that will hold you in Upward Plank")."""
    peak = practice.peak
    if peak is None:
        return []
    return [
        f"{s.label}: {s.cue}"
        for s in before_peak(practice)
        if peak.pose.name in s.cue
        and any(f"the {a}" in s.cue and shoulders_other_way(s.pose.slug, peak.pose.slug, a)
                for a in ("shoulders", "arms"))
    ]  # fmt: skip


# Words that settle and quieten: not the centring of an energy class.
SETTLING_WORDS = ("let the day go", "slow down", "settle")


def _energy_class(practice) -> list[str]:
    """An energy class (not yin or restorative) centres on a fuller breath, never "let the day
    go" (review r6 #12). That it stands up at least once is not yet asked."""
    choices = practice.choices
    if Focus.ENERGY not in choices.focus or choices.style in SLOW_STYLES:
        return []
    problems = []
    first = practice.steps[0]
    if first.phase == "centring" and any(w in first.cue.lower() for w in SETTLING_WORDS):
        problems.append(f"centring settles: {first.cue}")
    return problems


def _recent(practice) -> tuple[set[str], set[str]]:
    """The held poses before the peak: the last PEAK_NEED_RECENT shapes, and all. A pose taught
    in rounds is one shape, and the rest between its rounds none (Half Boat, Easy Pose, Half
    Boat, Easy Pose, Half Boat: one exercise)."""
    slug = practice.peak.pose.slug
    steps = [s for s in before_peak(practice) if held(s) and s.pose.slug != slug]
    shapes: list[str] = []
    for n in range(len(steps) - 1, -1, -1):
        between = 0 < n < len(steps) - 1 and steps[n - 1].pose.slug == steps[n + 1].pose.slug
        if not between and steps[n].pose.slug not in shapes:
            shapes.append(steps[n].pose.slug)
        if len(shapes) == PEAK_NEED_RECENT:
            break
    return set(shapes), {s.pose.slug for s in steps}


def _entered_near(practice) -> list[str]:
    """A peak entered from another pose (ENTERED_FROM_POSE: Wild Thing from Side Plank) has
    that pose within the last PEAK_NEED_RECENT held poses before it, where it is in the
    practice; Wild Thing always (its needs ask it; teacher review r8 #4)."""
    peak = practice.peak
    if peak is None or peak.pose.slug not in ENTERED_FROM_POSE:
        return []
    entries = set(ENTERED_FROM_POSE[peak.pose.slug])
    recent, earlier = _recent(practice)
    needed = any(set(need) <= entries for need in peak_needs(peak.pose))
    if entries & recent or not (entries & earlier or needed):
        return []
    return [f"{'/'.join(sorted(entries))} not shortly before {peak.pose.slug}"]


def _back_leg_opened(practice) -> list[str]:
    """A standing peak with the back leg long behind (LUNGE_PEAKS: Warrior I) has the hip
    flexor opened in a lunge within the last PEAK_NEED_RECENT held poses before it (teacher
    review r8 #16: Low Lunge only in the cool-down), where the practice leaves one."""
    peak = practice.peak
    choices = practice.choices
    if peak is None or peak.pose.slug not in LUNGE_PEAKS or choices.style in SLOW_STYLES:
        return []
    if choices.minutes <= SHORT_MINUTES or "low-lunge" in choices.avoid_slugs:
        return []
    if Caution.KNEE_LOAD in cautions_avoided(choices.avoid):
        return []  # no kneeling lunge left to open it
    recent, _ = _recent(practice)
    if set(LUNGE_OPENERS) & recent:
        return []
    return [f"no lunge opens the back hip before {peak.pose.slug}"]


def _peak_effort_highest(practice) -> list[str]:
    """A core peak taught in rounds holds as long as the level asks (CORE_ROUNDS: 30 s for an
    intermediate class, within the pose's range), and no pose of its kind as strong is held
    longer than one round before it (teacher review r8 #10: 3 x 20 s Plank after 45 s of Half
    Boat)."""
    peak = practice.peak
    choices = practice.choices
    if peak is None or choices.style in SLOW_STYLES:
        return []
    rounds = [s for s in practice.steps if s.phase == "peak" and s.pose.slug == peak.pose.slug]
    if len(rounds) < 2:
        return []
    most = rounds[0].duration_seconds
    problems = []
    if peak.pose.category == "core" and choices.level in CORE_ROUNDS:
        low, high = peak.pose.hold_range(choices.style)
        least = max(low, min(high, CORE_ROUNDS[choices.level]))
        if most < least and choices.minutes > SHORT_MINUTES:
            problems.append(f"{peak.pose.slug} rounds of {most} s at {choices.level}")
    problems += [
        f"{s.label} held {s.seconds} s, a round of {peak.pose.slug} {most} s"
        for s in before_peak(practice)
        if held(s) and s.phase in ("warm_up", "build") and outworks(s.pose, peak.pose)
        and s.seconds > most
    ]  # fmt: skip
    return problems


def _stretch_not_shortened(practice) -> list[str]:
    """None of the last PEAK_NEED_RECENT held poses before a deep stretch contracts what it
    needs long (SHORTENS: Boat before Monkey; teacher review r8 #18)."""
    peak = practice.peak
    if peak is None or peak.pose.slug not in SHORTENS:
        return []
    recent, _ = _recent(practice)
    return [f"{slug} shortly before {peak.pose.slug}" for slug in
            sorted(recent & set(SHORTENS[peak.pose.slug]))]  # fmt: skip


def _knees_spared(practice) -> list[str]:
    """After a peak on wide knees (WIDE_KNEE_PEAKS: Frog) the counter-pose and the next pose
    spare the knees: no deep knee flexion with the shins turned (Hero; teacher review r8 #3)."""
    peak = practice.peak
    if peak is None or peak.pose.slug not in WIDE_KNEE_PEAKS:
        return []
    after = [s for s in practice.steps[peak.position :] if s.pose.slug != peak.pose.slug][:2]
    return [f"{s.label} after {peak.pose.slug}" for s in after if s.pose.slug in DEEP_KNEE_FLEXION]


RULES = {
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
    "cool_down_hamstrings": _cool_down_hamstrings,
    "cool_down_twist": _cool_down_twist,
    "slow_peak_longest": _slow_peak_longest,
    "transitions": _transitions,
    "peak_prepared_recently": _peak_prepared_recently,
    "energy_class": _energy_class,
    "wrists_warmed": _wrists_warmed,
    "arm_balance_rehearsed": _arm_balance_rehearsed,
    "short_peak_in_rounds": _short_peak_in_rounds,
    "counters_proportionate": _counters_proportionate,
    "deep_preparations_held": _deep_preparations_held,
    "prep_claims_true": _prep_claims_true,
    "entered_near": _entered_near,
    "back_leg_opened": _back_leg_opened,
    "peak_effort_highest": _peak_effort_highest,
    "stretch_not_shortened": _stretch_not_shortened,
    "knees_spared": _knees_spared,
}
