"""A practice is a pure function of the library, the choices and the seed: nothing the generator
keeps between calls (a memo keyed by an object's id() that a later object reuses, a cache over
a value that changes, a count, a card or list changed in place) moves what one request gets by
what was asked before it. The property over 1,000 choices draws the same choices every run; a
practice that hung on what ran before would pass alone and fail in the whole suite's run."""

from poses.library import POSES_FILE, read_rows
from sequences.generator import PoseCard
from sequences.tests.generation import LIBRARY, generated

# Varied requests, as the property draws them: every style, avoid lists, poses left out and
# liked, short and long.
REQUESTS = (
    {"minutes": 29, "level": "intermediate", "style": "power", "focus": ["balance"],
     "avoid": ["osteoporosis_safe", "pregnancy_safe"],
     "liked": ["balancing-table", "five-pointed-star", "warrior-ii"], "seed": 2147483646},
    {"minutes": 54, "level": "intermediate", "style": "power", "focus": ["relaxation", "core"],
     "avoid_slugs": ["easy-seated-twist", "warrior-i", "bound-angle", "pyramid"],
     "liked": ["skandasana"], "seed": 339},
    {"minutes": 50, "level": "advanced", "style": "power", "focus": ["hips"],
     "avoid": ["knee_friendly"], "avoid_slugs": ["low-lunge", "warrior-i"], "seed": 2096296067},
    {"minutes": 90, "level": "beginner", "style": "vinyasa", "focus": ["balance"], "seed": 1},
    {"minutes": 60, "level": "advanced", "style": "vinyasa", "focus": ["back"],
     "avoid": ["knee_friendly"], "seed": 2009},
    {"minutes": 75, "level": "intermediate", "style": "hatha", "focus": ["back"],
     "avoid": ["back_care", "knee_friendly", "pregnancy_safe"], "seed": 5},
    {"minutes": 45, "level": "intermediate", "style": "yin", "focus": ["back"],
     "avoid": ["pregnancy_safe"], "seed": 1213},
    {"minutes": 20, "level": "beginner", "style": "restorative", "focus": ["relaxation"],
     "seed": 1206},
    {"minutes": 40, "level": "beginner", "style": "gentle", "focus": ["flexibility"],
     "avoid": ["wrist_friendly", "no_inversions"], "liked": ["cat-cow"], "seed": 88},
    {"minutes": 12, "level": "advanced", "style": "hatha", "focus": ["strength", "core"],
     "seed": 31337},
)  # fmt: skip


def _generated(request: dict):
    return generated(**{"avoid": [], **request})


def test_a_practice_is_the_same_whatever_was_generated_before_it():
    """Each request's practice, every step, hold and cue, is the same generated after the
    others in one order and in the other; and the library is left as it was read."""
    forwards = [_generated(r).steps for r in REQUESTS]
    backwards = [_generated(r).steps for r in reversed(REQUESTS)][::-1]

    for request, steps, later in zip(REQUESTS, forwards, backwards, strict=True):
        assert steps == later, request
    as_read = [PoseCard.from_fields(row) for row in read_rows(POSES_FILE, kind="poses")]
    assert as_read == LIBRARY
