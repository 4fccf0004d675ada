"""What the generator's tests share: the curated library as the generator reads it, a
practice generated from it, and the fixed, derandomized hypothesis profile its property tests
run under."""

from dataclasses import replace

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


# The eighteen requests a blind review prints (docs/reviews/generated-practices-*.md), by the
# practice's number; a review's seeds are its round and that number (1208: review r12's #8).
REVIEW_REQUESTS = {
    1: {"minutes": 15, "level": "beginner", "style": "gentle", "focus": ["relaxation"]},
    2: {"minutes": 30, "level": "beginner", "style": "hatha", "focus": ["back"],
        "avoid": ["back_care"]},
    3: {"minutes": 45, "level": "intermediate", "style": "hatha", "focus": ["hips", "balance"]},
    4: {"minutes": 60, "level": "intermediate", "style": "vinyasa", "focus": ["energy"]},
    5: {"minutes": 60, "level": "advanced", "style": "power", "focus": ["strength", "core"]},
    6: {"minutes": 20, "level": "beginner", "style": "restorative", "focus": ["relaxation"],
        "avoid": ["pregnancy_safe"]},
    7: {"minutes": 75, "level": "intermediate", "style": "yin", "focus": ["hips"]},
    8: {"minutes": 40, "level": "beginner", "style": "vinyasa", "focus": ["full_body"],
        "avoid": ["wrist_friendly"]},
    9: {"minutes": 90, "level": "advanced", "style": "vinyasa", "focus": ["flexibility", "back"]},
    10: {"minutes": 30, "level": "intermediate", "style": "hatha", "focus": ["core"],
         "avoid": ["knee_friendly"]},
    11: {"minutes": 50, "level": "beginner", "style": "gentle", "focus": ["back"],
         "avoid": ["osteoporosis_safe"]},
    12: {"minutes": 10, "level": "beginner", "style": "hatha", "focus": ["energy"]},
    13: {"minutes": 45, "level": "intermediate", "style": "yin", "focus": ["back"],
         "avoid": ["pregnancy_safe"]},
    14: {"minutes": 35, "level": "advanced", "style": "hatha", "focus": ["balance"],
         "avoid": ["no_inversions"]},
    15: {"minutes": 60, "level": "beginner", "style": "restorative", "focus": ["back"]},
    16: {"minutes": 25, "level": "intermediate", "style": "power", "focus": ["strength"],
         "avoid": ["wrist_friendly"]},
    17: {"minutes": 70, "level": "intermediate", "style": "hatha", "focus": ["full_body"],
         "avoid": ["back_care", "knee_friendly"]},
    18: {"minutes": 20, "level": "advanced", "style": "vinyasa", "focus": ["hips"]},
}  # fmt: skip
# Review r11b printed requests of its own (docs/reviews/generated-practices-2026-11-30-r11b.md).
OTHER_REQUESTS = {
    1101: {"minutes": 30, "level": "beginner", "style": "hatha", "focus": ["flexibility"]},
    1102: {"minutes": 45, "level": "intermediate", "style": "gentle", "focus": ["flexibility"]},
}


def request(seed: int) -> dict:
    """The choices a review printed with this seed, the seed among them: clean_choices'
    keywords and `seed`, as `generated` takes them."""
    choices = OTHER_REQUESTS.get(seed) or REVIEW_REQUESTS[seed % 100]
    return {"avoid": [], **choices, "seed": seed}


def requests(*seeds: int) -> tuple[dict, ...]:
    """`request` of each seed, as the quality figures' tests list the reported practices."""
    return tuple(request(seed) for seed in seeds)


def reviewed(seed: int):
    """The practice a review read for this seed (`request`)."""
    return generated(**request(seed))


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


def printed(minutes, level, style, focus, avoid, seed):
    """A request in the order bench/practices.py prints it, for the choices no review read."""
    return generated(minutes=minutes, level=level, style=style, focus=focus, avoid=avoid,
                     seed=seed)  # fmt: skip


def recued(practice, where, cue, *, phase=None, held_only=False):
    """The practice with a cue put back by hand (what a figure sees of a wrong cue): on the
    one step `where` is, or on every step of the pose whose slug `where` is — only in `phase`
    and only where held (not in a flow), if asked."""

    def hit(step):
        if not isinstance(where, str):
            return step is where
        return (
            step.pose.slug == where
            and phase in (None, step.phase)
            and not (held_only and step.flow)
        )

    steps = tuple(replace(s, cue=cue) if hit(s) else s for s in practice.steps)
    return replace(practice, steps=steps)


def renumbered(practice, steps, **fields):
    """The practice with these steps, numbered in their order (a breaking case's steps), and
    any other of its fields given (`focus_spared=()`)."""
    steps = tuple(replace(s, position=n) for n, s in enumerate(steps, start=1))
    return replace(practice, steps=steps, **fields)
