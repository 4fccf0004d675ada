"""Pose figures in a real Chromium at desktop and phone widths: the library's cards, the pose
page (large, and the left side of a two-sided pose), the admin's live preview; axe-core.

Screenshots go to a temporary folder outside the repository (BROWSER_SHOTS names another).
"""

import json
import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from poses.tests.factories import PoseFactory
from yogaflow.core.testing.browser import assert_accessible

pytestmark = pytest.mark.browser

CROW = {
    "view": "side",
    "angles": {"torso": 75, "hip_r": 130, "knee_r": 140, "hip_l": 130, "knee_l": 140},
}


@pytest.fixture
def triangle(transactional_db):
    return PoseFactory(slug="triangle", name_en="Triangle", is_bilateral=True)


def natural_widths(page: Page, selector: str) -> list[int]:
    page.wait_for_function(
        "sel => [...document.querySelectorAll(sel)].every(i => i.complete && i.naturalWidth)",
        arg=selector,
    )
    return page.eval_on_selector_all(selector, "images => images.map(i => i.naturalWidth)")


def test_every_library_card_shows_its_own_figure(page, live_server, width, shots):
    poses = [PoseFactory(name_en=f"Pose {letter}") for letter in "ABC"]
    page.goto("/poses/")

    pictures = page.locator(".pose-card img.pose-picture")
    expect(pictures).to_have_count(3)
    assert natural_widths(page, ".pose-card img.pose-picture") == [240] * 3
    sources = [
        re.sub(r"^https?://[^/]+", "", src)
        for src in pictures.evaluate_all("images => images.map(i => i.src)")
    ]
    assert sources == [pose.figure_src for pose in poses]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=shots / f"library-{width}.png", full_page=True)
    assert_accessible(page)


def test_the_pose_page_shows_the_figure_large_and_its_left_side(
    page, live_server, width, triangle, shots
):
    page.goto("/poses/triangle/")

    right = page.get_by_role("img", name="Triangle", exact=True)
    left = page.get_by_role("img", name="Triangle, left side")
    expect(right).to_be_visible()
    expect(left).to_be_visible()
    expect(page.get_by_text("Left side", exact=True)).to_be_visible()
    assert natural_widths(page, ".pose-detail__figure img") == [240, 240]
    assert right.bounding_box()["width"] > left.bounding_box()["width"]
    assert right.bounding_box()["width"] >= min(width - 40, 320) * 0.5
    page.screenshot(path=shots / f"pose-{width}.png", full_page=True)
    assert_accessible(page)


def test_the_admin_redraws_the_figure_as_staff_type_and_says_what_is_wrong(
    page, live_server, staff_user, triangle, shots
):
    staff_user.is_superuser = True
    staff_user.save()
    client = Client()
    client.force_login(staff_user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"/admin/poses/pose/{triangle.pk}/change/")
    right = page.locator('img[data-figure-side="right"]')
    left = page.locator('img[data-figure-side="left"]')
    before = right.get_attribute("src")
    assert "Triangle" in before  # the stored figure, titled

    page.locator("#id_figure").fill(json.dumps(CROW, indent=2))

    expect(right).not_to_have_attribute("src", before)
    expect(left).to_have_attribute("src", re.compile("Triangle%2C%20left%20side"))
    expect(page.locator("[data-figure-status]")).to_have_text("")
    page.locator("#id_figure").fill('{"view": "side", "angles": {"knee_r": 200}}')
    expect(page.locator("[data-figure-status]")).to_contain_text(
        'Angle "knee_r" is 200°, outside its range 0..180°'
    )
    expect(page.locator(".figure-preview--stale")).to_have_count(1)
    page.locator(".form-row.field-figure").screenshot(path=shots / "admin-figure-preview.png")
