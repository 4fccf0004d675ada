"""The time of a generated practice: every choice with nothing avoided gives a practice, and a
practice lasts the time asked for within two minutes or 3 % of it (the bar of the teacher's
review, docs/reviews/generated-practices-2026-11-30-r4.md, "Time"), filled as a teacher fills
a long class — longer rest and breath, a flow once more, longer cool-down holds — never with a
hold past its pose's range."""

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sequences.generator import LEVELS, STYLES, clean_choices, generate
from sequences.generator.arc import Planner
from sequences.generator.plan import pool_for
from sequences.generator.quality import faults
from sequences.generator.stillness import seated_closing_most
from sequences.models import Focus
from sequences.tests.generation import BY_SLUG, LIBRARY, examples
from sequences.tests.test_generator import _assert_teachable, _generate, choice_lists


def _close(target: int) -> float:
    """The review's bar: a plan two minutes or 3 % off the request (whichever is more) is off."""
    return max(120, 0.03 * target)


def _off(practice) -> int:
    return abs(practice.planned_seconds - practice.target_seconds)


@pytest.mark.parametrize("style", ["gentle", "vinyasa"])
@pytest.mark.parametrize("focus", ["flexibility", "relaxation", "back"])
@pytest.mark.parametrize("seed", [0, 1])
def test_a_ninety_minute_beginner_class_with_nothing_avoided_is_never_refused(style, focus, seed):
    """Found by the sweep: with every hold at its longest these planned 4,000-4,800 s of
    5,400 (a gentle class's strong standing poses, capped at half a minute, were counted at
    two) and were refused as "too few poses". A teacher fills the class instead."""
    practice = _generate(minutes=90, level="beginner", style=style, focus=[focus], seed=seed)

    _assert_teachable(practice)
    # The final relaxation fifteen minutes at most, however short of time the class is.
    assert sum(s.seconds for s in practice.steps if s.phase == "relaxation") <= 15 * 60


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("style", sorted(STYLES))
def test_every_ninety_minute_choice_with_nothing_avoided_gives_a_teachable_practice(level, style):
    """The long end of the grid the sweep walks: 90 minutes, each focus alone or none, two
    seeds. Each gives a practice whose time and holds are right (the time figures of the
    quality bar; the property tests hold the rest). Issue 11: 90-minute beginner vinyasa for
    balance or core (seed 1) was refused, out of moving poses and every draw cooling down
    longer than it moved; its flows now go round again (`Flows.repeat_flow`)."""
    for focus in [[], *([f] for f in Focus.values)]:
        for seed in (0, 1):
            practice = _generate(minutes=90, level=level, style=style, focus=focus, seed=seed)
            found = faults(practice)
            assert not {"time", "holds", "checks", "time_shares"} & set(found), found


@examples(60)
@given(
    minutes=st.integers(min_value=75, max_value=90),
    level=choice_lists["level"],
    style=choice_lists["style"],
    focus=choice_lists["focus"],
    seed=choice_lists["seed"],
)
def test_a_long_practice_with_nothing_avoided_is_always_there(minutes, level, style, focus, seed):
    practice = _generate(minutes=minutes, level=level, style=style, focus=focus, seed=seed)

    _assert_teachable(practice)


def test_nearly_every_practice_lasts_its_time_within_two_minutes_or_three_percent():
    """Over many choices with nothing avoided (measured: 13 of these 200 were off and one
    refused before the generator aimed for the time, none after)."""
    rng = random.Random(11)  # noqa: S311 - a repeatable sample, not a secret
    off = []
    for _ in range(200):
        choices = clean_choices(
            minutes=rng.randint(5, 90),
            level=rng.choice(LEVELS),
            style=rng.choice(sorted(STYLES)),
            focus=rng.sample(Focus.values, rng.choice((0, 1, 1, 2, 3))),
        )
        practice = generate(LIBRARY, choices, seed=rng.randrange(2**31))
        if _off(practice) > _close(practice.target_seconds):
            off.append((choices.minutes, choices.style, practice.planned_seconds))
    assert len(off) <= 4, off


REVIEWED_SHORT = (
    # The review's #9: 81:15 planned of 90 minutes.
    {
        "minutes": 90,
        "level": "advanced",
        "style": "vinyasa",
        "focus": ["flexibility", "back"],
        "seed": 309,
    },  # fmt: skip
    # #11: 46:05 of 50.
    {
        "minutes": 50,
        "level": "beginner",
        "style": "gentle",
        "focus": ["back"],
        "avoid": ["osteoporosis_safe"],
        "seed": 311,
    },  # fmt: skip
    # #15: 50:30 and 7:00 set aside for the props, 57:30 of 60.
    {"minutes": 60, "level": "beginner", "style": "restorative", "focus": ["back"], "seed": 315},
)


@pytest.mark.parametrize("asked", REVIEWED_SHORT)
def test_the_reviewed_practices_that_fell_short_last_their_time(asked):
    practice = _generate(**asked)

    assert _off(practice) <= _close(practice.target_seconds), practice.planned_seconds
    _assert_teachable(practice)


def test_a_gentle_class_plans_its_strong_standing_poses_at_their_capped_hold():
    """The cap (practice.HOLD_CAPS: half a minute, resting between sides) counts when the
    planner works out how much time its poses can fill, not only when they are fitted."""
    choices = clean_choices(minutes=90, level="beginner", style="gentle")
    planner = Planner(pool_for(LIBRARY, choices), choices, random.Random(0))  # noqa: S311

    warrior = planner.draft(BY_SLUG["warrior-ii"], "build")
    fold = planner.draft(BY_SLUG["seated-forward-fold"], "build")

    assert warrior.low <= warrior.hold <= warrior.high <= 30
    assert fold.high > 30


def test_a_long_calm_class_short_of_time_rests_and_breathes_longer_within_each_range():
    """A 90-minute beginner gentle class for relaxation (seed 0) that its poses cannot fill
    rests longer in one final relaxation (no body scan and then Corpse: review r9 #9) and
    closes with a seated meditation of ten minutes at most (a class for relaxation), the two
    within a quarter of the class (`stillness`)."""
    practice = _generate(minutes=90, level="beginner", style="gentle", focus=["relaxation"], seed=0)

    rest = [s for s in practice.steps if s.phase == "relaxation"]
    assert len(rest) == 1
    closing = [s for s in practice.steps if s.phase == "closing"]
    assert [s.pose.slug for s in closing] == ["seated-meditation"]
    assert closing[0].duration_seconds <= seated_closing_most("gentle", ["relaxation"]) == 600
    assert rest[0].seconds + closing[0].seconds <= 0.25 * 90 * 60
    for step in practice.steps:
        low, high = step.pose.hold_range("gentle")
        assert low <= step.duration_seconds <= high
