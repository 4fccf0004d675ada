"""Today's practice played unsaved in a real Chromium: the player takes the generated steps and
the recording keeps the practice's title."""

import re

import pytest
from playwright.sync_api import expect

from practice.models import PracticeSession
from sequences.models import Sequence
from sequences.tests.today_browser import ask_for_ten_minutes_of_hips
from yogaflow.core.testing.browser import log_in_and_wait

pytestmark = pytest.mark.browser


def test_practise_now_plays_it_unsaved_and_records_it_by_title(page, live_curated_library, user):
    log_in_and_wait(page, user.email)
    page.goto("/")
    ask_for_ten_minutes_of_hips(page)
    first = page.locator(".today-step__pose").first.inner_text()
    first_reason = page.locator(".today-step__reason").first.inner_text()

    page.get_by_role("link", name="Practise now").click()

    expect(page.locator("#player-title")).to_have_text(first)
    expect(page.locator("#player-cue")).to_have_text(first_reason)
    title = page.locator(".player__sequence").inner_text()

    page.get_by_role("button", name="Begin").click()
    page.get_by_role("button", name="End early").click()
    page.get_by_role("button", name="End practice").click()

    expect(page).to_have_url(re.compile(r"/practice/sessions/\d+/summary/"))
    expect(page.get_by_text(title)).to_be_visible()
    expect(page.get_by_role("heading", name="How were the poses?")).to_be_visible()
    expect(page.get_by_role("group", name=f"Your take on {first}")).to_be_visible()
    session = PracticeSession.objects.get(user=user)
    assert (session.sequence, session.sequence_title, session.focus) == (None, title, "hips")
    assert not Sequence.objects.filter(author=user).exists()
