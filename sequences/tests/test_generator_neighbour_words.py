"""A reason that says a pose comes "after" another names the true one (the heavy-avoid sweep's
Bound Angle once said "Opens the hips after Warrior II" with Child's Pose before it and Goddess
the peak): quality figure `after_names_the_step_before` (quality/neighbour_words.py)."""

from sequences.generator.quality import neighbour_words
from sequences.tests.generation import (
    assert_figures_break_and_hold,
    generated,
    recued,
    requests,
)

# The heavy-avoid sweep's choices (test_generator_true_words), drawn with seed 5.
HEAVY_AVOID = {
    "minutes": 76, "level": "beginner", "style": "hatha", "focus": ["energy", "flexibility"],
    "avoid": ["pregnancy_safe", "back_care", "wrist_friendly"], "seed": 5,
    "avoid_slugs": ["upward-plank", "dolphin", "alternate-nostril-breathing",
                    "extended-side-angle", "chair-cat-cow", "locust", "shoelace-yin",
                    "low-lunge", "plank", "bow", "triangle"],
}  # fmt: skip
REPORTED = (HEAVY_AVOID, *requests(1809, 2009, 2017, 1204, 1907))


def neighbour_words_breakings() -> dict:
    """A hand-made fault of each figure, for the quality bar's own test."""
    practice = generated(**HEAVY_AVOID)
    bound = next(s for s in practice.steps if s.pose.slug == "bound-angle")
    # As the test once pinned it: Warrior II named, Child's Pose the step before.
    named = bound.cue.replace("The hips open.", "Opens the hips after Warrior II, seated.")
    return {"after_names_the_step_before": recued(practice, bound, named)}


def test_the_figure_finds_its_fault_and_passes_the_reported_practices():
    assert_figures_break_and_hold(neighbour_words.RULES, neighbour_words_breakings(), REPORTED)


def test_a_cool_down_pose_further_on_says_what_the_peak_worked():
    """1809: Child's Pose, the counter, straight after Monkey Pose rests the hips "after" it;
    Happy Baby, a step further on, once "Opens the hips as the breath slows after Monkey
    Pose", says what Monkey Pose worked."""
    practice = generated(**requests(1809)[0])
    rule = neighbour_words.RULES["after_names_the_step_before"]
    assert rule(practice) == []
    peak = practice.peak.pose.name
    counter = practice.steps[practice.peak.position]
    assert f"after {peak}" in counter.cue
    baby = next(s for s in practice.steps if s.pose.slug == "happy-baby")
    assert f"after {peak}" not in baby.cue
    assert f"{peak} worked" in baby.cue
    wrong = recued(practice, baby, f"Opens the hips after {peak}.")
    assert rule(wrong)
