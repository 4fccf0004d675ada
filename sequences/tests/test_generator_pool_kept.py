"""What a practice works out of its pool and choices alone is kept across calls
(`sequences.generator.pool_kept`): kept or worked out afresh, the same practice; a staff edit
of the library is never met by what was kept for the library before it; and a practice is
made of the cards of the library it was given."""

from dataclasses import replace

from poses.models import Category
from sequences.generator import clean_choices, generate, pool_kept
from sequences.tests.generation import LIBRARY

CHOICES = clean_choices(minutes=45, level="intermediate", style="vinyasa", focus=["back"])


def _afresh(library, choices, seed):
    pool_kept.forget()
    return generate(library, choices, seed=seed)


def _peak(practice):
    return next(step.pose for step in practice.steps if step.phase == "peak")


def test_a_kept_answer_gives_the_practice_worked_out_afresh():
    for seed in (1, 2, 3):
        fresh = _afresh(LIBRARY, CHOICES, seed)
        generate(LIBRARY, CHOICES, seed=seed + 100)  # another practice of the same library
        assert generate(LIBRARY, CHOICES, seed=seed) == fresh


def test_a_staff_edit_of_the_library_is_never_met_by_what_was_kept_before_it():
    before = generate(LIBRARY, CHOICES, seed=7)
    peak = _peak(before)
    # Staff make the peak a mobility pose: it may no longer be any practice's peak.
    edited = [replace(c, category=Category.MOBILITY) if c == peak else c for c in LIBRARY]
    after = generate(edited, CHOICES, seed=7)
    assert _peak(after).slug != peak.slug
    assert after == _afresh(edited, CHOICES, seed=7)
    # And back: the library as it was gives its practice again.
    assert generate(LIBRARY, CHOICES, seed=7) == before


def test_a_practice_holds_the_cards_of_the_library_it_was_given():
    generate(LIBRARY, CHOICES, seed=11)
    # Equal cards (a figure is not compared), other objects: the practice's are these.
    copies = [replace(card, figure={"copy": True}) for card in LIBRARY]
    practice = generate(copies, CHOICES, seed=11)
    ids = {id(card) for card in copies}
    assert all(id(step.pose) in ids for step in practice.steps)
    assert all(step.pose.figure == {"copy": True} for step in practice.steps)
