"""The guided player in a real Chromium: a whole 5-second-hold practice, pause, end early,
keys, offline recording, and axe-core on the player and the summary."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from accounts.tests.factories import PASSWORD
from poses.tests.factories import PoseFactory
from practice.models import PracticeSession
from sequences.services import save_sequence
from sequences.tests.factories import SequenceFactory
from yogaflow.core.testing.browser import assert_accessible, log_in_and_wait

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]
SUMMARY = re.compile(r"/practice/sessions/\d+/summary/$")


@pytest.fixture
def short_flow():
    """Two 5-second poses, the second held on both sides (right, then left)."""
    mountain = PoseFactory(name_en="Mountain", name_sa="Tāḍāsana", default_hold_seconds=5)
    warrior = PoseFactory(
        name_en="Warrior II", name_sa="Vīrabhadrāsana II", is_bilateral=True, default_hold_seconds=5
    )
    sequence = SequenceFactory(slug="short-flow", title="Short flow", poses=0)
    save_sequence(
        author=None,
        sequence=sequence,
        poses=[
            {"pose": mountain, "duration_seconds": 5, "cue": "Stand tall."},
            {"pose": warrior, "duration_seconds": 5, "side": "both"},
        ],
    )
    return sequence


@pytest.fixture
def player_page(page, user, short_flow):
    log_in_and_wait(page, user.email)
    page.goto("/practice/play/short-flow/")
    expect(page.get_by_role("button", name="Begin")).to_be_visible()
    return page


def countdown(page) -> str:
    return page.locator("#player-countdown").inner_text()


def test_a_whole_practice_runs_to_the_end_and_lands_on_the_summary_with_the_first_badge(
    page, user, short_flow
):
    log_in_and_wait(page, user.email)
    page.goto("/sequences/short-flow/")
    page.get_by_role("link", name="Start practice").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mountain")
    expect(page.get_by_text("Pose 1 of 2")).to_be_visible()
    expect(page.get_by_text("Next: Warrior II (right side)")).to_be_visible()

    page.get_by_role("button", name="Begin").click()
    announcer = page.locator("#player-announcer")
    expect(announcer).to_have_attribute("aria-live", "polite")
    expect(announcer).to_have_text("Mountain, 5 seconds")
    expect(page.locator("#player-side")).to_have_text("Right side", timeout=8_000)
    expect(announcer).to_have_text("Warrior II, right side, 5 seconds")
    expect(page.locator("#player-side")).to_have_text("Left side", timeout=8_000)

    expect(page).to_have_url(SUMMARY, timeout=12_000)
    expect(page.get_by_role("heading", level=1)).to_have_text("Well done.")
    expect(page.get_by_text("2 of 2")).to_be_visible()
    expect(page.get_by_text("First steps")).to_be_visible()
    session = PracticeSession.objects.get(user=user)
    assert session.completed and session.poses_completed == 2
    assert 14 <= session.duration_seconds <= 17  # 5 + 5 + 5 seconds, give or take a tick

    # It is in the history, and on the stats calendar, whose day links back to it.
    page.goto("/practice/sessions/")
    expect(page.get_by_text("Short flow").first).to_be_visible()
    page.goto("/practice/stats/")
    day = session.local_date
    page.locator(f'a[href$="?day={day:%Y-%m-%d}"]').first.click()
    expect(page).to_have_url(re.compile(rf"day={day:%Y-%m-%d}"))
    expect(page.get_by_text("Short flow").first).to_be_visible()


def test_pause_stops_the_countdown_and_resume_continues_it(player_page):
    page = player_page
    page.get_by_role("button", name="Begin").click()
    page.get_by_role("button", name="Pause").click()
    expect(page.get_by_role("button", name="Resume")).to_be_visible()
    frozen = countdown(page)

    page.wait_for_timeout(3_000)

    assert countdown(page) == frozen
    expect(page.locator("#player-title")).to_have_text("Mountain")
    page.get_by_role("button", name="Resume").click()
    expect(page.locator("#player-countdown")).not_to_have_text(frozen, timeout=3_000)


def test_end_early_asks_first_then_records_an_unfinished_practice(player_page, user):
    page = player_page
    page.get_by_role("button", name="Begin").click()
    page.wait_for_timeout(1_500)

    page.keyboard.press("Escape")
    dialog = page.get_by_role("dialog", name="End this practice now?")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Keep practising").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("button", name="Pause")).to_be_visible()

    page.get_by_role("button", name="End early").click()
    dialog.get_by_role("button", name="End practice").click()

    expect(page).to_have_url(SUMMARY)
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for practising.")
    session = PracticeSession.objects.get(user=user)
    assert (session.completed, session.poses_completed) == (False, 0)
    assert session.duration_seconds >= 1


def test_the_keyboard_drives_the_player(player_page):
    page = player_page
    page.keyboard.press("Space")
    expect(page.get_by_role("button", name="Pause")).to_be_visible()

    page.keyboard.press("ArrowRight")
    expect(page.locator("#player-title")).to_have_text("Warrior II")
    expect(page.locator("#player-side")).to_have_text("Right side")
    expect(page.get_by_text("Pose 2 of 2")).to_be_visible()
    page.keyboard.press("ArrowRight")
    expect(page.locator("#player-side")).to_have_text("Left side")
    page.keyboard.press("ArrowLeft")
    expect(page.locator("#player-side")).to_have_text("Right side")
    page.keyboard.press("ArrowLeft")
    expect(page.locator("#player-title")).to_have_text("Mountain")

    page.locator("body").press("Space")
    expect(page.get_by_role("button", name="Resume")).to_be_visible()


def test_sound_and_speech_toggles_are_remembered(player_page):
    page = player_page
    chime = page.get_by_role("button", name="Chime")
    voice = page.get_by_role("button", name="Spoken cues")
    expect(chime).to_have_attribute("aria-pressed", "true")
    expect(voice).to_have_attribute("aria-pressed", "false")

    chime.click()
    voice.click()
    page.reload()

    expect(chime).to_have_attribute("aria-pressed", "false")
    expect(voice).to_have_attribute("aria-pressed", "true")


def test_a_practice_ended_offline_is_kept_and_sent_when_back_online(player_page, user):
    page = player_page
    page.get_by_role("button", name="Begin").click()
    page.wait_for_timeout(1_200)
    page.context.set_offline(True)

    page.keyboard.press("Escape")
    page.get_by_role("button", name="End practice").click()

    expect(page.locator("#player-status")).to_have_text(
        "Saved on this device — will sync when you're back online."
    )
    assert not PracticeSession.objects.exists()
    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    page.wait_for_function(
        "() => localStorage.getItem('yogaflow.practiceQueue') === null", timeout=5_000
    )
    assert PracticeSession.objects.filter(user=user, completed=False).count() == 1


def test_a_practice_ended_after_the_login_expired_is_saved_after_logging_in_again(
    player_page, user, live_server
):
    page = player_page
    page.get_by_role("button", name="Begin").click()
    page.wait_for_timeout(1_200)
    page.context.clear_cookies()  # the login ended while practising

    page.keyboard.press("Escape")
    page.get_by_role("button", name="End practice").click()

    status = page.locator("#player-status")
    expect(status).to_contain_text("You were logged out, so this practice is kept")
    assert not PracticeSession.objects.exists()
    status.get_by_role("link", name="Log in again to save it").click()
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    expect(page).to_have_url(re.compile(r"/practice/sessions/$"))
    page.wait_for_function(
        "() => localStorage.getItem('yogaflow.practiceQueue') === null", timeout=5_000
    )
    assert PracticeSession.objects.filter(user=user, completed=False).count() == 1


def test_a_kept_practice_goes_out_only_while_its_own_account_is_logged_in(
    player_page, user, other_user, short_flow
):
    page = player_page  # logged in as `user`
    entry = {
        "url": "/practice/record/",
        "owner": str(other_user.pk),
        "payload": {
            "client_id": "0f8fad5b-d9cb-469f-a165-70867728950e",
            "sequence": short_flow.slug,
            "started_at": "2026-01-05T07:00:00Z",
            "ended_at": "2026-01-05T07:10:00Z",
            "duration_seconds": 600,
            "completed": True,
            "poses_completed": 1,
        },
    }
    page.evaluate(
        "entry => localStorage.setItem('yogaflow.practiceQueue', JSON.stringify([entry]))", entry
    )

    page.goto("/practice/sessions/")
    page.wait_for_timeout(500)

    assert not PracticeSession.objects.exists()
    kept = page.evaluate("() => JSON.parse(localStorage.getItem('yogaflow.practiceQueue'))")
    assert kept == [entry]


def test_player_and_summary_pass_axe_and_look_calm_at_desktop_and_phone_widths(player_page):
    page = player_page
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.screenshot(path="/tmp/player-1280.png", full_page=True)

    page.get_by_role("button", name="Begin").click()
    page.keyboard.press("ArrowRight")
    expect(page.locator("#player-side")).to_have_text("Right side")
    assert_accessible(page)
    page.set_viewport_size({"width": 360, "height": 740})
    page.screenshot(path="/tmp/player-360.png", full_page=True)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 360

    page.keyboard.press("Escape")
    page.get_by_role("button", name="End practice").click()
    expect(page).to_have_url(SUMMARY)
    assert_accessible(page)
    page.screenshot(path="/tmp/summary-360.png", full_page=True)


def test_the_progress_bar_does_not_animate_for_people_who_prefer_less_motion(player_page):
    page = player_page
    fill = page.locator("#player-progress-fill")
    animated = "el => getComputedStyle(el).transitionProperty !== 'none'"
    assert fill.evaluate(animated)

    page.emulate_media(reduced_motion="reduce")

    assert not fill.evaluate(animated)


def test_the_player_records_the_steps_held_and_a_skip_through_is_not_completed(player_page, user):
    page = player_page
    page.get_by_role("button", name="Begin").click()
    page.wait_for_timeout(2_200)
    for _ in range(3):  # skip Mountain after ~2 s, then both sides of Warrior II at once
        page.keyboard.press("ArrowRight")

    expect(page).to_have_url(SUMMARY)
    session = PracticeSession.objects.get(user=user)
    assert session.completed is False
    steps = list(session.steps.values_list("pose_name", "side", "seconds_held"))
    assert len(steps) == 1 and steps[0][:2] == ("Mountain", "") and 1 <= steps[0][2] <= 3


def test_a_device_clock_ten_minutes_fast_still_records_the_practice(page, user, short_flow):
    from django.utils import timezone

    log_in_and_wait(page, user.email)
    page.clock.install(time=timezone.now() + timedelta(minutes=10))
    page.goto("/practice/play/short-flow/")
    page.get_by_role("button", name="Begin").click()
    page.clock.run_for(2_000)
    page.keyboard.press("Escape")
    page.get_by_role("button", name="End practice").click()

    expect(page).to_have_url(SUMMARY)
    session = PracticeSession.objects.get(user=user)
    assert abs(session.ended_at - timezone.now()) < timedelta(minutes=1)


def test_a_refused_practice_stays_on_the_device_to_fix_or_discard(player_page, user, short_flow):
    page = player_page
    entry = {
        "url": "/practice/record/",
        "owner": str(user.pk),
        "payload": {
            "client_id": "0f8fad5b-d9cb-469f-a165-70867728950e",
            "sequence": short_flow.slug,
            "started_at": "2026-01-05T07:00:00Z",
            "ended_at": "2026-01-05T06:50:00Z",  # ends before it starts: refused
            "duration_seconds": 600,
        },
    }
    page.evaluate(
        "entry => localStorage.setItem('yogaflow.practiceQueue', JSON.stringify([entry]))", entry
    )

    page.goto("/practice/sessions/")
    panel = page.get_by_role("region", name="Practices kept on this device")
    expect(panel).to_contain_text("was not saved: A practice cannot end before it starts.")
    assert not PracticeSession.objects.exists()
    expect(panel.get_by_role("link", name="Log it by hand")).to_have_attribute(
        "href", re.compile(r"/practice/sessions/new/\?date=2026-01-05&.*duration_minutes=10")
    )
    page.reload()  # still there: nothing refused is lost
    expect(panel).to_be_visible()
    panel.get_by_role("button", name="Discard").click()
    expect(panel).to_be_hidden()
    assert page.evaluate("() => localStorage.getItem('yogaflow.practiceQueue')") is None
