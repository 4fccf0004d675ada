"""A bent knee goes over the ankle, tracking the second toe, never over or past the toes
(blind teacher review r17 F10: "Front knee over the toes" at a beginner's Extended Side Angle
peak "tells beginners to push the knee forward past the ankle")."""

import ast
import json
from pathlib import Path

from sequences.generator.knee_words import knee_past_toes
from sequences.generator.quality import faults
from sequences.generator.quality import knee_words as figures
from sequences.tests.generation import (
    REVIEW_REQUESTS,
    assert_figures_break_and_hold,
    recued,
    requests,
    reviewed,
)

ROOT = Path(__file__).resolve().parents[2]
# Review r17 #12: 10 min beginner hatha, energy, peaking in Extended Side Angle.
REPORTED = requests(1712, 1716, 1708)
# The peak's cue review r17 read at pos 10.
READ = (
    "Peak: Warrior II, then forearm to the thigh or hand to a block, front knee over the toes; "
    "easier: top hand on the hip. The strongest standing pose of the practice."
)


def knee_words_breakings() -> dict:
    """A hand-made fault of the figure: the peak's cue put back as the review read it."""
    practice = reviewed(1712)
    return {"knee_over_ankle": recued(practice, practice.peak, READ)}


def test_the_knee_words_figure_finds_its_fault_and_passes_the_reported():
    assert_figures_break_and_hold(figures.RULES, knee_words_breakings(), REPORTED)


def test_review_17_f10_the_peaks_front_knee_goes_over_the_ankle():
    practice = reviewed(1712)
    peak = practice.peak
    assert peak.pose.slug == "extended-side-angle"
    assert peak.duration_seconds == 45  # each side, unchanged
    assert peak.cue == (
        "Peak: Warrior II, then forearm to the thigh or hand to a block, front knee over the "
        "ankle, tracking the second toe; easier: top hand on the hip. The strongest standing "
        "pose of the practice."
    )
    assert faults(practice) == {}


def test_the_figure_reads_the_words_that_send_a_knee_past_the_toes():
    for wrong in (
        "front knee over the toes",
        "Keep the knee tracking over your toes.",
        "the bent knee past the toes",
        "knees beyond the toes",
    ):
        assert knee_past_toes(wrong), wrong
    for right in (
        "front knee over the ankle, tracking the second toe",
        "front knee over the ankle toward the second toe",
        "a wide squat, knees pointing where the toes point",
        "knees in line with the toes",
        "tuck the toes and lift the knees",
    ):
        assert not knee_past_toes(right), right


def _strings(path: Path):
    """The file's strings but its docstrings (which quote the faults they fix)."""
    tree = ast.parse(path.read_text())
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            yield node.value


def test_no_string_the_generator_writes_sends_a_knee_past_the_toes():
    """Every string of sequences/generator (cue words, reasons, peak lines, versions): a
    lunge's or warrior's bent knee over the ankle, a squat's knees where the toes point."""
    found = [
        f"{path.name}: {text!r}"
        for path in sorted((ROOT / "sequences" / "generator").rglob("*.py"))
        for text in _strings(path)
        if knee_past_toes(text)
    ]
    assert found == []


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def test_no_content_sends_a_knee_past_the_toes():
    """The poses' own texts (instructions, contraindications, modifications) and the curated
    sequences' cues say it the same way."""
    found = [
        f"{name}: {text!r}"
        for name in ("poses/content/poses.json", "sequences/content/sequences.json")
        for text in _texts(json.loads((ROOT / name).read_text()))
        if knee_past_toes(text)
    ]
    assert found == []


def test_no_generated_cue_of_the_reviewed_requests_sends_a_knee_past_the_toes():
    for number in REVIEW_REQUESTS:
        practice = reviewed(1700 + number)
        assert [s.cue for s in practice.steps if knee_past_toes(s.cue)] == [], number
