"""The sequence builder in a real Chromium: build, reorder by mouse and keyboard, live totals, axe.

Logged in by handing the browser the session cookie of Django's `force_login`
(the login page itself is covered in accounts/tests/test_browser.py).
"""

import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from poses.tests.factories import PoseFactory
from sequences.models import Sequence
from sequences.tests.factories import SequenceFactory
from yogaflow.core.testing.browser import assert_accessible

pytestmark = pytest.mark.browser


def sign_in(context, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )


@pytest.fixture
def signed_in(page, live_server, user) -> Page:
    sign_in(page.context, live_server, user)
    return page


@pytest.fixture
def three_poses(db):
    return [
        PoseFactory(name_en="Mountain Pose", name_sa="Tāḍāsana", default_hold_seconds=30),
        PoseFactory(
            name_en="Warrior II",
            name_sa="Vīrabhadrāsana II",
            is_bilateral=True,
            default_hold_seconds=30,
        ),
        PoseFactory(
            name_en="Child's Pose",
            name_sa="Bālāsana",
            category="restorative",
            default_hold_seconds=60,
        ),
    ]


def names_on_page(page: Page):
    return page.locator("[data-item] .builder-item__name")


def names_in_db(sequence) -> list[str]:
    return list(sequence.items.order_by("position").values_list("pose__name_en", flat=True))


def announcer(page: Page):
    return page.locator("[data-announcer]")


def tab_to(page: Page, target, *, limit: int = 120) -> None:
    """Press Tab until `target` has the focus, as a keyboard user would."""
    for _ in range(limit):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{target} never received the focus")


def add_pose_through_the_picker(page: Page, name: str) -> None:
    page.get_by_label("Search by name").fill(name)
    page.get_by_role("button", name="Search", exact=True).click()
    page.get_by_role("button", name=f"Add: {name}").click()
    expect(page.locator(".messages")).to_contain_text(f"Added {name}")


def test_build_three_poses_then_reorder_with_the_mouse_and_the_keyboard(
    signed_in, user, three_poses
):
    page = signed_in
    page.goto("/sequences/mine/")
    page.get_by_role("main").get_by_role("link", name="New sequence").click()
    page.get_by_label("Title").fill("Morning three")
    page.get_by_role("button", name="Create and add poses").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Morning three")

    for pose in three_poses:
        add_pose_through_the_picker(page, pose.name_en)
    expect(names_on_page(page)).to_have_text(["Mountain Pose", "Warrior II", "Child's Pose"])
    sequence = Sequence.objects.get(author=user)
    expect(page.locator("[data-total]")).to_have_text("2:30")  # 30 + 30 × 2 + 60

    # Mouse: one click, the list changes in place (no reload) and the server agrees.
    page.get_by_role("button", name="Move down: Mountain Pose").click()
    expect(announcer(page)).to_have_text("Moved Mountain Pose to position 2.")
    expect(names_on_page(page)).to_have_text(["Warrior II", "Mountain Pose", "Child's Pose"])
    assert names_in_db(sequence) == ["Warrior II", "Mountain Pose", "Child's Pose"]

    # Keyboard only: Tab to the button, Enter, then Space; the focus stays on it.
    page.locator("body").click(position={"x": 1, "y": 1})
    move_down = page.get_by_role("button", name="Move down: Warrior II")
    tab_to(page, move_down)
    page.keyboard.press("Enter")
    expect(announcer(page)).to_have_text("Moved Warrior II to position 2.")
    expect(names_on_page(page)).to_have_text(["Mountain Pose", "Warrior II", "Child's Pose"])
    expect(move_down).to_be_focused()
    page.keyboard.press("Space")
    expect(announcer(page)).to_have_text("Moved Warrior II to position 3.")
    expect(names_on_page(page)).to_have_text(["Mountain Pose", "Child's Pose", "Warrior II"])
    expect(move_down).to_be_focused()
    expect(move_down).to_have_attribute("aria-disabled", "true")  # now last
    assert names_in_db(sequence) == ["Mountain Pose", "Child's Pose", "Warrior II"]

    page.keyboard.press("Shift+Tab")
    expect(page.get_by_role("button", name="Move up: Warrior II")).to_be_focused()
    page.keyboard.press("Enter")
    expect(names_on_page(page)).to_have_text(["Mountain Pose", "Warrior II", "Child's Pose"])
    assert names_in_db(sequence) == ["Mountain Pose", "Warrior II", "Child's Pose"]

    # The renumbered forms still address the right rows after a reload.
    page.reload()
    expect(names_on_page(page)).to_have_text(["Mountain Pose", "Warrior II", "Child's Pose"])
    expect(page.locator("#item-2 .builder-item__name")).to_have_text("Warrior II")


def test_pressing_move_up_on_the_first_pose_only_says_so(signed_in, user, three_poses):
    page = signed_in
    sequence = SequenceFactory(author=user, poses=three_poses)
    page.goto(f"/sequences/{sequence.slug}/edit/")

    # aria-disabled, not disabled: it keeps the focus, so Playwright must be told to press it.
    page.get_by_role("button", name="Move up: Mountain Pose").click(force=True)

    expect(announcer(page)).to_have_text("Mountain Pose is already first.")
    assert names_in_db(sequence) == ["Mountain Pose", "Warrior II", "Child's Pose"]


def test_without_javascript_the_forms_still_work(browser, live_server, user, three_poses):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    context.set_default_timeout(10_000)
    sign_in(context, live_server, user)
    page = context.new_page()
    sequence = SequenceFactory(author=user, poses=three_poses)
    page.goto(f"/sequences/{sequence.slug}/edit/")

    page.get_by_role("button", name="Move down: Mountain Pose").click()

    expect(page).to_have_url(re.compile(r"/edit/#item-2$"))
    expect(page.locator(".messages")).to_contain_text("Moved Mountain Pose to position 2.")
    expect(names_on_page(page)).to_have_text(["Warrior II", "Mountain Pose", "Child's Pose"])

    page.get_by_role("button", name="Remove: Child's Pose").click()
    expect(names_on_page(page)).to_have_text(["Warrior II", "Mountain Pose"])
    assert names_in_db(sequence) == ["Warrior II", "Mountain Pose"]
    context.close()


def test_the_total_follows_the_hold_and_side_as_they_are_typed(signed_in, user, three_poses):
    page = signed_in
    mountain, warrior, _ = three_poses
    sequence = SequenceFactory(author=user, poses=[warrior, mountain])
    page.goto(f"/sequences/{sequence.slug}/edit/")
    expect(page.locator("[data-total]")).to_have_text("1:30")

    page.locator("#item-1").get_by_label("Hold per side").fill("45")
    expect(page.locator("[data-total]")).to_have_text("2:00")  # 45 × 2 + 30, not saved yet
    expect(page.locator("#item-1").get_by_text("Not saved yet")).to_be_visible()
    page.locator("#item-1").get_by_label("Side", exact=True).select_option("left")
    expect(page.locator("[data-total]")).to_have_text("1:15")
    assert Sequence.objects.get(pk=sequence.pk).total_duration_seconds == 90

    page.get_by_role("button", name="Save: Warrior II").click()

    expect(announcer(page)).to_have_text("Saved Warrior II. Total 1:15, 2 poses.")
    expect(page.locator("#item-1").get_by_text("Not saved yet")).to_be_hidden()
    item = sequence.items.get(position=1)
    assert (item.duration_seconds, item.side) == (45, "left")
    assert Sequence.objects.get(pk=sequence.pk).total_duration_seconds == 75


def test_a_refused_hold_is_shown_on_its_row_and_nothing_is_saved(signed_in, user, three_poses):
    page = signed_in
    sequence = SequenceFactory(author=user, poses=three_poses)
    page.goto(f"/sequences/{sequence.slug}/edit/")

    page.locator("#item-2").get_by_label("Hold per side").fill("601")
    page.get_by_role("button", name="Save: Warrior II").click()

    expect(page.locator("#item-2 [data-errors]")).to_have_text(
        "Pose #2: hold must be 5–600 seconds."
    )
    expect(announcer(page)).to_have_text("Pose #2: hold must be 5–600 seconds.")
    assert sequence.items.get(position=2).duration_seconds == 30


def test_remove_in_place_moves_the_focus_to_the_next_pose(signed_in, user, three_poses):
    page = signed_in
    sequence = SequenceFactory(author=user, poses=three_poses)
    page.goto(f"/sequences/{sequence.slug}/edit/")

    page.get_by_role("button", name="Remove: Mountain Pose").click()

    # The factory holds every pose 30 s: Warrior II on both sides + Child's Pose.
    expect(announcer(page)).to_have_text("Removed Mountain Pose. Total 1:30, 2 poses.")
    expect(names_on_page(page)).to_have_text(["Warrior II", "Child's Pose"])
    expect(page.locator("#item-1").get_by_role("link", name="Warrior II")).to_be_focused()
    expect(page.locator("[data-total]")).to_have_text("1:30")
    expect(page.locator("#item-1 [data-position]")).to_have_text("1")
    assert names_in_db(sequence) == ["Warrior II", "Child's Pose"]


# --- accessibility: axe-core on every builder page ------------------------------------


def open_mine(page, user, poses):
    SequenceFactory(author=user, poses=poses, title="Morning three")
    SequenceFactory(author=user, poses=poses[:1], title="Quick one", visibility="public")
    page.goto("/sequences/mine/")


def open_mine_empty(page, user, poses):
    page.goto("/sequences/mine/")


def open_create(page, user, poses):
    page.goto("/sequences/new/")


def open_create_with_errors(page, user, poses):
    page.goto("/sequences/new/")
    page.get_by_role("button", name="Create and add poses").click()
    expect(page.get_by_role("alert")).to_be_visible()


def open_edit(page, user, poses):
    sequence = SequenceFactory(author=user, poses=poses)
    page.goto(f"/sequences/{sequence.slug}/edit/")


def open_edit_empty(page, user, poses):
    sequence = SequenceFactory(author=user, poses=0)
    page.goto(f"/sequences/{sequence.slug}/edit/")


def open_edit_with_details_error(page, user, poses):
    sequence = SequenceFactory(author=user, poses=poses)
    page.goto(f"/sequences/{sequence.slug}/edit/")
    page.get_by_text("Details", exact=True).click()
    page.get_by_label("Title").fill("")
    page.get_by_role("button", name="Save details").click()
    expect(page.get_by_role("alert")).to_contain_text("Give your sequence a title.")


def open_edit_with_row_error(page, user, poses):
    sequence = SequenceFactory(author=user, poses=poses)
    page.goto(f"/sequences/{sequence.slug}/edit/")
    page.locator("#item-1").get_by_label("Hold").fill("0")
    page.get_by_role("button", name="Save: Mountain Pose").click()
    expect(page.locator("#item-1 [data-errors]")).to_be_visible()


def open_delete(page, user, poses):
    sequence = SequenceFactory(author=user, poses=poses, visibility="public")
    page.goto(f"/sequences/{sequence.slug}/delete/")


def open_duplicate(page, user, poses):
    sequence = SequenceFactory(poses=poses)
    page.goto(f"/sequences/{sequence.slug}/duplicate/")


PAGES = {
    "mine": open_mine,
    "mine-empty": open_mine_empty,
    "create": open_create,
    "create-with-errors": open_create_with_errors,
    "edit": open_edit,
    "edit-empty": open_edit_empty,
    "edit-with-details-error": open_edit_with_details_error,
    "edit-with-row-error": open_edit_with_row_error,
    "delete-confirmation": open_delete,
    "duplicate-confirmation": open_duplicate,
}


@pytest.mark.parametrize("open_page", PAGES.values(), ids=PAGES.keys())
@pytest.mark.parametrize("width", [1280, 360])
def test_builder_page_has_no_serious_accessibility_violations(
    signed_in, user, three_poses, open_page, width
):
    page = signed_in
    page.set_viewport_size({"width": width, "height": 900})
    open_page(page, user, three_poses)
    expect(page.locator("main#main")).to_be_visible()

    assert_accessible(page)
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert not overflow, f"{page.url} scrolls sideways at {width}px"
