"""The focus a practitioner chose, served (teacher review r5 "Focus not served", issue 11): each
focus area gets its share of the build and peak in poses that work it directly, a whole-body
class works the legs, the core, the upper body and the back, and the avoid list is kept while
doing so (wrist-free core work in a wrist-friendly class, no kneeling in a knee-friendly one).

Properties draw many lengths, levels, styles, focus areas and seeds (derandomized)."""

from dataclasses import replace

from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from accounts.models import Avoidance
from poses.models import Caution
from sequences.generator import LEVELS, clean_choices, generate, reasons
from sequences.generator.quality import faults
from sequences.generator.quality.common import held
from sequences.generator.quality.flows import focus_shares
from sequences.generator.shapes import body_regions, works_directly
from sequences.generator.vocabulary import FOCUS_SHARE, FULL_BODY_REGIONS
from sequences.models import Focus, Style
from sequences.tests.generation import BY_SLUG, LIBRARY, examples, reviewed

ACTIVE_STYLES = sorted({Style.HATHA, Style.GENTLE, Style.VINYASA, Style.POWER})


def _generate(seed, **choices):
    return generate(LIBRARY, clean_choices(**choices), seed=seed)


def _build_and_peak(practice):
    return [s for s in practice.steps if (s.phase in ("build", "peak") or s.work) and held(s)]


def _seconds_working(practice, focus) -> int:
    return sum(s.seconds for s in _build_and_peak(practice) if works_directly(s.pose, focus))


# The reviews' requests by seed (sequences/tests/generation.py): r5 #10 (seed 410), "Direct core
# work is Plank (50 s) plus Side Plank (45 s each), about 2:20 of 30 minutes" in a hatha core
# class avoiding knee_friendly; r5 #8 (seed 408), a 40-minute beginner vinyasa "full body" class
# avoiding wrist_friendly with no core work and almost no upper-body work.


def test_r5_10_a_core_class_works_the_core_well_over_two_minutes_twenty():
    practice = reviewed(410)

    core = _seconds_working(practice, Focus.CORE)
    # Was 140 s (Plank 50 s, Side Plank 45 s each). The core holds of the build stay within
    # a 30 s round of the peak (review r8 #10), so the core work comes as rounds: Plank twice,
    # Half Boat three times, 2:30 at least; the rule is the share below.
    assert core >= 150, core
    assert focus_shares(practice)[Focus.CORE] >= FOCUS_SHARE[1]
    assert "core" not in practice.focus_spared
    slugs = {s.pose.slug for s in _build_and_peak(practice)}
    # Two core shapes at least, each in rounds (Forearm Plank twice, Half Boat three times).
    assert len(slugs & {"plank", "forearm-plank", "boat", "half-boat", "side-plank"}) >= 2
    # Knee-friendly kept: nothing loads the knees.
    assert not any(Caution.KNEE_LOAD in s.pose.cautions for s in practice.steps)
    assert faults(practice) == {}


def test_r5_8_a_whole_body_class_works_the_core_and_the_upper_body_wrist_free():
    practice = reviewed(408)

    regions = set()
    for step in _build_and_peak(practice):
        regions |= body_regions(step.pose)
    assert regions >= {"core", "upper body", "legs", "back"}
    # A beginner's core hold is held 30 s a round at most (core_holds, review r12 F11): the
    # core is worked in rounds at the cap, and only its share, short because of the cap, may
    # be declared spared.
    assert practice.focus_spared in ((), ("region:core",))
    if practice.focus_spared:
        core = [s for s in _build_and_peak(practice) if "core" in body_regions(s.pose)]
        assert len(core) >= 3 and all(s.duration_seconds == 30 for s in core)
    # Wrist-friendly kept: the core work is on the forearms or seated.
    assert not any(Caution.WRIST_LOAD in s.pose.cautions for s in practice.steps)
    assert faults(practice) == {}


def test_a_pose_works_a_focus_directly_only_as_its_main_work():
    assert works_directly(BY_SLUG["plank"], Focus.CORE)
    assert works_directly(BY_SLUG["forearm-plank"], Focus.CORE)
    assert works_directly(BY_SLUG["half-boat"], Focus.CORE)
    # High Lunge names the core fourth, Warrior III third: they steady, they do not train it.
    assert not works_directly(BY_SLUG["high-lunge"], Focus.CORE)
    assert not works_directly(BY_SLUG["warrior-iii"], Focus.CORE)
    assert works_directly(BY_SLUG["warrior-iii"], Focus.BALANCE)
    assert works_directly(BY_SLUG["revolved-triangle"], Focus.BACK)
    assert works_directly(BY_SLUG["chair"], Focus.STRENGTH)
    assert not works_directly(BY_SLUG["triangle"], Focus.STRENGTH)  # intensity 2


def test_the_regions_of_a_whole_body_class():
    assert body_regions(BY_SLUG["forearm-plank"]) >= {"core", "upper body"}
    assert body_regions(BY_SLUG["downward-facing-dog"]) >= {"legs", "upper body"}
    assert body_regions(BY_SLUG["locust"]) >= {"back", "legs"}
    assert "core" not in body_regions(BY_SLUG["high-lunge"])


def test_the_figure_flags_a_core_class_whose_build_is_standing_flows():
    practice = reviewed(410)
    standing = BY_SLUG["warrior-ii"]
    # The reviewed shape: the core poses of the build swapped for standing work.
    steps = tuple(
        replace(s, pose=standing)
        if s.phase == "build" and works_directly(s.pose, Focus.CORE)
        else s
        for s in practice.steps
    )
    broken = replace(practice, steps=steps)

    assert "focus_share" in faults(broken)
    assert any("core" in problem for problem in faults(broken)["focus_share"])


def test_the_figure_flags_a_whole_body_class_with_no_core_and_no_upper_body():
    practice = reviewed(408)
    legs = BY_SLUG["chair"]
    steps = tuple(
        replace(s, pose=legs)
        if (s.phase in ("build", "peak") or s.work)
        and body_regions(s.pose) & {"core", "upper body"}
        else s
        for s in practice.steps
    )
    # (nothing declared spared: the class at seed 408 may declare the core's capped share)
    problems = faults(replace(practice, steps=steps, focus_spared=())).get("focus_share", [])

    assert any("core" in p for p in problems) and any("upper body" in p for p in problems)


def test_a_prenatal_class_spares_the_share_and_a_core_class_serves_it_even_when_spared():
    prenatal = _generate(
        5, minutes=45, level="beginner", style="hatha", focus=["core"], avoid=["pregnancy_safe"]
    )
    # Crow as the peak: standing and on the hands the core has two shapes (Plank, Side
    # Plank), too few to ask a share of, and the class still works it in rounds.
    crow = _generate(5, minutes=45, level="intermediate", style="hatha", focus=["core"])

    assert "core" in prenatal.focus_spared
    assert not any(Caution.NOT_IN_PREGNANCY in s.pose.cautions for s in prenatal.steps)
    assert crow.peak.pose.slug == "crow"
    assert focus_shares(crow)[Focus.CORE] >= FOCUS_SHARE[1]
    assert "core" not in reviewed(410).focus_spared


def test_every_whole_body_region_has_a_name_the_figure_reports():
    assert set(FULL_BODY_REGIONS) == {"legs", "core", "upper body", "back"}


@examples(80)
@given(
    minutes=st.integers(min_value=15, max_value=90),
    level=st.sampled_from(LEVELS),
    style=st.sampled_from(ACTIVE_STYLES),
    focus=st.lists(
        st.sampled_from([f for f in Focus.values if f != Focus.RELAXATION]),
        min_size=1,
        max_size=3,
        unique=True,
    ),
    avoid=st.lists(st.sampled_from(Avoidance.values), max_size=2, unique=True),
    seed=st.integers(min_value=0, max_value=2**31 - 1),
)
def test_each_focus_area_gets_its_share_of_the_build_and_peak(
    minutes, level, style, focus, avoid, seed
):
    try:
        practice = _generate(
            seed, minutes=minutes, level=level, style=style, focus=focus, avoid=avoid
        )
    except ValidationError:
        assert avoid  # only an avoid list leaves too few poses
        return
    spared = set(practice.focus_spared)
    shares = focus_shares(practice)
    for area, share in shares.items():
        assert area in spared or share >= FOCUS_SHARE[len(shares)], (area, share)
    assert "focus_share" not in faults(practice)


def test_the_second_rounds_of_two_core_poses_close_together_say_how_each_is_held():
    """Found merging: "Round 2: Plank Pose, as steady as before" then "Round 2: Side Plank, the
    breath even through the hold" three steps on, two lines that say nothing of either pose."""
    seconds = []
    for seed in range(60):
        choices = {"minutes": 57, "level": "intermediate", "style": "vinyasa", "focus": ["core"]}
        practice = _generate(seed, **choices)
        found = [s for s in practice.steps if s.cue.startswith("Round 2: ")]
        if len({s.pose.slug for s in found}) >= 2:
            seconds.append((practice, found))
    assert seconds  # core classes teach more than one core pose in rounds
    for practice, found in seconds:
        for step in found:
            assert reasons.HOW[step.pose.slug] in step.cue
        assert "reason_neighbours" not in faults(practice)
        thirds = [s.cue for s in practice.steps if s.cue.startswith("Round 3: ")]
        assert len(set(thirds)) == len(thirds)  # said differently from round to round


def test_a_power_class_links_its_sides_in_one_breath_and_a_gentler_flow_rests_three():
    """Review r6 #16: a wrist-free power class stopped in Mountain "for three breaths" at every
    change of side; power keeps its heat (one breath through Mountain), vinyasa may rest."""
    links = {}
    for style in ("power", "vinyasa"):
        for seed in range(40):
            practice = _generate(
                seed, minutes=25, level="intermediate", style=style, focus=["strength"],
                avoid=["wrist_friendly"],
            )  # fmt: skip
            links.setdefault(style, []).extend(
                s.cue for s in practice.steps if s.cue.startswith("Link: ")
            )
    assert links["power"] and links["vinyasa"]
    assert all("exhale through" in cue and "three breaths" not in cue for cue in links["power"])
    assert any("three breaths" in cue for cue in links["vinyasa"])


def test_r7_10_a_hatha_core_class_builds_longer_than_it_cools_down():
    """Review r7 #10 ("would not teach"): 3:00 of build (Tree, Chair), 1:40 of Plank rounds and
    12:20 of cool-down in a 30-minute core class. Hatha shares its time as the flowing styles
    do (`fit.time_shares`): it moves longer than it cools down."""
    practice = reviewed(610)

    seconds = {}
    for step in practice.steps:
        seconds[step.phase] = seconds.get(step.phase, 0) + step.seconds
    moving = seconds["warm_up"] + seconds["build"] + seconds["peak"]
    assert seconds["cool_down"] < moving
    assert seconds["build"] > seconds["cool_down"]
    assert _seconds_working(practice, Focus.CORE) >= 150
    assert "time_shares" not in faults(practice)
