"""The figure moving from one pose into the next: the animated SVG the guided player shows
between poses (poses.pictures.transition_svg) and its address (poses:transition)."""

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.urls import reverse

from poses.figures import render_svg, validate_figure
from poses.pictures import (
    TRANSITION_SECONDS,
    figure_svg,
    transition_svg,
    transition_url,
    transition_version,
)
from poses.tests.factories import PoseFactory

CONTENT = Path(__file__).resolve().parents[1] / "content"
FIGURES = json.loads((CONTENT / "figures.json").read_text(encoding="utf-8"))
SVG = "{http://www.w3.org/2000/svg}"
DOG, PLANK = FIGURES["downward-facing-dog"], FIGURES["plank"]
MOUNTAIN = FIGURES["mountain"]  # drawn from the front
NAMES = ("Downward-Facing Dog", "Plank")


def tree(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 (our own output)


def animations(svg: str) -> list[ET.Element]:
    return list(tree(svg).iter(f"{SVG}animate"))


def frame_at(svg: str, end: str) -> str:
    """The picture the SVG shows at its start ("first") or, held, at its end ("last"): every
    animated attribute set to that value, the animations and hidden groups taken out."""
    root = tree(svg)
    pick = 0 if end == "first" else -1
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag != f"{SVG}animate":
                continue
            parent.set(child.get("attributeName"), child.get("values").split(";")[pick])
            parent.remove(child)
    for parent in list(root.iter()):
        for child in list(parent):
            if child.get("visibility") == "hidden" or child.get("opacity") == "0":
                parent.remove(child)
    return drawn(root)


def drawn(root: ET.Element) -> str:
    """What is drawn, without the title and the groups that only wrap it, as comparable text."""
    shapes = []
    for element in root.iter():
        tag = element.tag.removeprefix(SVG)
        if tag in {"svg", "title", "g"}:
            continue
        attributes = {k: v for k, v in element.attrib.items() if k not in {"visibility"}}
        shapes.append((tag, tuple(sorted(attributes.items()))))
    return json.dumps(shapes)


def test_a_transition_starts_as_the_first_figure_and_rests_as_the_second():
    svg = transition_svg(DOG, PLANK, names=NAMES)

    assert frame_at(svg, "first") == drawn(tree(render_svg(DOG, title="")))
    assert frame_at(svg, "last") == drawn(tree(render_svg(PLANK, title="")))
    assert "<title>Moving from Downward-Facing Dog into Plank</title>" in svg


def test_joints_move_through_the_frames_in_between_over_about_a_second():
    svg = transition_svg(DOG, PLANK, names=NAMES)

    moving = animations(svg)
    paths = [a for a in moving if a.get("attributeName") == "d"]
    assert len(paths) >= 5  # the limbs and the torso
    for animation in moving:
        assert animation.get("dur") == f"{TRANSITION_SECONDS:g}s"
        assert animation.get("fill") == "freeze"
        times = [float(t) for t in animation.get("keyTimes").split(";")]
        assert times[0] == 0 and times[-1] == 1 and times == sorted(times)
        assert len(animation.get("values").split(";")) == len(times)
    assert 0.5 <= TRANSITION_SECONDS <= 1.5
    # In between, the body is neither of its ends.
    values = paths[0].get("values").split(";")
    assert len(set(values)) > 3


def test_the_middle_is_drawn_from_interpolated_joint_angles():
    from poses.figures import interpolate

    svg = transition_svg(DOG, PLANK, names=NAMES)
    middle = drawn(tree(render_svg(interpolate(DOG, PLANK, 0.5), title="")))
    root = tree(svg)
    picked = []
    for element in root.iter():
        for child in element:
            if child.tag == f"{SVG}animate" and child.get("attributeName") == "d":
                times = child.get("keyTimes").split(";")
                picked.append(child.get("values").split(";")[times.index("0.5")])
    assert picked and all(f'"{d}"' in middle for d in picked if d)


def test_a_left_side_transition_is_the_mirror_image_of_the_right():
    right = transition_svg(DOG, PLANK, names=NAMES)
    left = transition_svg(DOG, PLANK, names=NAMES, sides=("left", "left"))

    assert frame_at(left, "first") == drawn(tree(render_svg(DOG, side="left", title="")))
    assert frame_at(left, "last") == drawn(tree(render_svg(PLANK, side="left", title="")))
    assert left != right


def test_changing_side_the_picture_turns_over_in_the_middle():
    svg = transition_svg(DOG, PLANK, names=NAMES, sides=("left", "right"))

    assert frame_at(svg, "first") == drawn(tree(render_svg(DOG, side="left", title="")))
    assert frame_at(svg, "last") == drawn(tree(render_svg(PLANK, side="right", title="")))
    times = animations(svg)[0].get("keyTimes").split(";")
    assert "0.5" in times and "0.501" in times


def test_between_two_views_the_second_figure_fades_in_over_the_first():
    svg = transition_svg(MOUNTAIN, DOG, names=("Mountain", "Downward-Facing Dog"))

    fades = [a for a in animations(svg) if a.get("attributeName") == "opacity"]
    assert len(fades) == 1 and fades[0].get("values") == "0;1"
    assert frame_at(svg, "first") == drawn(tree(render_svg(MOUNTAIN, title="")))
    assert frame_at(svg, "last").endswith(drawn(tree(render_svg(DOG, title="")))[1:])


def test_a_prop_only_one_pose_has_shows_only_for_its_half():
    with_block = {**PLANK, "props": [{"type": "block", "under": "hand_r"}]}
    validate_figure(with_block)
    svg = transition_svg(DOG, with_block, names=NAMES)

    assert frame_at(svg, "first") == drawn(tree(render_svg(DOG, title="")))
    assert frame_at(svg, "last") == drawn(tree(render_svg(with_block, title="")))
    # One group per shape of the props: none, then the block.
    shown = [a for a in animations(svg) if a.get("attributeName") == "visibility"]
    assert len(shown) == 2
    assert all(a.get("calcMode") == "discrete" for a in shown)


def test_the_same_input_gives_the_same_bytes():
    assert transition_svg(DOG, PLANK, names=NAMES) == transition_svg(
        json.loads(json.dumps(DOG)), json.loads(json.dumps(PLANK)), names=NAMES
    )


def test_an_unknown_side_is_refused():
    with pytest.raises(ValueError, match="sides"):
        transition_svg(DOG, PLANK, names=NAMES, sides=("right", "up"))
    with pytest.raises(ValueError, match="sides"):
        transition_url("dog", "plank", sides=("up", "right"))


# --- its address ----------------------------------------------------------------------------


@pytest.fixture
def dog(db):
    return PoseFactory(slug="downward-facing-dog", name_en=NAMES[0], figure=DOG)


@pytest.fixture
def plank(db):
    return PoseFactory(slug="plank", name_en=NAMES[1], figure=PLANK)


def current(dog, plank, sides=("right", "right")) -> str:
    version = transition_version(dog.figure_version, plank.figure_version)
    return transition_url(dog.slug, plank.slug, sides=sides, version=version)


def test_the_address_names_both_poses_and_both_sides(dog, plank):
    url = current(dog, plank, sides=("left", "right"))

    assert re.fullmatch(r"/poses/downward-facing-dog/to/plank/left-right\.svg\?v=[0-9a-f]{16}", url)
    assert reverse(
        "poses:transition",
        kwargs={"slug": "a", "to": "b", "side_from": "right", "side_to": "left"},
    ) == ("/poses/a/to/b/right-left.svg")


def test_the_transition_is_an_animated_svg_cached_for_a_year_at_its_version(client, dog, plank):
    response = client.get(current(dog, plank))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.decode() == transition_svg(DOG, PLANK, names=NAMES)
    assert response["Content-Security-Policy"] == "default-src 'none'; style-src 'unsafe-inline'"
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=31536000", "immutable"}
    version = transition_version(dog.figure_version, plank.figure_version)
    assert response["ETag"] == f'"{version}-right-right"'


@pytest.mark.parametrize("sides", [("right", "left"), ("left", "right"), ("left", "left")])
def test_each_pair_of_sides_is_its_own_picture(client, dog, plank, sides):
    response = client.get(current(dog, plank, sides=sides))

    assert response.content.decode() == transition_svg(DOG, PLANK, names=NAMES, sides=sides)
    assert response["ETag"].endswith(f'-{sides[0]}-{sides[1]}"')


def test_a_matching_etag_answers_304_with_no_body(client, dog, plank):
    etag = client.get(current(dog, plank))["ETag"]

    response = client.get(current(dog, plank), HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_without_the_current_version_it_is_revalidated_each_time(client, dog, plank):
    response = client.get(current(dog, plank).split("?")[0])

    assert response.status_code == 200
    assert set(response["Cache-Control"].split(", ")) == {"public", "no-cache"}


def test_an_edit_of_either_figure_changes_the_address_and_the_etag(client, dog, plank):
    from poses.services import save_pose

    old_url, old_etag = current(dog, plank), client.get(current(dog, plank))["ETag"]

    save_pose(pose=plank, figure={**PLANK, "angles": {**PLANK["angles"], "shoulder_r": 80}})

    assert current(dog, plank) != old_url
    response = client.get(current(dog, plank), HTTP_IF_NONE_MATCH=old_etag)
    assert response.status_code == 200 and response["ETag"] != old_etag


def test_an_unpublished_pose_makes_it_staff_only_and_private(client, dog, staff_user):
    draft = PoseFactory(is_published=False, figure=PLANK)

    assert client.get(current(dog, draft)).status_code == 404
    assert client.get(current(draft, dog)).status_code == 404
    client.force_login(staff_user)
    response = client.get(current(dog, draft))
    assert response.status_code == 200
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-cache"}


def test_an_unknown_pose_or_side_has_no_transition(client, dog):
    assert client.get("/poses/downward-facing-dog/to/levitation/right-right.svg").status_code == 404
    assert client.get("/poses/downward-facing-dog/to/plank/up-right.svg").status_code == 404


def test_it_answers_head_and_refuses_post(client, dog, plank):
    assert client.head(current(dog, plank)).status_code == 200
    assert client.post(current(dog, plank)).status_code == 405


def test_a_transition_is_two_queries_and_the_same_each_time(
    client, dog, plank, django_assert_num_queries
):
    with django_assert_num_queries(2):  # one per pose
        first = client.get(current(dog, plank))
    with django_assert_num_queries(2):
        again = client.get(current(dog, plank))

    assert first.content == again.content
    assert "Cookie" not in first.get("Vary", "")


def test_the_figures_at_both_ends_are_the_poses_own(dog, plank):
    svg = transition_svg(DOG, PLANK, names=NAMES)

    assert frame_at(svg, "first") == drawn(tree(figure_svg(DOG, name=NAMES[0])))
    assert frame_at(svg, "last") == drawn(tree(figure_svg(PLANK, name=NAMES[1])))


def test_every_figure_of_the_library_moves_into_the_next_and_back():
    slugs = list(FIGURES)
    for a, b in zip(slugs, slugs[1:] + slugs[:1], strict=True):
        for sides in (("right", "right"), ("left", "right")):
            svg = transition_svg(FIGURES[a], FIGURES[b], names=(a, b), sides=sides)
            assert frame_at(svg, "first") == drawn(
                tree(render_svg(FIGURES[a], side=sides[0], title=""))
            )
            last = drawn(tree(render_svg(FIGURES[b], side=sides[1], title="")))
            assert frame_at(svg, "last").endswith(last[1:]), (a, b, sides)
            assert len(svg) < 24_000, (a, b)
