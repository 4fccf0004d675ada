"""The history pages in a real Chromium: log a practice, find it, edit it, delete it; axe-core."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from practice.models import PracticeSession
from yogaflow.core.testing.browser import assert_accessible, log_in_and_wait

pytestmark = pytest.mark.browser


def test_journey_log_find_edit_and_delete_a_practice(page, user):
    log_in_and_wait(page, user.email)
    two_days_ago = timezone.localdate() - timedelta(days=2)

    page.get_by_role("navigation").get_by_role("link", name="History").click()
    expect(page.get_by_text("No practice recorded yet.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("main").get_by_role("link", name="Log a practice", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Log a practice")
    assert_accessible(page)
    page.get_by_label("Date").fill(two_days_ago.isoformat())
    page.get_by_label("Start time").fill("07:15")
    page.get_by_label("Duration in minutes").fill("45")
    page.get_by_label("Style").select_option("vinyasa")
    page.get_by_label("Title").fill("Studio class")
    page.get_by_label("Mood after").select_option("4")
    page.get_by_role("button", name="Log practice").click()

    expect(page.get_by_role("status")).to_contain_text("Logged your practice.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Studio class")
    expect(page.get_by_text("07:15")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("navigation").get_by_role("link", name="History").click()
    page.get_by_label("Style").select_option("vinyasa")
    page.get_by_role("button", name="Show sessions").click()
    row = page.locator(".session-row", has_text="Studio class")
    expect(row).to_contain_text("Vinyasa")
    expect(row).to_contain_text("45:00")
    row.get_by_role("link", name="Studio class").click()

    page.get_by_label("Notes").fill("Strong standing poses.")
    page.get_by_role("button", name="Save notes").click()
    expect(page.get_by_role("status")).to_contain_text("Saved your notes.")
    expect(page.get_by_label("Notes")).to_have_value("Strong standing poses.")

    page.get_by_role("link", name="Delete this practice").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Delete this practice?")
    assert_accessible(page)
    page.get_by_role("button", name="Delete practice").click()

    expect(page).to_have_url(re.compile(r"/practice/sessions/$"))
    expect(page.get_by_role("status")).to_contain_text("Deleted the practice of")
    expect(page.get_by_text("No practice recorded yet.")).to_be_visible()
    assert not PracticeSession.objects.filter(user=user).exists()


def test_a_refused_manual_log_is_accessible_with_its_errors(page, user):
    log_in_and_wait(page, user.email)
    page.goto("/practice/sessions/new/")

    page.get_by_label("Duration in minutes").fill("0")
    page.get_by_role("button", name="Log practice").click()

    expect(page.get_by_role("alert")).to_contain_text("Duration in minutes")
    assert_accessible(page)


def test_history_and_the_navigation_fit_a_360_px_phone(page, user):
    page.set_viewport_size({"width": 360, "height": 740})
    log_in_and_wait(page, user.email)
    page.goto("/practice/sessions/new/")
    page.get_by_label("Title").fill("A very long title for a studio class downtown, with friends")
    page.get_by_label("Date").fill((timezone.localdate() - timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Log practice").click()
    expect(page.get_by_role("status")).to_contain_text("Logged your practice.")

    for path in ("/practice/sessions/", page.url):
        page.goto(path)
        nav = page.get_by_role("navigation")
        # A low header: the links fold behind a Menu button, which opens them all in view.
        height = page.evaluate(
            "document.querySelector('.site-header').getBoundingClientRect().height"
        )
        assert height < 80, f"the header is {height}px high"
        nav.get_by_role("button", name="Menu").click()
        expect(nav.get_by_role("link", name="Badges")).to_be_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} scrolls sideways ({width}px)"
