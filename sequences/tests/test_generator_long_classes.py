"""Room for long flowing classes (blind review r18 F8 and F9, as in r14 and r17): #9, 90 minutes
of advanced vinyasa for flexibility and the back (seeds 1409, 1709, 1809), used every one of
the 98 steps a saved sequence of 100 poses left the generator, and so
- changed flows twice with no vinyasa (Chaturanga → Upward Dog → Down Dog) between them,
- held its standing flows 9–12 breaths again, past the eight breaths (40 s) a flow moves with,
- and planned 87:35–87:50 of its 90 minutes.
The teacher's fix: a link after every flow, flow holds of 40 s at most, the class at its time
(88:30 or more, within the fit's bounds). A sequence now holds MAX_POSES_PER_SEQUENCE (150)
poses, the generator MOST_STEPS of them (148)."""

import pytest

from sequences.generator import _close
from sequences.generator.flow_breaths import FLOW_MOST, standing_flow
from sequences.generator.plan import MOST_STEPS
from sequences.generator.quality import faults, flow_breaths, side_links
from sequences.generator.side_links import unlinked
from sequences.generator.time_fill import filled_within
from sequences.models import MAX_POSES_PER_SEQUENCE
from sequences.tests.generation import generated, request, reviewed

REPORTED = (1409, 1709, 1809)
# Other 90-minute advanced vinyasa classes (review #9's choices) that spend nearly all their
# steps: before the planner kept a step for each link, 909 used all 148 and changed flows
# unlinked five times.
NEAR_THE_LIMIT = (909, 1109, 1309)
# The teacher's value: a 90-minute class plans 88:30 or more.
AT_LEAST = 88 * 60 + 30


class _Seen:
    def __init__(self, step):
        self.flow, self.phase, self.side = step.flow, step.phase, step.side
        self.pose_position = step.pose.position


def test_a_generated_class_may_use_every_step_a_saved_sequence_holds():
    assert MAX_POSES_PER_SEQUENCE == 150
    assert MOST_STEPS == MAX_POSES_PER_SEQUENCE - 2 == 148


@pytest.mark.parametrize("seed", REPORTED + NEAR_THE_LIMIT)
def test_review_18_f8_every_change_between_flows_has_its_vinyasa(seed):
    practice = reviewed(seed)
    steps = practice.steps
    assert len(steps) <= MOST_STEPS
    assert not [
        (a.position, a.pose.slug, b.pose.slug)
        for a, b in zip(steps, steps[1:], strict=False)
        if unlinked(_Seen(a), _Seen(b))
    ]
    assert not side_links.RULES["flows_linked"](practice)
    # A flow's left side ending standing is followed by its vinyasa (Down Dog) before the
    # next flow's right side.
    links = [s for s in steps if s.flow and s.cue.startswith(("Vinyasa", "Link"))]
    assert links


@pytest.mark.parametrize("seed", REPORTED + NEAR_THE_LIMIT)
def test_review_18_f9_standing_flows_move_with_the_breath_at_every_length(seed):
    practice = reviewed(seed)
    peak = practice.peak.pose
    held = [
        s.duration_seconds
        for s in practice.steps
        if standing_flow(practice.choices.style, s.phase, s.flow, s.pose, peak)
    ]
    assert held and max(held) <= FLOW_MOST == 40
    assert not flow_breaths.RULES["flow_breaths"](practice)


@pytest.mark.parametrize("seed", REPORTED + NEAR_THE_LIMIT)
def test_review_18_the_class_lasts_its_time(seed):
    practice = reviewed(seed)
    target = practice.target_seconds
    assert target == 90 * 60
    # What the fit promises: within two minutes or 3 % (`_close`, `time_fill.filled_within`).
    assert abs(practice.planned_seconds - target) <= min(_close(target), filled_within(target))
    # What the teacher asks: 88:30 or more (r18 read 87:35–87:50).
    assert practice.planned_seconds >= AT_LEAST
    assert practice.time_unfilled == 0


@pytest.mark.parametrize("seed", REPORTED)
def test_review_18_the_reported_classes_pass_the_whole_bar_and_fit_a_saved_sequence(seed):
    practice = reviewed(seed)
    assert faults(practice) == {}
    # They need more than the 98 steps of old, and no more than a saved sequence holds.
    assert 98 < len(practice.steps) <= MOST_STEPS < MAX_POSES_PER_SEQUENCE


def test_the_other_long_flowing_classes_keep_their_time_too():
    for minutes, style in ((90, "power"), (85, "vinyasa"), (75, "vinyasa")):
        practice = generated(
            minutes=minutes, level="advanced", style=style, focus=["flexibility", "back"], seed=1809
        )
        assert len(practice.steps) <= MOST_STEPS
        assert not side_links.RULES["flows_linked"](practice)
        assert not flow_breaths.RULES["flow_breaths"](practice)
        target = practice.target_seconds
        assert abs(practice.planned_seconds - target) <= filled_within(target)


def test_request_is_review_9():
    assert request(1809)["minutes"] == 90 and request(1809)["style"] == "vinyasa"
