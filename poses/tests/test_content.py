"""The curated library says what its tags say (its sequences: sequences/tests/test_content.py).

Every poses*.json file in poses/content/ is read. poses.cautions holds the rule; ALLOWED lists
the reviewed exceptions to it, each with its reason.
"""

import json

import pytest

from poses.cautions import caution_findings
from poses.library import POSES_FILE
from poses.models import categories_avoided, cautions_avoided

POSE_FILES = sorted(POSES_FILE.parent.glob("poses*.json"))
POSES = {
    row["slug"]: row for path in POSE_FILES for row in json.loads(path.read_text(encoding="utf-8"))
}

# (slug, rule) -> why the finding is right for that pose. Reviewed by a teacher; keep it short.
ALLOWED: dict[tuple[str, str], str] = {}


def findings_by_pose() -> dict[tuple[str, str], str]:
    return {
        (slug, finding.rule): finding.message
        for slug, row in POSES.items()
        for finding in caution_findings(row)
    }


def test_every_content_file_is_read():
    assert POSES_FILE in POSE_FILES
    assert len(POSES) >= 91


def test_every_pose_says_what_its_tags_say():
    unexpected = {key: message for key, message in findings_by_pose().items() if key not in ALLOWED}

    assert unexpected == {}


def test_every_allowed_exception_is_still_needed_and_has_its_reason():
    found = findings_by_pose()

    assert [key for key in ALLOWED if key not in found] == []
    assert all(reason.strip() for reason in ALLOWED.values())


@pytest.mark.parametrize(
    ("slug", "tag", "rule"),
    [
        ("head-to-knee", "knee_load", "warning_without_tag:knees"),
        ("revolved-triangle", "spinal_rotation", "warning_without_tag:back"),
        ("revolved-triangle", "closed_twist", "warning_without_tag:pregnancy"),
        ("humble-warrior", "belly_pressure", "warning_without_tag:pregnancy"),
        ("seated-forward-fold", "spinal_flexion", "warning_without_tag:back"),
        ("upward-facing-dog", "wrist_load", "warning_without_tag:wrists"),
        ("full-splits", "not_in_pregnancy", "warning_without_tag:pregnancy"),
        ("boat", "spinal_flexion", "warning_without_tag:osteoporosis"),
        ("cobra", "belly_pressure", "prone_without_belly_pressure"),
        ("gate", "knee_load", "kneeling_without_knee_load"),
        ("corpse", "long_supine", "long_supine_missing"),
        ("supported-headstand", "inversion", "inverted_without_inversion"),
        ("crow", "fall_risk", "arm_balance_without_fall_risk"),
    ],
)
def test_removing_a_tag_the_pose_needs_is_reported(slug, tag, rule):
    row = POSES[slug]
    assert tag in row["cautions"]

    findings = caution_findings({**row, "cautions": [t for t in row["cautions"] if t != tag]})

    assert rule in [finding.rule for finding in findings]


@pytest.mark.parametrize(
    ("slug", "tag", "rule"),
    [
        ("mountain", "knee_load", "tag_not_explained:knee_load"),
        ("triangle", "wrist_load", "tag_not_explained:wrist_load"),
        ("bridge", "neck_load", "tag_not_explained:neck_load"),
        ("staff-pose", "spinal_flexion", "tag_not_explained:spinal_flexion"),
        ("reclined-figure-four", "belly_pressure", "tag_not_explained:belly_pressure"),
        ("knees-to-chest", "long_supine", "tag_not_explained:long_supine"),
        ("downward-facing-dog", "inversion", "inversion_not_inverted"),
        ("bridge", "inversion", "inversion_not_inverted"),
        ("tree", "fall_risk", "fall_risk_not_balancing"),
        ("cat-cow", "deep_backbend", "deep_backbend_outside_backbends"),
    ],
)
def test_adding_a_tag_the_pose_does_not_explain_is_reported(slug, tag, rule):
    row = POSES[slug]
    assert tag not in row["cautions"]

    findings = caution_findings({**row, "cautions": [*row["cautions"], tag]})

    assert rule in [finding.rule for finding in findings]


@pytest.mark.parametrize(
    ("avoid", "slug", "kept"),
    [
        ("knee_friendly", "head-to-knee", False),
        ("knee_friendly", "warrior-ii", True),
        ("back_care", "revolved-triangle", False),
        ("back_care", "bridge", True),
        ("back_care", "handstand", False),
        ("pregnancy_safe", "humble-warrior", False),
        ("pregnancy_safe", "cobra", False),
        ("pregnancy_safe", "bound-angle", True),
        ("no_inversions", "downward-facing-dog", True),
        ("no_inversions", "standing-forward-fold", True),
        ("no_inversions", "supported-shoulder-stand", False),
        ("osteoporosis_safe", "crow", False),
        ("osteoporosis_safe", "seated-forward-fold", False),
        ("wrist_friendly", "forearm-plank", True),
    ],
)
def test_each_practitioner_choice_keeps_or_leaves_out_what_the_text_says(avoid, slug, kept):
    row = POSES[slug]

    left_out = bool(set(row["cautions"]) & cautions_avoided([avoid])) or (
        row["category"] in categories_avoided([avoid])
    )

    assert left_out is not kept


def test_the_library_holds_the_syllabus_and_breathing_practices_the_readme_counts():
    kinds = [row.get("kind", "asana") for row in POSES.values()]

    assert kinds.count("asana") == 125
    assert len(kinds) - kinds.count("asana") == 7
    breathing = {slug for slug, row in POSES.items() if row.get("kind") == "pranayama"}
    assert all(POSES[slug]["breath_pattern"] for slug in breathing)
