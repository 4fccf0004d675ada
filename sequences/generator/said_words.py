"""Where words added to a cue go: a set-up or a place for the hands first (after the sentence
of the step's own label, "Counter-pose: …", and what `versions.said_on` keeps first), a way
out last; the rest of the cue cut at a clause to leave them room within what a sequence keeps
(MAX_CUE_LENGTH)."""

import re

from sequences.generator.versions import WORDS, said_after, said_on
from sequences.models import MAX_CUE_LENGTH

_SENTENCE = re.compile(r"(?<=[.!?])\s+")
# A label a step's reason opens with, kept first.
LABELS = ("Counter-pose: ",)


def said_first(draft, words: str, *, room: int = MAX_CUE_LENGTH) -> str:
    """The draft's cue with `words` said first (after the flow's own words on a flow step);
    only the words up to their first "; " where the whole would cut a sentence of the cue (what
    the versions said for a choice, a gentle class's rest between sides), and the cue as it was
    where those too would."""
    kept = [s.strip(" .") for s in _SENTENCE.split(draft.cue) if s.strip()]
    # The words whole, else up to their first "; " (the shape before its refinements).
    shorter = words.split("; ")[0].rstrip(" .") + ". "
    for said_words in dict.fromkeys((words, shorter)):
        said = _first(draft, said_words, room=room)
        if len(draft.cue) + len(said_words) <= room or all(s in said for s in kept):
            return said
    return draft.cue


def _first(draft, words: str, *, room: int) -> str:
    cue = draft.cue
    if draft.flow:
        return said_after(cue, words, room=room)
    if any(cue.startswith(label) for label in LABELS):
        # The label's sentence stays first: "Counter-pose: opens the chest after …".
        end = cue.find(". ") + 1 or len(cue)
        rest = said_on(cue[end:].lstrip(), words, room=room - end - 1)
        return f"{cue[:end]} {rest}".rstrip()
    return said_on(cue, words, peak=draft.phase == "peak", room=room)


def said_last(cue: str, words: str, *, room: int = MAX_CUE_LENGTH) -> str:
    """The cue with `words` (a sentence) said last, the cue cut at a clause to leave room; the
    cue as it was where the cut would lose what a version says for a choice (versions.WORDS)."""
    whole = cue = cue.strip()
    most = room - len(words) - 1
    if len(cue) > most:
        cut = max(cue.rfind("; ", 0, most), cue.rfind(". ", 0, most), cue.rfind(", ", 0, most))
        cue = cue[:cut] if cut > 0 else cue[:most].rsplit(" ", 1)[0]
        if any(w.strip() in whole and w.strip() not in cue for w in WORDS):
            return whole
    if cue and not cue.endswith((".", "!", "?")):
        cue = cue.rstrip(",;:") + "."
    return f"{cue} {words}".strip()
