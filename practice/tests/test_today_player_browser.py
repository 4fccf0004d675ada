"""Today's practice played unsaved in a real Chromium: the player takes the generated steps
(with their figures) and the recording keeps the practice's title."""

import re

import pytest
from playwright.sync_api import expect

from practice.models import PracticeSession
from sequences.models import Sequence
from sequences.tests.today_browser import ask_for_ten_minutes_of_hips
from yogaflow.core.testing.browser import assert_accessible, log_in_and_wait

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
    page.wait_for_timeout(2500)  # the first pose held a moment: the one step done
    page.get_by_role("button", name="End early").click()
    page.get_by_role("button", name="End practice").click()

    expect(page).to_have_url(re.compile(r"/practice/sessions/\d+/summary/"))
    expect(page.get_by_text(title)).to_be_visible()
    expect(page.get_by_role("heading", name="How were the poses?")).to_be_visible()
    # The summary offers the poses the session stored as done: only the first.
    expect(page.get_by_role("group", name=f"Your take on {first}")).to_be_visible()
    expect(page.locator(".pose-ratings__item")).to_have_count(1)
    session = PracticeSession.objects.get(user=user)
    assert (session.sequence, session.sequence_title, session.focus) == (None, title, "hips")
    assert not Sequence.objects.filter(author=user).exists()


def test_the_generated_practice_plays_with_its_figures_and_fits_a_phone(
    page, live_curated_library, user
):
    page.set_viewport_size({"width": 390, "height": 844})
    log_in_and_wait(page, user.email)
    page.goto("/sequences/today/?minutes=20&level=beginner&style=hatha&focus=hips&seed=11")
    names = page.locator(".today-step__pose").all_inner_texts()

    page.get_by_role("link", name="Practise now").click()

    image, upcoming = page.locator("#player-image"), page.locator("#player-next-image")
    expect(image).to_have_attribute("src", re.compile(r"/poses/[\w-]+/figure\.svg\?v=\w+"))
    expect(upcoming).to_have_attribute("src", re.compile(r"/poses/[\w-]+/figure\.svg\?v=\w+"))
    expect(page.locator("#player-next")).to_have_text(f"Next: {names[1]}")
    upcoming_src = upcoming.get_attribute("src")
    page.get_by_role("button", name="Begin").click()
    page.keyboard.press("ArrowRight")
    expect(page.locator("#player-title")).to_have_text(names[1])
    # The second pose's own figure once it has moved in (the first pose's "next" picture).
    expect(image).to_have_attribute("src", upcoming_src)
    controls = page.locator("#player-controls").bounding_box()
    assert controls["y"] + controls["height"] <= 844
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)
