"""The generator's output pinned for a few choices and seeds, and the same every time.

- Pinned: the six practices `bench/practices.py` prints (every style, lengths from 10 to 75
  minutes, levels, focus, avoid lists) and two more seeds of each, in full — pose, side,
  hold, phase and flow of every step, and the seconds set aside — as recorded in
  `data/generated_pinned.json`. Work on the generator's speed must leave them unchanged; a
  change meant to alter practices re-records them (`YF_REPIN=1 pytest` on this file) and
  says so in its commit.
- Deterministic: the same choices and seed give the same practice twice in one process, and
  in another process with a different PYTHONHASHSEED (set and frozenset order differ there).
- What the speed work remembers within one generation is keyed by what decides it
  (`shapes.outranks_key`), and a card's remembered hash is the dataclass's own.
"""

import dataclasses
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from sequences.generator import clean_choices, generate
from sequences.generator.shapes import outrank_facts, outranks, outranks_key
from sequences.tests.generation import LIBRARY

PINNED = Path(__file__).resolve().parent / "data" / "generated_pinned.json"
ROOT = Path(__file__).resolve().parents[2]
# The six choices of bench/practices.py, each with three seeds.
CHOICES = (
    {"minutes": 20, "level": "beginner", "style": "hatha", "focus": ["hips"]},
    {"minutes": 60, "level": "intermediate", "style": "vinyasa", "focus": ["back"]},
    {"minutes": 45, "level": "advanced", "style": "power", "focus": ["core", "strength"],
     "avoid": ["knee_friendly"]},
    {"minutes": 30, "level": "beginner", "style": "gentle", "focus": ["relaxation"],
     "avoid": ["pregnancy_safe"]},
    {"minutes": 75, "level": "intermediate", "style": "yin", "focus": ["hips", "flexibility"]},
    {"minutes": 10, "level": "beginner", "style": "restorative", "focus": [],
     "avoid": ["no_inversions", "back_care"]},
)  # fmt: skip
SEEDS = (11, 3, 7)


def practice_record(choice: dict, seed: int) -> dict:
    """A practice in full as plain data: what is pinned and compared."""
    practice = generate(LIBRARY, clean_choices(**choice), seed=seed)
    return {
        "choices": choice,
        "seed": seed,
        "transition_seconds": practice.transition_seconds,
        "steps": [
            [step.pose.slug, step.side, step.duration_seconds, step.phase, step.flow]
            for step in practice.steps
        ],
    }


def all_records() -> list[dict]:
    return [practice_record(choice, seed) for choice in CHOICES for seed in SEEDS]


def test_the_pinned_practices_are_generated_as_recorded():
    records = all_records()
    if os.environ.get("YF_REPIN"):
        PINNED.write_text(_as_json(records))
    pinned = json.loads(PINNED.read_text())
    assert len(records) == len(pinned)
    for record, expected in zip(records, pinned, strict=True):
        assert record == expected, (record["choices"], record["seed"])


def _as_json(records: list[dict]) -> str:
    """One step a line, so a re-recording's diff reads step by step."""
    lines = []
    for record in records:
        head = {key: value for key, value in record.items() if key != "steps"}
        steps = ",\n".join(f"   {json.dumps(step, ensure_ascii=False)}" for step in record["steps"])
        lines.append(f'{json.dumps(head)[:-1]},\n  "steps": [\n{steps}\n  ]}}')
    return "[\n " + ",\n ".join(lines) + "\n]\n"


def test_the_same_choices_and_seed_give_the_same_practice_twice_in_one_process():
    choice = CHOICES[1]
    first = practice_record(choice, 5)
    for other in CHOICES:  # other practices in between
        practice_record(other, 5)
    again = practice_record(choice, 5)
    assert again == first
    # In full, the cues too.
    assert generate(LIBRARY, clean_choices(**choice), seed=5) == generate(
        LIBRARY, clean_choices(**choice), seed=5
    )


@pytest.mark.parametrize("hash_seed", ["0", "4242"])
def test_another_process_with_another_hash_seed_generates_the_same(hash_seed):
    script = (
        "import json, django; django.setup();"
        "from sequences.tests.test_generator_pinned import CHOICES, SEEDS, full;"
        "print(json.dumps([full(c, s) for c in CHOICES for s in SEEDS[:1]]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={
            **os.environ,
            "PYTHONHASHSEED": hash_seed,
            "DJANGO_SETTINGS_MODULE": "yogaflow.settings",
            "DEBUG": "true",
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout) == [full(c, s) for c in CHOICES for s in SEEDS[:1]]


def full(choice: dict, seed: int) -> dict:
    """The practice in full, its cues and checks' findings too."""
    practice = generate(LIBRARY, clean_choices(**choice), seed=seed)
    return {
        "title": practice.title,
        "transition_seconds": practice.transition_seconds,
        "steps": [
            [s.pose.slug, s.side, s.duration_seconds, s.phase, s.flow, s.cue]
            for s in practice.steps
        ],
        "findings": [[f.severity, f.message] for f in practice.findings],
    }


def test_peaks_with_the_same_outranks_key_are_outranked_by_the_same_cards():
    # Flows.suns_stay_below remembers its answer by this key: it must hold every fact
    # `outranks` and the cap read of the peak, for every pose of the library as the peak.
    for cards in (LIBRARY[::3], LIBRARY[1::3], [c for c in LIBRARY if c.intensity >= 3]):
        seen = {}
        for peak in LIBRARY:
            facts = tuple(
                (card.slug == peak.slug, outranks(card, peak), card.intensity <= peak.intensity)
                for card in cards
            )
            key = outranks_key(peak, outrank_facts(cards))
            assert seen.setdefault(key, facts) == facts, peak.slug


def test_a_card_hashes_as_its_dataclass_would_and_carries_no_hash_elsewhere():
    card = LIBRARY[0]
    compared = tuple(getattr(card, f.name) for f in dataclasses.fields(card) if f.compare)
    assert hash(card) == hash(compared) == hash(card)
    copied = pickle.loads(pickle.dumps(card))  # noqa: S301 - our own object
    assert copied == card and "_hash" not in copied.__dict__
