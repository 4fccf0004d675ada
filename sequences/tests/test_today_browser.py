"""Today's practice in a real Chromium: ask on the home page, read the reasons, save it, open
it in the builder and see its checks; and practise it unsaved in the player."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from practice.models import PracticeSession
from sequences.models import Sequence
from yogaflow.tests.browser import assert_accessible, log_in_and_wait

pytestmark = pytest.mark.browser


@pytest.fixture
def library(transactional_db):
    call_command("load_library", verbosity=0)


def _ask_for_ten_minutes_of_hips(page):
    form = page.locator("form.today-form")
    form.get_by_label("Length (minutes)").fill("10")
    form.get_by_label("Level").select_option("beginner")
    form.get_by_label("Style").select_option("hatha")
    form.get_by_role("checkbox", name="Hips").check()
    form.get_by_role("checkbox", name="No inversions").check()
    form.get_by_role("button", name="Make my practice").click()


def test_generate_a_ten_minute_practice_save_it_and_see_its_checks(page, library, user):
    log_in_and_wait(page, user.email)
    page.goto("/")
    assert_accessible(page)
    _ask_for_ten_minutes_of_hips(page)

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "10-minute Hatha practice for the hips"
    )
    steps = page.get_by_role("list", name="Poses in practice order").get_by_role("listitem")
    expect(steps.first).to_contain_text("Centring")
    expect(steps.last).to_contain_text("Final relaxation")
    expect(page.get_by_text("Peak pose for the hips").first).to_be_visible()
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


def test_practise_now_plays_it_unsaved_and_records_it_by_title(page, library, user):
    log_in_and_wait(page, user.email)
    page.goto("/")
    _ask_for_ten_minutes_of_hips(page)
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


def test_a_bad_length_is_a_form_error_not_a_practice(page, library):
    page.goto("/sequences/today/?minutes=500&level=beginner&style=hatha")

    expect(page.get_by_role("alert")).to_contain_text("A practice lasts 5 to 90 minutes")
    expect(page.get_by_role("button", name="Make my practice")).to_be_visible()
    assert_accessible(page)
