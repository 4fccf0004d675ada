"""Every cue and reason true to the pose it is said of (issue 11, blind teacher review r11b,
and the heavy-avoid sweep's Bound Angle): each kind of fault has a quality figure
(quality/true_words.py) that finds it, and the reported practices say the right words."""

from dataclasses import replace

from sequences.generator import breath_technique, shape_words, truths
from sequences.generator.quality import neighbour_words
from sequences.generator.quality import true_words as figures
from sequences.tests.generation import (
    BY_SLUG,
    LIBRARY,
    assert_figures_break_and_hold,
    generated,
    request,
    requests,
    reviewed,
)

# Review r11b: the three printed practices.
REPORTED = requests(1001, 1101, 1102)


def _recued(practice, slug: str, cue, phase: str = ""):
    """The practice with each step of `slug` (in `phase`, if given) cued by `cue(old)`."""
    steps = tuple(
        replace(s, cue=cue(s.cue)) if s.pose.slug == slug and phase in ("", s.phase) else s
        for s in practice.steps
    )
    return replace(practice, steps=steps)


def true_words_breakings() -> dict:
    """A hand-made fault of each figure, for the quality bar's own test: the reported practices
    with the words the review found put back."""
    hatha, gentle, lizard = reviewed(1101), reviewed(1001), reviewed(1102)
    even = "Centring: in for 4, out for 4; arrive and let the breath slow down before you move."
    return {
        "breath_true": _recued(hatha, "alternate-nostril-breathing", lambda _: even),
        "credit_true": _recued(
            lizard, "half-splits", lambda _: "Lengthens the hamstrings Lizard Pose worked."
        ),
        "sided_words_fit": _recued(
            hatha, "three-legged-dog", lambda c: c + " Knees bent, heels lifted.", "peak"
        ),
        "peak_shape_said": _recued(
            gentle, "supine-hand-to-big-toe", lambda c: c + " The deepest fold of the practice."
        ),
        "support_named": _recued(
            gentle, "reclined-bound-angle", lambda _: "Opens the hips and chest, fully supported."
        ),
    }


def test_the_true_words_figures_find_their_faults_and_pass_the_reported():
    assert_figures_break_and_hold(figures.RULES, true_words_breakings(), REPORTED)


def test_alternate_nostril_breathing_is_cued_with_the_nostrils_switching():
    centring = reviewed(1101).steps[0]
    assert centring.pose.slug == "alternate-nostril-breathing"
    assert centring.cue == (
        "Centring: right thumb closes the right nostril, in through the left for 4; ring finger "
        "closes the left, out through the right for 4; in through the right, switch, out "
        "through the left; arrive and let the breath slow down before you move."
    )


def test_every_breathing_technique_says_its_own_pacing():
    paced = [c for c in LIBRARY if c.breath_pattern]
    assert paced
    for card in paced:
        words = breath_technique.pacing(card)
        assert breath_technique.leaves_out(card, f"Centring: {words}.") == [], card.slug
    assert breath_technique.pacing(BY_SLUG["bhramari-breath"]) == (
        "in through the nose for 4, out for 8 on a low, steady hum"
    )
    assert breath_technique.pacing(BY_SLUG["box-breathing"]) == (
        "in for 4, hold for 4, out for 4, hold for 4"
    )


def test_the_hamstrings_are_credited_only_where_worked_and_needed():
    # The same choices as r11 #1, drawn again: Triangle in the Warrior II flow is credited
    # with the hamstrings Three-Legged Dog needs; a flow without it (seed 1101 since the core
    # holds were capped) credits no one with them.
    for seed, credited in ((1102, True), (1101, False)):
        hatha = generated(**request(1101) | {"seed": seed})
        assert hatha.peak.pose.slug == "three-legged-dog"
        warrior = next(s for s in hatha.steps if s.pose.slug == "warrior-ii" and s.side == "right")
        assert ("Extended Triangle" in warrior.flow) is credited
        credit = "Extended Triangle lengthens the hamstrings for Three-Legged Dog."
        assert warrior.cue.endswith(f"hips open to the side; {credit}") is credited
        assert ("hamstrings for" in warrior.cue) is credited
    # Lizard bends its front knee: it needs, and worked, no hamstrings.
    assert truths.needs(BY_SLUG["lizard"]) == ["hips", "quadriceps"]
    lizard = reviewed(1102)
    side_lunge = next(s for s in lizard.steps if s.pose.slug == "skandasana")
    assert side_lunge.cue.startswith(
        "Wide stance, one knee bent deep, the other leg long: the inner thigh of the long leg "
        "opens."
    )
    splits = next(s for s in lizard.steps if s.pose.slug == "half-splits")
    assert splits.cue == (
        "Shift back over the back knee, straighten the front leg: the hamstring lengthens."
    )


def test_three_legged_dog_keeps_the_lifted_leg_long_when_its_hold_is_capped():
    peak = reviewed(1101).peak
    assert peak.pose.slug == "three-legged-dog"
    assert "Knees bent" not in peak.cue
    assert peak.cue.endswith(
        "Standing knee soft and heel lifted as you need, the lifted leg long, a few breaths only."
    )
    plank = next(s for s in reviewed(1102).steps if s.pose.slug == "side-plank")
    assert plank.cue.endswith("Bottom knee down on a folded blanket as the form softens.")


def test_a_hamstring_stretch_lying_flat_is_not_called_the_deepest_fold():
    card = BY_SLUG["supine-hand-to-big-toe"]
    assert shape_words.most_of(card) == "the deepest hamstring stretch"
    assert not shape_words.folds(card)
    peak = reviewed(1001).peak
    assert peak.pose.slug == "supine-hand-to-big-toe" and "fold" not in peak.cue


def test_reclined_bound_angle_names_the_props_that_support_it():
    reclined = next(s for s in reviewed(1001).steps if s.pose.slug == "reclined-bound-angle")
    assert reclined.cue == (  # and, a beginner's supported shape, the way out (r12 F1)
        "Opens the hips and chest, a bolster laid lengthwise behind you, blocks under the knees. "
        "To come out, bring the knees together with the hands and roll to one side."
    )


def test_bound_angle_for_pregnancy_and_back_care_says_each_thing_once():
    # The heavy-avoid sweep's fault: "Sit tall" twice and "open the hips" twice (its seed
    # 965743819 now fills its 76 minutes breathing longer, `long_quiet`, without Bound Angle:
    # the same choices drawn with seed 5 sit in it).
    practice = generated(
        minutes=76, level="beginner", style="hatha", focus=["energy", "flexibility"],
        avoid=["pregnancy_safe", "back_care", "wrist_friendly"], seed=5,
        avoid_slugs=["upward-plank", "dolphin", "alternate-nostril-breathing",
                     "extended-side-angle", "chair-cat-cow", "locust", "shoelace-yin",
                     "low-lunge", "plank", "bow", "triangle"],
    )  # fmt: skip
    bound = next(s for s in practice.steps if s.pose.slug == "bound-angle")
    # Its reason names no pose but a true neighbour: the pin once read "Opens the hips after
    # Warrior II" with Child's Pose before it and Goddess the peak (a cool-down names the peak
    # only for what the peak worked: `Planner.worked_by`).
    assert practice.steps[bound.position - 2].pose.slug == "childs-pose"
    assert practice.peak.pose.slug == "goddess"
    assert bound.cue == (  # the way from Child's Pose first (stance_links: r20 F7)
        "Sit to one side and come to sit. "
        "Sit tall on a blanket, the back to a wall, knees supported: no folding onto the belly. "
        "Without folding forward. The hips open."
    )
    assert truths.said_twice(bound.cue) == []
    assert neighbour_words.RULES["after_names_the_step_before"](practice) == []
