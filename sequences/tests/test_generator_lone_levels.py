"""A lone build pose on another level than the poses around it is held on their level
instead (blind review r19 F7: Wide-Angle Seated Forward Fold, seated, 25 s, between Twisted
Crescent Lunge and Low Lunge): the teacher's value at the reported seed, the kind, and the
figure of quality/lone_levels.py."""

from dataclasses import replace

from sequences.generator.lone_levels import height, instead, lone
from sequences.generator.quality import faults
from sequences.generator.quality import lone_levels as figures
from sequences.tests.generation import (
    BY_SLUG,
    assert_figures_break_and_hold,
    generated,
    requests,
    reviewed,
)

REPORTED = requests(1918)


def lone_level_breakings() -> dict:
    """A hand-made fault of the figure: r19's seated fold back between the lunges."""
    practice = reviewed(1918)
    seated = BY_SLUG["wide-angle-seated-forward-fold"]
    steps = tuple(
        replace(s, pose=seated) if s.pose.slug == "wide-legged-forward-fold" else s
        for s in practice.steps
    )
    return {"lone_level": replace(practice, steps=steps)}


def test_the_lone_level_figure_finds_its_fault_and_passes_the_reported():
    assert_figures_break_and_hold(figures.RULES, lone_level_breakings(), REPORTED)


def test_r19_f7_the_fold_between_the_lunges_is_standing():
    """F7's right value: Wide-Legged Forward Fold, standing, 25 s, after Twisted Crescent
    Lunge and before Low Lunge, no seated pose between them."""
    steps = reviewed(1918).steps
    fold = next(s for s in steps if s.pose.slug == "wide-legged-forward-fold")
    before, after = steps[fold.position - 2], steps[fold.position]
    assert (before.pose.slug, after.pose.slug) == ("twisted-crescent-lunge", "low-lunge")
    assert fold.duration_seconds == 25 and fold.phase == "build"
    assert "wide-angle-seated-forward-fold" not in {s.pose.slug for s in steps}


def test_a_pose_alone_on_its_level_between_levels_next_to_each_other():
    lunge, low, seated = (BY_SLUG[s] for s in ("high-lunge", "low-lunge", "bound-angle"))
    assert height(lunge) < height(low) < height(seated)
    assert lone(lunge, seated, low)  # standing → seated → kneeling: two changes
    assert not lone(lunge, low, seated)  # one level at a time, down
    # its neighbours far apart (standing, lying): it is on the way between them
    assert not lone(lunge, seated, BY_SLUG["corpse"])


def test_a_lone_pose_worded_later_is_swapped_too_never_for_a_shape_the_class_holds():
    """Half Boat, seated, between Goddess and Three-Legged Dog was kept while the figure
    wanted Plank (its words were to come later, so the pass let it be; the property over every
    choice found it): now the pass and the figure agree, and neither takes a pose of a shape
    the class already holds (Forearm Plank held earlier rules Plank out)."""
    practice = generated(
        seed=0, minutes=15, level="beginner", style="hatha", focus=["flexibility", "core"]
    )

    assert faults(practice) == {}
    boat, goddess, dog = (BY_SLUG[s] for s in ("half-boat", "goddess", "three-legged-dog"))
    pool = list(BY_SLUG.values())
    other = instead(boat, 30, goddess, dog, pool, [goddess, dog], "hatha")
    assert other is not None and other.slug in ("plank", "forearm-plank")
    held = [BY_SLUG["forearm-plank"], goddess, dog]
    other = instead(boat, 30, goddess, dog, pool, held, "hatha")
    assert other is None or other.slug not in ("plank", "forearm-plank")
