"""The wrists released after an arm balance bend the other way, into flexion (blind review r19
F2: after Firefly the release's "point the fingers down and draw them gently back" bent the
wrists back again, the way Firefly loaded them): the teacher's words at the reported seed, the
split said from the hold, and the `reason_holds` figure reading the split."""

import pytest

from poses.library import POSES_FILE, read_rows
from sequences.generator.quality import words
from sequences.generator.wrist_counter import release_words, split, split_said
from sequences.tests.generation import recued, reviewed

# The teacher's words for the 45 s release after Firefly (r19 F2).
TEACHER = (
    "circle the wrists both ways for 20 s; then arm forward, fingers pointing down, the back of "
    "the hand facing away, and with the other hand draw the back of the hand gently toward you, "
    "10 s each side: the wrist bends the other way after Firefly Pose's weight-bearing."
)
# Words that bend the wrist back: the palm-out stretch of the forearm's front.
BENT_BACK = ("draw them gently back", "stretch the other way")


def _release(practice):
    return next(
        s for s in practice.steps if s.pose.slug == "wrist-circles" and s.phase == "counter"
    )


def test_r19_f2_the_release_after_firefly_bends_the_wrists_the_other_way():
    practice = reviewed(1905)
    release = _release(practice)
    assert practice.peak.pose.slug == "firefly"
    assert release.duration_seconds == 45
    assert release.cue == f"Counter-pose: {TEACHER}"
    assert words._reason_holds(practice) == []


@pytest.mark.parametrize("hold", [15, 20, 30, 45, 60])
def test_the_split_fits_the_hold_and_is_said_as_split(hold):
    circles, side = split(hold)
    assert circles >= 0 and circles + 2 * side <= hold
    assert split_said(release_words("Crow Pose", hold)) == (circles, side)


def test_the_figure_finds_a_split_of_another_hold():
    practice = reviewed(1905)
    wrong = recued(practice, _release(practice), release_words("Firefly Pose", 60))
    assert words._reason_holds(wrong)


def test_no_wrist_release_bends_the_wrists_back_again():
    """The whole kind at its sources: the generator's release and the pose's own how-to."""
    said = release_words("Crow Pose", 45)
    assert not any(w in said for w in BENT_BACK)
    circles = next(r for r in read_rows(POSES_FILE, kind="poses") if r["slug"] == "wrist-circles")
    down = next(step for step in circles["instructions"] if "point them down" in step)
    assert "backs of the hands facing away" in down
