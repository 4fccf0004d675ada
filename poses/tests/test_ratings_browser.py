"""Practitioner preferences in a real Chromium: thumbs down on a pose page, undo it from the
profile, tick a caution to avoid; axe-core on both pages."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import User
from accounts.tests.factories import UserFactory
from poses.selectors import rating_for
from poses.tests.factories import PoseFactory
from yogaflow.core.testing.browser import assert_accessible, log_in_and_wait

pytestmark = pytest.mark.browser


@pytest.fixture
def member(transactional_db):
    return UserFactory(email="mira@example.com", display_name="Mira")


@pytest.fixture
def crow(transactional_db):
    return PoseFactory(slug="crow", name_en="Crow", category="balance", cautions=["wrist_load"])


def test_journey_thumbs_down_a_pose_see_it_on_the_profile_and_undo_it(page, member, crow):
    log_in_and_wait(page, member.email)
    page.goto("/poses/crow/")
    take = page.get_by_role("group", name="Your take on Crow")
    leave_out = take.get_by_role("button", name="Leave out of my practices")
    expect(leave_out).to_have_attribute("aria-pressed", "false")
    assert_accessible(page)

    leave_out.click()

    expect(page).to_have_url(re.compile(r"/poses/crow/$"))
    expect(page.get_by_role("status")).to_contain_text("“Crow” will be left out")
    expect(leave_out).to_have_attribute("aria-pressed", "true")
    expect(take.get_by_role("button", name="More like this")).to_have_attribute(
        "aria-pressed", "false"
    )
    assert rating_for(member, crow) == "down"

    page.goto("/accounts/profile/")
    left_out = page.get_by_role("list", name="Poses you've asked to leave out")
    expect(left_out.get_by_role("link", name="Crow")).to_be_visible()
    assert_accessible(page)

    left_out.get_by_role("button", name="Undo: Crow").click()

    expect(page).to_have_url(re.compile(r"/accounts/profile/$"))
    expect(page.get_by_role("status")).to_contain_text("Your take on “Crow” is cleared.")
    expect(page.get_by_role("list", name="Poses you've asked to leave out")).to_have_count(0)
    assert rating_for(member, crow) is None


def test_ticking_no_inversions_on_the_profile_is_saved(page, member):
    log_in_and_wait(page, member.email)
    page.goto("/accounts/profile/")
    avoid = page.get_by_role("group", name="Poses to avoid")
    no_inversions = avoid.get_by_role("checkbox", name="No inversions")
    expect(no_inversions).not_to_be_checked()
    expect(no_inversions).to_have_accessible_description(
        "Leaves out poses with the hips and legs above the head. Also the head below the "
        "heart (Downward Dog, standing folds) and holding the breath."
    )

    no_inversions.check()
    page.get_by_role("button", name="Save changes").click()

    expect(page.get_by_role("status")).to_contain_text("Your profile has been saved.")
    expect(page.get_by_role("checkbox", name="No inversions")).to_be_checked()
    expect(page.get_by_role("checkbox", name="Back care")).not_to_be_checked()
    assert User.objects.get(pk=member.pk).avoid == ["no_inversions"]
    assert_accessible(page)
