"""The order a teacher would teach (issue "Today's practice a teacher would teach"): the four
practices the blind teacher review read, each as the right value, and each figure broken as
the review found it (read by test_generator's check that every figure can fail)."""

from dataclasses import replace

from poses.models import Category, Position
from sequences.generator import clean_choices, generate
from sequences.generator.grouping import VISIT_POSES, VISIT_SECONDS, level_of
from sequences.generator.quality import faults
from sequences.tests.generation import BY_SLUG, LIBRARY, renumbered


def _back_care():
    return generate(LIBRARY, clean_choices(minutes=30, level="beginner", style="hatha",
                    focus=["back"], avoid=["back_care"]), seed=602)  # fmt: skip


def _energy():
    return generate(LIBRARY, clean_choices(minutes=60, level="intermediate", style="vinyasa",
                    focus=["energy"]), seed=604)  # fmt: skip


def _restorative():
    return generate(LIBRARY, clean_choices(minutes=60, level="beginner", style="restorative",
                    focus=["back"]), seed=615)  # fmt: skip


def _full_body():
    return generate(LIBRARY, clean_choices(minutes=40, level="beginner", style="vinyasa",
                    focus=["full_body"], avoid=["wrist_friendly"]), seed=608)  # fmt: skip


def _inserted(practice, index, slug, phase, seconds=40):
    steps = list(practice.steps)
    step = replace(steps[index], pose=BY_SLUG[slug], phase=phase, duration_seconds=seconds,
                   flow="", cue="Hold.")  # fmt: skip
    return renumbered(practice, [*steps[:index], step, *steps[index:]])


def _standing_work(step, practice) -> bool:
    """Before the peak, a standing pose, a flow's step or the Down Dog that takes the class up."""
    return step.position < practice.peak.position and (
        step.pose.position == Position.STANDING
        or bool(step.flow)
        or step.pose.slug == "downward-facing-dog"
    )


def teacher_order_breakings() -> dict:
    back, energy, restorative, full = _back_care(), _energy(), _restorative(), _full_body()
    # the back-care class on the floor until its peak (its standing flow left out)
    back = renumbered(back, [s for s in back.steps if not _standing_work(s, back)])
    build = next(n for n, s in enumerate(back.steps) if s.phase == "build")
    slugs = [s.pose.slug for s in restorative.steps]
    steps = list(restorative.steps)
    seated, prone = slugs.index("supported-seated-forward-bend"), slugs.index("crocodile")
    steps[seated], steps[prone] = steps[prone], steps[seated]
    cool = next(n for n, s in enumerate(full.steps) if s.phase == "cool_down")
    twists = _inserted(full, cool, "half-lord-of-the-fishes", "cool_down", 55)
    return {
        # up from the knees for one 40 s side bend, then straight back down
        "short_visit": _inserted(back, build, "standing-side-bend", "warm_up"),
        # Bird Dog after the standing flows, before Camel's ramp
        "build_climbs": _inserted(energy, energy.peak.position - 2, "balancing-table", "build"),
        # a prone Crocodile between two seated shapes
        "grouped_positions": renumbered(restorative, steps),
        # Half Lord of the Fishes, then Bharadvaja's Twist
        "cool_down_families": _inserted(twists, cool + 1, "bharadvajas-twist", "cool_down", 55),
    }


def test_each_teacher_order_figure_fails_when_its_rule_is_broken():
    for figure, practice in teacher_order_breakings().items():
        assert figure in faults(practice), figure


def test_a_back_care_beginner_stands_for_a_block_of_work_or_not_at_all():
    # (the review's class stood for one 40 s side bend; it now stands for a Warrior II flow
    # after the side bend, or stays on the floor)
    practice = _back_care()
    peak = practice.peak.position
    standing = [s for s in practice.steps[:peak] if s.pose.position == Position.STANDING]

    assert faults(practice) == {}
    if standing:
        assert len({s.pose.slug for s in standing}) >= VISIT_POSES
        assert sum(s.seconds for s in standing) >= VISIT_SECONDS


def test_the_energy_build_does_not_drop_back_to_warm_up_shapes_before_camel():
    practice = _energy()
    build = [s.pose.slug for s in practice.steps if s.phase == "build"]

    assert "balancing-table" not in build
    assert "thread-the-needle" not in build
    assert {"cobra", "locust"} & set(build[-3:])  # the ramp into Camel bends back
    assert faults(practice) == {}


def test_a_restorative_practice_visits_each_position_once_before_the_peak():
    practice = _restorative()
    levels = [level_of(s.pose) for s in practice.steps if s.phase in ("warm_up", "build")]
    runs = [lv for n, lv in enumerate(levels) if n == 0 or levels[n - 1] != lv]

    assert len(runs) == len(set(runs))
    assert faults(practice) == {}


def test_the_cool_down_holds_no_two_twists_side_by_side():
    practice = _full_body()
    cool = [s.pose for s in practice.steps if s.phase == "cool_down"]

    assert not any(
        a.category == b.category == Category.TWIST for a, b in zip(cool, cool[1:], strict=False)
    )
    assert faults(practice) == {}
