"""A figure: the shape of one pose as a small JSON object, and the one check that guards it.

    {
      "view": "side",                    # "side" or "front": the plane a teacher draws it in
      "near": "right",                   # optional: the side nearer the viewer (side view: darker)
      "front": ["arm_r", "leg_r"],       # optional: limbs drawn in front of the torso
      "angles": {"torso": 90, "hip_r": 90, "knee_l": 20, ...},   # degrees; left out = 0
      "depth": {"thigh_l": 60},          # optional: degrees out of the picture plane
      "props": [{"type": "block", "under": "hand_l", "height": "high"}],  # optional
      "contacts": ["hand_l", "toe_r"],   # optional: points meant to rest on floor or prop
      "marks": [{"type": "circle", "at": "wrist_r"}]   # optional: cues drawn over the body
    }

Units and conventions. Angles are degrees. With every angle 0 the body stands
upright, arms hanging, feet flat; a side-view figure faces the picture's right
(its right limbs are the near ones unless "near" says otherwise) and a front-view
figure has its right side on the picture's right. A "top" view looks down on a body
on the floor: it is drawn as a front view whose picture plane is the floor (a body lying
on its back is seen from the front; torso 90 lies along the mat with the head toward the
picture's right), depth is height above the floor, and it takes no props or contacts.
Bilateral poses are described on the right side; the left side is drawn as the mirror
image.

Trunk (all views; positive turns clockwise on the picture):
    torso   tilt of the pelvis→waist segment from vertical. Side: + leans forward,
            90 = horizontal with the head forward, 180 = upside down. Front: + leans right.
    spine   waist→chest relative to pelvis→waist. Side: + rounds forward (flexion),
            − arches back (extension). Front: + bends to the right.
    neck    chest→head relative to the chest, as spine.
    twist   chest turned about the spine, −90..90: + turns the chest to its right (side
            view: the right shoulder moves back and the shoulder line appears; front view:
            the right shoulder moves away from the viewer).
    gaze    the head turned about the neck beyond the chest, −90..90, + to its right as
            twist: in a twist the eyes go further than the chest (over the back shoulder).
            It moves only the hair knot, which shows where the face looks: side view with
            twist + gaze past 90, the knot comes to the front of the head (looking back).
    pelvis  the line across the hips, −90..90. Side: turned about the spine as twist (+ takes
            the right hip back). Front: tilted clockwise from square to the torso (+ drops
            the right hip; −(torso) keeps the hips level while the torso leans).
Limbs, `<joint>_r` and `<joint>_l`, each relative to its parent segment:
    side view   shoulder + flexion (arm forward, 180 overhead), − extension (behind);
                elbow + flexion (to 180), − turns the forearm the other way as a rotated
                shoulder allows (forearms ahead of the face in Forearm Stand);
                wrist + turns the hand the way the elbow flexes (+90: palm flat on the
                floor under a vertical forearm);
                hip + flexion (thigh forward and up), − extension (thigh behind);
                knee 0..180 flexion; ankle + points the toes, − draws them up
                (0: foot at right angles to the shin, as when standing); toes −30..90
                bend at the ball of the foot, + up toward the shin (90: tucked under a
                lifted heel), 0 in line with the foot.
    front and top view  shoulder + abduction (arm away from the body, 90 sideways, 180
                overhead); hip + abduction; elbow and wrist + turn up from a sideways
                arm; knee + folds the shin back toward the midline (90 from a
                sideways thigh: shin hanging straight down); ankle as in side view,
                0 = foot turned outwards; toes as in side view. Upside down (torso 180)
                the right side is on the picture's left, as on a real body.
    Each joint has a range per view (body.JOINT_RANGES); the validator names it.
Layers. "near" decides which side is drawn over the other (and, in side view, which is
darker); "front" lists the limbs drawn over the torso. By default that is the near arm and
leg in side view and all four limbs in front and top view.
Depth. `depth` tilts a segment (lower_torso, upper_torso, neck, upper_arm_*, forearm_*,
hand_*, thigh_*, shin_*, foot_*, toes_*) out of the picture plane by −85..85 degrees, toward the
viewer (+) or away (−); its drawn length becomes length·cos(depth). Feet in front and top
view default to 60; the toes take the foot's depth unless they have their own.
Props. Every prop has a `type`: block, bolster, blanket, strap, wall or chair.
    block, bolster, blanket, chair: "under": a point that rests on the top of the prop;
        the prop stands on the floor unless the body holds it up. Optional "shift"
        (body units along the floor, −80..80); block "height": low, medium (default)
        or high; bolster "across": true draws it end-on (a round under the knees),
        otherwise lengthwise; chair "facing": right (default) or left, where its seat faces.
    wall: "at": the point that touches the wall.
    strap: "from" and "to": the two points it joins (usually a hand and a foot).
Points: pelvis, waist, chest, neck, head, and shoulder, elbow, wrist, hand (fingertips),
hip, knee, ankle, ball (of the foot), toe (tips of the toes) with _r or _l.
Marks. Cues drawn over the body where a shape alone cannot say what moves; each has a
`type` and "at", the point it is drawn at:
    circle  a circling arrow around the point (a joint that circles);
    square  a square traced by a fingertip: the point is its corner nearest the body, the
            square reaching forward and up from it (box breathing);
    breath  strokes of breath leaving the face toward the point: a palm held before the
            mouth.
The head's hair knot turns with "twist" and "gaze": a head turned toward the viewer brings it onto
the top of the head in side view, a turned chest moves it aside in front view.
Placement is computed: the lowest edge of the body or of a prop under it rests on the
floor line, walls stand where the body touches them; a top view is centred on its mat.
"""

from numbers import Real

from django.core.exceptions import ValidationError

from poses.figures.body import (
    DEPTH_LIMIT,
    JOINT_RANGES,
    LIMBS,
    POINTS,
    PROP_TYPES,
    SEGMENTS,
    VIEWS,
)
from poses.figures.marks import MARK_TYPES

FIGURE_KEYS = ("view", "near", "front", "angles", "depth", "props", "contacts", "marks")
MARK_KEYS = {"type", "at"}
NEAR = ("right", "left")
SUPPORT_PROPS = ("block", "bolster", "blanket", "chair")
PROP_KEYS = {
    "block": {"type", "under", "shift", "height"},
    "bolster": {"type", "under", "shift", "across"},
    "blanket": {"type", "under", "shift"},
    "chair": {"type", "under", "shift", "facing"},
    "wall": {"type", "at"},
    "strap": {"type", "from", "to"},
}
PROP_POINTS = {"under": SUPPORT_PROPS, "at": ("wall",), "from": ("strap",), "to": ("strap",)}
PROP_CHOICES = {
    "height": ("low", "medium", "high"),
    "facing": ("right", "left"),
}
SHIFT_LIMIT = 80


def _fail(message: str, code: str = "invalid_figure"):
    raise ValidationError(message, code=code)


def _is_number(value) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool)


def _names(values) -> str:
    return ", ".join(values)


def _check_angles(angles, view: str) -> None:
    if not isinstance(angles, dict):
        _fail('"angles" must be an object of joint names and degrees.')
    ranges = JOINT_RANGES[view]
    for joint, value in angles.items():
        if joint not in ranges:
            _fail(f'Unknown joint "{joint}". Joints: {_names(ranges)}.', "unknown_joint")
        if not _is_number(value):
            _fail(f'Angle "{joint}" must be a number of degrees, not {value!r}.', "invalid_type")
        low, high = ranges[joint]
        if not low <= value <= high:
            _fail(
                f'Angle "{joint}" is {value}°, outside its range {low}..{high}° in a {view} view.',
                "angle_out_of_range",
            )


def _check_depth(depth) -> None:
    if not isinstance(depth, dict):
        _fail('"depth" must be an object of segment names and degrees.')
    for segment, value in depth.items():
        if segment not in SEGMENTS:
            _fail(f'Unknown segment "{segment}" in "depth". Segments: {_names(SEGMENTS)}.')
        if not _is_number(value):
            _fail(
                f'Depth of "{segment}" must be a number of degrees, not {value!r}.', "invalid_type"
            )
        if not -DEPTH_LIMIT <= value <= DEPTH_LIMIT:
            _fail(
                f'Depth of "{segment}" is {value}°, outside −{DEPTH_LIMIT}..{DEPTH_LIMIT}°.',
                "angle_out_of_range",
            )


def _check_prop(prop, index: int) -> None:
    where = f"Prop {index + 1}"
    if not isinstance(prop, dict):
        _fail(f"{where} must be an object with a type.")
    kind = prop.get("type")
    if kind not in PROP_TYPES:
        _fail(f'{where}: unknown prop "{kind}". Props: {_names(PROP_TYPES)}.', "unknown_prop")
    unknown = sorted(set(prop) - PROP_KEYS[kind])
    if unknown:
        allowed = _names(sorted(PROP_KEYS[kind] - {"type"}))
        _fail(f'{where} ({kind}): unknown key "{unknown[0]}". A {kind} takes: {allowed}.')
    for key, kinds in PROP_POINTS.items():
        if kind not in kinds:
            continue
        if key not in prop:
            _fail(f'{where} ({kind}) needs "{key}": the point it {_role(key)}.')
        if prop[key] not in POINTS:
            _fail(f'{where} ({kind}): unknown point "{prop[key]}". Points: {_names(POINTS)}.')
    for key, choices in PROP_CHOICES.items():
        if key in prop and prop[key] not in choices:
            _fail(f'{where} ({kind}): "{key}" must be one of {_names(choices)}.')
    if "shift" in prop and (not _is_number(prop["shift"]) or abs(prop["shift"]) > SHIFT_LIMIT):
        _fail(f'{where} ({kind}): "shift" must be a number from −{SHIFT_LIMIT} to {SHIFT_LIMIT}.')
    if "across" in prop and not isinstance(prop["across"], bool):
        _fail(f'{where} ({kind}): "across" must be true or false.', "invalid_type")


def _check_marks(marks) -> None:
    if not isinstance(marks, list):
        _fail('"marks" must be a list of marks.', "invalid_type")
    for index, mark in enumerate(marks):
        where = f"Mark {index + 1}"
        if not isinstance(mark, dict):
            _fail(f"{where} must be an object with a type and a point.")
        kind = mark.get("type")
        if kind not in MARK_TYPES:
            _fail(f'{where}: unknown mark "{kind}". Marks: {_names(MARK_TYPES)}.', "unknown_mark")
        unknown = sorted(set(mark) - MARK_KEYS)
        if unknown:
            _fail(f'{where} ({kind}): unknown key "{unknown[0]}". A mark takes: at.')
        if mark.get("at") not in POINTS:
            _fail(f'{where} ({kind}) needs "at", one of the points: {_names(POINTS)}.')


def _role(key: str) -> str:
    return {
        "under": "holds up",
        "at": "touches",
        "from": "starts at",
        "to": "ends at",
    }[key]


def validate_figure(data) -> None:
    """Raise ValidationError with a message an editor can act on unless `data` is a figure."""
    if not isinstance(data, dict):
        _fail("A figure must be an object with a view and joint angles.", "invalid_type")
    unknown = sorted(set(data) - set(FIGURE_KEYS))
    if unknown:
        _fail(f'Unknown key "{unknown[0]}". A figure takes: {_names(FIGURE_KEYS)}.')
    view = data.get("view")
    if view not in VIEWS:
        _fail(f'"view" must be one of {_names(VIEWS)}, not {view!r}.')
    if data.get("near", "right") not in NEAR:
        _fail(f'"near" must be one of {_names(NEAR)}.')
    _check_angles(data.get("angles", {}), view)
    _check_depth(data.get("depth", {}))
    props = data.get("props", [])
    if not isinstance(props, list):
        _fail('"props" must be a list of props.', "invalid_type")
    for index, prop in enumerate(props):
        _check_prop(prop, index)
    front = data.get("front", [])
    if not isinstance(front, list) or any(limb not in LIMBS for limb in front):
        _fail(f'"front" must be a list of limbs drawn in front of the torso: {_names(LIMBS)}.')
    contacts = data.get("contacts", [])
    if not isinstance(contacts, list):
        _fail('"contacts" must be a list of point names.', "invalid_type")
    for point in contacts:
        if point not in POINTS:
            _fail(f'Unknown point "{point}" in "contacts". Points: {_names(POINTS)}.')
    if view == "top" and (props or contacts):
        _fail('A top view lies on its mat: it takes no "props" or "contacts".')
    _check_marks(data.get("marks", []))
