"""Print generated practices as a teacher reads them: position, phase, pose, side, hold, reason.

    .venv/bin/python bench/practices.py                 # the six practices below
    .venv/bin/python bench/practices.py --minutes 45 --level intermediate --style vinyasa \
        --focus hips --focus back --avoid knee_friendly --seed 7

Reads the curated library from poses/content (no database), so anyone can print the same
practices for a review; the seed makes each one repeatable.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yogaflow.settings")
os.environ.setdefault("DEBUG", "true")

import django  # noqa: E402

django.setup()

from django.core.exceptions import ValidationError  # noqa: E402

from poses.library import POSES_FILE, read_rows  # noqa: E402
from sequences.generator import PoseCard, clean_choices, generate  # noqa: E402

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
        f"{practice.total_seconds % 60:02d} s planned; {choices.level} {choices.style}; "
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=int)
    parser.add_argument("--level", default="beginner")
    parser.add_argument("--style", default="hatha")
    parser.add_argument("--focus", action="append", default=[])
    parser.add_argument("--avoid", action="append", default=[])
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    library = [PoseCard.from_fields(row) for row in read_rows(POSES_FILE, kind="pose")]
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
