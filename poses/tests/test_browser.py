"""The pose pages in a real Chromium: search and open a pose, and axe-core checks."""

import re

import pytest
from playwright.sync_api import expect

from poses.tests.factories import PoseFactory
from yogaflow.core.testing.browser import assert_accessible

pytestmark = pytest.mark.browser


@pytest.fixture
def down_dog(transactional_db):
    pose = PoseFactory(
        slug="downward-facing-dog",
        name_en="Downward-Facing Dog",
        name_sa="Adho Mukha Śvānāsana",
        category="forward_fold",
        description="An upside-down V that lengthens the whole back of the body.",
        instructions=["Start on hands and knees.", "Lift the hips up and back.", "Breathe."],
        benefits=["Stretches the hamstrings and calves"],
        target_areas=["hamstrings", "shoulders"],
        contraindications="Avoid in late pregnancy.",
        modifications="Bend the knees generously.",
        is_bilateral=False,
    )
    PoseFactory.create_batch(5)
    return pose


def test_journey_search_the_library_by_sanskrit_and_open_a_pose(page, down_dog):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Poses").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Pose library")

    page.get_by_label("Search").fill("svanasana")
    page.get_by_role("button", name="Find poses").click()

    expect(page).to_have_url(re.compile(r"/poses/\?q=svanasana"))
    expect(page.get_by_text("1 pose", exact=True)).to_be_visible()
    page.get_by_role("link", name="Downward-Facing Dog").click()

    expect(page).to_have_url(re.compile(r"/poses/downward-facing-dog/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Downward-Facing Dog")
    expect(page.get_by_role("img", name="Downward-Facing Dog")).to_be_visible()
    expect(page.get_by_role("heading", name="Cautions")).to_be_visible()
    steps = page.locator("ol.steps > li")
    expect(steps).to_have_text(down_dog.instructions)


def test_library_filters_by_category_from_the_form(page, down_dog):
    page.goto("/poses/")
    page.get_by_label("Category").select_option(label="Forward fold")
    page.get_by_role("button", name="Find poses").click()

    expect(page.locator(".pose-card")).to_have_count(1)
    expect(page.get_by_label("Category")).to_have_value("forward_fold")


@pytest.mark.parametrize(
    "path",
    ["/poses/", "/poses/?difficulty=expert", "/poses/downward-facing-dog/"],
    ids=["library", "library-with-errors", "detail"],
)
def test_pose_page_has_no_serious_accessibility_violations(page, down_dog, path):
    page.goto(path)
    expect(page.locator("main#main")).to_be_visible()

    assert_accessible(page)
