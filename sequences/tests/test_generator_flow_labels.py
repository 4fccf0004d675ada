"""A linked flow's label derived from the poses it links, in their printed order (blind review
r12 F7, r11 F2, and a later review's Plank-flow label naming its poses in another order than
the steps)."""

from dataclasses import replace

from sequences.generator import flow_labels
from sequences.generator.quality import flow_labels as figures
from sequences.models import Side
from sequences.tests.generation import (
    BY_SLUG,
    assert_figures_break_and_hold,
    generated,
    requests,
    reviewed,
)

# Review r12 #4: 60 min vinyasa, energy, intermediate → Wild Thing.
# Review r11 #4: the same request (its F2: "Kneeling flow" over Hero, then Bridge).
REPORTED = requests(1204, 1004)


def _opening(practice, slug: str) -> str:
    """The cue of the first step of the mini-flow that links `slug`."""
    for steps in figures.mini_flows(practice).values():
        if any(s.pose.slug == slug for s in steps):
            return steps[0].cue
    raise AssertionError(f"no mini-flow links {slug}")


def test_the_plank_flow_of_r12_4_says_its_sides_and_breaths_as_the_teacher_asked():
    practice = reviewed(1204)
    dolphin = next(s for s in practice.steps if s.pose.slug == "dolphin")
    # The breaths as held: 6 once, 5 since the class has the steps for more work (150 poses).
    breaths = dolphin.duration_seconds // 5

    assert 5 <= breaths <= 6
    assert _opening(practice, "dolphin").startswith(
        f"Plank flow, {breaths} breaths each: Dolphin, Forearm Plank, then Three-Legged Dog on "
        "each side."
    )


def test_the_floor_flow_of_r12_4_rolls_onto_the_belly_for_locust_as_the_teacher_asked():
    practice = reviewed(1204)

    assert _opening(practice, "locust").startswith(
        "Floor flow: Bridge for 12 breaths, then roll onto the belly for Locust, 9 breaths."
    )


def test_hero_and_bridge_are_never_linked_kneeling_to_the_back_is_no_listed_move():
    """r11 F2: lying back out of Hero is a Reclined Hero nobody prepared for."""
    hero, bridge = BY_SLUG["hero-pose"], BY_SLUG["bridge"]

    assert not flow_labels.linkable(hero, bridge)
    assert flow_labels.linkable(bridge, BY_SLUG["locust"])
    assert flow_labels.move(bridge, BY_SLUG["locust"]) == "roll onto the belly"
    for choices in REPORTED:
        assert figures.RULES["flow_link_moves"](generated(**choices)) == []


def test_a_label_names_the_poses_in_the_order_they_are_printed():
    dolphin, plank, dog = (BY_SLUG[s] for s in ("dolphin", "forearm-plank", "three-legged-dog"))
    passes = [(plank, Side.BOTH, 30), (dolphin, Side.BOTH, 30), (dog, Side.RIGHT, 30)]

    assert flow_labels.first_pass(passes, left=True) == (
        "Plank flow, 6 breaths each: Forearm Plank, Dolphin, then Three-Legged Dog on each side."
    )


def test_a_flow_of_one_sided_poses_says_the_right_side_first():
    cards = [BY_SLUG[s] for s in ("warrior-ii", "extended-side-angle", "triangle")]
    label = flow_labels.first_pass([(c, Side.RIGHT, 30) for c in cards], left=True)

    assert label == (
        "Standing flow, right side, 6 breaths each: Warrior II, Extended Side Angle, then "
        "Extended Triangle."
    )


def flow_labels_breakings() -> dict:
    """A hand-made fault of each figure, for the quality bar's own test: the r12 #4 Plank flow
    printed in another order than its label (the later review), and Hero linked to Bridge
    (r11 F2)."""
    practice = reviewed(1204)
    steps = list(practice.steps)
    at = {s.pose.slug: n for n, s in enumerate(steps) if s.flow.startswith("Plank flow")}
    swapped = list(steps)
    swapped[at["dolphin"]], swapped[at["forearm-plank"]] = (
        replace(steps[at["forearm-plank"]], cue=steps[at["dolphin"]].cue),
        replace(steps[at["dolphin"]], cue=steps[at["forearm-plank"]].cue),
    )
    bridge = next(n for n, s in enumerate(steps) if s.pose.slug == "bridge" and s.flow)
    hero = replace(steps[bridge], pose=BY_SLUG["hero-pose"], duration_seconds=30)
    kneeling = [*steps[:bridge], hero, *steps[bridge:]]
    return {
        "flow_label_true": replace(practice, steps=tuple(swapped)),
        "flow_link_moves": replace(practice, steps=tuple(kneeling)),
    }


def test_each_figure_finds_its_fault_and_none_in_the_reviewed_practices():
    assert_figures_break_and_hold(figures.RULES, flow_labels_breakings(), REPORTED)
