"""Where a bent knee goes, said truly (blind teacher review r17 F10: "Front knee over the toes"
at a beginner's Extended Side Angle "tells beginners to push the knee forward past the ankle,
which loads the knee"; the teacher's words: "front knee over the ankle, tracking the second
toe").

A lunge's or warrior's bent front knee stacks over the ankle and tracks the second (or middle)
toe; a squat's knees point where the toes point. No cue the generator writes, and no text of
the content (poses/content, sequences/content), says a knee goes over, past or beyond the toes:
`KNEE_PAST_TOES` finds such words, the figure `knee_over_ankle` (quality.knee_words) holds
every generated practice to it and sequences/tests/test_generator_knee_words.py every string
of the generator and the content."""

import re

# A knee sent over, past or beyond the toes ("front knee over the toes", "the knees tracking
# over your toes", "knee past the toes"), within one clause.
KNEE_PAST_TOES = re.compile(
    r"\bknees?\b[^.;:!?]{0,40}?\b(?:over|past|beyond|in front of)\s+(?:the\s+|your\s+|its\s+)?"
    r"(?:\w+\s+)?toes?\b",
    flags=re.IGNORECASE,
)


def knee_past_toes(text: str) -> str:
    """The words of `text` that send a knee over or past the toes, or ""."""
    found = KNEE_PAST_TOES.search(text)
    return found.group(0) if found else ""
