"""Dump a digest of many generated practices, to show a change to the generator's speed moves
none of them: run it on the code before and after and compare the files.

    PYTHONHASHSEED=0 DEBUG=1 .venv/bin/python bench/same_practices.py OUT [--count N]

Varied choices (every style and level, 5–90 minutes, focus, avoid lists, left-out and liked
poses) drawn from a fixed seed, on the curated library (132 poses) and on bench/library.py's
900; each practice's every step (pose, side, hold, phase, cue, flow, work), its findings,
transition seconds, spared areas and unfilled time, or the refusal's message. The same library
objects serve every call in turn, and each call's practice is also generated once more on a
fresh copy of the library (cards equal, not the same objects): what is kept per library must
give the same practice either way.
"""

import argparse
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yogaflow.settings")
os.environ.setdefault("DEBUG", "true")

import django  # noqa: E402

django.setup()

from django.core.exceptions import ValidationError  # noqa: E402

from accounts.models import Avoidance  # noqa: E402
from bench.library import library_rows  # noqa: E402
from poses.library import POSES_FILE, read_rows  # noqa: E402
from sequences.generator import LEVELS, STYLES, PoseCard, clean_choices, generate  # noqa: E402
from sequences.models import Focus  # noqa: E402


def digest(practice) -> str:
    lines = [
        f"transition={practice.transition_seconds} spared={practice.focus_spared} "
        f"unfilled={practice.time_unfilled} findings={practice.findings!r}"
    ]
    for step in practice.steps:
        lines.append(
            f"  {step.position} {step.pose.slug} {step.side} {step.duration_seconds} "
            f"{step.phase} {step.flow!r} {step.work} {step.cue!r}"
        )
    return "\n".join(lines)


def draw(library, choice, seed) -> str:
    try:
        return digest(generate(library, clean_choices(**choice), seed=seed))
    except ValidationError as error:
        return f"refused {error.message_dict if hasattr(error, 'message_dict') else error}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--big", type=int, default=100, help="draws at 900 poses")
    args = parser.parse_args()
    rows = read_rows(POSES_FILE, kind="pose")
    small = [PoseCard.from_fields(row) for row in rows]
    big = [PoseCard.from_fields(row) for row in library_rows(rows, 900)]
    rng = random.Random(2026)
    levels, styles = sorted(LEVELS), sorted(STYLES)
    with open(args.out, "w") as out:
        for number in range(args.count + args.big):
            library = small if number < args.count else big
            slugs = sorted(card.slug for card in library[:132])
            choice = {
                "minutes": rng.choice([rng.randint(5, 90), 60]),
                "level": rng.choice(levels),
                "style": rng.choice(styles),
                "focus": rng.sample(Focus.values, rng.randint(0, 3)),
                "avoid": rng.sample(Avoidance.values, rng.choice([0, 0, 1, 2, 3])),
                "avoid_slugs": rng.sample(slugs, rng.choice([0, 0, 3, 10])),
                "liked": rng.sample(slugs, rng.choice([0, 5])),
            }
            seed = rng.randrange(2**31)
            text = draw(library, choice, seed)
            if number % 10 == 0:
                fresh = [PoseCard.from_fields(row) for row in (rows if library is small
                         else library_rows(rows, 900))]  # fmt: skip
                again = draw(fresh, choice, seed)
                if again != text:
                    text += "\n  DIFFERS ON A FRESH COPY OF THE LIBRARY"
            out.write(f"#{number} {choice} seed={seed}\n{text}\n")


if __name__ == "__main__":
    main()
