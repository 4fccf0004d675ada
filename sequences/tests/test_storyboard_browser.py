"""Figures where sequences are shown, in a real Chromium at desktop and phone widths: the
storyboard of a sequence, the printable sheet (print media, one or two pages), the builder's
rows; axe-core on each page (the practice summary's: practice/tests/test_summary_browser.py).

Screenshots go to a temporary folder outside the repository (BROWSER_SHOTS names another).
"""

import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from poses.tests.factories import PoseFactory
from sequences.models import Side
from sequences.services import save_sequence
from yogaflow.core.testing.browser import assert_accessible, show_as_printed

pytestmark = pytest.mark.browser

# The printable width of the narrower paper (A4: 210 mm less two 10 mm margins) at 96 px/in.
PDF_PAGE = re.compile(rb"/Type\s*/Page[^s]")


def sign_in(page: Page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )


@pytest.fixture
def hips(transactional_db, user):
    """The user's own sequence: a two-sided pose on both sides, one on the left, one symmetric."""
    lizard = PoseFactory(slug="lizard", name_en="Lizard", is_bilateral=True)
    pigeon = PoseFactory(slug="pigeon", name_en="Pigeon", is_bilateral=True)
    child = PoseFactory(slug="child", name_en="Child's Pose")
    return save_sequence(
        author=user,
        title="Hip opener",
        style="yin",
        focus="hips",
        difficulty="beginner",
        visibility="public",
        poses=[
            {"pose": lizard, "duration_seconds": 65, "side": Side.BOTH, "cue": "Sink the hips"},
            {"pose": pigeon, "duration_seconds": 120, "side": Side.LEFT, "cue": "Square the hips"},
            {"pose": child, "duration_seconds": 30, "side": Side.BOTH},
        ],
    )


def loaded_pictures(page: Page, selector: str) -> list[dict]:
    """src and natural size of each picture, once every one has loaded."""
    page.wait_for_function(
        "sel => [...document.querySelectorAll(sel)].every(i => i.complete && i.naturalWidth)",
        arg=selector,
    )
    return page.eval_on_selector_all(
        selector,
        "images => images.map(i => ({src: i.getAttribute('src'), width: i.naturalWidth}))",
    )


def test_the_storyboard_shows_each_figure_in_order_mirrored_for_a_left_step(
    page, live_server, width, hips, shots
):
    page.goto(f"/sequences/{hips.slug}/")

    steps = page.locator(".storyboard__step")
    expect(steps).to_have_count(3)
    expect(steps.nth(0).get_by_role("heading")).to_have_text(re.compile(r"^\s*1\.\s*Lizard\s*$"))
    expect(steps.nth(0)).to_contain_text("1:05 each side")
    expect(steps.nth(1).get_by_role("heading")).to_have_text(re.compile(r"^\s*2\.\s*Pigeon\s*$"))
    expect(steps.nth(1)).to_contain_text("2:00 left side")
    expect(steps.nth(2)).not_to_contain_text("side")
    for step in page.locator(".storyboard__step").all():
        step.scroll_into_view_if_needed()  # the figures load lazily
    pictures = loaded_pictures(page, ".storyboard__step img.pose-picture")
    assert [re.sub(r"\?v=\w+$", "", p["src"]) for p in pictures] == [
        "/poses/lizard/figure.svg",
        "/poses/pigeon/figure-left.svg",
        "/poses/child/figure.svg",
    ]
    assert all(picture["width"] == 240 for picture in pictures)
    # Side by side, in reading order: the strip wraps, it never scrolls sideways.
    boxes = [step.bounding_box() for step in steps.all()]
    assert boxes[0]["y"] <= boxes[1]["y"] and boxes[0]["x"] < boxes[1]["x"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=shots / f"storyboard-{width}.png", full_page=True)
    assert_accessible(page)


def test_the_left_figure_the_browser_draws_is_the_mirror_of_the_right(page, live_server, hips):
    page.set_viewport_size({"width": 480, "height": 360})
    pigeon = hips.items.get(position=2).pose
    shots = []
    for url in (pigeon.figure_src, pigeon.figure_left_src):
        page.goto(url)
        shots.append(page.locator("svg").screenshot())
    from io import BytesIO

    from PIL import Image, ImageChops, ImageOps

    right, left = (Image.open(BytesIO(shot)).convert("RGB") for shot in shots)
    difference = ImageChops.difference(ImageOps.mirror(right), left)
    assert max(band[1] for band in difference.getextrema()) <= 48  # anti-aliasing only
    assert ImageChops.difference(right, left).getbbox() is not None


def test_the_print_view_fits_the_paper_width_and_screenshots_as_printed(
    page, live_server, width, hips, shots
):
    page.goto(f"/sequences/{hips.slug}/")
    page.get_by_role("link", name="Print this sequence").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hip opener")
    expect(page.get_by_role("button", name="Print this sheet")).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=shots / f"print-screen-{width}.png", full_page=True)

    show_as_printed(page)
    steps = page.locator(".storyboard__step")
    expect(steps).to_have_count(3)
    expect(steps.nth(1).locator("svg title")).to_have_text("Pigeon, left side")
    expect(steps.nth(0)).to_contain_text("Sink the hips")
    page.screenshot(path=shots / f"print-media-{width}.png", full_page=True)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_longest_curated_sequence_prints_on_two_pages(
    page, live_server, live_curated_library, paper, shots
):
    page.goto("/sequences/all-levels-vinyasa-60/print/")
    expect(page.locator(".storyboard__step")).to_have_count(100)
    assert page.locator(".storyboard--compact").count() == 1

    pdf = page.pdf(format=paper)

    (shots / f"all-levels-vinyasa-60-{paper}.pdf").write_bytes(pdf)
    assert 1 <= len(PDF_PAGE.findall(pdf)) <= 2


def test_the_builder_rows_show_the_figure_of_the_side_chosen(page, live_server, user, hips):
    sign_in(page, live_server, user)
    page.goto(f"/sequences/{hips.slug}/edit/")
    lizard = page.locator("[data-item]").nth(0)
    picture = lizard.locator(".builder-item__figure img")
    expect(picture).to_have_attribute("src", re.compile(r"/poses/lizard/figure\.svg\?v="))

    lizard.get_by_label("Side", exact=True).select_option("left")

    expect(picture).to_have_attribute("src", re.compile(r"/poses/lizard/figure-left\.svg\?v="))
    expect(lizard.get_by_text("Not saved yet")).to_be_visible()
    pigeon = page.locator("[data-item]").nth(1).locator(".builder-item__figure img")
    expect(pigeon).to_have_attribute("src", re.compile(r"figure-left\.svg"))
    assert_accessible(page)
