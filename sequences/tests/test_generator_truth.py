"""What a cue claims is true of the pose (teacher review r6, "reason wrong"): effort words only
where the pose makes that effort (heat from strong active poses, "no load" on shapes no leg
carries), preparation credits only for the same action on an area as the peak's (a pose that
works the quadriceps does not prepare a peak that stretches them), and a yin rebound said as
its own short thing rather than as the next shape's cue."""

from sequences.generator import reasons
from sequences.generator.quality.words import _reason_effort
from sequences.tests.generation import BY_SLUG


def test_heat_only_from_an_active_pose_of_intensity_three_or_more():
    # r6 #4: Thread the Needle, a resting twist, was "building heat".
    assert not reasons.builds_heat(BY_SLUG["thread-the-needle"])
    assert not reasons.builds_heat(BY_SLUG["five-pointed-star"])
    assert reasons.builds_heat(BY_SLUG["warrior-ii"])
    for variant in range(len(reasons.FOR_ITSELF)):
        text = reasons.build(
            BY_SLUG["thread-the-needle"],
            BY_SLUG["crow"],
            focus_words="",
            works_focus=False,
            variant=variant,
            style="vinyasa",
        )
        assert "heat" not in text


def test_no_load_only_on_a_shape_no_leg_carries():
    # r6 #7: Dragon "with no load", but its front leg bears the body's weight.
    text = reasons.entry(BY_SLUG["dragon-yin"], BY_SLUG["saddle-yin"])
    assert text and "no load" not in text
    assert not reasons.bears_no_load(BY_SLUG["dragon-yin"])
    # Wide-knee Child's Pose before Frog still begins Frog's shape with no load.
    assert "no load" in reasons.entry(BY_SLUG["childs-pose"], BY_SLUG["frog"])


class _Step:
    def __init__(self, slug, cue, flow=False):
        self.pose, self.cue, self.flow = BY_SLUG[slug], cue, flow


class _Practice:
    def __init__(self, *steps):
        self.steps = list(steps)


def test_the_effort_figure_catches_the_reported_claims():
    wrong = _Practice(
        _Step("thread-the-needle", "Turns the upper back and neck, building heat."),
        _Step("dragon-yin", "Opens the hips and quadriceps: the front hip opens with no load."),
    )
    assert len(_reason_effort(wrong)) == 2
    right = _Practice(
        _Step("chair", "Strengthens the quadriceps, building heat."),
        _Step("childs-pose", "Wide-knee Child's Pose: Frog's shape begun with no load."),
    )
    assert _reason_effort(right) == []
    # A flow builds heat as a whole.
    flow = _Practice(_Step("reverse-warrior", "Right side: …, building heat.", flow=True))
    assert _reason_effort(flow) == []
