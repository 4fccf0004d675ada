"""The badges page in a real Chromium: earned and locked badges, checked with axe-core."""

from datetime import datetime

import pytest
from playwright.sync_api import expect

from accounts.tests.factories import UserFactory
from achievements.tests.helpers import UTC, award, practise_days
from yogaflow.core.testing.browser import assert_accessible, log_in_and_wait

# A live server commits for real; the root conftest puts the launch badges back after flushes.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_badges_page_shows_earned_and_locked_badges_accessibly(page):
    user = UserFactory()
    practise_days(user, 4)
    award(user, "first-practice", datetime(2026, 1, 9, 8, 0, tzinfo=UTC))
    log_in_and_wait(page, user.email)

    page.get_by_role("link", name="Badges").click()

    expect(page.get_by_role("heading", name="Your badges", level=1)).to_be_visible()
    earned = page.locator(".badge--earned")
    expect(earned).to_have_count(1)
    expect(earned).to_contain_text("First steps")
    expect(earned).to_contain_text("9 January 2026")
    expect(page.get_by_role("progressbar", name="Progress towards A full week")).to_have_attribute(
        "aria-valuenow", "4"
    )
    expect(page.get_by_text("4 / 7 days")).to_be_visible()
    assert_accessible(page)


def test_badges_page_of_a_new_member_is_accessible_on_a_phone(page):
    user = UserFactory()
    page.set_viewport_size({"width": 360, "height": 740})
    log_in_and_wait(page, user.email)

    page.goto("/badges/")

    expect(page.get_by_text("No badges yet")).to_be_visible()
    assert_accessible(page)
