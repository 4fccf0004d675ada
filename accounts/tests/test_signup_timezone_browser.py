"""Sign-up takes the device's time zone (static/js/device-timezone.js), shown and changeable."""

import pytest
from playwright.sync_api import expect

from accounts.models import User

pytestmark = pytest.mark.browser

PASSWORD = "Warrior-Two-2025"


@pytest.fixture
def new_york_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, timezone_id="America/New_York")
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_sign_up_in_new_york_starts_on_new_york_and_keeps_it(new_york_page):
    page = new_york_page
    page.goto("/accounts/signup/")
    zone = page.get_by_label("Time zone")

    expect(zone).to_have_value("America/New_York")
    expect(page.get_by_text("Set from this device: America/New_York")).to_be_visible()
    page.get_by_label("Email address").fill("ny@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    assert User.objects.get(email="ny@example.com").timezone == "America/New_York"


def test_a_zone_chosen_by_hand_wins_over_the_device(new_york_page):
    page = new_york_page
    page.goto("/accounts/signup/")
    page.get_by_label("Time zone").select_option("Asia/Kolkata")
    page.get_by_label("Email address").fill("not-an-email")
    page.get_by_role("button", name="Create account").click()

    # The form came back with an error: the choice made stays, the device does not undo it.
    expect(page.get_by_label("Time zone")).to_have_value("Asia/Kolkata")
