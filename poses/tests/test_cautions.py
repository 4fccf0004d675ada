"""poses.cautions.caution_findings: the rule on plain fields, one behaviour at a time."""

import pytest

from poses.cautions import caution_findings


def fields(**changes) -> dict:
    return {
        "slug": "pose",
        "kind": "asana",
        "name_en": "Pose",
        "category": "standing",
        "description": "A pose.",
        "instructions": ["Stand.", "Breathe."],
        "contraindications": "",
        "default_hold_seconds": 30,
        "position": "standing",
        "effort": "active",
        "hold_min_seconds": 5,
        "hold_max_seconds": 60,
        "long_hold_min_seconds": None,
        "long_hold_max_seconds": None,
        "cautions": [],
        **changes,
    }


def rules(**changes) -> list[str]:
    return [finding.rule for finding in caution_findings(fields(**changes))]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Avoid with knee injury.", "warning_without_tag:knees"),
        ("Pad the back knee if it is sensitive.", "warning_without_tag:knees"),
        (
            "Support the bent knee, or avoid the pose, with knee injury.",
            "warning_without_tag:knees",
        ),
        (
            "Choose Reclined Figure Four instead with any pain in the front knee.",
            "warning_without_tag:knees",
        ),
        ("Avoid with wrist, elbow or shoulder injury.", "warning_without_tag:wrists"),
        ("Skip the pose with carpal tunnel syndrome.", "warning_without_tag:wrists"),
        ("Avoid with low-back or sacroiliac injury.", "warning_without_tag:back"),
        (
            "With disc injury keep the spine long, or leave the fold out.",
            "warning_without_tag:back",
        ),
        ("Avoid with neck injury.", "warning_without_tag:back"),
        ("Avoid lying on the belly in pregnancy.", "warning_without_tag:pregnancy"),
        ("Avoid with osteoporosis.", "warning_without_tag:osteoporosis"),
    ],
)
def test_a_warning_needs_a_tag_of_the_choice_it_speaks_to(text, rule):
    assert rule in rules(contraindications=text)


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("Avoid with knee injury.", ["knee_load"]),
        ("Avoid with wrist, elbow or shoulder injury.", ["wrist_load"]),
        ("Avoid with low-back injury; a twist.", ["spinal_rotation"]),
    ],
)
def test_one_tag_of_that_choice_answers_the_warning(text, tags):
    assert not [r for r in rules(contraindications=text, cautions=tags) if "warning" in r]


@pytest.mark.parametrize(
    "text",
    [
        "Bend the front knee less with knee pain.",
        "Keep the gaze level with neck problems.",
        "Rest the fingertips lightly with wrist injury.",
        "In later pregnancy avoid long holds lying on your back.",
        "Avoid locking (hyperextending) the knees.",
        "Never press the foot into the side of the knee.",
        "Avoid with uncontrolled high blood pressure, glaucoma or recent eye surgery.",
        "Lower the knees with shoulder or low-back discomfort.",
    ],
)
def test_a_modification_or_a_head_low_warning_needs_no_tag(text):
    assert rules(contraindications=text) == []


def test_a_tag_is_explained_by_every_choice_that_leaves_it_out():
    tagged = rules(
        contraindications="Avoid rounding with disc injury.", cautions=["spinal_flexion"]
    )
    both = rules(
        contraindications="Avoid rounding with disc injury or osteoporosis.",
        cautions=["spinal_flexion"],
    )

    assert "tag_not_explained:spinal_flexion" in tagged  # osteoporosis is not named
    assert both == []


def test_a_pregnancy_tag_names_what_the_pose_asks_of_the_body():
    unnamed = rules(contraindications="Avoid in pregnancy.", cautions=["belly_pressure"])
    named = rules(
        contraindications="Avoid lying on the belly in pregnancy.", cautions=["belly_pressure"]
    )
    only_mentioned = rules(
        contraindications="In pregnancy keep the holds short.", cautions=["not_in_pregnancy"]
    )

    assert unnamed == ["tag_not_explained:belly_pressure"]
    assert named == []
    assert only_mentioned == ["tag_not_explained:not_in_pregnancy"]


def test_take_care_does_not_say_what_to_do():
    assert rules(contraindications="Take care with knee problems.") == ["vague_warning"]


@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        ({"position": "prone"}, "prone_without_belly_pressure"),
        ({"position": "kneeling"}, "kneeling_without_knee_load"),
        ({"position": "arm_balance"}, "arm_balance_without_wrist_load"),
        ({"position": "arm_balance"}, "arm_balance_without_fall_risk"),
        ({"position": "inverted"}, "inverted_without_inversion"),
        ({"category": "inversion"}, "inversion_category_without_inversion"),
        (
            {"position": "supine", "effort": "passive", "long_hold_min_seconds": 120,
             "long_hold_max_seconds": 300},
            "long_supine_missing",
        ),
        (
            {"kind": "pranayama", "category": "", "position": "seated",
             "breath_pattern": {"inhale": 4, "hold": 4, "exhale": 4}},
            "breath_retention_missing",
        ),
    ],
)  # fmt: skip
def test_the_shape_asks_for_its_tag(changes, rule):
    assert rule in rules(**changes)


def test_lying_on_the_side_is_not_lying_on_the_back():
    side_lying = rules(
        name_en="Side-Lying Savasana",
        description="Final relaxation resting on the left side, a bolster between the knees.",
        position="supine",
        effort="passive",
        default_hold_seconds=300,
        hold_max_seconds=600,
    )

    assert "long_supine_missing" not in side_lying


@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        ({"position": "hands_and_feet", "cautions": ["inversion"]}, "inversion_not_inverted"),
        ({"position": "standing", "cautions": ["fall_risk"]}, "fall_risk_not_balancing"),
        (
            {"category": "mobility", "cautions": ["deep_backbend"]},
            "deep_backbend_outside_backbends",
        ),
        ({"cautions": ["breath_retention"]}, "breath_retention_without_hold"),
        ({"cautions": ["no_such_caution"]}, "unknown_caution"),
    ],
)
def test_a_tag_needs_its_shape(changes, rule):
    assert rule in rules(**changes)


def test_legs_raised_up_a_wall_are_an_inversion():
    legs_up = rules(
        category="restorative",
        position="supine",
        description="Lying on the back with the legs resting up a wall.",
        contraindications="Avoid with glaucoma; in later pregnancy avoid lying flat on your back.",
        cautions=["inversion"],
    )

    assert legs_up == []


@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        ({"default_hold_seconds": 90}, "default_hold_outside_range"),
        ({"long_hold_min_seconds": 120, "long_hold_max_seconds": 300}, "long_hold_for_active_pose"),
        (
            {"effort": "passive", "long_hold_min_seconds": 30, "long_hold_max_seconds": 300},
            "long_hold_too_short",
        ),
    ],
)
def test_holds_agree_with_the_effort(changes, rule):
    assert rule in rules(**changes)
