"""The curated sequences hold every pose within its range and keep what each choice keeps.

Every sequences*.json file in sequences/content/ is read, with every poses*.json of the poses.
"""

import json
import re

import pytest

from poses.library import POSES_FILE
from poses.models import cautions_avoided
from sequences.generator.vocabulary import SLOW_STYLES
from sequences.library import SEQUENCES_FILE
from sequences.models import practice_seconds

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


_WORDS = {"five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "one-hour": 60}


def test_a_description_that_gives_a_length_matches_the_practice():
    """ "A 10-minute break" lasts ten minutes, give or take 5 %."""
    off = []
    for sequence in SEQUENCES:
        match = re.search(r"\b(\d+|[a-z]+)-minute\b|\bone-hour\b", sequence["description"])
        if not match:
            continue
        word = match.group(1) or match.group(0)
        stated = int(word) if word.isdigit() else _WORDS[word]
        seconds = sum(
            practice_seconds(
                duration_seconds=item["duration_seconds"],
                side=item["side"],
                is_bilateral=POSES[item["pose"]]["is_bilateral"],
            )
            for item in sequence["poses"]
        )
        if abs(seconds - stated * 60) > 0.05 * stated * 60:
            off.append(f"{sequence['slug']}: says {stated} min, takes {seconds / 60:.1f}")

    assert off == []


def test_neck_circles_are_cued_only_on_neck_release():
    """Neck Release carries their safety (half circles, never the head back); other cues do not."""
    elsewhere = [
        f"{sequence['slug']} #{position} {item['pose']}: {item['cue']}"
        for sequence in SEQUENCES
        for position, item in enumerate(sequence["poses"], start=1)
        if item["pose"] != "neck-release"
        and re.search(
            r"\broll\w* (?:one |the )?(?:ear|head)|\bdrop the chin|\bcircles? across", item["cue"]
        )
    ]

    assert elsewhere == []


# Sitting, then down on the knees, then lying: a practice for bedtime does not get back up.
_LEVELS = {"seated": 0, "kneeling": 1, "supine": 2, "side_lying": 2, "prone": 2}


def test_a_bedtime_practice_goes_down_to_the_floor_once():
    back_up = []
    for sequence in SEQUENCES:
        if not sequence["slug"].startswith("bedtime"):
            continue
        levels = [_LEVELS[POSES[item["pose"]]["position"]] for item in sequence["poses"]]
        back_up += [
            f"{sequence['slug']} #{position + 2}"
            for position, (before, after) in enumerate(zip(levels, levels[1:], strict=False))
            if after < before
        ]

    assert back_up == []


def test_bharadvajas_twist_turns_away_from_the_feet():
    """Feet to the left, the chest turns right: toward the knees, away from the feet."""
    wrong = []
    for sequence in SEQUENCES:
        for position, item in enumerate(sequence["poses"], start=1):
            if "away from the knees" in item["cue"]:
                wrong.append(f"{sequence['slug']} #{position}: {item['cue']}")
            if item["pose"] != "bharadvajas-twist" or item["side"] == "both":
                continue
            cue = item["cue"].lower()
            feet = re.search(r"\bfeet to the (left|right)\b", cue)
            turn = re.search(r"\bturn\b[^;.]*?\b(left|right)\b", cue)
            if not feet or not turn or feet[1] == turn[1] or turn[1] != item["side"]:
                wrong.append(f"{sequence['slug']} #{position}: {item['cue']}")

    assert wrong == []


def test_a_description_promising_a_longer_out_breath_keeps_its_promise():
    """Only Bhramari breathes out longer than in; Three-Part Breath and Nadi Shodhana are even."""
    broken = [
        (sequence["slug"], item["pose"])
        for sequence in SEQUENCES
        if re.search(
            r"lengthen\w* the (?:out-breath|exhale)|longer (?:out-breath|exhale)",
            sequence["description"],
        )
        for item in sequence["poses"]
        if (pattern := POSES[item["pose"]].get("breath_pattern"))
        and pattern.get("exhale", 0) <= pattern.get("inhale", 0)
    ]

    assert broken == []


def test_the_prenatal_practice_uses_only_poses_pregnancy_keeps():
    prenatal = _sequence("prenatal-gentle-flow")
    avoided = cautions_avoided(["pregnancy_safe"])

    assert {
        item["pose"] for item in prenatal["poses"] if avoided & set(POSES[item["pose"]]["cautions"])
    } == set()


def test_bedtime_breathing_breathes_sitting_then_lies_down():
    assert [item["pose"] for item in _sequence("bedtime-breathing")["poses"]] == [
        "three-part-breath",
        "alternate-nostril-breathing",
        "bhramari-breath",
        "supported-seated-forward-bend",
        "childs-pose",
        "legs-on-chair",
        "body-scan",
    ]


def _text(value) -> str:
    return str(value).lower()


CHECKS = {
    "is": lambda value, expected: value == expected,
    "says": lambda value, expected: expected.lower() in _text(value),
    "does not say": lambda value, expected: expected.lower() not in _text(value),
}

# (sequence, item position or None for the sequence itself, field, check, value): a sequence
# that was once wrong, held to its right value.
RIGHT_VALUES = [
    # Plank takes the in-breath, Chaturanga the out-breath; breaths counted get their time.
    ("sun-salutation-a", 5, "cue", "says", "exhale, step back to plank; inhale, lengthen"),
    ("sun-salutation-a", 5, "duration_seconds", "is", 10),
    ("sun-salutation-a", 6, "cue", "says", "exhale, lower halfway"),
    ("core-power", 16, "duration_seconds", "is", 30),
    ("inversions-arm-balances", 83, "cue", "says", "the wall stays behind you"),
    # Desk Worker: Neck Release with its own safety, the wrists warmed before Cat-Cow.
    ("desk-worker-stretch", 1, "pose", "is", "neck-release"),
    ("desk-worker-stretch", 1, "cue", "says", "half circles across the front"),
    ("desk-worker-stretch", 6, "pose", "is", "wrist-circles"),
    ("desk-worker-stretch", 7, "pose", "is", "cat-cow"),
    # Chair Yoga: room to stand behind the chair; a partway fold with osteoporosis.
    ("chair-yoga", None, "description", "does not say", "against a wall"),
    ("chair-yoga", None, "description", "says", "space to stand behind it"),
    ("chair-yoga", 12, "cue", "says", "with osteoporosis or a disc problem fold only partway"),
    # Prenatal: the twist's direction, pelvic girdle pain, deep squats.
    ("prenatal-gentle-flow", 7, "cue", "says", "feet to the left; turn gently right"),
    ("prenatal-gentle-flow", 8, "cue", "says", "feet to the right; turn gently left"),
    ("prenatal-gentle-flow", None, "description", "says", "pelvic girdle (symphysis) pain"),
    ("prenatal-gentle-flow", 23, "cue", "says", "midwife has advised against deep squats"),
    # Bedtime Breathing: an even breath, the exhale read the right way, the side in pregnancy.
    ("bedtime-breathing", None, "description", "says", "slow, even breathing practices"),
    ("bedtime-breathing", 1, "cue", "says", "breathe out: chest, ribs, belly"),
    ("bedtime-breathing", 6, "cue", "says", "after the first trimester, lie on your left side"),
    ("bedtime-breathing", 7, "cue", "says", "after the first trimester, lie on your left side"),
]


@pytest.mark.parametrize(("slug", "position", "field", "check", "expected"), RIGHT_VALUES)
def test_a_corrected_sequence_keeps_its_right_value(slug, position, field, check, expected):
    sequence = _sequence(slug)
    value = sequence[field] if position is None else sequence["poses"][position - 1][field]

    assert CHECKS[check](value, expected), value
