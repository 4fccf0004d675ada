"""The last seconds of a fitted practice go to the final relaxation (review r14 F8, F18)."""

from sequences.generator.quality import faults
from sequences.generator.rest_top_up import TOP_UP_MOST
from sequences.tests.generation import reviewed


def _rest(practice):
    return next(s for s in practice.steps if s.phase == "relaxation")


def _planned(practice) -> int:
    return sum(s.seconds for s in practice.steps) + practice.transition_seconds


def test_review_14_the_forty_minute_vinyasa_rests_the_thirty_seconds_it_was_short():
    """F8: 39:30 planned of 40; the teacher's fix, Corpse 4:50 → 5:20."""
    practice = reviewed(1408)

    assert _planned(practice) == 2400
    assert _rest(practice).duration_seconds == 320
    assert _rest(practice).cue.endswith("heavy for about five and a half minutes.")
    assert not faults(practice)


def test_the_rest_grows_no_longer_than_its_pose_allows():
    """F18: 69:10 of 70; the teacher asked Corpse 10:40, past Corpse Pose's ten minutes: the
    rest stays within its range and the class fills its time another way (a quiet cool-down
    pose longer, or the class lengthened: cool_top_up)."""
    practice = reviewed(1417)
    rest = _rest(practice)

    assert rest.duration_seconds <= rest.pose.hold_range("hatha")[1] == 600
    assert _planned(practice) == 4200
    assert TOP_UP_MOST == 90
    assert not faults(practice)
