"""A warm-up names the peak only where it readies what the peak asks: Cat-Cow warms the spine,
not the hamstrings, so it is not "warming it for Half Splits"."""

from sequences.generator import reasons
from sequences.tests.generation import BY_SLUG


def test_cat_cow_warms_the_spine_for_a_backbend_not_for_half_splits():
    cat_cow = BY_SLUG["cat-cow"]
    for slug in ("half-splits", "pyramid", "wide-legged-forward-fold", "standing-split"):
        cue = reasons.warm_up(cat_cow, BY_SLUG[slug])
        assert BY_SLUG[slug].name not in cue, slug
        assert cue == (
            "Moves the spine both ways with the breath: flexion and extension, one breath each."
        )
    # A backbend, a twist, a fold that names the back: the spine is what they ask.
    for slug in ("camel", "revolved-triangle", "seated-forward-fold"):
        assert reasons.warm_up(cat_cow, BY_SLUG[slug]).endswith(f"for {BY_SLUG[slug].name}.")
