"""The shapes that tell confusable poses apart (issue 12's blind quiz), held as geometry.

Each test reads the placed figure (body units, y up, floor at 0; a side view faces the
picture's right, a front view has the body's right on the picture's right) and checks the
one thing a practitioner looks at to name the pose, so a later edit that blurs the
difference fails here, not in the next blind quiz.
"""

import json
import math
from pathlib import Path

import pytest

from poses.figures.body import (
    FRONT_TORSO_RADIUS,
    HIP_HALF_WIDTH,
    LIMB_RADIUS,
    SHOULDER_HALF_WIDTH,
    pose,
)
from poses.figures.render import FLOOR_Y, MARGIN_TOP, _extent, _knot_centre, frame_for

FIGURES = json.loads(
    (Path(__file__).resolve().parents[1] / "content" / "figures.json").read_text("utf-8")
)


def body(slug):
    return pose(FIGURES[slug])


def x(b, point):
    return b.xy(point)[0]


def y(b, point):
    return b.xy(point)[1]


def test_toe_squat_sits_on_lifted_heels_over_tucked_toes():
    b = body("toe-squat-yin")
    assert FIGURES["toe-squat-yin"]["view"] == "side"
    for s in "rl":
        assert y(b, f"ankle_{s}") - y(b, f"ball_{s}") > 8  # the sole stands upright
        assert x(b, f"toe_{s}") > x(b, f"ball_{s}")  # toes tucked forward under it
    assert abs(x(b, "pelvis") - x(b, "ankle_r")) < 8  # the seat is on the heels
    assert y(b, "pelvis") > y(b, "knee_r") + 15


def test_hero_sits_between_the_feet_with_the_knees_together():
    b = body("hero-pose")
    assert FIGURES["hero-pose"]["view"] == "front"
    assert x(b, "ankle_r") > x(b, "hip_r") + 8 and x(b, "ankle_l") < x(b, "hip_l") - 8
    assert x(b, "knee_r") - x(b, "knee_l") < x(b, "hip_r") - x(b, "hip_l")
    for s in "rl":
        assert y(b, f"ankle_{s}") == pytest.approx(y(b, f"knee_{s}"), abs=1)  # feet on the floor


def feet_up(slug) -> set[str]:
    """The feet resting up on a thigh: the ankle above the knees, the foot turned up."""
    b = body(slug)
    knees = max(y(b, "knee_r"), y(b, "knee_l"))
    return {s for s in "rl" if y(b, f"ankle_{s}") > knees and y(b, f"toe_{s}") > y(b, f"ankle_{s}")}


def test_lotus_half_lotus_and_easy_pose_differ_in_the_feet_on_the_thighs():
    assert feet_up("lotus") == {"r", "l"}
    assert feet_up("half-lotus") == {"r"}
    assert feet_up("easy-pose") == set()
    b = body("easy-pose")  # crossed shins: each foot on the floor beyond the other leg's line
    for s, other in (("r", "l"), ("l", "r")):
        assert y(b, f"knee_{s}") > y(b, f"ankle_{s}") + 8
        assert math.copysign(1, x(b, f"ankle_{s}")) == math.copysign(1, x(b, f"knee_{other}"))


def test_shoelace_stacks_the_knees_and_fire_log_stacks_level_shins():
    shoelace = body("shoelace-yin")
    assert abs(x(shoelace, "knee_r") - x(shoelace, "knee_l")) < 3
    assert y(shoelace, "knee_r") - y(shoelace, "knee_l") > 8
    for s, side in (("r", -1), ("l", 1)):  # each foot beside the other hip
        assert x(shoelace, f"ankle_{s}") * side > 15
    log = body("fire-log")
    for s in "rl":
        assert y(log, f"knee_{s}") == pytest.approx(y(log, f"ankle_{s}"), abs=0.5)
    assert y(log, "knee_r") - y(log, "knee_l") >= 2 * LIMB_RADIUS
    assert x(log, "ankle_r") < 0 < x(log, "knee_r")  # the top shin lies across the bottom one


def test_bharadvaja_folds_both_legs_to_one_side_and_easy_seated_twist_crosses_them():
    b = body("bharadvajas-twist")
    assert x(b, "ankle_r") < x(b, "hip_l") and x(b, "ankle_l") < x(b, "hip_l")
    e = body("easy-seated-twist")
    assert x(e, "ankle_r") < 0 < x(e, "ankle_l")
    for slug in ("bharadvajas-twist", "easy-seated-twist"):
        assert FIGURES[slug]["angles"]["twist"] >= 45


def test_the_circles_mark_the_joint_that_circles():
    def marked(slug):
        return {m["at"] for m in FIGURES[slug]["marks"] if m["type"] == "circle"}

    assert marked("shoulder-circles") == {"shoulder_r", "shoulder_l"}
    assert marked("wrist-circles") <= {"wrist_r", "wrist_l"}


def test_camel_is_a_deep_backbend_with_the_hips_over_the_knees_and_hands_on_the_heels():
    b = body("camel")
    assert 0 <= x(b, "hip_r") - x(b, "knee_r") <= 6  # upright thighs, hips over (never behind)
    assert x(b, "chest") < x(b, "waist") < x(b, "pelvis")  # the trunk arches back
    assert y(b, "head") < y(b, "chest")  # the head dropped back
    assert hand_on_foot(b, "r")  # hands on the heels
    assert FIGURES["camel"]["angles"]["spine"] <= -30


def hand_on_foot(b, s) -> bool:
    """The fingertips rest on the upturned sole: over the ankle→ball line, a stroke above it."""
    (hx, hy), (ax, ay), (bx, _) = b.xy(f"hand_{s}"), b.xy(f"ankle_{s}"), b.xy(f"ball_{s}")
    return min(ax, bx) - 3 <= hx <= max(ax, bx) + 3 and 0 < hy - ay <= 2 * LIMB_RADIUS + 1


def direction(b, start, end) -> float:
    (x0, y0), (x1, y1) = b.xy(start), b.xy(end)
    return math.degrees(math.atan2(y1 - y0, x1 - x0)) % 360


def test_camel_kneels_on_flat_shins_and_arcs_back_from_the_knees():
    b = body("camel")
    for s in "rl":
        assert y(b, f"ankle_{s}") == pytest.approx(y(b, f"knee_{s}"), abs=1)  # shin on the floor
        assert y(b, f"toe_{s}") == pytest.approx(y(b, f"ankle_{s}"), abs=1)  # top of foot down
        assert x(b, f"toe_{s}") < x(b, f"ankle_{s}") < x(b, f"knee_{s}")  # pointing back
        assert hand_on_foot(b, s)
    # knee→hip, pelvis→waist, waist→chest, chest→head turn back further at each joint: an arc
    turns = [
        direction(b, "knee_r", "hip_r"),
        direction(b, "pelvis", "waist"),
        direction(b, "waist", "chest"),
        direction(b, "chest", "head"),
    ]
    assert all(10 <= after - before <= 75 for before, after in zip(turns, turns[1:])), turns


def test_saddle_folds_the_shins_back_beside_the_thighs():
    b = body("saddle-yin")
    assert FIGURES["saddle-yin"]["view"] == "side"
    for s in "rl":
        assert x(b, f"knee_{s}") - x(b, "hip_r") > 30  # thighs forward along the mat
        assert y(b, f"knee_{s}") - LIMB_RADIUS < 1  # knees down on the floor
        assert y(b, f"ankle_{s}") - LIMB_RADIUS < 1  # the shin folds back down to the floor
        assert abs(x(b, f"ankle_{s}") - x(b, "hip_r")) < 10  # folded back: foot by the hip
        assert x(b, f"toe_{s}") < x(b, f"ankle_{s}")  # tops of the feet down, toes back
    # the thigh rises from the knee to the hip on the heels, so the folded shin shows beneath
    # it as its own bar on the floor (a wedge), not hidden under one straight leg
    assert y(b, "hip_r") - y(b, "ankle_r") >= 2 * LIMB_RADIUS + 3


def test_saddle_rests_the_back_on_a_bolster_with_the_seat_on_the_heels():
    """Yin Saddle reclines: the back and head lie on a lengthwise bolster, the hips no higher
    than the back, the seat on the heels (not lifted above them)."""
    figure = FIGURES["saddle-yin"]
    b = body("saddle-yin")
    (bolster,) = [p for p in b.props if p["type"] == "bolster"]
    assert {"type": "bolster", "under": "chest"}.items() <= figure["props"][0].items()
    assert y(b, "chest") - b.radii["chest"] == pytest.approx(bolster["y1"])  # back on it
    assert bolster["y0"] == pytest.approx(0, abs=0.5)  # the bolster stands on the floor
    assert bolster["x0"] < x(b, "head") < bolster["x1"]  # the head rests on it too
    assert y(b, "head") - b.radii["head"] < bolster["y1"] + 3
    assert y(b, "pelvis") < y(b, "chest")  # hips not lifted above the back
    # reclined: pelvis to chest within 25° of the floor, not propped up on the arms
    assert direction(b, "pelvis", "chest") > 155
    seat = y(b, "pelvis") - b.radii["pelvis"]
    assert 0 <= seat - (y(b, "ankle_r") + LIMB_RADIUS) < 2  # sitting on the heels


def test_hero_feet_point_straight_back_tops_down_beside_the_hips():
    b = body("hero-pose")
    for s in "rl":
        assert y(b, f"toe_{s}") == pytest.approx(y(b, f"ankle_{s}"), abs=1)  # not upturned
        assert math.dist(b.xy(f"ankle_{s}"), b.xy(f"toe_{s}")) < 6  # foreshortened: points back


def test_lotus_feet_rest_high_in_the_hip_creases():
    for slug, sides in (("lotus", "rl"), ("half-lotus", "r")):
        b = body(slug)
        for s in sides:
            assert abs(x(b, f"ankle_{s}")) < HIP_HALF_WIDTH  # heel at the crease, near the midline
            assert y(b, f"ankle_{s}") > y(b, f"knee_{s}") + 6  # up on the thigh
            assert y(b, f"toe_{s}") - y(b, f"ankle_{s}") > 8  # the foot stands up, clear of it


def test_bharadvaja_tells_the_two_folded_legs_apart_and_shows_the_twist():
    b = body("bharadvajas-twist")
    # the top foot rests on the other one: its shin rises clear of the shin on the floor
    assert y(b, "ankle_l") - y(b, "ankle_r") > 2 * LIMB_RADIUS + 1
    assert x(b, "knee_r") - x(b, "knee_l") > 2 * LIMB_RADIUS + 4  # two knees, not one bar
    # the chest turns right: the left hand crosses to the right knee, the right hand behind
    assert math.dist(b.xy("hand_l"), b.xy("knee_r")) < 10
    assert x(b, "hand_l") > x(b, "pelvis") + 10
    assert b.points["hand_r"][2] < 0 and y(b, "hand_r") == pytest.approx(LIMB_RADIUS, abs=0.5)


@pytest.mark.parametrize("slug", ["easy-seated-twist", "bharadvajas-twist"])
def test_twists_plant_one_hand_behind_the_hips_and_the_other_on_the_opposite_knee(slug):
    b = body(slug)
    hand = b.points["hand_r"]
    assert hand[2] < -15 and y(b, "hand_r") - LIMB_RADIUS < 1  # on the floor, behind the seat
    # the arm reaches back: the elbow out to the side, the forearm turning in behind the body
    assert x(b, "elbow_r") > x(b, "hand_r") + 5 and x(b, "elbow_r") > x(b, "waist") + 20
    assert b.points["elbow_r"][2] > hand[2]
    assert math.dist(b.xy("hand_l"), b.xy("knee_r")) < 10  # the other hand on the right knee
    assert FIGURES[slug]["angles"]["twist"] >= 45  # the chest turned toward the back hand


def test_toe_squat_shows_the_heels_up_under_the_seat_and_the_toes_bent_forward():
    b = body("toe-squat-yin")
    for s in "rl":
        assert x(b, f"ankle_{s}") < x(b, f"ball_{s}") - 3  # the heel lifted back over the ball
        assert y(b, f"ball_{s}") - LIMB_RADIUS < 1 and y(b, f"toe_{s}") - LIMB_RADIUS < 1
        assert x(b, f"toe_{s}") > x(b, f"ball_{s}") + 3  # toes bent forward along the floor
    seat = y(b, "pelvis") - b.radii["pelvis"]
    assert seat - (y(b, "ankle_r") + LIMB_RADIUS) < 2  # sitting on the heels, not above them
    assert abs(x(b, "pelvis") - x(b, "ankle_r")) < 5


def test_fire_log_rests_the_top_shin_on_the_bottom_one():
    """Touching shins leave one rim line between them; a gap left two rim bands with a
    sliver of torso between them, drawn as stray hairlines (an "=")."""
    log = body("fire-log")
    for point in ("knee", "ankle"):
        gap = y(log, f"{point}_r") - y(log, f"{point}_l")
        assert 2 * LIMB_RADIUS <= gap <= 2 * LIMB_RADIUS + 1
    for s in "rl":  # the hands rest on the top shin
        assert 0 < y(log, f"hand_{s}") - y(log, "knee_r") <= 2 * LIMB_RADIUS


@pytest.mark.parametrize("slug", ["easy-seated-twist", "bharadvajas-twist"])
def test_front_view_twists_turn_the_chest_to_profile_over_square_hips(slug):
    """Seen from the front the hips stay square while the chest shows in profile: a twist
    of 45° still read as a chest facing forward at card size."""
    b = body(slug)
    assert x(b, "hip_r") - x(b, "hip_l") == pytest.approx(2 * HIP_HALF_WIDTH)  # hips square
    assert abs(x(b, "shoulder_r") - x(b, "shoulder_l")) < 0.4 * SHOULDER_HALF_WIDTH
    # the face looks the way the chest turns (to its right: the picture's right), so the knot
    # sits on the other side of the head
    assert _knot_centre(b)[0] < x(b, "head") - 8


def test_marichyasana_c_looks_back_over_the_bent_knees_shoulder():
    """Side view: the legs in profile, the chest turned to the viewer and the gaze beyond it,
    so the knot comes to the front of the head: the face looks back, away from the legs."""
    b = body("marichyasana-c")
    assert x(b, "ankle_l") > x(b, "knee_r") > x(b, "pelvis")  # the straight leg points ahead
    angles = FIGURES["marichyasana-c"]["angles"]
    assert angles["twist"] + angles["gaze"] > 120
    assert _knot_centre(b)[0] > x(b, "head") + 3


def test_bharadvaja_sweeps_both_feet_out_beside_the_left_hip_and_the_knees_right():
    b = body("bharadvajas-twist")
    for s in "rl":
        assert x(b, f"toe_{s}") < x(b, "hip_l") - 15  # both feet out past the left hip
        assert x(b, f"knee_{s}") > x(b, "hip_l")  # both knees on the right of the left hip
    assert min(x(b, "knee_r"), x(b, "knee_l")) - max(x(b, "ankle_r"), x(b, "ankle_l")) > 15


def test_camel_lifts_the_chest_high_in_a_deep_arch():
    """At card size a shallow Camel read as a box: the chest is the top of the figure, well
    above the hips and back over the heels, and the head hangs back below it beside the arms."""
    b = body("camel")
    assert y(b, "chest") - y(b, "pelvis") > 20
    assert x(b, "chest") < x(b, "ankle_r") + 8  # the chest reaches back over the heels
    assert y(b, "chest") == max(y(b, p) for p in ("pelvis", "waist", "chest", "neck", "head"))
    assert y(b, "head") < y(b, "chest") - 10 and x(b, "head") < x(b, "chest")
    # the arch: the waist well above the straight line from the pelvis to the chest
    (px, py), (wx, wy), (cx, cy) = b.xy("pelvis"), b.xy("waist"), b.xy("chest")
    assert wy - (py + (cy - py) * (wx - px) / (cx - px)) > 8


@pytest.mark.parametrize(
    "slug", ["camel", "lotus", "half-lotus", "easy-pose", "hero-pose", "fire-log", "cow-face"]
)
def test_compact_kneeling_and_seated_shapes_fill_most_of_the_picture_height(slug):
    """On a library card (~160 px) a kneeling or seated figure capped at a small scale left
    the feet and hands a few pixels wide: these shapes grow until they fill 3/4 of the
    height above the floor line."""
    b = body(slug)
    frame = frame_for(b)
    top = _extent(b)[2]
    assert frame.scale * top >= 0.75 * (FLOOR_Y - MARGIN_TOP)


def test_toe_squat_rests_the_hands_on_the_thighs_clear_of_the_tucked_feet():
    """The library's steps: upright, hands on the thighs. Arms hanging to the floor covered
    the heels, the one part that tells Toe Squat from kneeling on flat feet at card size."""
    b = body("toe-squat-yin")
    for s in "rl":
        hip, knee = b.xy(f"hip_{s}"), b.xy(f"knee_{s}")
        assert hip[0] < x(b, f"hand_{s}") < knee[0] + 3  # over the thigh...
        t = (x(b, f"hand_{s}") - hip[0]) / (knee[0] - hip[0])
        assert 0 < y(b, f"hand_{s}") - (hip[1] + t * (knee[1] - hip[1])) <= 2 * LIMB_RADIUS + 1
        assert x(b, f"hand_{s}") - x(b, f"ankle_{s}") > 28  # ...far in front of the heels
        assert x(b, f"wrist_{s}") - x(b, f"ankle_{s}") > 22  # the forearm along the thigh


def test_shoelace_shows_two_separate_chevrons_one_knee_over_the_other():
    """Upright, the stacked legs read as two chevrons, the top knee clear above the bottom
    one; folded forward, the chest hid the knees and the arms drew a third chevron over
    them. The hands rest on the floor outside the feet."""
    b = body("shoelace-yin")
    assert "lower_torso" not in FIGURES["shoelace-yin"].get("depth", {})  # upright
    assert y(b, "knee_r") - y(b, "knee_l") >= 2 * LIMB_RADIUS + 5
    for s, side in (("r", 1), ("l", -1)):
        assert x(b, f"hand_{s}") * side > max(abs(x(b, "toe_r")), abs(x(b, "toe_l"))) + 5
        assert y(b, f"hand_{s}") - LIMB_RADIUS < 1


def test_lotus_feet_reach_out_over_the_opposite_thigh_past_the_torso():
    """Drawn over the torso the upturned feet were dark on dark and read as crossed hands at
    card size: each foot now reaches out over the other thigh, past the torso's edge."""
    edge = HIP_HALF_WIDTH + FRONT_TORSO_RADIUS
    for slug, sides in (("lotus", "rl"), ("half-lotus", "r")):
        b = body(slug)
        for s in sides:
            other = -1 if s == "r" else 1  # the right foot rests on the left thigh
            assert x(b, f"toe_{s}") * other > edge + 3
            assert x(b, f"ankle_{s}") * other > 0  # the heel already across the midline


def test_supported_twist_sits_with_the_knees_folded_aside_and_lies_along_its_bolster():
    """Blind quizzes: first the torso rose off the bolster with the arms forward as in Child's
    Pose; then it read as a prone pose on a short bolster across the chest, hips lifted, no
    turn, the knees not bent. The library's steps: the right hip at the bolster's short end,
    both knees bent and stacked, the legs to the left, the chest turned to the right and laid
    down along the bolster, the head resting on it turned to the side, forearms on the floor."""
    figure = FIGURES["supported-twist"]
    b = pose(figure)
    assert figure["view"] == "front"  # the seat square to the viewer, the knees toward it
    (bolster,) = [p for p in b.props if p["type"] == "bolster"]
    assert bolster["y0"] == pytest.approx(0, abs=0.1)  # the bolster lies on the floor
    # seated: both hips level on the floor, the lower back rising nearly upright from them
    for s in "rl":
        assert y(b, f"hip_{s}") - b.radii[f"hip_{s}"] == pytest.approx(0, abs=0.1)
    assert y(b, "waist") - y(b, "pelvis") > 18
    assert abs(x(b, "waist") - x(b, "pelvis")) < 8
    # the bolster runs lengthwise out from beside the right hip
    assert 0 < bolster["x0"] - (x(b, "hip_r") + FRONT_TORSO_RADIUS) < 3
    assert bolster["x1"] - bolster["x0"] > 55
    # the turn: square hips (a level line across them) under a chest turned toward the
    # bolster (its shoulders one over the other, nearer together than square shoulders)
    assert x(b, "hip_r") - x(b, "hip_l") == pytest.approx(2 * HIP_HALF_WIDTH)
    assert abs(x(b, "shoulder_r") - x(b, "shoulder_l")) < 1
    assert 4 < y(b, "shoulder_l") - y(b, "shoulder_r") < SHOULDER_HALF_WIDTH
    assert figure["angles"]["twist"] >= 60
    # chest and head lie along the bolster: the upper back level, both resting on its top
    assert abs(y(b, "chest") - y(b, "waist")) < 3
    for point in ("shoulder_r", "head"):
        assert bolster["x0"] < x(b, point) < bolster["x1"]
        assert y(b, point) - b.radii[point] == pytest.approx(bolster["y1"], abs=0.5)
    # the head turned to the side: the knot on the crown, along the bolster, not on top
    knot_x, knot_y = _knot_centre(b)
    assert knot_x > x(b, "head") + 10 and abs(knot_y - y(b, "head")) < 4
    # the forearms on the floor beside the bolster, pointing along it, not reaching ahead
    for s in "rl":
        for point in (f"elbow_{s}", f"wrist_{s}"):
            assert y(b, point) == pytest.approx(LIMB_RADIUS, abs=0.5)
        assert bolster["x0"] < x(b, f"elbow_{s}") < x(b, f"wrist_{s}") < bolster["x1"]
    # both legs folded to the left, each knee a peak above its hip and its foot (bent, not
    # stretched out), the right knee stacked over the left (room for the blanket between)
    for s in "rl":
        assert x(b, f"toe_{s}") < x(b, f"knee_{s}") < x(b, "hip_l") - 15
        assert y(b, f"knee_{s}") > max(y(b, f"hip_{s}"), y(b, f"ankle_{s}")) + 8
    assert abs(x(b, "knee_r") - x(b, "knee_l")) < 4
    assert y(b, "knee_r") - y(b, "knee_l") > 2 * LIMB_RADIUS
    assert y(b, "ankle_l") == pytest.approx(LIMB_RADIUS, abs=0.5)  # the feet on the floor,
    assert y(b, "ankle_r") - y(b, "ankle_l") == pytest.approx(2 * LIMB_RADIUS, abs=0.5)  # stacked
