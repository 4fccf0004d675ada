"""Order, counter-poses and peak holds in generated practices (issue 11, fifth teacher review,
docs/reviews/generated-practices-2026-11-30-r5.md): a counter-pose that answers the peak's
plane, no needless trip away from a level and back, a variant after its base pose, a held
backbend before a backbend peak, and a settled peak held longest. The reviewed practices are
the bench's (`bench/practices.py`, seed 400 + N for #N); over the curated library as plain
data (no database)."""

import random
from dataclasses import replace

import pytest

from sequences.generator import clean_choices, generate
from sequences.generator.arc import Planner
from sequences.generator.fit import STRETCHES
from sequences.generator.plan import UP, Block, Draft, bases_first, pool_for
from sequences.generator.quality import faults
from sequences.generator.shapes import (
    floor_height,
    needs_a_held_backbend,
    peak_needs,
    peak_plane,
    spine_action,
)
from sequences.generator.vocabulary import HELD_BACKBENDS
from sequences.models import Style
from sequences.tests.generation import BY_SLUG, LIBRARY, renumbered
from sequences.tests.test_generator_order_teacher import teacher_order_breakings

ORDER_FIGURES = (
    "counter_plane",
    "there_and_back",
    "variant_first",
    "backbend_prepared",
    "settled_peak_longest",
)


# Review #13's request as the reviews read it: before Half Butterfly Side Bend (Yin) came into
# the class (review r12 F14).
YIN_BACK_AS_REVIEWED = {
    "minutes": 45,
    "level": "intermediate",
    "style": "yin",
    "focus": ["back"],
    "avoid": ["pregnancy_safe"],
    "avoid_slugs": ["half-butterfly-side-bend-yin"],
}


def _review(number: int, **choices):
    """Practice #number of the fifth review, as the bench printed it (seed 400 + number)."""
    return generate(LIBRARY, clean_choices(**choices), seed=400 + number)


def _held(practice, slug: str):
    return [s for s in practice.steps if s.pose.slug == slug]


def _no_order_faults(practice):
    found = faults(practice)
    assert not {figure: found[figure] for figure in ORDER_FIGURES if figure in found}
    assert found == {}


# --- 1. a counter-pose answers the peak's plane ---------------------------------------------


def test_each_pose_bends_the_spine_one_way():
    """The planes the counter rule reads: Child's Pose and Knees-to-Chest round the spine,
    Sphinx and Supported Bridge extend it, lying flat does neither."""
    assert spine_action(BY_SLUG["childs-pose"]) == "forward"
    assert spine_action(BY_SLUG["knees-to-chest"]) == "forward"
    assert spine_action(BY_SLUG["supported-seated-forward-bend"]) == "forward"
    assert spine_action(BY_SLUG["sphinx"]) == "back"
    assert spine_action(BY_SLUG["supported-bridge"]) == "back"
    assert spine_action(BY_SLUG["supported-fish"]) == "back"
    assert spine_action(BY_SLUG["reclined-twist"]) == "twist"
    assert spine_action(BY_SLUG["corpse"]) == ""
    # the fold is the pose: a supported or passive forward bend; not Pigeon's hips
    assert peak_plane(BY_SLUG["supported-seated-forward-bend"]) == "forward"
    assert peak_plane(BY_SLUG["butterfly-yin"]) == "forward"
    assert peak_plane(BY_SLUG["seated-forward-fold"]) == "forward"
    assert peak_plane(BY_SLUG["camel"]) == "back"
    assert peak_plane(BY_SLUG["pigeon-prep"]) == ""


def test_review_13_a_long_forward_bend_is_answered_by_a_supported_backbend():
    """#13: Child's Pose (flexion) after the 5-minute Supported Seated Forward Bend; the fix
    is Supported Fish, inclined, as the counter-pose. (As the review found it: before Half
    Butterfly Side Bend (Yin) came into the class, review r12 F14.)"""
    practice = _review(13, **YIN_BACK_AS_REVIEWED)
    assert practice.peak.pose.slug == "supported-seated-forward-bend"
    after = practice.steps[practice.peak.position]
    assert after.phase == "counter"
    assert after.pose.slug == "supported-fish"
    assert spine_action(after.pose) != "forward"
    _no_order_faults(practice)


@pytest.mark.parametrize("style", [Style.HATHA, Style.VINYASA, Style.YIN, Style.RESTORATIVE])
def test_no_counter_pose_bends_the_spine_the_peaks_way_for_any_peak(style):
    """The counter table for every peak family: whatever the peak, no pose the planner may
    answer it with bends the spine the way it did (a fold after a fold, a backbend after a
    backbend, a twist after a twist)."""
    choices = clean_choices(minutes=45, level="advanced", style=style)
    pool = pool_for(LIBRARY, choices)
    planner = Planner(pool, choices, random.Random(1))
    checked = 0
    for peak in pool:
        plane = peak_plane(peak)
        if not plane or not planner.peakable(peak):
            continue
        planner.peak, planner.cap = peak, peak.intensity
        planner.layout = planner.layout_for(peak)
        planner.roles = {}
        for card in pool:
            if planner.answers(card) or planner.answers_loosely(card):
                assert spine_action(card) != plane, (peak.slug, card.slug)
        checked += 1
    assert checked


# --- 2. no needless trip away from a level and back ------------------------------------------


def test_review_2_a_rest_between_prone_shapes_stays_prone():
    """#2: Locust (prone) → Child's Pose → Crocodile (prone) → on the back. After the counter
    the cool-down goes on down, never back to the belly."""
    practice = _review(
        2, minutes=30, level="beginner", style="hatha", focus=["back"], avoid=["back_care"]
    )
    assert practice.peak.pose.slug == "locust"
    counter = next(s for s in practice.steps if s.phase == "counter")
    cool = [s for s in practice.steps if s.phase == "cool_down"]
    assert counter.pose.position == "kneeling"
    assert all(s.pose.position != "prone" for s in cool)
    _no_order_faults(practice)


def test_review_14_plank_and_side_plank_come_before_the_class_stands():
    """#14: Standing Crescent Moon → Side Plank → Plank → standing flows. The fix: after the
    floor warm-up, Plank, then Side Plank, then stand for Standing Crescent Moon and the flows.
    Seed 414 itself now leads into Side Crow by Revolved Chair (review r16 F12) and holds no
    Plank: the same choices with the seeds around it that hold both."""
    choices = {"minutes": 35, "level": "advanced", "style": "hatha", "focus": ["balance"]}
    for seed in (400, 404, 407, 408, 409, 412):
        practice = generate(LIBRARY, clean_choices(**choices, avoid=["no_inversions"]), seed=seed)
        slugs = [s.pose.slug for s in practice.steps]
        plank, side_plank = slugs.index("plank"), slugs.index("side-plank")
        standing = next(n for n, s in enumerate(practice.steps) if s.pose.position == "standing")
        assert plank < side_plank < standing
        _no_order_faults(practice)


# --- 3. a variant after its base -------------------------------------------------------------


def _block(slug: str, rank: float, **kwargs) -> Block:
    return Block("build", UP, rank, [Draft(BY_SLUG[slug], "build")], **kwargs)


def test_a_base_pose_moves_before_its_variant_in_one_phase():
    """Side Plank then Plank at one rank: Plank moves first. Side Crow after Crow likewise."""
    blocks = [_block("side-plank", 1.0), _block("plank", 1.0), _block("chair", 2.0)]
    assert [b.cards[0].slug for b in bases_first(blocks)] == ["plank", "side-plank", "chair"]
    blocks = [_block("side-crow", 1.0), _block("crow", 2.0)]
    assert [b.cards[0].slug for b in bases_first(blocks)] == ["crow", "side-crow"]


def test_what_the_peak_needs_keeps_its_place_straight_before_it():
    """A pose placed last before the peak for what the peak needs is not moved up, even if an
    earlier block holds a variant of it; a block holding both (a Sun Salutation's Plank and
    Chaturanga) does not swap with another such block."""
    leading = _block("triangle", 51, leads_in=True)
    blocks = [_block("revolved-triangle", 2.0), leading]
    assert bases_first(blocks) == blocks
    sun = Block(
        "warm_up",
        UP,
        0,
        [Draft(BY_SLUG["plank"], "warm_up"), Draft(BY_SLUG["chaturanga"], "warm_up")],
    )
    again = Block(
        "warm_up",
        UP,
        0,
        [Draft(BY_SLUG["plank"], "warm_up"), Draft(BY_SLUG["chaturanga"], "warm_up")],
    )
    assert bases_first([sun, again]) == [sun, again]


# --- 4. a held backbend before a backbend peak -----------------------------------------------


def test_a_floor_backbend_peak_needs_a_held_backbend():
    """Camel, Bow, Wheel and Fish need a held backbend below them (Locust, Cobra, Sphinx,
    Bridge); Locust's own need (Sphinx or Cobra) is one already."""
    for slug in ("camel", "bow", "wheel", "fish", "saddle-yin"):
        assert needs_a_held_backbend(BY_SLUG[slug]), slug
        assert any(set(need) <= set(HELD_BACKBENDS) for need in peak_needs(BY_SLUG[slug]))
    assert HELD_BACKBENDS in peak_needs(BY_SLUG["camel"])
    assert HELD_BACKBENDS not in peak_needs(BY_SLUG["locust"])
    assert not needs_a_held_backbend(BY_SLUG["bridge"])  # a gentle one (intensity 2)


def test_review_4_camel_comes_after_a_held_backbend_and_in_two_rounds():
    """#4: no backbend held in the 25 minutes before Camel (only 5-second Up Dogs), and Camel
    taken straight to the full shape. The fix: Locust held straight before it, then Camel in
    two rounds, the first a half version with the hands on the sacrum."""
    practice = _review(4, minutes=60, level="intermediate", style="vinyasa", focus=["energy"])
    assert practice.peak.pose.slug == "camel"
    before = practice.steps[practice.peak.position - 2]
    assert before.pose.slug in HELD_BACKBENDS
    assert before.duration_seconds >= 15
    rounds = [s for s in practice.steps if s.phase == "peak" and s.pose.slug == "camel"]
    assert len(rounds) == 2
    assert "hands on the sacrum" in rounds[0].cue
    assert "heels" in rounds[1].cue
    _no_order_faults(practice)


# --- 5. a settled peak held longest ----------------------------------------------------------


def test_review_9_frog_is_held_longer_than_every_cool_down_stretch():
    """#9: Frog, the peak of a 90-minute flexibility class, 1:00 while Head-to-Knee, Reclined
    Figure Four and Reclined Twist got 1:20 a side. Now the peak is held longest of them (which
    deep shape the seed peaks in changed with the later rules: Frog or the splits)."""
    practice = _review(
        9, minutes=90, level="advanced", style="vinyasa", focus=["flexibility", "back"]
    )
    peak = practice.peak
    assert peak.pose.slug in ("frog", "full-splits")
    assert peak.duration_seconds >= 60
    stretches = [
        s
        for s in practice.steps
        if s.phase in ("warm_up", "build", "counter", "cool_down") and s.pose.category in STRETCHES
    ]
    assert stretches
    assert all(s.duration_seconds < peak.duration_seconds for s in stretches)
    _no_order_faults(practice)


# --- each figure fails when its rule is broken -------------------------------------------------


def order_breakings() -> dict:
    """Each of this module's figures broken as the review found it, on the fixed practice
    (read by test_generator's check that every figure of the quality bar can fail)."""
    yin = _review(13, **YIN_BACK_AS_REVIEWED)
    hatha = _review(
        2, minutes=30, level="beginner", style="hatha", focus=["back"], avoid=["back_care"]
    )
    balance = _review(
        14, minutes=35, level="advanced", style="hatha", focus=["balance"], avoid=["no_inversions"]
    )
    energy = _review(4, minutes=60, level="intermediate", style="vinyasa", focus=["energy"])
    flexible = _review(
        9, minutes=90, level="advanced", style="vinyasa", focus=["flexibility", "back"]
    )

    def swapped(practice, index, **fields):
        steps = list(practice.steps)
        steps[index] = replace(steps[index], **fields)
        return renumbered(practice, steps)

    def first(practice, phase):
        return next(n for n, s in enumerate(practice.steps) if s.phase == phase)

    # Side Plank held, then Plank (the class now leads into Side Crow by Revolved Chair and
    # holds no Plank: the two poses set on its first two build holds)
    steps = list(balance.steps)
    build = first(balance, "build")
    steps[build] = replace(steps[build], pose=BY_SLUG["side-plank"], flow="")
    steps[build + 1] = replace(steps[build + 1], pose=BY_SLUG["plank"], flow="")
    peak = flexible.peak.duration_seconds
    stretch = next(
        n
        for n, s in enumerate(flexible.steps)
        if s.phase == "cool_down" and s.pose.category in STRETCHES
    )
    return {
        **teacher_order_breakings(),
        # "Child's Pose follows a 5-minute forward bend (#13)"
        "counter_plane": swapped(yin, first(yin, "counter"), pose=BY_SLUG["childs-pose"]),
        # "Locust → Child's Pose → Crocodile (#2)"
        "there_and_back": swapped(hatha, first(hatha, "cool_down"), pose=BY_SLUG["crocodile"]),
        # "Side Plank before its base pose, Plank (#14)"
        "variant_first": renumbered(balance, steps),
        # "no backbend held in the 25 minutes before Camel (#4)": each held backbend before
        # it (Camel's needs hold several) a Bird Dog
        "backbend_prepared": renumbered(
            energy,
            [
                replace(s, pose=BY_SLUG["balancing-table"])
                if n < energy.peak.position - 1 and s.pose.category == "backbend"
                else s
                for n, s in enumerate(energy.steps)
            ],
        ),
        # "Frog 1:00, cool-down stretches 1:20 a side (#9)"
        "settled_peak_longest": swapped(flexible, stretch, duration_seconds=peak + 20),
    }


def test_each_order_figure_fails_when_its_rule_is_broken():
    for figure, practice in order_breakings().items():
        assert figure in faults(practice), figure


def test_the_cool_down_after_a_floor_peak_does_not_sit_up_and_lie_back_down():
    """Found by the property test with six avoid choices: Bridge, then Seated Side Bend and
    Bound Angle, then two supine stretches (the role list of the cool-down was worked out once,
    before the cool-down held anything, so what it already held was never asked)."""
    choices = clean_choices(
        minutes=12,
        level="advanced",
        style="gentle",
        focus=["energy", "back"],
        avoid=[
            "knee_friendly", "no_inversions", "wrist_friendly", "pregnancy_safe",
            "osteoporosis_safe", "back_care",
        ],
        avoid_slugs=["knees-chest-chin", "chair-side-bend", "supported-bridge", "legs-on-chair"],
        liked=["revolved-side-angle", "cobra", "twisted-crescent-lunge", "marichyasana-c"],
    )  # fmt: skip
    practice = generate(LIBRARY, choices, seed=1245007669)

    assert practice.peak.pose.slug == "bridge"
    heights = [floor_height(s.pose) for s in practice.steps if s.phase == "cool_down"]
    assert heights == sorted(heights, reverse=True)  # down through the heights
    assert not (min(heights) == floor_height(practice.peak.pose) < max(heights))
    assert "there_and_back" not in faults(practice)
