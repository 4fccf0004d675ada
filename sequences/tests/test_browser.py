"""The sequence pages in a real Chromium: filter, open, favorite; and axe-core checks."""

import re

import pytest
from playwright.sync_api import expect

from accounts.tests.factories import PASSWORD
from poses.tests.factories import PoseFactory
from sequences.models import Side
from sequences.services import save_sequence
from sequences.tests.factories import FavoriteFactory, SequenceFactory
from yogaflow.core.testing.browser import assert_accessible, log_in_and_wait

pytestmark = pytest.mark.browser


@pytest.fixture
def bedtime(transactional_db):
    """A curated yin sequence among others of other styles."""
    butterfly = PoseFactory(name_en="Butterfly", name_sa="Baddha Koṇāsana", is_bilateral=False)
    pigeon = PoseFactory(
        name_en="Sleeping Swan", name_sa="Eka Pāda Rājakapotāsana", is_bilateral=True
    )
    sequence = SequenceFactory(slug="bedtime-yin", title="Bedtime yin", style="yin", poses=0)
    save_sequence(
        author=None,
        sequence=sequence,
        poses=[
            {"pose": butterfly, "duration_seconds": 180, "cue": "Let the spine round softly"},
            {"pose": pigeon, "duration_seconds": 120, "side": Side.BOTH},
        ],
    )
    SequenceFactory(title="Power core", style="power")
    SequenceFactory(title="Morning vinyasa", style="vinyasa")
    return sequence


def test_journey_filter_by_style_open_favorite_and_find_it_in_favorites(page, user, bedtime):
    log_in_and_wait(page, user.email)
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Sequences", exact=True
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sequences")

    page.get_by_label("Style").select_option(label="Yin")
    page.get_by_role("button", name="Find sequences").click()

    expect(page).to_have_url(re.compile(r"style=yin"))
    expect(page.locator(".sequence-card")).to_have_count(1)
    page.get_by_role("link", name="Bedtime yin").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Bedtime yin")
    expect(page.locator(".storyboard__step")).to_have_count(2)
    expect(page.locator(".storyboard__step").nth(1)).to_contain_text("each side")
    expect(page.get_by_text("Total time")).to_be_visible()
    start = page.get_by_role("link", name="Start practice")
    expect(start).to_have_attribute("href", re.compile(r"/practice/play/"))

    page.get_by_role("button", name="Favorite", pressed=False).click()

    expect(page.get_by_role("status")).to_contain_text("Added “Bedtime yin” to your favorites.")
    expect(page.get_by_role("button", name="Favorite", pressed=True)).to_be_visible()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Favorites").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My favorites")
    expect(page.get_by_role("link", name="Bedtime yin")).to_be_visible()

    page.get_by_role("button", name="Favorite: Bedtime yin").click()
    expect(page.get_by_text("No favorites yet.")).to_be_visible()


def test_visitors_are_asked_to_log_in_to_favorite_and_come_back(page, user, bedtime):
    page.goto("/sequences/bedtime-yin/")
    page.get_by_role("link", name="Log in to add it to your favorites").click()
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    expect(page).to_have_url(re.compile(r"/sequences/bedtime-yin/$"))
    expect(page.get_by_role("button", name="Favorite", pressed=False)).to_be_visible()


# (path, logged in, with a favorite)
PAGES = {
    "catalogue": ("/sequences/", False, False),
    "catalogue-member": ("/sequences/", True, True),
    "catalogue-with-errors": ("/sequences/?min_minutes=30&max_minutes=5", False, False),
    "detail": ("/sequences/bedtime-yin/", False, False),
    "detail-member": ("/sequences/bedtime-yin/", True, True),
    "favorites": ("/sequences/favorites/", True, True),
    "favorites-empty": ("/sequences/favorites/", True, False),
}


@pytest.mark.parametrize(("path", "logged_in", "with_favorite"), PAGES.values(), ids=PAGES.keys())
def test_sequence_page_has_no_serious_accessibility_violations(
    page, user, bedtime, path, logged_in, with_favorite
):
    if with_favorite:
        FavoriteFactory(user=user, sequence=bedtime)
    if logged_in:
        log_in_and_wait(page, user.email)
    page.goto(path)
    expect(page.locator("main#main")).to_be_visible()

    assert_accessible(page)


def test_a_pose_page_leads_to_the_sequences_using_it(page, bedtime):
    page.goto("/poses/")
    page.get_by_role("link", name="Sleeping Swan").click()

    panel = page.get_by_role("region", name="Sequences with this pose")
    panel.get_by_role("link", name="Bedtime yin").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Bedtime yin")
