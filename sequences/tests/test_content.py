"""The curated sequences hold every pose within its range and keep what each choice keeps.

Every sequences*.json file in sequences/content/ is read, with every poses*.json of the poses.
"""

import json

from poses.library import POSES_FILE
from poses.models import cautions_avoided
from sequences.generator.vocabulary import SLOW_STYLES
from sequences.library import SEQUENCES_FILE

POSES = {
    row["slug"]: row
    for path in sorted(POSES_FILE.parent.glob("poses*.json"))
    for row in json.loads(path.read_text(encoding="utf-8"))
}
SEQUENCE_FILES = sorted(SEQUENCES_FILE.parent.glob("sequences*.json"))
SEQUENCES = [
    sequence for path in SEQUENCE_FILES for sequence in json.loads(path.read_text(encoding="utf-8"))
]


def test_every_content_file_is_read():
    assert SEQUENCES_FILE in SEQUENCE_FILES
    assert len(SEQUENCES) >= 15


def _hold_range(pose: dict, style: str) -> tuple[str, int, int]:
    if style in SLOW_STYLES and pose.get("long_hold_min_seconds") is not None:
        return "long", pose["long_hold_min_seconds"], pose["long_hold_max_seconds"]
    return "active", pose["hold_min_seconds"], pose["hold_max_seconds"]


def test_every_curated_hold_lies_in_its_poses_range():
    """Active styles use the active range; yin and restorative the long one where there is one."""
    outside = []
    for sequence in SEQUENCES:
        for position, item in enumerate(sequence["poses"], start=1):
            which, low, high = _hold_range(POSES[item["pose"]], sequence["style"])
            if not low <= item["duration_seconds"] <= high:
                outside.append(
                    f"{sequence['slug']} #{position} {item['pose']}: {item['duration_seconds']} s "
                    f"outside the {which} range {low}–{high} s"
                )

    assert outside == []


def test_the_back_care_sequence_uses_only_poses_back_care_keeps():
    back_care = next(s for s in SEQUENCES if s["slug"] == "gentle-back-care")
    avoided = cautions_avoided(["back_care"])

    left_out = {
        item["pose"]
        for item in back_care["poses"]
        if avoided & set(POSES[item["pose"]]["cautions"])
    }

    assert left_out == set()
