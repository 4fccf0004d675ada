"""A gentle class holds its strong standing poses five or six breaths and rests in Mountain
between the sides (practice.py's gentle style, quality figure `gentle_holds`): which steps say
the rest, the room their cue keeps for it, and the cue cut to what a saved sequence keeps with
the rest still said (the sweep's heavy avoid lists: a Half Moon peak taught for pregnancy,
knee care, no inversions and wrist care filled its cue, and the cut took the rest).

A flow's step says no rest of its own (its left side opens "Rest in Mountain, then the left
side": `reasons.GENTLE_LEFT`), so it keeps its whole room for the versions and the shape."""

import re

from poses.models import Position
from sequences.models import Style

REST_BETWEEN = " Rest in Mountain between sides."
# Words a cut never takes: how the head and the breath are kept (head_level.HEAD_SAID,
# BREATH_SAID), besides what shows a version is said (its marker).
KEPT_WORDS = ("head", "breath", "chest level", "heart")
_SENTENCES = re.compile(r"(?<=[.!?])\s+")


def rests_between(card, *, style: str, flow: str) -> bool:
    """Whether the step says the rest between sides: a strong (intensity 3 or more) one-sided
    standing pose held on its own in a gentle class."""
    return (
        style == Style.GENTLE
        and card.position == Position.STANDING
        and card.is_bilateral
        and not flow
        and card.intensity >= 3
    )


def kept(cue: str, most: int, cut, markers=()) -> str:
    """`cue` within `most` characters by `cut(text, most)` (the generator's cut at a clause);
    where it says the rest between sides and is too long, the rest said last and never cut,
    the room for it made first by what a teacher leaves out (`_shorter`), saying each version
    (its `markers`), the head and the breath still."""
    said = REST_BETWEEN.strip()
    if len(cue) <= most or said not in cue:
        return cut(cue, most)
    words = " ".join(cue.replace(said, " ").split())
    room = most - len(REST_BETWEEN)
    words = _shorter(words, room, tuple(m.lower() for m in markers) + KEPT_WORDS)
    return f"{cut(words, room)}{REST_BETWEEN}"


def _shorter(text: str, room: int, kept_words: tuple[str, ...]) -> str:
    """`text` without a sentence the cue already said ("Fingertips light on a tall block."
    after the peak's "fingertips light on a tall block"), then without its last clauses that
    say none of `kept_words` (the peak's "Peak:" sentence whole), until it fits `room`."""
    sentences = [s for s in _SENTENCES.split(text) if s]
    for index in range(len(sentences) - 1, 0, -1):
        if len(" ".join(sentences)) <= room:
            break
        before = " ".join(sentences[:index]).lower()
        if sentences[index].rstrip(".").lower() in before:
            del sentences[index]
    first = 1 if sentences and sentences[0].startswith("Peak: ") else 0
    while len(" ".join(sentences)) > room:
        found = _last_clause(sentences, first, kept_words)
        if found is None:
            break
        at, clauses, drop = found
        del clauses[drop]
        sentence = ", ".join(clauses).rstrip(".") + "."
        if drop == 0:
            sentence = sentence[:1].upper() + sentence[1:]
        sentences[at] = sentence
    return " ".join(sentences)


def _last_clause(sentences, first: int, kept_words):
    """(sentence index, its clauses, the index of the last clause that may go) or None: a
    clause of a sentence of two or more, after the `first` kept, saying none of `kept_words`."""
    for at in range(len(sentences) - 1, first - 1, -1):
        clauses = sentences[at].rstrip(".").split(", ")
        if len(clauses) < 2:
            continue
        for drop in range(len(clauses) - 1, -1, -1):
            if not any(word in clauses[drop].lower() for word in kept_words):
                return at, clauses, drop
    return None
