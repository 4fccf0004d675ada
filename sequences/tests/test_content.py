"""The curated sequences hold every pose within its range and keep what each choice keeps.

Every sequences*.json file in sequences/content/ is read, with every poses*.json of the poses.
"""

import json
import re

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


def _sequence(slug: str) -> dict:
    return next(sequence for sequence in SEQUENCES if sequence["slug"] == slug)


def _phases(cue: str) -> list[str]:
    return [word.lower() for word in re.findall(r"\b(inhale|exhale)", cue, re.IGNORECASE)]


def test_the_breath_alternates_from_one_cue_to_the_next():
    """One movement per breath: a cue that names its breath never repeats the one before it
    (a held pose of several breaths starts the count again)."""
    repeated = []
    for sequence in SEQUENCES:
        before = None
        for position, item in enumerate(sequence["poses"], start=1):
            phases = _phases(item["cue"])
            if phases and before and phases[0] == before:
                repeated.append(f"{sequence['slug']} #{position}: {item['cue']}")
            several = re.search(r"\bbreaths\b", item["cue"])
            before = phases[-1] if phases and not several else None

    assert repeated == []


def test_plank_breathes_in_before_chaturanga_lowers_on_the_out_breath():
    """Stepping back to Plank on an exhale, then lowering, is two exhales in a row."""
    pairs = [
        (sequence["slug"], position, plank, chaturanga)
        for sequence in SEQUENCES
        for position, (plank, chaturanga) in enumerate(
            zip(sequence["poses"], sequence["poses"][1:], strict=False), start=1
        )
        if (plank["pose"], chaturanga["pose"]) == ("plank", "chaturanga")
    ]
    wrong = [
        f"{slug} #{position}: {plank['cue']!r} then {chaturanga['cue']!r}"
        for slug, position, plank, chaturanga in pairs
        if _phases(plank["cue"])[-1:] == ["exhale"]
        or _phases(chaturanga["cue"])[:1] != ["exhale"]
        or (len(_phases(plank["cue"])) > 1 and plank["duration_seconds"] < 10)
    ]

    assert len(pairs) >= 9
    assert wrong == []


_NUMBERS = {"three": 3, "five": 5, "ten": 10}


def test_a_cue_that_counts_breaths_holds_long_enough_for_them():
    """A slow breath takes five seconds or more: "stay 5 breaths" needs 25 s at least."""
    short = []
    for sequence in SEQUENCES:
        for position, item in enumerate(sequence["poses"], start=1):
            for count in re.findall(
                r"\b(\d+|three|five|ten)\b[\w\s,]{0,15}?\bbreaths\b", item["cue"]
            ):
                breaths = int(count) if count.isdigit() else _NUMBERS[count]
                if item["duration_seconds"] < 5 * breaths:
                    short.append(f"{sequence['slug']} #{position}: {item['cue']}")

    assert short == []


def test_a_balance_on_the_hands_or_forearms_upside_down_is_cued_at_the_wall():
    """Handstand, Forearm Stand and Headstand are learned at a wall, never free-standing."""
    inverted_balances = {
        slug
        for slug, pose in POSES.items()
        if pose["position"] == "inverted" and "fall_risk" in pose["cautions"]
    }
    away = [
        f"{sequence['slug']} #{position}: {item['cue']!r}"
        for sequence in SEQUENCES
        for position, item in enumerate(sequence["poses"], start=1)
        if item["pose"] in inverted_balances
        and ("wall" not in item["cue"] or re.search(r"\baway from the wall\b", item["cue"]))
    ]

    assert len(inverted_balances) >= 3
    assert away == []
