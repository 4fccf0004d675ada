"""Profile the generator at 900 poses (bench/library.py), in process, from the content files
(no database): where a 60-minute practice spends its time.

    .venv/bin/python bench/profile_generator.py            # CPU ms per practice, p50 / p95
    .venv/bin/python bench/profile_generator.py --profile  # and cProfile's top functions
    .venv/bin/python bench/profile_generator.py --size 132 --runs 300
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yogaflow.settings")
os.environ.setdefault("DEBUG", "true")

import django  # noqa: E402

django.setup()

from bench.library import SIZE, library_rows  # noqa: E402
from poses.library import POSES_FILE, read_rows  # noqa: E402
from sequences.generator import PoseCard, clean_choices, generate  # noqa: E402

CHOICES = {"minutes": 60, "level": "intermediate", "style": "vinyasa", "focus": ["back"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=SIZE)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--style", default=CHOICES["style"])
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    rows = read_rows(POSES_FILE, kind="pose")
    library = [PoseCard.from_fields(row) for row in library_rows(rows, args.size)]
    choices = clean_choices(**{**CHOICES, "style": args.style})
    generate(library, choices, seed=0)
    profiler = cProfile.Profile() if args.profile else None
    times = []
    for seed in range(args.runs):
        start = time.process_time()
        if profiler:
            profiler.enable()
        generate(library, choices, seed=seed)
        if profiler:
            profiler.disable()
        times.append((time.process_time() - start) * 1000)
    times.sort()
    print(
        f"{len(library)} poses, {args.runs} seeds: p50 {times[len(times) // 2]:.1f} ms, "
        f"p95 {times[min(len(times) - 1, int(len(times) * 0.95))]:.1f} ms"
    )
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
