"""Pose figures: data, kinematics, placement and the SVG renderer (pure, no database)."""

import copy
import json
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from poses.figures import interpolate, render_svg, validate_figure
from poses.figures.body import FOOT, SEGMENTS, SHOULDER_HALF_WIDTH, TOES, kinematics, pose
from poses.figures.marks import CIRCLE_RADIUS, SQUARE_SIDE
from poses.figures.render import FLOOR_Y, HEIGHT, WIDTH, _knot_centre, frame_for

CONTENT = Path(__file__).resolve().parents[1] / "content"
FIGURES = json.loads((CONTENT / "figures.json").read_text(encoding="utf-8"))
SVG = "{http://www.w3.org/2000/svg}"
# Entries being written alongside the figures; poses_new.json holds them once it lands.
NEW_SLUGS = [
    "three-legged-dog",
    "revolved-side-angle",
    "twisted-crescent-lunge",
    "knees-chest-chin",
    "tabletop",
    "bharadvajas-twist",
    "reclined-hero",
    "frog",
    "skandasana",
    "half-boat",
    "revolved-head-to-knee",
    "saddle-yin",
    "deer-yin",
    "shoelace-yin",
    "toe-squat-yin",
    "snail-yin",
    "dragonfly-yin",
    "half-butterfly-yin",
    "supported-fish",
    "side-lying-savasana",
    "supported-seated-forward-bend",
    "legs-on-chair",
    "crocodile",
    "constructive-rest",
    "three-part-breath",
    "ujjayi-breath",
    "alternate-nostril-breathing",
    "box-breathing",
    "bhramari-breath",
    "body-scan",
    "seated-meditation",
    "neck-release",
    "shoulder-circles",
    "wrist-circles",
    "chair-cat-cow",
    "chair-twist",
    "chair-forward-fold",
    "chair-figure-four",
    "chair-side-bend",
    "standing-side-bend",
    "five-pointed-star",
]
SLUGS = sorted(FIGURES)
# How close (body units) a declared contact must come to its floor or prop.
CONTACT_TOLERANCE = 1.0


def library_slugs() -> set[str]:
    slugs = set(NEW_SLUGS)
    for name in ("poses.json", "poses_new.json"):
        path = CONTENT / name
        if path.exists():
            slugs |= {row["slug"] for row in json.loads(path.read_text(encoding="utf-8"))}
    return slugs


def test_the_new_entries_are_the_forty_one_announced():
    assert len(set(NEW_SLUGS)) == 41


def test_every_library_entry_has_a_figure_and_every_figure_an_entry():
    assert library_slugs() == set(FIGURES)


@pytest.mark.parametrize("slug", SLUGS)
def test_every_figure_is_valid(slug):
    validate_figure(FIGURES[slug])


def test_neutral_body_stands_upright_on_the_floor():
    body = pose({"view": "side"})
    head_x, head_y, _ = body.points["head"]
    # the skull sits forward of the neck line, so lying down head and back both meet the floor
    assert head_x == pytest.approx(body.radii["head"] - body.radii["chest"])
    # shin + thigh + torso + neck + head, standing on the floor
    assert head_y + body.radii["head"] == pytest.approx(40 + 42 + 22 + 28 + 7 + 22 + 3.5)


@pytest.mark.parametrize("slug", SLUGS)
def test_limbs_stay_joined_with_fixed_lengths(slug):
    points = kinematics(FIGURES[slug])
    for name, (start, end, length) in SEGMENTS.items():
        a, b = points[start], points[end]
        assert math.dist(a, b) == pytest.approx(length, abs=1e-9), name
        assert math.dist(a[:2], b[:2]) <= length + 1e-9, name


def _support_under(body, x: float) -> list[float]:
    """Heights something may rest on at x: the floor, and the top of every prop there."""
    heights = [0.0]
    for prop in body.props:
        if "x0" in prop and prop["x0"] - 1e-9 <= x <= prop["x1"] + 1e-9:
            heights.append(prop["y1"])
    return heights


@pytest.mark.parametrize("slug", SLUGS)
def test_the_lowest_point_rests_on_the_floor_and_nothing_goes_below(slug):
    body = pose(FIGURES[slug])
    edges = [y - body.radii[name] for name, (_, y, _) in body.points.items()]
    edges += [prop["y0"] for prop in body.props if "y0" in prop]
    assert min(edges) == pytest.approx(0, abs=1e-9)


@pytest.mark.parametrize("slug", SLUGS)
def test_declared_contacts_rest_on_the_floor_or_a_prop(slug):
    figure = FIGURES[slug]
    body = pose(figure)
    for name in figure.get("contacts", []):
        x, y, _ = body.points[name]
        edge = y - body.radii[name]
        gaps = [abs(edge - height) for height in _support_under(body, x)]
        assert min(gaps) <= CONTACT_TOLERANCE, f"{name} is {min(gaps):.2f} off its support"


@pytest.mark.parametrize("slug", SLUGS)
def test_props_under_the_body_touch_it_and_stand_on_something(slug):
    figure = FIGURES[slug]
    body = pose(figure)
    supports = [p for p in figure.get("props", []) if "under" in p]
    placed = [p for p in body.props if "x0" in p]
    for prop, box in zip(supports, placed):
        x, y, _ = body.points[prop["under"]]
        assert box["y1"] == pytest.approx(y - body.radii[prop["under"]], abs=1e-9)
        assert box["y0"] >= -1e-9


def _numbers(text: str) -> list[float]:
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", text)]


def _mirrored(right: ET.Element, left: ET.Element) -> None:
    """Every x of the left drawing is WIDTH minus the matching x of the right one."""
    assert right.tag == left.tag
    for attr, value in right.attrib.items():
        other = left.attrib[attr]
        if attr == "d" and value:
            a, b = _numbers(value), _numbers(other)
            assert re.sub(r"[-\d.]+", "", value) == re.sub(r"[-\d.]+", "", other)
            if value.startswith("M0 ") and "H" in value:  # the floor line spans the width
                assert a == b
                continue
            assert a[1::2] == b[1::2]
            for xa, xb in zip(a[0::2], b[0::2], strict=True):
                assert xb == pytest.approx(WIDTH - xa, abs=1e-9)
        elif attr in ("cx",):
            assert float(other) == pytest.approx(WIDTH - float(value), abs=1e-9)
        elif attr == "x":
            width = float(right.attrib["width"])
            assert float(other) == pytest.approx(WIDTH - float(value) - width, abs=1e-9)
        else:
            assert value == other, attr
    assert len(right) == len(left)
    for a, b in zip(right, left):
        _mirrored(a, b)


@pytest.mark.parametrize("slug", SLUGS)
def test_left_side_is_the_exact_mirror_of_the_right(slug):
    right = ET.fromstring(render_svg(FIGURES[slug], side="right", title=slug))
    left = ET.fromstring(render_svg(FIGURES[slug], side="left", title=slug))
    _mirrored(right, left)


@pytest.mark.parametrize("slug", SLUGS)
def test_every_svg_is_small_well_formed_and_titled(slug):
    for side in ("right", "left"):
        svg = render_svg(FIGURES[slug], side=side, title="Extended Hand-to-Big-Toe Pose")
        assert len(svg.encode("utf-8")) < 4096
        root = ET.fromstring(svg)
        assert root.tag == f"{SVG}svg"
        assert root.attrib["role"] == "img"
        assert root.attrib["viewBox"] == "0 0 240 180"
        assert root[0].tag == f"{SVG}title"
        assert root[0].text == "Extended Hand-to-Big-Toe Pose"


def test_the_title_is_escaped():
    svg = render_svg(FIGURES["mountain"], title='Child\'s <b>"Pose" & rest')
    assert ET.fromstring(svg)[0].text == 'Child\'s <b>"Pose" & rest'


def test_no_two_entries_render_the_same_picture():
    drawings = {}
    for slug in SLUGS:
        drawings.setdefault(render_svg(FIGURES[slug], title="Pose"), []).append(slug)
    assert [slugs for slugs in drawings.values() if len(slugs) > 1] == []


def _shape(svg: str) -> list[str]:
    """Element tags in document order, leaving out what is inside the props group."""
    root = ET.fromstring(svg)
    props = root[4]
    return [element.tag for element in root.iter() if element not in list(props)]


def test_every_svg_has_the_same_elements_in_the_same_order():
    shapes = {
        tuple(_shape(render_svg(FIGURES[slug], side=side, title=slug)))
        for slug in SLUGS
        for side in ("right", "left")
    }
    assert len(shapes) == 1


def test_rendering_is_deterministic_and_leaves_the_figure_alone():
    figure = FIGURES["revolved-triangle"]
    before = copy.deepcopy(figure)
    first = render_svg(figure, side="left", title="Revolved Triangle")
    assert render_svg(copy.deepcopy(figure), side="left", title="Revolved Triangle") == first
    assert figure == before


def test_an_unknown_side_is_refused():
    with pytest.raises(ValueError, match="side"):
        render_svg(FIGURES["mountain"], side="middle", title="Mountain Pose")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "A figure must be an object"),
        ({"angles": {}}, '"view" must be one of side, front, top'),
        ({"view": "sky"}, '"view" must be one of side, front, top'),
        ({"view": "side", "colour": "red"}, 'Unknown key "colour"'),
        ({"view": "side", "angles": {"elbow_x": 10}}, 'Unknown joint "elbow_x"'),
        ({"view": "side", "angles": {"knee_r": 200}}, 'Angle "knee_r" is 200°, outside'),
        ({"view": "side", "angles": {"knee_r": -10}}, "outside its range 0..180°"),
        ({"view": "side", "angles": {"knee_r": "90"}}, 'Angle "knee_r" must be a number'),
        ({"view": "side", "angles": {"knee_r": True}}, 'Angle "knee_r" must be a number'),
        ({"view": "side", "angles": [10]}, '"angles" must be an object'),
        ({"view": "side", "depth": {"thigh_r": 90}}, 'Depth of "thigh_r" is 90°'),
        ({"view": "side", "depth": {"wing": 10}}, 'Unknown segment "wing"'),
        ({"view": "side", "near": "middle"}, '"near" must be one of right, left'),
        ({"view": "side", "front": ["tail"]}, '"front" must be a list of limbs'),
        ({"view": "side", "props": {"type": "block"}}, '"props" must be a list'),
        ({"view": "side", "props": [{"type": "pillow"}]}, 'unknown prop "pillow"'),
        ({"view": "side", "props": [{"type": "block"}]}, 'needs "under"'),
        ({"view": "side", "props": [{"type": "block", "under": "tail"}]}, 'unknown point "tail"'),
        (
            {"view": "side", "props": [{"type": "block", "under": "hand_r", "height": 3}]},
            '"height" must be one of low, medium, high',
        ),
        (
            {"view": "side", "props": [{"type": "wall", "at": "toe_r", "under": "toe_r"}]},
            'unknown key "under"',
        ),
        (
            {"view": "side", "props": [{"type": "chair", "under": "pelvis", "shift": 200}]},
            '"shift" must be a number',
        ),
        ({"view": "side", "contacts": ["tail"]}, 'Unknown point "tail" in "contacts"'),
        (
            {"view": "top", "contacts": ["pelvis"]},
            'A top view lies on its mat: it takes no "props"',
        ),
        (
            {"view": "top", "props": [{"type": "block", "under": "hand_r"}]},
            'A top view lies on its mat: it takes no "props"',
        ),
        ({"view": "side", "marks": {"type": "circle"}}, '"marks" must be a list of marks'),
        ({"view": "side", "marks": ["circle"]}, "Mark 1 must be an object"),
        ({"view": "side", "marks": [{"type": "star", "at": "head"}]}, 'unknown mark "star"'),
        (
            {"view": "side", "marks": [{"type": "circle", "at": "wrist_r", "size": 3}]},
            'unknown key "size"',
        ),
        ({"view": "side", "marks": [{"type": "square"}]}, 'Mark 1 (square) needs "at"'),
        ({"view": "side", "marks": [{"type": "breath", "at": "nose"}]}, 'needs "at"'),
    ],
)
def test_validate_figure_refuses_bad_data_with_a_clear_message(data, message):
    with pytest.raises(ValidationError) as error:
        validate_figure(data)
    assert message in error.value.messages[0]


def test_front_view_allows_what_side_view_refuses():
    validate_figure({"view": "front", "angles": {"knee_r": -90, "elbow_l": -120}})


def test_interpolation_gives_each_figure_at_its_end():
    a, b = FIGURES["downward-facing-dog"], FIGURES["plank"]
    assert interpolate(a, b, 0) == a
    assert interpolate(a, b, 1) == b
    assert render_svg(interpolate(a, b, 1), title="Plank") == render_svg(b, title="Plank")


def test_interpolation_turns_the_short_way_round_and_stays_valid():
    a = {"view": "side", "angles": {"torso": 170, "shoulder_r": -170}}
    b = {"view": "side", "angles": {"torso": -170, "shoulder_r": 170}}
    middle = interpolate(a, b, 0.5)
    assert abs(middle["angles"]["torso"]) == 180
    assert abs(middle["angles"]["shoulder_r"]) == 180
    validate_figure(middle)


@pytest.mark.parametrize("t", [0.25, 0.5, 0.75])
def test_frames_between_two_poses_render_with_the_same_elements(t):
    a, b = FIGURES["upward-salute"], FIGURES["warrior-i"]
    frame = interpolate(a, b, t)
    validate_figure(frame)
    assert _shape(render_svg(frame, title="")) == _shape(render_svg(a, title="Upward Salute"))


def test_a_top_view_takes_the_front_views_joints_and_marks():
    validate_figure(
        {
            "view": "top",
            "angles": {"torso": 90, "knee_r": -160},
            "marks": [{"type": "circle", "at": "knee_r"}],
        }
    )


LYING = {"view": "top", "angles": {"torso": 90, "shoulder_r": 170, "shoulder_l": 170}}


def test_a_top_view_lies_centred_on_its_mat_with_no_floor_line():
    root = ET.fromstring(render_svg(LYING, title="Lying"))
    floor, mat = root[2], root[3]
    assert floor.attrib["d"] == ""
    mat_y, mat_h = float(mat.attrib["y"]), float(mat.attrib["height"])
    assert mat_y + mat_h / 2 == pytest.approx(HEIGHT / 2)
    assert float(mat.attrib["width"]) > 2 * mat_h
    body = pose(LYING)
    frame = frame_for(body)
    ys = [float(frame.y(y)) for _, y, _ in body.points.values()]
    assert (min(ys) + max(ys)) / 2 == pytest.approx(HEIGHT / 2, abs=6)
    assert max(ys) < FLOOR_Y


def test_a_top_view_is_drawn_as_the_front_view_of_the_same_angles():
    front = kinematics(dict(LYING, view="front"))
    assert kinematics(LYING) == front


def _last_path(svg: str) -> str:
    return list(ET.fromstring(svg).iter(f"{SVG}path"))[-1].attrib["d"]


def test_a_figure_without_marks_draws_an_empty_marks_path():
    assert _last_path(render_svg(FIGURES["mountain"], title="Mountain")) == ""


def _mark_box(figure: dict) -> tuple[float, float, float, float]:
    numbers = _numbers(_last_path(render_svg(figure, title="Marked")))
    xs, ys = numbers[0::2], numbers[1::2]
    return min(xs), max(xs), min(ys), max(ys)


def test_marks_are_drawn_at_their_point_at_a_fixed_size_inside_the_picture():
    standing = {"view": "side", "angles": {"shoulder_r": 90}}
    circle = dict(standing, marks=[{"type": "circle", "at": "wrist_r"}])
    square = dict(standing, marks=[{"type": "square", "at": "hand_r"}])
    body = pose(circle)
    frame = frame_for(body)
    wx, wy = float(frame.x(body.xy("wrist_r")[0])), float(frame.y(body.xy("wrist_r")[1]))
    x0, x1, y0, y1 = _mark_box(circle)
    assert x0 < wx < x1 and y0 < wy < y1
    assert 2 * CIRCLE_RADIUS * frame.scale <= x1 - x0 <= 2.5 * CIRCLE_RADIUS * frame.scale
    x0, x1, y0, y1 = _mark_box(square)
    hx, hy = body.xy("hand_r")
    frame = frame_for(pose(square))
    assert x0 == pytest.approx(float(frame.x(hx)), abs=0.1)
    assert y1 == pytest.approx(float(frame.y(hy)), abs=0.1)
    assert x1 - x0 >= SQUARE_SIDE * frame.scale
    for x0, x1, y0, y1 in (_mark_box(circle), _mark_box(square)):
        assert 0 <= x0 < x1 <= WIDTH
        assert 0 <= y0 < y1 <= HEIGHT


def test_breath_leaves_the_face_toward_its_point():
    figure = {
        "view": "side",
        "angles": {"shoulder_r": 70, "elbow_r": 100},
        "marks": [{"type": "breath", "at": "hand_r"}],
    }
    body = pose(figure)
    frame = frame_for(body)
    x0, x1, _, _ = _mark_box(figure)
    head_x = float(frame.x(body.xy("head")[0]))
    assert head_x < x0 < x1 < float(frame.x(body.xy("hand_r")[0]))


MARKED = {
    "view": "front",
    "angles": {"shoulder_r": 100, "elbow_r": 60},
    "marks": [
        {"type": "circle", "at": "elbow_r"},
        {"type": "square", "at": "hand_r"},
        {"type": "breath", "at": "hand_r"},
    ],
}


def test_marks_mirror_exactly():
    right = _last_path(render_svg(MARKED, side="right", title="Marked"))
    left = _last_path(render_svg(MARKED, side="left", title="Marked"))
    assert right
    a, b = _numbers(right), _numbers(left)
    assert a[1::2] == b[1::2]
    assert [WIDTH - x for x in a[0::2]] == pytest.approx(b[0::2], abs=1e-9)


def _knot_angle(figure: dict) -> float:
    """Degrees from the top of the head (along the neck) to the knot, + counter-clockwise."""
    body = pose(figure)
    (hx, hy), (nx, ny) = body.xy("head"), body.xy("neck")
    kx, ky = _knot_centre(body)
    return math.degrees(math.atan2(ky - hy, kx - hx) - math.atan2(hy - ny, hx - nx))


def test_the_knot_turns_with_the_chest():
    assert _knot_angle({"view": "side"}) == pytest.approx(50)
    assert _knot_angle({"view": "side", "angles": {"twist": 90}}) == pytest.approx(0, abs=1e-9)
    assert _knot_angle({"view": "front"}) == pytest.approx(0)
    assert _knot_angle({"view": "front", "angles": {"twist": 90}}) == pytest.approx(50)
    assert _knot_angle({"view": "front", "angles": {"twist": -90}}) == pytest.approx(-50)


def test_the_gaze_turns_the_head_beyond_the_chest_and_moves_only_the_knot():
    """A twist's gaze goes over the back shoulder: in side view a head turned past 90° looks
    back, so the knot crosses the top of the head to its front."""
    assert _knot_angle({"view": "side", "angles": {"gaze": 90}}) == pytest.approx(0, abs=1e-9)
    looking_back = {"view": "side", "angles": {"twist": 80, "gaze": 70}}
    assert _knot_angle(looking_back) == pytest.approx(50 * math.cos(math.radians(150)))
    assert _knot_angle({"view": "front", "angles": {"twist": 45, "gaze": 45}}) == pytest.approx(50)
    assert _knot_angle({"view": "front", "angles": {"gaze": -30}}) == pytest.approx(-25)
    still = {"view": "side", "angles": {"twist": 80}}
    assert pose(looking_back).points == pose(still).points  # the body itself does not move
    validate_figure(looking_back)
    with pytest.raises(ValidationError, match='"gaze" is 100°, outside its range -90..90°'):
        validate_figure({"view": "side", "angles": {"gaze": 100}})


def test_a_twist_turns_the_chest_the_same_way_in_both_views():
    """+ turns the chest to its right: the right shoulder goes back, away from the viewer in
    front view (as the knot says) and toward the picture's left in side view."""
    front = kinematics({"view": "front", "angles": {"twist": 60}})
    assert front["shoulder_r"][2] < 0 < front["shoulder_l"][2]
    side = kinematics({"view": "side", "angles": {"twist": 60}})
    assert side["shoulder_r"][0] < side["chest"][0] < side["shoulder_l"][0]


def _torso(figure: dict) -> str:
    root = ET.fromstring(render_svg(figure, title="Torso"))
    return list(root[5])[4].attrib["d"]


def test_the_side_views_torso_shows_the_shoulder_line_when_the_chest_turns():
    square = _numbers(_torso({"view": "side"}).split("M")[2])
    assert square[:2] == square[2:]
    turned = {"view": "side", "angles": {"twist": 90}}
    across = _numbers(_torso(turned).split("M")[2])
    scale = frame_for(pose(turned)).scale
    assert abs(across[2] - across[0]) == pytest.approx(2 * SHOULDER_HALF_WIDTH * scale, abs=0.2)


def test_top_views_and_marks_interpolate_from_the_nearer_end():
    a, b = LYING, MARKED
    assert interpolate(a, b, 0.4)["view"] == "top"
    assert "marks" not in interpolate(a, b, 0.4)
    assert interpolate(a, b, 0.6)["marks"] == b["marks"]
    validate_figure(interpolate(a, b, 0.6))


def test_toes_lie_along_the_foot_unless_they_bend():
    points = kinematics({"view": "side", "depth": {"foot_r": 40}})
    ankle, ball, toe = points["ankle_r"], points["ball_r"], points["toe_r"]
    assert math.dist(ankle, toe) == pytest.approx(FOOT + TOES)
    assert math.dist(ankle, ball) + math.dist(ball, toe) == pytest.approx(FOOT + TOES)


def test_tucked_toes_lie_forward_on_the_floor_under_a_lifted_heel():
    figure = FIGURES["toe-squat-yin"]
    body = pose(figure)
    ankle, ball, toe = body.xy("ankle_r"), body.xy("ball_r"), body.xy("toe_r")
    assert ankle[1] - ball[1] == pytest.approx(FOOT, abs=1)
    assert toe[1] == pytest.approx(ball[1], abs=0.5)
    assert toe[0] > ball[0]
    assert {"ball_r", "toe_r"} <= set(figure["contacts"])


def test_every_leg_is_drawn_through_the_ball_of_the_foot():
    body = pose({"view": "side", "angles": {"toes_r": 90}})
    frame = frame_for(body)
    root = ET.fromstring(render_svg({"view": "side", "angles": {"toes_r": 90}}, title="Toes"))
    near_leg = list(root[5])[-5].attrib["d"]
    ball = f"{frame.x(body.xy('ball_r')[0])} {frame.y(body.xy('ball_r')[1])}"
    assert near_leg.count("L") == 4
    assert ball in near_leg


def test_a_mark_over_the_body_lies_on_a_rim_of_background():
    svg = render_svg(FIGURES["shoulder-circles"], title="Shoulder Circles")
    *_, rim, mark = ET.fromstring(svg)[5]
    assert rim.attrib["d"] == mark.attrib["d"] != ""
    assert rim.attrib["stroke"] == "#eef3ef"
    assert float(rim.attrib["stroke-width"]) > float(mark.attrib["stroke-width"])


def test_the_side_views_spine_is_one_curve_through_the_waist():
    """Pelvis to chest is drawn as a quadratic whose middle is the waist: an arch or a rounded
    back reads as a curve, not two bars meeting at a corner."""
    figure = {"view": "side", "angles": {"torso": -40, "spine": -35}}
    body = pose(figure)
    d = _torso(figure).split("M")[1]
    assert "Q" in d and "L" not in d
    (x0, y0), (qx, qy), (x1, y1) = (_numbers(d)[i : i + 2] for i in range(0, 6, 2))
    frame = frame_for(body)
    middle = ((x0 + 2 * qx + x1) / 4, (y0 + 2 * qy + y1) / 4)  # the curve at t = 0.5
    wx, wy = body.xy("waist")
    assert middle == pytest.approx((float(frame.x(wx)), float(frame.y(wy))), abs=0.15)


def test_a_turned_chest_shows_narrower_at_the_waist_from_the_front():
    from poses.figures.render import _front_torso

    def width(twist):
        body = pose({"view": "front", "angles": {"twist": twist}})
        d = _front_torso(frame_for(body), body)
        xs = [float(v) for v in re.findall(r"[ML](-?[\d.]+) ", d)]
        return xs[4] - xs[1]  # the ring runs hip, waist, shoulder (left), then back (right)

    assert width(60) < width(30) < width(0)
    assert width(-60) == pytest.approx(width(60))
