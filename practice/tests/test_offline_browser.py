"""Issue 13: "works offline" is true. With the network switched off, a favorite sequence never
opened before opens from the service worker's cache, plays (its figures shown), and the practice
recorded offline syncs when the network returns."""

import re

import pytest
from playwright.sync_api import expect

from poses.tests.factories import PoseFactory
from practice.models import PracticeSession
from sequences.services import save_sequence
from sequences.tests.factories import FavoriteFactory, SequenceFactory
from yogaflow.core.testing.browser import log_in_and_wait

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(browser, live_server):
    """A tab whose service worker may run (the shared `page` blocks workers)."""
    context = browser.new_context(base_url=live_server.url, service_workers="allow")
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def favorite(user):
    mountain = PoseFactory(name_en="Mountain", default_hold_seconds=5)
    tree = PoseFactory(name_en="Tree", is_bilateral=True, default_hold_seconds=5)
    sequence = SequenceFactory(slug="evening-calm", title="Evening calm", poses=0)
    save_sequence(
        author=None,
        sequence=sequence,
        poses=[
            {"pose": mountain, "duration_seconds": 5},
            {"pose": tree, "duration_seconds": 5, "side": "both"},
        ],
    )
    FavoriteFactory(user=user, sequence=sequence)
    return sequence


def test_the_manifest_and_icons_make_the_app_installable(page, user):
    page.goto("/")
    href = page.locator('link[rel="manifest"]').get_attribute("href")
    manifest = page.request.get(href).json()

    assert manifest["start_url"] == "/" and manifest["display"] == "standalone"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    base = href.rsplit("/", 1)[0]
    for icon in manifest["icons"]:
        assert page.request.get(f"{base}/{icon['src']}").ok


def test_a_favorite_sequence_opens_and_is_practised_offline_then_syncs(page, user, favorite):
    log_in_and_wait(page, user.email)
    page.goto("/")
    # The worker is in charge and has saved the favorites ahead.
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=15_000)
    page.wait_for_function(
        "() => localStorage.getItem('yogaflow.offlineSavedAt') !== null", timeout=15_000
    )

    page.context.set_offline(True)
    # A page never saved answers the worker's offline page: the network really is off.
    page.goto("/poses/")
    expect(page.get_by_role("heading", name="You are offline")).to_be_visible()

    page.goto("/sequences/evening-calm/")  # never opened online: saved ahead as a favorite
    expect(page.get_by_role("heading", level=1)).to_have_text("Evening calm")
    page.goto("/practice/play/evening-calm/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mountain")
    # Its figure shows, from the cache.
    page.wait_for_function(
        "() => [...document.querySelectorAll('#player img')]"
        ".some(i => i.complete && i.naturalWidth > 0)",
        timeout=5_000,
    )
    page.get_by_role("button", name="Begin").click()
    page.wait_for_timeout(1_500)
    page.keyboard.press("Escape")
    page.get_by_role("button", name="End practice").click()
    expect(page.locator("#player-status")).to_have_text(
        "Saved on this device — will sync when you're back online."
    )
    assert not PracticeSession.objects.exists()

    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    page.wait_for_function(
        "() => localStorage.getItem('yogaflow.practiceQueue') === null", timeout=10_000
    )
    session = PracticeSession.objects.get(user=user)
    assert session.sequence_title == "Evening calm"
    assert session.steps.filter(pose_name="Mountain").exists()


def test_logging_out_forgets_the_pages_kept_on_the_device(page, user, favorite):
    log_in_and_wait(page, user.email)
    page.goto("/")
    page.wait_for_function(
        "() => localStorage.getItem('yogaflow.offlineSavedAt') !== null", timeout=15_000
    )
    page.get_by_role("navigation").locator("form.site-nav__logout button").click()
    expect(page.get_by_role("status")).to_contain_text(re.compile("logged out", re.I))

    kept = page.evaluate(
        "async () => (await caches.keys()).includes('yogaflow-pages') ?"
        " (await (await caches.open('yogaflow-pages')).keys()).map(r => r.url) : []"
    )
    # Only what was fetched after logging out (the public home page) is left.
    assert not [url for url in kept if "/practice/" in url or "/sequences/" in url], kept
