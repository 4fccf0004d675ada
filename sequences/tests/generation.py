"""What the generator's tests share: the curated library as the generator reads it, a
practice generated from it, and the fixed, derandomized hypothesis profile its property tests
run under."""

from hypothesis import HealthCheck, settings

from poses.library import POSES_FILE, read_rows
from sequences.generator import PoseCard, clean_choices, generate

LIBRARY = [PoseCard.from_fields(row) for row in read_rows(POSES_FILE, kind="poses")]
BY_SLUG = {card.slug: card for card in LIBRARY}
PROPERTY_SETTINGS = settings(
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def examples(count: int) -> settings:
    """The fixed, derandomized profile, with this many examples."""
    return settings(PROPERTY_SETTINGS, max_examples=count)


def generated(*, seed: int, **choices):
    """The practice the curated library gives for these choices (clean_choices' keywords) and
    seed."""
    return generate(LIBRARY, clean_choices(**choices), seed=seed)


def reviewed(minutes, level, style, focus, avoid, seed):
    """A reviewed request, in the order the reviews print it."""
    return generated(minutes=minutes, level=level, style=style, focus=focus, avoid=avoid,
                     seed=seed)  # fmt: skip


def assert_figures_break_and_hold(rules: dict, breakings: dict, reported: tuple[dict, ...]):
    """Each figure of `rules` (name → rule) finds its hand-made fault in `breakings` (figure →
    practice), and none of them finds one in the practices generated for `reported` (choices
    with their seed)."""
    assert sorted(breakings) == sorted(rules)
    for figure, practice in breakings.items():
        assert rules[figure](practice), figure
    for choices in reported:
        practice = generated(**choices)
        for figure, rule in rules.items():
            assert rule(practice) == [], (figure, choices["seed"])
