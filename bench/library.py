"""A library of 900 poses for timing the generator at the size issue 15 names, derived from the
curated one (132 poses) deterministically: the curated rows, then numbered variants of them
(`variant`) until there are `size`.

A variant is its pose taught a little differently: a new slug and name, its intensity one step
up or down (within 1–5) and its default hold five or ten seconds longer or shorter (within
its own range), in a fixed pattern by the variant's number. It keeps the pose's Sanskrit name
and so its shape family (`sequences.generator.shapes.family`), as a variant in a real library
would: a practice uses one of them at most. No randomness: the same curated rows give the same
900 every time.

Used by bench/inprocess.py (the poses are added to the bench database in a transaction rolled
back after timing) and by the generator's own profile (bench/profile_generator.py).
"""

from collections.abc import Iterator, Mapping

from poses.models import INTENSITY_MAX, INTENSITY_MIN, MAX_NAME_LENGTH

SIZE = 900
# The variant's changes, by its number (1, 2, 3, ...), in turn.
INTENSITY_STEPS = (1, -1, 0)
HOLD_STEPS = (5, -5, 10, -10)


def variant(row: Mapping, number: int) -> dict:
    """The row (model field names, as `poses.library.read_rows` or `.values()` give them) as
    its `number`-th variant: new slug and name, intensity and default hold moved a step."""
    out = dict(row)
    out["slug"] = f"{row['slug']}-v{number}"
    suffix = f" (variant {number})"
    out["name_en"] = row["name_en"][: MAX_NAME_LENGTH - len(suffix)] + suffix
    intensity = row.get("intensity") or 2
    step = INTENSITY_STEPS[(number - 1) % len(INTENSITY_STEPS)]
    out["intensity"] = max(INTENSITY_MIN, min(INTENSITY_MAX, intensity + step))
    hold = row["default_hold_seconds"] + HOLD_STEPS[(number - 1) % len(HOLD_STEPS)]
    low = row.get("hold_min_seconds") or 5
    high = row.get("hold_max_seconds") or 600
    out["default_hold_seconds"] = max(low, min(high, hold))
    return out


def derived_rows(rows: list[Mapping], size: int = SIZE) -> Iterator[dict]:
    """The variants that make `rows` (sorted by slug) up to `size`: variant 1 of each row,
    then variant 2 of each, and so on."""
    ordered = sorted(rows, key=lambda row: row["slug"])
    missing = size - len(ordered)
    number = 1
    while missing > 0:
        for row in ordered[:missing]:
            yield variant(row, number)
        missing -= min(missing, len(ordered))
        number += 1


def library_rows(rows: list[Mapping], size: int = SIZE) -> list[dict]:
    """The curated rows and their variants: `size` rows in all (the curated ones first)."""
    return [dict(row) for row in rows] + list(derived_rows(rows, size))
