"""The stats page in a real Chromium: calendar and chart drawn, a day links to its sessions, axe."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from practice.stats import local_today
from practice.tests.factories import PracticeSessionFactory
from sequences.tests.factories import SequenceFactory
from yogaflow.core.testing.browser import assert_accessible, log_in_and_wait

pytestmark = pytest.mark.browser


def test_stats_page_draws_the_calendar_and_chart_and_a_day_opens_its_history(page, user):
    today = local_today(user)
    sequence = SequenceFactory(poses=4, style="vinyasa", focus="hips")
    for offset, minutes in [(0, 35), (1, 20), (2, 50), (5, 10), (9, 25), (30, 40), (60, 15)]:
        PracticeSessionFactory(
            user=user,
            local_date=today - timedelta(days=offset),
            duration_seconds=minutes * 60,
            sequence=sequence,
            poses_completed=3,
            style="vinyasa" if offset % 2 else "yin",
            focus="hips",
        )
    log_in_and_wait(page, user.email)

    page.goto("/practice/stats/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Your practice")
    expect(page.get_by_role("img", name=re.compile(r"^Practice calendar from"))).to_be_visible()
    expect(
        page.get_by_role("img", name=re.compile(r"^Minutes of practice per week"))
    ).to_be_visible()
    expect(page.locator(".heatmap rect.heat--4")).to_have_count(1)
    assert_accessible(page)
    page.set_viewport_size({"width": 1100, "height": 1700})
    page.screenshot(path="/tmp/stats-page.png", full_page=True)

    label = f"{today.day} {today:%B %Y}: 35 minutes"
    page.get_by_role("link", name=label).click()

    expect(page).to_have_url(re.compile(rf"/practice/sessions/\?day={today:%Y-%m-%d}$"))
