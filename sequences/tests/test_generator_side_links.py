"""A vinyasa between flows (blind teacher review r16 F14: #18, 20 minutes of advanced vinyasa
for the hips, went from the left Half Moon straight to "Right side: Low Lunge"; the fix: a
vinyasa of 15 s, "hands down, step back and lower, Up Dog, Down Dog", its seconds taken from a
neighbouring hold, the class still 20:00)."""

from dataclasses import replace

from sequences.generator.quality import faults, side_links
from sequences.tests.generation import (
    assert_figures_break_and_hold,
    renumbered,
    requests,
    reviewed,
)

REPORTED = requests(1618, 1609, 1604, 1605, 1608)


def side_links_breakings() -> dict:
    """A hand-made fault of each figure, for the quality bar's own test."""
    f14 = reviewed(1618)
    # F14 as printed: the vinyasa after the left Half Moon left out.
    moon = next(
        n for n, s in enumerate(f14.steps) if s.pose.slug == "half-moon" and s.side == "left"
    )
    unlinked = renumbered(f14, [s for n, s in enumerate(f14.steps) if n != moon + 1])
    return {"flows_linked": unlinked}


def test_the_figures_find_their_faults_and_pass_the_reported_practices():
    assert_figures_break_and_hold(side_links.RULES, side_links_breakings(), REPORTED)


def test_review_16_f14_a_vinyasa_from_the_left_half_moon_to_the_right_low_lunge():
    practice = reviewed(1618)
    steps = practice.steps
    moon = next(s for s in steps if s.pose.slug == "half-moon" and s.side == "left")
    link = steps[moon.position]
    lunge = steps[moon.position + 1]
    assert link.cue.startswith("Vinyasa") and link.duration_seconds == 15
    assert "Chaturanga" in link.cue and "Down Dog" in link.cue
    assert (lunge.pose.slug, lunge.side) == ("low-lunge", "right")
    assert practice.planned_seconds == 20 * 60
    assert not faults(practice)


def test_the_link_keeps_the_time_of_the_practice():
    practice = reviewed(1618)
    unlinked = replace(practice, steps=practice.steps)
    assert sum(s.seconds for s in unlinked.steps) == practice.planned_seconds
