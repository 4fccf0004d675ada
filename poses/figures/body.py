"""The articulated body: fixed proportions, joint table and forward kinematics.

Units are body units (a standing figure is about 161 tall; one unit is roughly
one centimetre). Points come out in a y-up frame whose floor is y = 0: the body
is placed so that its lowest edge (a stroke's edge, not its centre line) rests
on the floor or on a prop it declares, never below it. Each segment keeps its
length in three dimensions: `depth` tilts a segment out of the picture plane,
which shortens only its drawn length (L·cos(depth)).

Drawn unmirrored, a side-view figure faces the picture's right; in front view
the body's right side is on the picture's right. A top view is drawn as a front
view whose picture plane is the floor (seen from above).
"""

import math
from dataclasses import dataclass, field

VIEWS = ("side", "front", "top")
# Views drawn in the body's frontal plane: a front view, and a top view of a body lying down.
FLAT_VIEWS = ("front", "top")
SIDES = ("r", "l")

# Segment lengths.
LOWER_TORSO = 22.0  # pelvis → waist
UPPER_TORSO = 28.0  # waist → chest (base of the neck, where the arms hang)
NECK = 7.0
HEAD_RADIUS = 11.0
UPPER_ARM = 30.0
FOREARM = 26.0
HAND = 9.0
THIGH = 42.0
SHIN = 40.0
FOOT = 10.0  # ankle → ball of the foot
TOES = 4.0  # ball of the foot → tips of the toes
SHOULDER_HALF_WIDTH = 15.0
SHOULDER_DROP = 3.0  # the arms hang from a little below the base of the neck
HIP_HALF_WIDTH = 8.0

# Half the stroke widths: how far a drawn part reaches beyond its centre line.
LIMB_RADIUS = 3.5
TORSO_RADIUS = 6.0
NECK_RADIUS = 3.0
FRONT_TORSO_RADIUS = 3.5

# Segment name → (from point, to point, length), for every segment with a length.
SEGMENTS: dict[str, tuple[str, str, float]] = {
    "lower_torso": ("pelvis", "waist", LOWER_TORSO),
    "upper_torso": ("waist", "chest", UPPER_TORSO),
    "neck": ("chest", "neck", NECK),
}
for _s in SIDES:
    SEGMENTS |= {
        f"upper_arm_{_s}": (f"shoulder_{_s}", f"elbow_{_s}", UPPER_ARM),
        f"forearm_{_s}": (f"elbow_{_s}", f"wrist_{_s}", FOREARM),
        f"hand_{_s}": (f"wrist_{_s}", f"hand_{_s}", HAND),
        f"thigh_{_s}": (f"hip_{_s}", f"knee_{_s}", THIGH),
        f"shin_{_s}": (f"knee_{_s}", f"ankle_{_s}", SHIN),
        f"foot_{_s}": (f"ankle_{_s}", f"ball_{_s}", FOOT),
        f"toes_{_s}": (f"ball_{_s}", f"toe_{_s}", TOES),
    }

POINTS = ("pelvis", "waist", "chest", "neck", "head") + tuple(
    f"{part}_{s}"
    for s in SIDES
    for part in ("shoulder", "elbow", "wrist", "hand", "hip", "knee", "ankle", "ball", "toe")
)

# Joint → (minimum, maximum) in degrees, per view. See poses.figures.schema for meanings.
_SIDE_LIMBS = {
    "shoulder": (-180, 180),
    "elbow": (-90, 180),
    "wrist": (-120, 120),
    "hip": (-150, 210),
    "knee": (0, 180),
    "ankle": (-90, 120),
    "toes": (-30, 90),
}
_FRONT_LIMBS = {
    "shoulder": (-180, 180),
    "elbow": (-180, 180),
    "wrist": (-180, 180),
    "hip": (-180, 180),
    "knee": (-180, 180),
    "ankle": (-90, 180),
    "toes": (-30, 90),
}
_TRUNK = {
    "torso": (-180, 180),
    "spine": (-90, 90),
    "neck": (-120, 120),
    "twist": (-90, 90),
    "pelvis": (-90, 90),
    "gaze": (-90, 90),
}


def _ranges(limbs: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    joints = dict(_TRUNK)
    for s in SIDES:
        for name, bounds in limbs.items():
            joints[f"{name}_{s}"] = bounds
    return joints


JOINT_RANGES = {
    "side": _ranges(_SIDE_LIMBS),
    "front": _ranges(_FRONT_LIMBS),
    "top": _ranges(_FRONT_LIMBS),
}
JOINTS = tuple(JOINT_RANGES["side"])
DEPTH_LIMIT = 85
# In front and top view a foot points mostly at the viewer unless its depth says otherwise.
FRONT_FOOT_DEPTH = 60.0


@dataclass
class Body:
    """Placed points (x, y, z) in body units, the drawn radius of each, and the view."""

    view: str
    points: dict[str, tuple[float, float, float]]
    radii: dict[str, float]
    near: str = "r"
    props: list[dict] = field(default_factory=list)
    front: tuple[str, ...] = ()
    twist: float = 0.0
    gaze: float = 0.0
    marks: list[dict] = field(default_factory=list)

    def xy(self, name: str) -> tuple[float, float]:
        x, y, _ = self.points[name]
        return x, y


def _unit(degrees: float) -> tuple[float, float]:
    a = math.radians(degrees)
    return math.cos(a), math.sin(a)


def _step(start, direction_deg: float, length: float, depth_deg: float):
    dx, dy = _unit(direction_deg)
    flat = length * math.cos(math.radians(depth_deg))
    rise = length * math.sin(math.radians(depth_deg))
    return (start[0] + dx * flat, start[1] + dy * flat, start[2] + rise)


def _offset(start, direction_deg: float, in_plane: float, out_of_plane: float):
    dx, dy = _unit(direction_deg)
    return (start[0] + dx * in_plane, start[1] + dy * in_plane, start[2] + out_of_plane)


def kinematics(figure: dict) -> dict[str, tuple[float, float, float]]:
    """Joint angles → unplaced points, the pelvis at the origin (figure already validated)."""
    view = figure["view"]
    angle = figure.get("angles", {}).get
    depth = dict(figure.get("depth", {}))
    if view in FLAT_VIEWS:
        for s in SIDES:
            depth.setdefault(f"foot_{s}", FRONT_FOOT_DEPTH)
    for s in SIDES:  # the toes lie along the foot unless their depth says otherwise
        if f"foot_{s}" in depth:
            depth.setdefault(f"toes_{s}", depth[f"foot_{s}"])
    dep = lambda segment: depth.get(segment, 0.0)  # noqa: E731

    p = {"pelvis": (0.0, 0.0, 0.0)}
    lower = 90.0 - angle("torso", 0)
    upper = lower - angle("spine", 0)
    neck = upper - angle("neck", 0)
    p["waist"] = _step(p["pelvis"], lower, LOWER_TORSO, dep("lower_torso"))
    p["chest"] = _step(p["waist"], upper, UPPER_TORSO, dep("upper_torso"))
    p["neck"] = _step(p["chest"], neck, NECK, dep("neck"))
    p["head"] = _step(p["neck"], neck, HEAD_RADIUS, dep("neck"))
    if view == "side":
        # The spine runs at the back of the skull: the head sits forward of the neck line, so
        # lying down the back of the head and the back of the chest both reach the floor.
        p["head"] = _step(p["head"], neck - 90, HEAD_RADIUS - TORSO_RADIUS, 0)

    twist = math.radians(angle("twist", 0))
    turn = angle("pelvis", 0)
    for s in SIDES:
        m = 1 if (s == "r" or view == "side") else -1
        sign = 1 if s == "r" else -1
        # The line across the shoulders: in side view a twist shows it, in front view it hides it.
        # The line across the hips: side view turns it about the spine, front view tilts it.
        if view == "side":
            across, toward_viewer = -math.sin(twist), math.cos(twist)
            hip_line = lower - 90
            hip_across, hip_toward = -math.sin(math.radians(turn)), math.cos(math.radians(turn))
        else:
            across, toward_viewer = math.cos(twist), -math.sin(twist)
            hip_line = lower - 90 - turn
            hip_across, hip_toward = 1.0, 0.0
        w, h = SHOULDER_HALF_WIDTH * sign, HIP_HALF_WIDTH * sign
        top = _step(p["chest"], upper + 180, SHOULDER_DROP, -dep("upper_torso"))
        p[f"shoulder_{s}"] = _offset(top, upper - 90, w * across, w * toward_viewer)
        p[f"hip_{s}"] = _offset(p["pelvis"], hip_line, h * hip_across, h * hip_toward)

        arm = upper + 180 + m * angle(f"shoulder_{s}", 0)
        forearm = arm + m * angle(f"elbow_{s}", 0)
        hand = forearm + m * angle(f"wrist_{s}", 0)
        thigh = lower + 180 + m * angle(f"hip_{s}", 0)
        shin = thigh - m * angle(f"knee_{s}", 0)
        foot = shin + m * (90 - angle(f"ankle_{s}", 0))
        toes = foot + m * angle(f"toes_{s}", 0)
        chain = (
            ("shoulder", "elbow", arm, UPPER_ARM, "upper_arm"),
            ("elbow", "wrist", forearm, FOREARM, "forearm"),
            ("wrist", "hand", hand, HAND, "hand"),
            ("hip", "knee", thigh, THIGH, "thigh"),
            ("knee", "ankle", shin, SHIN, "shin"),
            ("ankle", "ball", foot, FOOT, "foot"),
            ("ball", "toe", toes, TOES, "toes"),
        )
        for start, end, direction, length, segment in chain:
            p[f"{end}_{s}"] = _step(p[f"{start}_{s}"], direction, length, dep(f"{segment}_{s}"))
    return p


def radii(view: str) -> dict[str, float]:
    """How far the drawing reaches beyond each point: what rests on the floor is this edge."""
    r = dict.fromkeys(POINTS, LIMB_RADIUS)
    trunk = TORSO_RADIUS if view == "side" else FRONT_TORSO_RADIUS
    r |= {"pelvis": trunk, "waist": trunk, "chest": trunk, "neck": NECK_RADIUS}
    r["head"] = HEAD_RADIUS
    if view in FLAT_VIEWS:
        for s in SIDES:
            r[f"hip_{s}"] = r[f"shoulder_{s}"] = FRONT_TORSO_RADIUS
    return r


# Prop sizes in body units: (width, height) as seen in the picture.
BLOCK_SIZES = {"low": (24.0, 8.0), "medium": (24.0, 14.0), "high": (14.0, 24.0)}
BOLSTER_ALONG = (62.0, 18.0)
BOLSTER_ACROSS_RADIUS = 10.0
BLANKET = (44.0, 7.0)
CHAIR_SEAT_HEIGHT = 40.0  # top of the seat: a shin's length, so thighs rest level
CHAIR_SEAT_DEPTH = 38.0
CHAIR_BACK_HEIGHT = 40.0
PROP_TYPES = ("block", "bolster", "blanket", "strap", "wall", "chair")


def _support(prop: dict, points, r) -> dict:
    """A prop that something rests on: its box (x0, x1, y0, y1) with its top under `under`."""
    x, y, _ = points[prop["under"]]
    top = y - r[prop["under"]]
    x += prop.get("shift", 0)
    kind = prop["type"]
    if kind == "chair":
        facing = 1 if prop.get("facing", "right") == "right" else -1
        back, front = x - facing * CHAIR_SEAT_DEPTH * 0.25, x + facing * CHAIR_SEAT_DEPTH * 0.75
        return {
            "type": "chair",
            "x0": min(back, front),
            "x1": max(back, front),
            "y0": top - CHAIR_SEAT_HEIGHT,
            "y1": top,
            "back": back,
        }
    if kind == "bolster" and prop.get("across"):
        rr = BOLSTER_ACROSS_RADIUS
        return {"type": "bolster_across", "x0": x - rr, "x1": x + rr, "y0": top - 2 * rr, "y1": top}
    if kind == "block":
        width, height = BLOCK_SIZES[prop.get("height", "medium")]
    elif kind == "bolster":
        width, height = BOLSTER_ALONG
    else:
        width, height = BLANKET
    return {"type": kind, "x0": x - width / 2, "x1": x + width / 2, "y0": top - height, "y1": top}


def pose(figure: dict) -> Body:
    """Kinematics, then placement: the lowest edge of the body or of a prop under it meets
    the floor (y = 0); walls touch the point they are set against. Pelvis stays at x = 0."""
    points = kinematics(figure)
    r = radii(figure["view"])
    supports = [_support(p, points, r) for p in figure.get("props", []) if "under" in p]
    lowest = min([y - r[name] for name, (_, y, _) in points.items()] + [s["y0"] for s in supports])
    placed = {name: (x, y - lowest, z) for name, (x, y, z) in points.items()}
    props = [s | {"y0": s["y0"] - lowest, "y1": s["y1"] - lowest} for s in supports]
    for prop in figure.get("props", []):
        if prop["type"] == "wall":
            x, _, _ = placed[prop["at"]]
            away = 1 if x >= _centre_x(placed) else -1
            props.append({"type": "wall", "x": x + away * r[prop["at"]], "away": away})
        elif prop["type"] == "strap":
            props.append({"type": "strap", "from": prop["from"], "to": prop["to"]})
    near = figure.get("near", "right")[0]
    front = tuple(figure.get("front", default_front(figure["view"], near)))
    return Body(
        view=figure["view"],
        points=placed,
        radii=r,
        near=near,
        props=props,
        front=front,
        twist=figure.get("angles", {}).get("twist", 0),
        gaze=figure.get("angles", {}).get("gaze", 0),
        marks=list(figure.get("marks", [])),
    )


LIMBS = ("arm_r", "arm_l", "leg_r", "leg_l")


def default_front(view: str, near: str) -> tuple[str, ...]:
    """Limbs drawn in front of the torso unless a figure says otherwise: in side view the
    near arm and leg, in front and top view all four (hands on the chest, shins across the
    pelvis)."""
    if view in FLAT_VIEWS:
        return LIMBS
    return (f"arm_{near}", f"leg_{near}")


def _centre_x(points) -> float:
    xs = [x for x, _, _ in points.values()]
    return (min(xs) + max(xs)) / 2
