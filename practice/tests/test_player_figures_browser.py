"""The guided player's pictures in a real Chromium: the current pose's figure large and the
next one's small, the figure moving between poses (never under reduced motion), a timer that
runs on when pictures fail, and a panel that fits the window with its controls in view."""

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from poses.pictures import transition_url, transition_version
from poses.tests.factories import PoseFactory
from sequences.services import save_sequence
from sequences.tests.factories import SequenceFactory
from yogaflow.core.testing.browser import assert_accessible, log_in_and_wait

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]
FIGURES = json.loads(
    (Path(__file__).resolve().parents[2] / "poses" / "content" / "figures.json").read_text()
)
LONG_NAME = "Reclined Figure Four (Eye of the Needle)"  # the library's longest
LONG_CUE = (
    "Slide the legs down, bolster under the knees; let sleep come if it wants to. In pregnancy "
    "after the first trimester, lie on your left side instead."
)  # the library's longest cue
VIEWPORTS = [(1280, 720), (1280, 800), (1366, 768), (390, 844)]
SCREENSHOTS = Path("/tmp/yogaflow-player-figures")

# Every change of the large picture's address, with the time it happened.
WATCH_PICTURE = """() => {
  window.pictures = [];
  const image = document.getElementById("player-image");
  new MutationObserver(() => {
    window.pictures.push({ src: image.getAttribute("src"), at: performance.now() });
  }).observe(image, { attributes: true, attributeFilter: ["src"] });
}"""


@pytest.fixture
def poses():
    """Three poses drawn in side view (so they move joint by joint), the second two-sided."""
    return {
        "dog": PoseFactory(
            slug="downward-facing-dog",
            name_en="Downward-Facing Dog",
            figure=FIGURES["downward-facing-dog"],
        ),
        "warrior": PoseFactory(
            slug="warrior-i", name_en="Warrior I", figure=FIGURES["warrior-i"], is_bilateral=True
        ),
        "plank": PoseFactory(slug="plank", name_en="Plank", figure=FIGURES["plank"]),
    }


@pytest.fixture
def flow(poses):
    sequence = SequenceFactory(slug="dog-flow", title="Dog flow", poses=0)
    save_sequence(
        author=None,
        sequence=sequence,
        poses=[
            {"pose": poses["dog"], "duration_seconds": 5, "cue": "Heels toward the floor."},
            {"pose": poses["warrior"], "duration_seconds": 5, "side": "both"},
            {"pose": poses["plank"], "duration_seconds": 5},
        ],
    )
    return sequence


@pytest.fixture
def player(page, user, flow):
    log_in_and_wait(page, user.email)
    page.goto("/practice/play/dog-flow/")
    expect(page.get_by_role("button", name="Begin")).to_be_visible()
    return page


def src(page, element_id: str) -> str:
    return page.locator(f"#{element_id}").get_attribute("src")


def loaded(page, element_id: str) -> bool:
    return page.locator(f"#{element_id}").evaluate("img => img.complete && img.naturalWidth > 0")


def test_the_current_pose_is_large_and_the_next_small_with_its_name(player, poses):
    page = player
    dog, warrior, plank = poses["dog"], poses["warrior"], poses["plank"]

    assert src(page, "player-image") == dog.figure_src
    assert src(page, "player-next-image") == warrior.figure_src
    expect(page.locator("#player-next")).to_have_text("Next: Warrior I (right side)")
    page.wait_for_function("() => document.getElementById('player-image').naturalWidth > 0")
    assert loaded(page, "player-next-image")
    large = page.locator("#player-image").bounding_box()
    small = page.locator("#player-next-image").bounding_box()
    assert large["width"] > 3 * small["width"]

    page.get_by_role("button", name="Begin").click()
    page.keyboard.press("ArrowRight")  # Warrior I, right side
    expect(page.locator("#player-image")).to_have_attribute("src", warrior.figure_src)
    assert src(page, "player-next-image") == warrior.figure_left_src
    expect(page.locator("#player-next")).to_have_text("Next: Warrior I (left side)")

    page.keyboard.press("ArrowRight")  # the same pose on the left: its mirror image
    expect(page.locator("#player-image")).to_have_attribute("src", warrior.figure_left_src)
    assert src(page, "player-next-image") == plank.figure_src

    page.keyboard.press("ArrowRight")
    expect(page.locator("#player-image")).to_have_attribute("src", plank.figure_src)
    expect(page.locator("#player-next")).to_have_text("Next: the end of the practice")
    expect(page.locator("#player-next-image")).to_be_hidden()
    assert_accessible(page)


def test_moving_on_the_figure_moves_into_the_next_pose_then_rests_on_it(player, poses):
    page = player
    dog, warrior = poses["dog"], poses["warrior"]
    moving = transition_url(
        dog.slug,
        warrior.slug,
        version=transition_version(dog.figure_version, warrior.figure_version),
    )
    page.evaluate(WATCH_PICTURE)
    page.get_by_role("button", name="Begin").click()

    with page.expect_response(lambda response: "/to/" in response.url) as answer:
        page.keyboard.press("ArrowRight")
    expect(page.locator("#player-image")).to_have_attribute("src", warrior.figure_src)

    response = answer.value
    assert response.url.endswith(moving)
    assert response.status == 200 and response.headers["content-type"] == "image/svg+xml"
    assert "<animate " in response.text()
    pictures = page.evaluate("window.pictures")
    assert [picture["src"] for picture in pictures] == [moving, warrior.figure_src]
    assert pictures[1]["at"] - pictures[0]["at"] >= 900  # it moves for about a second
    # Back and the second side only swap the picture.
    page.keyboard.press("ArrowRight")
    expect(page.locator("#player-image")).to_have_attribute("src", warrior.figure_left_src)
    page.keyboard.press("ArrowLeft")
    expect(page.locator("#player-image")).to_have_attribute("src", warrior.figure_src)
    assert [picture["src"] for picture in page.evaluate("window.pictures")][2:] == [
        warrior.figure_left_src,
        warrior.figure_src,
    ]


def test_the_moving_figure_is_drawn_part_way_between_the_poses(player, poses):
    page = player
    dog, warrior = poses["dog"], poses["warrior"]
    url = transition_url(
        dog.slug,
        warrior.slug,
        version=transition_version(dog.figure_version, warrior.figure_version),
    )
    page.goto(url)
    svg = page.locator("svg")

    shots = []
    for seconds in (0, 0.5, 1):
        svg.evaluate(f"s => {{ s.pauseAnimations(); s.setCurrentTime({seconds}); }}")
        shots.append(svg.screenshot())

    assert len(set(shots)) == 3


def test_no_figure_moves_for_people_who_prefer_less_motion(page, user, flow, poses):
    page.emulate_media(reduced_motion="reduce")
    transitions = []
    page.on("request", lambda request: "/to/" in request.url and transitions.append(request.url))
    log_in_and_wait(page, user.email)
    page.goto("/practice/play/dog-flow/")
    page.evaluate(WATCH_PICTURE)

    page.get_by_role("button", name="Begin").click()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    expect(page.locator("#player-image")).to_have_attribute("src", poses["plank"].figure_src)
    page.wait_for_timeout(300)

    assert transitions == []
    assert [picture["src"] for picture in page.evaluate("window.pictures")] == [
        poses["warrior"].figure_src,
        poses["warrior"].figure_left_src,
        poses["plank"].figure_src,
    ]


def test_the_timer_runs_on_when_no_picture_loads(page, user, flow):
    failed = []

    def refuse(route):
        failed.append(route.request.url)
        route.abort()

    page.route(re.compile(r"/poses/.+\.svg"), refuse)
    log_in_and_wait(page, user.email)
    page.goto("/practice/play/dog-flow/")
    page.get_by_role("button", name="Begin").click()

    countdown = page.locator("#player-countdown")
    expect(countdown).to_have_text("0:03", timeout=4_000)
    # The 5-second hold ends on time and the next pose comes, pictures or not.
    expect(page.locator("#player-title")).to_have_text("Warrior I", timeout=5_000)
    expect(page.locator("#player-side")).to_have_text("Right side")
    expect(countdown).to_have_text("0:03", timeout=4_000)
    expect(page.locator("#player-side")).to_have_text("Left side", timeout=5_000)
    assert any("/to/" in url for url in failed)
    assert any("figure" in url for url in failed)
    expect(page.locator("#player-status")).to_have_text("")


@pytest.fixture
def long_flow(poses, user):
    """The longest name and cue of the library, and a member whose greeting wraps the header."""
    user.display_name = "Bartholomew-Maximilian"
    user.save(update_fields=["display_name"])
    figure_four = PoseFactory(
        slug="reclined-figure-four", name_en=LONG_NAME, figure=FIGURES["reclined-figure-four"]
    )
    sequence = SequenceFactory(slug="long-flow", title="A long title " * 6, poses=0)
    save_sequence(
        author=None,
        sequence=sequence,
        poses=[
            {"pose": poses["warrior"], "duration_seconds": 5, "side": "both", "cue": LONG_CUE},
            {"pose": figure_four, "duration_seconds": 5, "cue": LONG_CUE},
            {"pose": poses["dog"], "duration_seconds": 5},
        ],
    )
    return sequence


@pytest.mark.parametrize(("width", "height"), VIEWPORTS)
def test_the_player_fits_the_window_with_its_controls_in_view(page, user, long_flow, width, height):
    page.set_viewport_size({"width": width, "height": height})
    log_in_and_wait(page, user.email)
    page.goto("/practice/play/long-flow/")
    expect(page.get_by_role("button", name="Begin")).to_be_visible()

    def fits(moment: str):
        page.wait_for_timeout(200)
        page.screenshot(path=str(SCREENSHOTS / f"player-{width}x{height}-{moment}.png"))
        assert page.evaluate("window.scrollY") == 0
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        for selector in ("#player", "#player-controls", "#player-settings"):
            box = page.locator(selector).bounding_box()
            assert box["y"] >= 0 and box["y"] + box["height"] <= height, (moment, selector, box)
        figure = page.locator("#player-image").bounding_box()
        assert figure["height"] >= 100, (moment, figure)  # the current pose, large
        next_figure = page.locator("#player-next-image").bounding_box()
        assert figure["width"] > 2 * next_figure["width"]

    SCREENSHOTS.mkdir(exist_ok=True)
    fits("ready")
    page.get_by_role("button", name="Begin").click()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # the long name, the long cue
    expect(page.locator("#player-title")).to_have_text(LONG_NAME)
    fits("running")
    assert_accessible(page)
