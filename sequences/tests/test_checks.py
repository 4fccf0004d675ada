"""Sequence checks: each rule firing and not, their order, the curated library, page and API."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from poses.tests.factories import PoseFactory
from sequences.checks import Step, check_sequence, findings_for, steps_for
from sequences.models import Sequence, SequencePose, Visibility
from sequences.selectors import sequence_for_view
from sequences.tests.factories import SequenceFactory

CORPSE = {
    "slug": "corpse",
    "name": "Corpse Pose",
    "category": "restorative",
    "difficulty": "beginner",
}
CHILD = {
    "slug": "childs-pose",
    "name": "Child's Pose",
    "category": "restorative",
    "difficulty": "beginner",
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


def steps(*specs) -> list[Step]:
    """Steps at positions 1.. from (pose, side, seconds) or pose dicts (both sides, 30 s)."""
    result = []
    for position, spec in enumerate(specs, start=1):
        pose, side, seconds = spec if isinstance(spec, tuple) else (spec, "both", 30)
        result.append(Step(position=position, side=side, duration_seconds=seconds, **pose))
    return result


def codes(findings) -> list[str]:
    return [finding.code for finding in findings]


def check(*specs, difficulty="intermediate", target_seconds=None):
    return check_sequence(steps(*specs), difficulty=difficulty, target_seconds=target_seconds)


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


@pytest.mark.parametrize("last", [CORPSE, CHILD, FOLD | {"slug": "savasana"}])
def test_ending_with_corpse_or_a_restorative_pose_is_fine(last):
    assert "no_final_relaxation" not in codes(check(EASY, (MOUNTAIN, "both", 600), last))


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


def test_advanced_poses_in_an_intermediate_or_advanced_sequence_are_fine():
    intermediate = check(EASY, MOUNTAIN, HEADSTAND, CHILD, difficulty="intermediate")
    advanced = check(EASY, MOUNTAIN, HEADSTAND, CHILD, difficulty="advanced")

    assert "too_advanced" not in codes(intermediate) + codes(advanced)


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
    assert (built[1].name, built[1].side, built[1].is_bilateral) == ("Warrior II", "right", True)


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
