"""The floor's own order (fifteenth blind teacher review, F2, F4): within a floor section the
class visits each floor position once where the plan allows — all fours, the belly, the back,
seated — and at one position takes the backbends gentle to strong."""

from dataclasses import replace

from sequences.generator.floor_order import floor_sections, level_of
from sequences.generator.quality import faults
from sequences.generator.quality.common import held_shapes
from sequences.generator.quality.floor_order import RULES
from sequences.tests.generation import (
    BY_SLUG,
    assert_figures_break_and_hold,
    generated,
    renumbered,
    requests,
    reviewed,
)


def floor_order_breakings() -> dict:
    """The reported orders put back by hand, a fault of each figure of `quality.floor_order`."""
    practice = reviewed(1502)
    steps = list(practice.steps)
    slugs = [s.pose.slug for s in steps]
    # r15 F2: Happy Baby on the back before Cat-Cow, Bridge on the back after all fours
    cat = slugs.index("cat-cow")
    happy = replace(steps[cat], pose=BY_SLUG["happy-baby"], cue="Hold.")
    revisit = [*steps[:cat], happy, *steps[cat:]]
    # r15 F4: Locust on the belly before the gentler Sphinx
    sphinx = next(n for n, s in enumerate(steps) if s.pose.slug in ("sphinx", "cobra"))
    locust = replace(steps[sphinx], pose=BY_SLUG["locust"], cue="Hold.")
    strong_first = [*steps[:sphinx], locust, *steps[sphinx:]]
    return {
        "floor_revisits": renumbered(practice, revisit),
        "gentle_first": renumbered(practice, strong_first),
    }


def test_each_figure_misses_its_reported_order_and_passes_the_reported_practices():
    assert_figures_break_and_hold(RULES, floor_order_breakings(), requests(1502))


def _levels_before_the_peak(practice) -> list[list[str]]:
    return [
        list(dict.fromkeys(level for level, _ in section))
        for section in floor_sections(held_shapes(practice), practice.peak, after=False)
    ]


def test_the_back_care_beginner_lies_on_the_back_once():
    # r15 F2 (seed 1502): Happy Baby and Bridge together on the back, then onto the belly
    # for Sphinx and the Locust peak; each floor position visited once before the peak
    practice = reviewed(1502)
    slugs = [s.pose.slug for s in practice.steps]
    assert practice.peak.pose.slug == "locust"
    assert slugs.index("bridge") == slugs.index("happy-baby") + 1
    assert slugs.index("cat-cow") < slugs.index("happy-baby")
    floor = [
        level_of(s.pose)
        for s in practice.steps
        if s.phase in ("warm_up", "build") and not s.pose.is_breathing
    ]
    assert floor == sorted(floor, key=["seated", "kneeling", "supine", "prone"].index)
    for levels in _levels_before_the_peak(practice):
        assert len(levels) == len(set(levels))


def test_the_backbends_on_the_belly_go_gentle_to_strong():
    # r15 F4's rule in the back-care class (seed 1502): Sphinx, then the Locust peak
    practice = reviewed(1502)
    slugs = [s.pose.slug for s in practice.steps]
    assert slugs.index("sphinx") < slugs.index("locust")
    assert RULES["gentle_first"](practice) == []
    assert RULES["gentle_first"](floor_order_breakings()["gentle_first"])


def test_the_floors_order_keeps_a_preparer_last_before_a_peak_with_needs():
    """Found by the property test: a 77-minute advanced gentle class regrouped its floor and
    put three Boat rounds, at Upward Plank's seated level, between Bridge and the peak; the
    last held pose before a peak with needs meets one of them or rehearses it."""
    practice = generated(minutes=77, level="advanced", style="gentle", focus=["energy", "hips"],
                         avoid=["knee_friendly", "no_inversions"],
                         avoid_slugs=["half-lotus", "knees-chest-chin"], seed=798422)  # fmt: skip
    steps = list(practice.steps)
    peak = steps.index(practice.peak)

    assert practice.peak.pose.slug == "upward-plank"
    assert steps[peak - 1].pose.slug in {"bridge", "locust"}
    assert not faults(practice)
