"""Issue 13 on a phone: a navigation menu a phone user finds, and a year calendar that keys
can reach; on the desktop the links stay in view."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from practice.stats import local_today
from practice.tests.factories import PracticeSessionFactory
from yogaflow.core.testing.browser import assert_accessible, log_in_and_wait

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
LINKS = ["History", "Stats", "Badges", "Profile"]


def test_on_a_phone_the_menu_button_opens_every_link_and_escape_closes_it(page, user):
    log_in_and_wait(page, user.email)
    page.set_viewport_size(PHONE)
    page.goto("/")
    nav = page.get_by_role("navigation", name="Main")
    menu = nav.get_by_role("button", name="Menu")

    expect(menu).to_be_visible()
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(nav.get_by_role("link", name="History")).to_be_hidden()
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    for name in LINKS:
        link = nav.get_by_role("link", name=name)
        expect(link).to_be_visible()
        assert link.bounding_box()["x"] + link.bounding_box()["width"] <= PHONE["width"]
    expect(nav.get_by_role("button", name="Log out")).to_be_visible()
    assert_accessible(page)
    page.keyboard.press("Escape")
    expect(nav.get_by_role("link", name="History")).to_be_hidden()

    menu.click()
    nav.get_by_role("link", name="Stats").click()
    expect(page).to_have_url(f"{page.url.split('/practice')[0]}/practice/stats/")


def test_on_the_desktop_the_links_are_in_view_without_a_menu(page, user):
    log_in_and_wait(page, user.email)
    page.set_viewport_size({"width": 1280, "height": 800})
    nav = page.get_by_role("navigation", name="Main")

    expect(nav.get_by_role("button", name="Menu")).to_be_hidden()
    for name in LINKS:
        expect(nav.get_by_role("link", name=name)).to_be_visible()


def test_the_year_calendar_on_a_phone_is_reached_and_scrolled_by_keyboard(page, user):
    today = local_today(user)
    for offset in (0, 40, 200):
        PracticeSessionFactory(user=user, local_date=today - timedelta(days=offset))
    log_in_and_wait(page, user.email)
    page.set_viewport_size(PHONE)
    page.goto("/practice/stats/")
    region = page.get_by_role(
        "region", name="Practice calendar of the last year (scrolls sideways)"
    )

    assert region.evaluate("el => el.scrollWidth > el.clientWidth")  # it does scroll sideways
    region.focus()
    expect(region).to_be_focused()
    before = region.evaluate("el => el.scrollLeft")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("End")
    page.wait_for_function(
        "before => document.querySelector('.heatmap').scrollLeft > before", arg=before
    )
    assert_accessible(page)
