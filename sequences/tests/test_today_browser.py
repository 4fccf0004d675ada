"""Today's practice in a real Chromium: ask on the home page, read the reasons, save it, open
it in the builder and see its checks (practising it: practice/tests/)."""

import re

import pytest
from playwright.sync_api import expect

from sequences.models import Sequence
from sequences.tests.today_browser import ask_for_ten_minutes_of_hips
from yogaflow.core.testing.browser import assert_accessible, log_in_and_wait

pytestmark = pytest.mark.browser


def test_generate_a_ten_minute_practice_save_it_and_see_its_checks(
    page, live_curated_library, user
):
    log_in_and_wait(page, user.email)
    page.goto("/")
    assert_accessible(page)
    ask_for_ten_minutes_of_hips(page)

    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "10-minute Hatha practice for the hips, building to "
    )
    # The arc, phase by phase: each phase a heading over its own list of poses.
    expect(page.get_by_role("heading", level=2, name=re.compile(r"^Centring"))).to_be_visible()
    centring = page.get_by_role("list", name="Centring: poses in practice order")
    expect(centring.get_by_role("listitem").first).to_be_visible()
    peak = page.get_by_role("list", name="Peak: poses in practice order")
    # (a peak taught in rounds lists each round and the rest between: the first says it)
    expect(peak.locator(".today-step__reason").first).to_contain_text("Peak: ")
    reasons = page.locator(".today-step__reason").all_inner_texts()
    assert reasons and all(reason.strip() for reason in reasons)
    assert_accessible(page)

    page.get_by_role("button", name="Save to my sequences").click()

    sequence = Sequence.objects.get(author=user)
    expect(page).to_have_url(re.compile(rf"/sequences/{sequence.slug}/edit/"))
    expect(page.get_by_text("is saved to your sequences")).to_be_visible()
    checks = page.locator("[data-checks]")
    expect(checks.get_by_role("heading", name="Sequence checks")).to_be_visible()
    expect(checks).not_to_contain_text("Error")
    assert sequence.items.count() == len(reasons)
    cues = list(sequence.items.order_by("position").values_list("cue", flat=True))
    assert cues == [reason.strip() for reason in reasons]


def test_a_bad_length_is_a_form_error_not_a_practice(page, live_curated_library):
    page.goto("/sequences/today/?minutes=500&level=beginner&style=hatha")

    expect(page.get_by_role("alert")).to_contain_text("A practice lasts 5 to 90 minutes")
    expect(page.get_by_role("button", name="Make my practice")).to_be_visible()
    assert_accessible(page)
