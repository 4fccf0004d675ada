"""Print generated practices as a teacher reads them: position, phase, pose, side, hold, reason.

    .venv/bin/python bench/practices.py                 # the six practices below
    .venv/bin/python bench/practices.py --minutes 45 --level intermediate --style vinyasa \
        --focus hips --focus back --avoid knee_friendly --seed 7
    .venv/bin/python bench/practices.py --measure 1000  # the quality bar over random choices
    .venv/bin/python bench/practices.py --measure 1000 --show peak   # and the misses of one figure

Reads the curated library from poses/content (no database), so anyone can print the same
practices for a review; the seed makes each one repeatable.
"""

import argparse
import os
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yogaflow.settings")
os.environ.setdefault("DEBUG", "true")

import django  # noqa: E402

django.setup()

from django.core.exceptions import ValidationError  # noqa: E402

from accounts.models import Avoidance  # noqa: E402
from poses.library import POSES_FILE, read_rows  # noqa: E402
from sequences.generator import (  # noqa: E402
    LEVELS,
    REDRAWN,
    STYLES,
    PoseCard,
    clean_choices,
    generate,
)
from sequences.generator.quality import FIGURES, faults  # noqa: E402
from sequences.models import Focus  # noqa: E402

LIBRARY = [PoseCard.from_fields(row) for row in read_rows(POSES_FILE, kind="pose")]
# Six practices that between them cover the styles, lengths, levels, focus and avoid lists.
SIX = (
    {"minutes": 20, "level": "beginner", "style": "hatha", "focus": ["hips"], "seed": 11},
    {"minutes": 60, "level": "intermediate", "style": "vinyasa", "focus": ["back"], "seed": 3},
    {
        "minutes": 45,
        "level": "advanced",
        "style": "power",
        "focus": ["core", "strength"],
        "avoid": ["knee_friendly"],
        "seed": 5,
    },  # fmt: skip
    {
        "minutes": 30,
        "level": "beginner",
        "style": "gentle",
        "focus": ["relaxation"],
        "avoid": ["pregnancy_safe"],
        "seed": 8,
    },  # fmt: skip
    {
        "minutes": 75,
        "level": "intermediate",
        "style": "yin",
        "focus": ["hips", "flexibility"],
        "seed": 21,
    },  # fmt: skip
    {
        "minutes": 10,
        "level": "beginner",
        "style": "restorative",
        "focus": [],
        "avoid": ["no_inversions", "back_care"],
        "seed": 2,
    },  # fmt: skip
)


def _hold(step) -> str:
    minutes, seconds = divmod(step.duration_seconds, 60)
    text = f"{minutes}:{seconds:02d}" if minutes else f"{seconds} s"
    return f"{text} each" if step.side == "both" and step.pose.is_bilateral else text


def describe(practice) -> str:
    choices = practice.choices
    lines = [
        practice.title,
        f"  {choices.minutes} min asked, {practice.total_seconds // 60} min "
        f"{practice.total_seconds % 60:02d} s planned"
        + (
            f" (+ {practice.transition_seconds // 60} min {practice.transition_seconds % 60:02d} s "
            "set aside for props and transitions)"
            if practice.transition_seconds
            else ""
        )
        + f"; {choices.level} {choices.style}; "
        f"focus: {', '.join(choices.focus) or 'whole body'}; "
        f"avoid: {', '.join(choices.avoid) or 'nothing'}; seed {practice.seed}",
        "",
    ]
    for step in practice.steps:
        side = {"right": "R", "left": "L"}.get(step.side, "")
        flow = "~" if step.flow else " "
        lines.append(
            f"  {step.position:3} {step.phase_label[:12]:12} {flow}{step.pose.name[:30]:30} "
            f"{side:1} {_hold(step):>10}  i{step.pose.intensity}  {step.cue}"
        )
    findings = [f"{f.severity}: {f.message}" for f in practice.findings]
    lines.append("")
    lines.append("  Checks: " + ("; ".join(findings) if findings else "no findings"))
    return "\n".join(lines)


def random_choices(rng: random.Random) -> dict:
    """Choices as a practitioner might make them: any length, level and style, up to three
    focus areas, an avoid option in two practices out of five, now and then a few poses."""
    slugs = sorted(card.slug for card in LIBRARY)
    avoid = rng.sample(Avoidance.values, rng.choice((1, 1, 1, 2, 3))) if rng.random() < 0.4 else []
    return {
        "minutes": rng.randint(5, 90),
        "level": rng.choice(LEVELS),
        "style": rng.choice(sorted(STYLES)),
        "focus": rng.sample(Focus.values, rng.choice((0, 1, 1, 2, 3))),
        "avoid": avoid,
        "avoid_slugs": rng.sample(slugs, 5) if rng.random() < 0.1 else [],
        "liked": rng.sample(slugs, 5) if rng.random() < 0.2 else [],
        "seed": rng.randrange(2**31),
    }


def measure(count: int, show: str | None) -> None:
    """Generate `count` practices from random choices; print each figure's misses."""
    rng = random.Random(2026)  # noqa: S311 - a repeatable sample, not a secret
    missed = Counter()
    examples: dict[str, list[str]] = {}
    too_few = made = 0
    for _ in range(count):
        choice = random_choices(rng)
        seed = choice.pop("seed")
        try:
            practice = generate(LIBRARY, clean_choices(**choice), seed=seed)
        except ValidationError:
            too_few += 1
            if show == "too_few" and len(examples.setdefault(show, [])) < 40:
                examples[show].append(f"{choice} seed={seed}")
            continue
        made += 1
        for figure, problems in faults(practice).items():
            missed[figure] += 1
            if figure == show and len(examples.setdefault(figure, [])) < 20:
                examples[figure].append(f"{choice} seed={seed}: {problems[:3]}")
    print(f"{made} practices from {count} random choices ({too_few} too few poses left)")
    redrawn = ", ".join(f"{style} {n}" for style, n in sorted(REDRAWN.items())) or "none"
    print(f"  draws the quality bar sent back before these (generate's last guard): {redrawn}")
    for figure in FIGURES:
        rate = 100 * missed[figure] / max(made, 1)
        print(f"  {figure:16} {missed[figure]:5} missed  ({rate:.1f} %)")
    for line in examples.get(show, []):
        print("   ", line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=int)
    parser.add_argument("--level", default="beginner")
    parser.add_argument("--style", default="hatha")
    parser.add_argument("--focus", action="append", default=[])
    parser.add_argument("--avoid", action="append", default=[])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--measure", type=int, help="measure the quality bar over N choices")
    parser.add_argument("--show", help="with --measure: print misses of this figure")
    args = parser.parse_args()
    if args.measure:
        measure(args.measure, args.show)
        return
    library = LIBRARY
    if args.minutes:
        asked = [
            {
                "minutes": args.minutes,
                "level": args.level,
                "style": args.style,
                "focus": args.focus,
                "avoid": args.avoid,
                "seed": args.seed,
            }
        ]
    else:
        asked = SIX
    for number, choice in enumerate(asked, start=1):
        choice = dict(choice)
        seed = choice.pop("seed")
        try:
            practice = generate(library, clean_choices(**choice), seed=seed)
        except ValidationError as error:
            print(f"{number}. {choice}: {error.messages}\n")
            continue
        print(f"{number}. {describe(practice)}\n")


if __name__ == "__main__":
    main()
