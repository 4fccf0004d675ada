"""Cues true of the pose as taught, and a preparation no heavier than the peak (blind teacher
review r15, F3, F11, F16, F18): the right values at the review's seeds, and the four figures
of quality/worked_claims.py and quality/prep_load.py."""

from sequences.generator import version_claims, worked_claims
from sequences.generator.quality import prep_load as load_figures
from sequences.generator.quality import worked_claims as claim_figures
from sequences.tests.generation import (
    BY_SLUG,
    assert_figures_break_and_hold,
    recued,
    requests,
    reviewed,
)

REPORTED = requests(1503, 1511, 1517)


def _steps(practice, slug, phase=None):
    return [s for s in practice.steps if s.pose.slug == slug and phase in (None, s.phase)]


def true_cues_breakings() -> dict:
    """A hand-made fault of each figure: the reviewed practices with the cues the teacher
    faulted put back."""
    return {
        "stretch_not_worked": recued(
            reviewed(1503),
            "warrior-ii",
            "Right side: Warrior II (about 50 s) → Reverse Warrior → Half Moon Pose; wide "
            "stance, hips open to the side; Reverse Warrior lengthens the quadriceps for Side "
            "Lunge.",
        ),
        "version_keeps_claim": recued(
            reviewed(1517),
            "three-legged-dog",
            "Standing knee bent, heel lifted, the lifted leg long at hip height. Down Dog, then "
            "lift one leg, hips level: the hamstrings and calves of the standing leg lengthen.",
        ),
        "prep_lighter": recued(
            reviewed(1511),
            "cobra",
            "Strengthens the upper back and lower back, which Locust Pose needs.",
        ),
        "peak_unsupported": recued(
            reviewed(1517),
            "warrior-iii",
            "Peak: High Lunge, then tip forward, back leg to hip height, toes down so the hips "
            "stay level. A soft bend in the standing knee, hands on a chair back. The hardest "
            "balance of the practice.",
            phase="peak",
        ),
    }


def test_the_true_cues_figures_find_their_faults_and_pass_the_reported():
    rules = {**claim_figures.RULES, **load_figures.RULES}
    assert_figures_break_and_hold(rules, true_cues_breakings(), REPORTED)


def test_review_15_f3_reverse_warrior_is_never_said_to_lengthen_the_quadriceps_it_works():
    practice = reviewed(1503)
    said = " ".join(s.cue for s in practice.steps)

    assert "Reverse Warrior lengthens the quadriceps" not in said
    # What it does for Side Lunge is said as worked (its own text: "Strengthens the legs").
    assert "Reverse Warrior works the quadriceps for Side Lunge" in said
    reverse = BY_SLUG["reverse-warrior"]
    assert worked_claims.split_claim(reverse, "lengthens", ["quadriceps"]) == (
        "works",
        ["quadriceps"],
    )
    assert worked_claims.split_claim(reverse, "lengthens", ["quadriceps", "spine"]) == (
        "lengthens",
        ["spine"],
    )


def test_review_15_f16_three_legged_dog_with_the_standing_knee_bent_claims_no_leg_stretch():
    practice = reviewed(1517)
    (dog,) = _steps(practice, "three-legged-dog")

    assert dog.cue.startswith("Standing knee bent, heel lifted")
    assert "lengthen" not in dog.cue
    assert "the glutes of the lifted leg work and the back stays long" in dog.cue
    # The whole kind: what a bent knee and a lifted heel take away goes from the claim.
    cue = "Lengthens the hamstrings and calves before Plank Pose. Knees bent, heels lifted."
    assert version_claims.taken_claims(cue) == ["lengthens the calves", "lengthens the hamstrings"]
    assert version_claims.without_taken(cue, BY_SLUG["downward-facing-dog"]).startswith(
        "Lengthens the back before Plank Pose."
    )


def test_review_15_f18_warrior_iii_says_its_lifted_leg_one_way_and_stands_unsupported():
    practice = reviewed(1517)
    peak = practice.peak

    assert peak.pose.slug == "warrior-iii"
    assert "the back leg lifts, leg low, the lower back long" in peak.cue
    assert "hip height" not in peak.cue and "chair" not in peak.cue
    assert "The hardest balance of the practice." in peak.cue


def test_review_15_f11_cobra_before_a_short_locust_moves_with_the_breath_five_times():
    practice = reviewed(1511)
    cobras = _steps(practice, "cobra", phase="build")

    assert practice.peak.pose.slug == "locust" and practice.peak.duration_seconds == 15
    assert [s.duration_seconds for s in cobras] == [45, 45, 45]
    for cobra in cobras:
        assert "Low Cobra, moving: palms beside the ribs; lift the chest a hand's width" in (
            cobra.cue
        )
        assert cobra.cue.endswith("five times, the breath even.")
