"""Sequence checks: each rule firing and not, their order, the curated library, page and API."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import Avoidance
from poses.models import cautions_avoided
from poses.tests.factories import PoseFactory
from sequences.checks import check_sequence, findings_for, level_changes
from sequences.models import Sequence, SequencePose, Visibility
from sequences.selectors import sequence_for_view
from sequences.steps import PoseCard, Step, steps_for
from sequences.tests.factories import SequenceFactory

CORPSE = {
    "slug": "corpse",
    "name": "Corpse Pose",
    "category": "restorative",
    "difficulty": "beginner",
    "position": "supine",
    "effort": "passive",
    "target_areas": ("full_body", "nervous_system"),
}
CHILD = {
    "slug": "childs-pose",
    "name": "Child's Pose",
    "category": "restorative",
    "difficulty": "beginner",
    "position": "kneeling",
    "effort": "passive",
}
MOUNTAIN = {
    "slug": "mountain",
    "name": "Mountain Pose",
    "category": "standing",
    "difficulty": "beginner",
}
EASY = {"slug": "easy-pose", "name": "Easy Pose", "category": "seated", "difficulty": "beginner"}
WARRIOR = {
    "slug": "warrior-ii",
    "name": "Warrior II",
    "category": "standing",
    "difficulty": "beginner",
    "is_bilateral": True,
}
CAMEL = {
    "slug": "camel",
    "name": "Camel Pose",
    "category": "backbend",
    "difficulty": "intermediate",
    "cautions": ("deep_backbend",),
}
WILD = {
    "slug": "wild-thing",
    "name": "Wild Thing",
    "category": "backbend",
    "difficulty": "intermediate",
    "cautions": ("deep_backbend",),
    "is_bilateral": True,
}
LOCUST = {"slug": "locust", "name": "Locust", "category": "backbend", "difficulty": "beginner"}
FOLD = {
    "slug": "fold",
    "name": "Forward Fold",
    "category": "forward_fold",
    "difficulty": "beginner",
}
HEADSTAND = {
    "slug": "supported-headstand",
    "name": "Headstand",
    "category": "inversion",
    "difficulty": "advanced",
    "cautions": ("inversion",),
}
SHOULDER_STAND = {
    "slug": "shoulder-stand",
    "name": "Shoulder Stand",
    "category": "inversion",
    "difficulty": "intermediate",
    "cautions": ("inversion",),
}
LEGS_UP = {
    "slug": "legs-up-the-wall",
    "name": "Legs-Up-the-Wall",
    "category": "restorative",
    "difficulty": "beginner",
    "cautions": ("inversion", "long_supine"),
}
CROW = {"slug": "crow", "name": "Crow", "category": "balance", "difficulty": "intermediate"}
SIDE_LYING = {
    "slug": "side-lying-savasana",
    "name": "Side-Lying Savasana",
    "category": "restorative",
    "difficulty": "beginner",
    "position": "side_lying",
    "effort": "passive",
    "target_areas": ("full_body", "nervous_system", "hips"),
}
BODY_SCAN = {
    "slug": "body-scan",
    "name": "Body Scan",
    "kind": "meditation",
    "difficulty": "beginner",
    "position": "supine",
}
MEDITATION = BODY_SCAN | {"slug": "seated-meditation", "name": "Seated Meditation"}
BREATH = {
    "slug": "three-part-breath",
    "name": "Three-Part Breath",
    "kind": "pranayama",
    "difficulty": "beginner",
    "position": "seated",
}
SUPPORTED_FISH = {
    "slug": "supported-fish",
    "name": "Supported Fish",
    "category": "restorative",
    "difficulty": "beginner",
    "position": "supine",
    "effort": "passive",
    "target_areas": ("chest", "shoulders"),
}
DOWN_DOG = {
    "slug": "downward-facing-dog",
    "name": "Downward-Facing Dog",
    "category": "forward_fold",
    "difficulty": "beginner",
    "position": "hands_and_feet",
}
PLOUGH = {
    "slug": "plough",
    "name": "Plough",
    "category": "inversion",
    "difficulty": "intermediate",
    "position": "inverted",
    "cautions": ("inversion", "neck_load"),
}
SHOULDER_STAND_ON_THE_NECK = PLOUGH | {"slug": "supported-shoulder-stand", "name": "Shoulder Stand"}
FISH = {
    "slug": "fish",
    "name": "Fish",
    "category": "backbend",
    "difficulty": "intermediate",
    "position": "supine",
}


def card(pose: dict) -> PoseCard:
    fields = dict(pose)
    fields["cautions"] = frozenset(fields.get("cautions", ()))
    return PoseCard(**fields)


def steps(*specs) -> list[Step]:
    """Steps at positions 1.. from (pose, side, seconds) or pose dicts (both sides, 30 s)."""
    result = []
    for position, spec in enumerate(specs, start=1):
        pose, side, seconds = spec if isinstance(spec, tuple) else (spec, "both", 30)
        result.append(Step(pose=card(pose), position=position, side=side, duration_seconds=seconds))
    return result


def codes(findings) -> list[str]:
    return [finding.code for finding in findings]


def check(*specs, difficulty="intermediate", style=None, target_seconds=None):
    return check_sequence(
        steps(*specs), difficulty=difficulty, style=style, target_seconds=target_seconds
    )


# --- one_sided -----------------------------------------------------------------


def test_a_bilateral_pose_on_one_side_only_is_an_error_naming_the_missing_side():
    findings = check(EASY, MOUNTAIN, MOUNTAIN | {"slug": "m2"}, (WARRIOR, "right", 30), CORPSE)

    [finding] = [f for f in findings if f.code == "one_sided"]
    assert finding.severity == "error"
    assert finding.positions == (4,)
    assert finding.message == (
        "Pose 4 (Warrior II) is done on the right side only; add the left side."
    )


def test_the_other_side_later_or_earlier_or_both_sides_at_once_is_fine():
    later = check(EASY, (WARRIOR, "right", 30), MOUNTAIN, (WARRIOR, "left", 30))
    earlier_first = check(EASY, (WARRIOR, "left", 30), (WARRIOR, "right", 30))
    both = check(EASY, WARRIOR)

    assert "one_sided" not in codes(later) + codes(earlier_first) + codes(both)


def test_a_side_done_twice_needs_the_other_side_twice():
    findings = check(EASY, (WARRIOR, "right", 30), (WARRIOR, "left", 30), (WARRIOR, "right", 30))

    assert [f.positions for f in findings if f.code == "one_sided"] == [(4,)]


def test_a_side_on_a_pose_that_is_not_bilateral_is_not_one_sided():
    assert "one_sided" not in codes(check(EASY, (MOUNTAIN, "right", 30)))


# --- no_final_relaxation -------------------------------------------------------


def test_a_practice_over_ten_minutes_ending_without_relaxation_is_warned():
    findings = check(EASY, (MOUNTAIN, "both", 600), FOLD)

    [finding] = [f for f in findings if f.code == "no_final_relaxation"]
    assert finding.severity == "warning"
    assert finding.positions == (3,)
    assert "Pose 3 (Forward Fold)" in finding.message


@pytest.mark.parametrize("last", [CORPSE, SIDE_LYING, BODY_SCAN, MEDITATION])
def test_ending_lying_still_or_in_a_meditation_is_fine(last):
    assert "no_final_relaxation" not in codes(check(EASY, (MOUNTAIN, "both", 600), last))


@pytest.mark.parametrize(
    "ending",
    [
        [CHILD],  # a resting pose, but not the final relaxation
        [CORPSE, CHILD],  # Savasana in the middle does not end the practice
        [SUPPORTED_FISH],  # a supported backbend
        [CORPSE, MOUNTAIN],
    ],
    ids=["childs-pose", "savasana-then-childs-pose", "supported-fish", "savasana-then-standing"],
)
def test_the_final_relaxation_is_a_true_relaxation_at_the_end(ending):
    findings = check(EASY, (MOUNTAIN, "both", 600), *ending)

    [finding] = [f for f in findings if f.code == "no_final_relaxation"]
    assert finding.positions == (2 + len(ending),)


def test_a_breathing_practice_may_follow_the_final_relaxation():
    findings = check(EASY, (MOUNTAIN, "both", 600), CORPSE, BREATH)

    assert "no_final_relaxation" not in codes(findings)


def test_a_breathing_practice_is_no_final_relaxation_on_its_own():
    findings = check(EASY, (MOUNTAIN, "both", 600), BREATH)

    [finding] = [f for f in findings if f.code == "no_final_relaxation"]
    assert finding.positions == (2,)


def test_a_short_practice_needs_no_final_relaxation():
    # 10 minutes exactly is not "over 10 minutes".
    assert "no_final_relaxation" not in codes(check(EASY, (MOUNTAIN, "both", 570)))


def test_both_sides_count_twice_towards_the_ten_minutes():
    findings = check(EASY, (WARRIOR, "both", 300), FOLD)

    assert "no_final_relaxation" in codes(findings)


# --- backbend_not_neutralised --------------------------------------------------


def test_a_deep_backbend_without_a_neutralising_pose_after_it_is_warned():
    findings = check(EASY, MOUNTAIN, CAMEL, LOCUST, MOUNTAIN, CORPSE)

    [finding] = [f for f in findings if f.code == "backbend_not_neutralised"]
    assert finding.severity == "warning"
    assert finding.positions == (3,)
    assert finding.message.startswith("Pose 3 (Camel Pose) is a deep backbend")


def test_a_deep_backbend_at_the_very_end_is_warned():
    assert "backbend_not_neutralised" in codes(check(EASY, MOUNTAIN, CAMEL))


@pytest.mark.parametrize(
    "neutraliser",
    [
        CHILD,
        FOLD,
        {"slug": "twist", "name": "Twist", "category": "twist", "difficulty": "beginner"},
        {"slug": "knees-to-chest", "name": "Knees", "category": "seated", "difficulty": "beginner"},
        CORPSE,
    ],
)
def test_a_neutralising_pose_within_two_poses_is_fine(neutraliser):
    right_after = check(EASY, MOUNTAIN, CAMEL, neutraliser, CORPSE)
    second_after = check(EASY, MOUNTAIN, CAMEL, LOCUST, neutraliser, CORPSE)

    assert "backbend_not_neutralised" not in codes(right_after) + codes(second_after)


def test_backbends_in_a_row_share_the_neutralising_pose_after_them():
    in_a_row = check(EASY, MOUNTAIN, (WILD, "right", 30), (WILD, "left", 30), MOUNTAIN, FOLD)
    unneutralised = check(EASY, MOUNTAIN, CAMEL, CAMEL | {"slug": "bow"}, MOUNTAIN, LOCUST)

    assert "backbend_not_neutralised" not in codes(in_a_row)
    [finding] = [f for f in unneutralised if f.code == "backbend_not_neutralised"]
    assert finding.positions == (3, 4)


def test_wild_thing_on_both_sides_with_down_dog_between_is_one_backbend():
    # Down Dog between the sides, then Child's Pose: nothing to warn about, and if the
    # practice stood up between the sides without a fold the pair is still one block.
    lunge = MOUNTAIN | {"slug": "three-legged-dog", "name": "Three-Legged Dog"}
    fine = check(EASY, MOUNTAIN, (WILD, "right", 15), DOWN_DOG, (WILD, "left", 15), CHILD, CORPSE)
    one_block = check(EASY, MOUNTAIN, (WILD, "right", 15), lunge, (WILD, "left", 15), CHILD)

    assert "backbend_not_neutralised" not in codes(fine) + codes(one_block)


def test_a_supported_backbend_does_not_neutralise_a_backbend():
    findings = check(EASY, MOUNTAIN, CAMEL, SUPPORTED_FISH, LOCUST, CORPSE)

    [finding] = [f for f in findings if f.code == "backbend_not_neutralised"]
    assert finding.positions == (3,)


# --- inversion_not_countered ---------------------------------------------------------


def test_shoulder_stand_and_plough_need_a_backbend_for_the_neck():
    findings = check(EASY, FOLD, SHOULDER_STAND_ON_THE_NECK, PLOUGH, CHILD, FOLD | {"slug": "f2"})

    [finding] = [f for f in findings if f.code == "inversion_not_countered"]
    assert finding.severity == "warning"
    assert finding.positions == (3, 4)
    assert "Fish" in finding.message


@pytest.mark.parametrize("counter", [FISH, SUPPORTED_FISH])
def test_fish_or_supported_fish_after_plough_is_fine(counter):
    findings = check(EASY, FOLD, SHOULDER_STAND_ON_THE_NECK, PLOUGH, counter, CORPSE)

    assert "inversion_not_countered" not in codes(findings)


def test_headstand_and_legs_up_the_wall_need_no_backbend_for_the_neck():
    findings = check(EASY, FOLD, MOUNTAIN, HEADSTAND, CHILD, LEGS_UP, CORPSE, difficulty="advanced")

    assert "inversion_not_countered" not in codes(findings)


# --- no_warm_up ----------------------------------------------------------------


def test_an_advanced_inversion_first_is_an_error_and_second_a_warning():
    first = check(HEADSTAND, EASY, CORPSE, difficulty="advanced")
    second = check(EASY, SHOULDER_STAND, CORPSE, difficulty="advanced")

    assert [(f.severity, f.positions) for f in first if f.code == "no_warm_up"] == [("error", (1,))]
    assert [(f.severity, f.positions) for f in second if f.code == "no_warm_up"] == [
        ("warning", (2,))
    ]


def test_an_advanced_pose_of_any_kind_first_has_no_warm_up():
    advanced = MOUNTAIN | {"slug": "lotus", "name": "Lotus", "difficulty": "advanced"}

    assert "no_warm_up" in codes(check(advanced, EASY, difficulty="advanced"))


def test_a_peak_pose_after_two_warm_up_poses_and_a_beginner_inversion_first_are_fine():
    after_warm_up = check(EASY, MOUNTAIN, HEADSTAND, CHILD, difficulty="advanced")
    legs_up_first = check(LEGS_UP, CROW, CHILD)

    assert "no_warm_up" not in codes(after_warm_up) + codes(legs_up_first)


# --- too_advanced --------------------------------------------------------------


def test_advanced_poses_in_a_beginner_sequence_are_an_error_listing_them_all():
    findings = check(EASY, MOUNTAIN, HEADSTAND, CHILD, HEADSTAND | {"slug": "h2"}, CORPSE,
                     difficulty="beginner")  # fmt: skip

    [finding] = [f for f in findings if f.code == "too_advanced"]
    assert finding.severity == "error"
    assert finding.positions == (3, 5)
    assert finding.message.startswith("Poses 3 (Headstand) and 5 (Headstand) are advanced")


def test_intermediate_poses_in_a_beginner_sequence_are_only_a_hint():
    findings = check(EASY, MOUNTAIN, CROW, CORPSE, difficulty="beginner")

    assert [(f.severity, f.positions) for f in findings if f.code == "too_advanced"] == [
        ("hint", (3,))
    ]


def test_advanced_poses_in_an_intermediate_sequence_are_warned_wherever_they_are():
    late = check(EASY, MOUNTAIN, CHILD, FOLD, CHILD | {"slug": "c2"}, HEADSTAND, CORPSE,
                 difficulty="intermediate")  # fmt: skip

    assert [(f.severity, f.positions) for f in late if f.code == "too_advanced"] == [
        ("warning", (6,))
    ]


def test_advanced_poses_in_an_advanced_sequence_are_fine():
    advanced = check(EASY, MOUNTAIN, HEADSTAND, CHILD, difficulty="advanced")

    assert "too_advanced" not in codes(advanced)


# --- repeated_pose -------------------------------------------------------------


def test_the_same_pose_twice_in_a_row_is_warned():
    findings = check(EASY, MOUNTAIN, MOUNTAIN, CORPSE)

    [finding] = [f for f in findings if f.code == "repeated_pose"]
    assert finding.severity == "warning"
    assert finding.positions == (2, 3)


def test_the_same_side_of_a_bilateral_pose_twice_in_a_row_is_warned():
    findings = check(EASY, (WARRIOR, "right", 30), (WARRIOR, "right", 30))

    assert "repeated_pose" in codes(findings)


def test_right_then_left_and_a_pose_in_between_are_fine():
    sides = check(EASY, (WARRIOR, "right", 30), (WARRIOR, "left", 30))
    apart = check(EASY, MOUNTAIN, FOLD, MOUNTAIN)

    assert "repeated_pose" not in codes(sides) + codes(apart)


# --- off_target ----------------------------------------------------------------


def test_a_total_more_than_a_fifth_off_the_target_is_warned():
    # Warrior on both sides: 2 × 150 s + 30 s = 330 s against 600 s.
    findings = check(EASY, (WARRIOR, "both", 150), target_seconds=600)

    [finding] = [f for f in findings if f.code == "off_target"]
    assert finding.severity == "warning"
    assert "shorter" in finding.message


def test_a_total_within_a_fifth_of_the_target_or_no_target_is_fine():
    within = check(EASY, (WARRIOR, "both", 270), target_seconds=600)  # 570 s
    no_target = check(EASY, (WARRIOR, "both", 270))

    assert "off_target" not in codes(within) + codes(no_target)


# --- holds within each pose's range ------------------------------------------------------

PLANK = {
    "slug": "plank",
    "name": "Plank Pose",
    "category": "core",
    "difficulty": "beginner",
    "position": "hands_and_feet",
    "hold_min": 5,
    "hold_max": 60,
}
BOAT = PLANK | {"slug": "boat", "name": "Boat Pose", "position": "seated"}
RANGED_HEADSTAND = HEADSTAND | {"hold_min": 10, "hold_max": 180}
SPHINX = {
    "slug": "sphinx",
    "name": "Sphinx Pose",
    "category": "backbend",
    "difficulty": "beginner",
    "position": "prone",
    "effort": "passive",
    "hold_min": 20,
    "hold_max": 120,
    "long_hold_min": 120,
    "long_hold_max": 300,
}
RANGED_CORPSE = CORPSE | {"hold_min": 60, "long_hold_min": 180, "long_hold_max": 600}


@pytest.mark.parametrize(
    "pose", [RANGED_HEADSTAND, PLANK, BOAT], ids=["headstand", "plank", "boat"]
)
def test_a_ten_minute_hold_of_an_active_pose_is_an_error(pose):
    findings = check(EASY, MOUNTAIN, (pose, "both", 600), CHILD, difficulty="advanced")

    [finding] = [f for f in findings if f.code == "hold_too_long"]
    assert finding.severity == "error"
    assert finding.positions == (3,)
    assert "10 min" in finding.message


def test_a_hold_a_little_past_the_longest_is_a_warning():
    findings = check(EASY, (PLANK, "both", 90))

    [finding] = [f for f in findings if f.code == "hold_too_long"]
    assert finding.severity == "warning"
    assert "its longest hold is 1 min" in finding.message


def test_yin_and_restorative_holds_are_read_against_the_long_range():
    yin = check(EASY, (SPHINX, "both", 300), (RANGED_CORPSE, "both", 300), style="yin")
    hatha = check(EASY, (SPHINX, "both", 300), (RANGED_CORPSE, "both", 300), style="hatha")
    short_rest = check(EASY, (SPHINX, "both", 150), (RANGED_CORPSE, "both", 120), style="yin")

    assert "hold_too_long" not in codes(yin)
    [finding] = [f for f in hatha if f.code == "hold_too_long"]
    assert finding.positions == (2,)
    assert "in an active practice is 2 min" in finding.message
    [hint] = [f for f in short_rest if f.code == "hold_too_short"]
    assert (hint.severity, hint.positions) == ("hint", (3,))


def test_a_pose_without_a_long_range_keeps_its_active_range_in_yin():
    findings = check(EASY, (PLANK, "both", 240), CORPSE, style="yin")

    assert [f.severity for f in findings if f.code == "hold_too_long"] == ["error"]


# --- too_long --------------------------------------------------------------------------


def test_three_hours_of_nine_minute_holds_is_too_long_for_a_saved_sequence():
    holds = [(CORPSE | {"slug": f"rest-{n}"}, "both", 540) for n in range(20)]

    findings = check(EASY, *holds, CORPSE)

    [finding] = [f for f in findings if f.code == "too_long"]
    assert finding.severity == "warning"
    assert finding.message.startswith("The practice takes 3 h 01 min")


def test_two_hours_or_a_practice_with_a_target_is_not_too_long():
    holds = [(CORPSE | {"slug": f"rest-{n}"}, "both", 360) for n in range(20)]

    assert "too_long" not in codes(check(*holds))
    assert "too_long" not in codes(check(*holds, (CORPSE, "both", 600), target_seconds=7800))


# --- up_and_down -------------------------------------------------------------------------

BRIDGE = {
    "slug": "bridge",
    "name": "Bridge Pose",
    "category": "backbend",
    "difficulty": "beginner",
    "position": "supine",
}
STANDING = MOUNTAIN | {"position": "standing"}
SEATED = EASY | {"position": "seated"}
WARRIOR_STANDING = WARRIOR | {"position": "standing"}


def test_floor_standing_floor_standing_is_ping_pong():
    findings = check(SEATED, STANDING, BRIDGE, WARRIOR_STANDING, CORPSE)

    [finding] = [f for f in findings if f.code == "up_and_down"]
    assert finding.severity == "warning"
    assert finding.positions == (2, 3, 4, 5)
    assert "4 times" in finding.message


def test_up_once_and_down_once_is_a_class():
    findings = check(SEATED, DOWN_DOG, STANDING, WARRIOR_STANDING, BRIDGE, CORPSE)

    assert "up_and_down" not in codes(findings)
    assert [step.position for step in level_changes(steps(SEATED, STANDING, BRIDGE))] == [2, 3]


def test_poses_passed_through_in_a_flow_and_down_dog_do_not_count():
    cobra = BRIDGE | {"slug": "cobra", "name": "Cobra Pose", "position": "prone"}
    findings = check(
        SEATED, STANDING, (cobra, "both", 5), DOWN_DOG, (STANDING, "both", 10), WARRIOR_STANDING,
        BRIDGE, CORPSE,
    )  # fmt: skip

    assert "up_and_down" not in codes(findings)


# --- order and edge cases ----------------------------------------------------------


def test_findings_come_errors_first_then_by_position():
    findings = check(
        EASY,
        MOUNTAIN,
        MOUNTAIN,  # repeated (warning, 2)
        CROW,  # intermediate in beginner (hint, 4)
        (WARRIOR, "right", 30),  # one-sided (error, 5)
        HEADSTAND,  # advanced in beginner (error, 6)
        difficulty="beginner",
    )

    assert [(f.severity, f.code) for f in findings] == [
        ("error", "one_sided"),
        ("error", "too_advanced"),
        ("warning", "repeated_pose"),
        ("hint", "too_advanced"),
    ]


def test_an_empty_sequence_has_no_findings():
    assert check_sequence([], difficulty="beginner", target_seconds=None) == []


# --- the curated library ---------------------------------------------------------


@pytest.mark.django_db
def test_curated_sequences_have_no_errors():
    call_command("load_library", verbosity=0)
    curated = Sequence.objects.filter(author__isnull=True).prefetch_related("items__pose")

    errors = {
        sequence.slug: [f.message for f in findings_for(sequence) if f.severity == "error"]
        for sequence in curated
    }

    assert len(errors) >= 10
    assert {slug: found for slug, found in errors.items() if found} == {}


@pytest.mark.django_db
def test_curated_sequences_have_no_warnings_either():
    """Chair Yoga ends in a seated meditation and Bedtime Breathing in a body scan: both true
    endings; the rest of the library comes up and goes down once and holds within range."""
    call_command("load_library", verbosity=0)
    curated = Sequence.objects.filter(author__isnull=True).prefetch_related("items__pose")

    warnings = {
        sequence.slug: [f.message for f in findings_for(sequence) if f.severity == "warning"]
        for sequence in curated
    }

    assert {slug: found for slug, found in warnings.items() if found} == {}


# --- pages ---------------------------------------------------------------------------


def _one_sided_sequence(**kwargs):
    warrior = PoseFactory(name_en="Warrior II", is_bilateral=True)
    sequence = SequenceFactory(poses=[PoseFactory(), warrior], **kwargs)
    SequencePose.objects.filter(sequence=sequence, pose=warrior).update(side="right")
    return sequence


@pytest.mark.django_db
def test_the_detail_page_lists_findings_with_their_severity_in_words(client):
    sequence = _one_sided_sequence()

    response = client.get(sequence.get_absolute_url())

    content = response.content.decode()
    assert "Sequence checks" in content
    assert "Pose 2 (Warrior II) is done on the right side only; add the left side." in content
    assert 'sequence-check--error"' in content and ">Error<" in content


@pytest.mark.django_db
def test_the_detail_page_says_no_issues_found_when_all_is_well(client):
    sequence = SequenceFactory()

    response = client.get(sequence.get_absolute_url())

    assert "No issues found." in response.content.decode()


@pytest.mark.django_db
def test_the_builder_shows_the_checks_of_the_sequence_being_edited(client, user):
    sequence = _one_sided_sequence(author=user)
    client.force_login(user)

    response = client.get(reverse("sequences:edit", kwargs={"slug": sequence.slug}))

    assert [f.code for f in response.context["findings"]] == ["one_sided"]
    assert "add the left side" in response.content.decode()


# --- API ---------------------------------------------------------------------------


def checks_url(slug: str) -> str:
    return f"/api/v1/sequences/{slug}/checks"


@pytest.mark.django_db
def test_the_checks_endpoint_answers_findings_in_their_shape(api_client):
    sequence = _one_sided_sequence()

    response = api_client.get(checks_url(sequence.slug))

    assert response.status_code == 200
    assert response.json() == {
        "findings": [
            {
                "code": "one_sided",
                "severity": "error",
                "message": "Pose 2 (Warrior II) is done on the right side only; add the left side.",
                "positions": [2],
            }
        ]
    }


@pytest.mark.django_db
def test_the_checks_endpoint_answers_an_empty_list_when_all_is_well(api_client):
    sequence = SequenceFactory()

    assert api_client.get(checks_url(sequence.slug)).json() == {"findings": []}


@pytest.mark.django_db
def test_checks_of_another_users_private_sequence_are_a_404(
    api_client, auth_api_client, user, other_user
):
    private = SequenceFactory(author=other_user, visibility=Visibility.PRIVATE)
    own = SequenceFactory(author=user, visibility=Visibility.PRIVATE)

    assert auth_api_client.get(checks_url(private.slug)).status_code == 404
    assert api_client.get(checks_url(own.slug)).status_code == 404
    assert auth_api_client.get(checks_url(own.slug)).status_code == 200
    assert api_client.get(checks_url("no-such-sequence")).status_code == 404


@pytest.fixture(params=[10, 500], ids=["10-sequences", "500-sequences"])
def many_sequences(request, other_user):
    poses = PoseFactory.create_batch(3)
    sequences = Sequence.objects.bulk_create(
        Sequence(slug=f"bulk-{index}", title=f"Bulk {index:04d}", author=other_user,
                 visibility=Visibility.PUBLIC, pose_count=3, total_duration_seconds=90)
        for index in range(request.param)
    )  # fmt: skip
    SequencePose.objects.bulk_create(
        SequencePose(sequence=sequence, pose=pose, position=position, duration_seconds=30)
        for sequence in sequences
        for position, pose in enumerate(poses, start=1)
    )
    return sequences


@pytest.mark.parametrize("pose_count", [3, 60])
def test_the_checks_endpoint_query_count_does_not_grow(
    many_sequences, user, auth_api_client, pose_count, django_assert_max_num_queries
):
    SequenceFactory(slug="measured", author=user, poses=PoseFactory.create_batch(pose_count))

    # token blacklist, user, sequence (favorite flag), its poses (pose joined)
    with django_assert_max_num_queries(4):
        response = auth_api_client.get(checks_url("measured"))

    assert response.status_code == 200


@pytest.mark.django_db
def test_steps_follow_the_saved_order_and_sides(user):
    sequence = _one_sided_sequence(author=user)
    loaded = sequence_for_view(user=user, slug=sequence.slug)

    built = steps_for(loaded)

    assert [step.position for step in built] == [1, 2]
    assert (built[1].pose.name, built[1].side, built[1].pose.is_bilateral) == (
        "Warrior II",
        "right",
        True,
    )


# --- the builder in a browser ----------------------------------------------------------


@pytest.mark.browser
def test_the_builder_rechecks_after_a_change_sent_by_script(page, live_server, user):
    from playwright.sync_api import expect

    from sequences.tests.test_builder_browser import sign_in

    warrior = PoseFactory(name_en="Warrior II", is_bilateral=True)
    sequence = SequenceFactory(author=user, poses=[PoseFactory(), warrior])
    sign_in(page.context, live_server, user)
    page.goto(f"{live_server.url}/sequences/{sequence.slug}/edit/")
    checks = page.locator("[data-checks]")
    expect(checks).to_contain_text("No issues found.")

    page.locator("#item-2").get_by_label("Side", exact=True).select_option("right")
    page.get_by_role("button", name="Save: Warrior II").click()

    expect(checks).to_contain_text("Pose 2 (Warrior II) is done on the right side only")
    expect(checks.get_by_role("listitem")).to_contain_text("Error:")


# --- what the third teacher review caught (order and repetition) ---------------------------

REVERSE = {
    "slug": "reverse-warrior",
    "name": "Reverse Warrior",
    "category": "standing",
    "difficulty": "beginner",
    "is_bilateral": True,
}
CAT_COW = {
    "slug": "cat-cow",
    "name": "Cat-Cow",
    "category": "mobility",
    "difficulty": "beginner",
    "position": "kneeling",
}
SEATED_CAT_COW = CAT_COW | {"slug": "chair-cat-cow", "name": "Seated Cat-Cow", "position": "seated"}
HEAD_TO_KNEE = {
    "slug": "head-to-knee",
    "name": "Head-to-Knee Pose",
    "category": "forward_fold",
    "difficulty": "beginner",
    "position": "seated",
    "target_areas": ("hamstrings", "hips"),
    "is_bilateral": True,
}
SEATED_FOLD = HEAD_TO_KNEE | {"slug": "seated-forward-fold", "name": "Seated Forward Fold",
                              "is_bilateral": False}  # fmt: skip
WIDE_FOLD = SEATED_FOLD | {"slug": "wide-angle-seated-forward-fold", "name": "Wide-Angle Fold"}
TWISTS = [
    {"slug": slug, "name": slug, "category": "twist", "difficulty": "beginner",
     "position": "seated"}
    for slug in ("marichyasana-c", "half-lord-of-the-fishes", "bharadvajas-twist")
]  # fmt: skip
CHATURANGA = {
    "slug": "chaturanga",
    "name": "Chaturanga",
    "category": "core",
    "difficulty": "intermediate",
    "position": "hands_and_feet",
}


def test_reverse_warrior_without_warrior_ii_before_it_on_that_side_is_warned():
    # Practice 1 of the review: Reverse Warrior cold, straight from Cat-Cow.
    findings = check(CAT_COW, (REVERSE, "right", 30), (REVERSE, "left", 30))

    found = [f for f in findings if f.code == "not_entered_from"]
    assert [f.positions for f in found] == [(2,), (3,)]
    assert found[0].severity == "warning"
    assert "Warrior II" in found[0].message


def test_reverse_warrior_out_of_warrior_ii_on_each_side_is_fine():
    findings = check(
        (WARRIOR, "right", 30), (REVERSE, "right", 30), (WARRIOR, "left", 30),
        (REVERSE, "left", 30),
    )  # fmt: skip

    assert "not_entered_from" not in codes(findings)


def test_reverse_warrior_after_warrior_ii_on_the_other_side_only_is_warned():
    findings = check((WARRIOR, "right", 30), (REVERSE, "left", 30), (REVERSE, "right", 30))

    assert [f.positions for f in findings if f.code == "not_entered_from"] == [(2,)]


def test_a_hamstring_fold_or_a_twist_before_any_spinal_warm_up_is_a_hint():
    # Practices 5 and 14: Head-to-Knee before Cat-Cow; 17: Chaturanga with no warm spine.
    findings = check((HEAD_TO_KNEE, "right", 40), (HEAD_TO_KNEE, "left", 40), CAT_COW, TWISTS[0])
    cold = check((CHATURANGA, "both", 5), TWISTS[0])

    found = [f for f in findings if f.code == "fold_before_warm_spine"]
    assert [f.positions for f in found] == [(1, 2)]
    assert found[0].severity == "hint"
    assert [f.positions for f in cold if f.code == "fold_before_warm_spine"] == [(1, 2)]


@pytest.mark.parametrize("spine", [CAT_COW, SEATED_CAT_COW])
def test_folds_and_twists_after_cat_cow_or_seated_cat_cow_are_fine(spine):
    findings = check(spine, (HEAD_TO_KNEE, "right", 40), (HEAD_TO_KNEE, "left", 40), TWISTS[0])

    assert "fold_before_warm_spine" not in codes(findings)


def test_yin_warms_the_spine_in_its_long_holds():
    findings = check((SEATED_FOLD, "both", 240), style="yin")

    assert "fold_before_warm_spine" not in codes(findings)


def test_three_seated_twists_or_folds_in_a_row_are_a_hint():
    # Practice 4: three seated twists, then three seated folds.
    findings = check(CAT_COW, *TWISTS, SEATED_FOLD, (HEAD_TO_KNEE, "right", 40),
                     (HEAD_TO_KNEE, "left", 40), WIDE_FOLD)  # fmt: skip

    found = [f for f in findings if f.code == "same_kind_in_a_row"]
    assert [f.positions for f in found] == [(2, 3, 4), (5, 6, 8)]
    assert "twists in a row" in found[0].message


def test_two_of_a_kind_or_both_sides_of_one_fold_are_not_three_in_a_row():
    findings = check(CAT_COW, *TWISTS[:2], CAT_COW, (HEAD_TO_KNEE, "right", 40),
                     (HEAD_TO_KNEE, "left", 40), SEATED_FOLD)  # fmt: skip

    assert "same_kind_in_a_row" not in codes(findings)


def test_a_flow_repeated_word_for_word_is_a_hint_and_a_longer_second_round_is_not():
    # Practices 9 and 17: "Once more" with the same poses, sides and holds.
    def flow(seconds):
        return [(pose, side, seconds) for side in ("right", "left") for pose in (WARRIOR, REVERSE)]

    same = check(CAT_COW, *flow(40), *flow(40), CORPSE)
    longer = check(CAT_COW, *flow(40), *flow(45), CORPSE)

    found = [f for f in same if f.code == "identical_round"]
    assert [f.positions for f in found] == [(6, 7, 8, 9)]
    assert "identical_round" not in codes(longer)


def test_sun_salutation_rounds_passed_a_breath_a_movement_are_not_a_copied_round():
    salute = [(MOUNTAIN, "both", 5), (DOWN_DOG, "both", 5), (CHATURANGA, "both", 5)]

    findings = check(CAT_COW, *salute, *salute, CORPSE)

    assert "identical_round" not in codes(findings)


# --- suggestions respect the avoid choices (review r4, practice 11) ---------------------------

PRONE_SPHINX = {
    "slug": "sphinx",
    "name": "Sphinx Pose",
    "category": "backbend",
    "difficulty": "beginner",
    "position": "prone",
    "effort": "passive",
}
BIRD_DOG = {
    "slug": "balancing-table",
    "name": "Balancing Table (Bird Dog)",
    "category": "core",
    "difficulty": "beginner",
    "position": "kneeling",
    "is_bilateral": True,
}


@pytest.mark.parametrize("extension", [PRONE_SPHINX, LOCUST, (BIRD_DOG, "right", 30)])
def test_held_spinal_extension_warms_the_spine_before_a_fold(extension):
    # Practice 11: Bird Dog, Sphinx and Locust had moved the spine a lot before the fold.
    findings = check(extension, (HEAD_TO_KNEE, "right", 40), (HEAD_TO_KNEE, "left", 40))

    assert "fold_before_warm_spine" not in codes(findings)


def test_cobra_passed_through_for_a_breath_does_not_warm_the_spine():
    findings = check((PRONE_SPHINX | {"slug": "cobra", "name": "Cobra"}, "both", 5), TWISTS[0])

    assert [f.positions for f in findings if f.code == "fold_before_warm_spine"] == [(2,)]


def test_the_warm_spine_hint_names_cat_cow_when_nothing_is_avoided():
    (found,) = [f for f in check(TWISTS[0]) if f.code == "fold_before_warm_spine"]

    assert "Cat-Cow" in found.message


def test_the_warm_spine_hint_names_no_cat_cow_when_rounding_the_spine_is_avoided():
    findings = check_sequence(steps(TWISTS[0]), difficulty="beginner", avoid=["osteoporosis_safe"])

    (found,) = [f for f in findings if f.code == "fold_before_warm_spine"]
    assert "Cat-Cow" not in found.message
    assert "Sphinx" in found.message and "Bridge" in found.message


def _library():
    from poses.library import POSES_FILE, read_rows

    cards = (PoseCard.from_fields(row) for row in read_rows(POSES_FILE, kind="pose"))
    return {card.slug: card for card in cards}


def test_the_poses_a_suggestion_names_carry_the_library_s_cautions():
    from sequences import checks

    aliases = {
        "Cat-Cow": "cat-cow",
        "Seated Cat-Cow (hands on the knees)": "chair-cat-cow",
        "Sphinx": "sphinx",
        "Bridge": "bridge",
        "Child's Pose": "childs-pose",
        "Knees-to-Chest": "knees-to-chest",
        "Crocodile": "crocodile",
        "Fish": "fish",
        "Supported Fish": "supported-fish",
    }
    by_slug = _library()
    tables = (checks.SPINE_WARMERS, checks.BACKBEND_NEUTRALISERS, checks.NECK_COUNTERS)
    for name, cautions in (option for table in tables for option in table):
        if name.startswith("a "):
            continue  # a kind of pose, not one pose
        assert set(by_slug[aliases[name]].cautions) <= set(cautions), name


@pytest.mark.parametrize("avoid", [[value] for value in Avoidance.values] + [Avoidance.values])
def test_no_suggestion_names_a_pose_the_avoid_choices_leave_out(avoid):
    from sequences import checks

    avoided = cautions_avoided(avoid)
    shoulder_stand = PLOUGH | {"slug": "supported-shoulder-stand", "name": "Shoulder Stand"}
    findings = check_sequence(
        steps(TWISTS[0], CAMEL, MOUNTAIN, MOUNTAIN | {"slug": "m2"}, shoulder_stand),
        difficulty="advanced",
        avoid=avoid,
    )

    messages = [f.message.split(";", 1)[1] for f in findings if f.code in SUGGESTING]
    assert len(messages) == 3
    tables = (checks.SPINE_WARMERS, checks.BACKBEND_NEUTRALISERS, checks.NECK_COUNTERS)
    for name, cautions in (option for table in tables for option in table):
        if cautions & avoided:
            pattern = rf"(?<!Supported )(?<!Seated ){re.escape(name)}"
            assert not any(re.search(pattern, m) for m in messages), (avoid, name, messages)


SUGGESTING = ("fold_before_warm_spine", "backbend_not_neutralised", "inversion_not_countered")


@pytest.mark.django_db
def test_a_saved_sequence_s_checks_respect_the_reader_s_avoid_choices(client, user):
    fold = PoseFactory(
        name_en="Seated Twist", category="twist", position="seated", target_areas=["spine"]
    )
    sequence = SequenceFactory(author=user, poses=[fold])
    user.avoid = ["osteoporosis_safe"]
    user.save()

    anonymous = client.get(reverse("sequences:edit", kwargs={"slug": sequence.slug}))
    client.force_login(user)
    page = client.get(reverse("sequences:edit", kwargs={"slug": sequence.slug})).content.decode()
    detail = client.get(sequence.get_absolute_url()).content.decode()

    assert anonymous.status_code in (302, 404)
    assert "before the spine has" in page and "before the spine has" in detail
    assert "Cat-Cow" not in page and "Cat-Cow" not in detail
    assert "Sphinx" in page


@pytest.mark.django_db
def test_the_checks_endpoint_respects_the_reader_s_avoid_choices(auth_api_client, user):
    twist = PoseFactory(category="twist", position="seated", target_areas=["spine"])
    sequence = SequenceFactory(author=user, poses=[twist])

    before = auth_api_client.get(checks_url(sequence.slug)).json()["findings"]
    user.avoid = ["osteoporosis_safe"]
    user.save()
    after = auth_api_client.get(checks_url(sequence.slug)).json()["findings"]
    detail = auth_api_client.get(f"/api/v1/sequences/{sequence.slug}").json()["checks"]

    assert "Cat-Cow" in before[0]["message"]
    assert "Cat-Cow" not in after[0]["message"] and "Sphinx" in after[0]["message"]
    assert "Cat-Cow" not in detail[0]["message"]
