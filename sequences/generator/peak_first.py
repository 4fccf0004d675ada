"""The peak's cue opens with how to take it (review r6; blind review r20 F3: Monkey Pose after
Half Splits opened "Sit to one side and come to sit. Peak: from Half Splits slide the front
heel forward …", a way between stances before the line that says how to come into the peak).

A way to the peak is said at the end of the step before ("Then come to sit."), where that has
room, else after the peak's how-to and easier version, before the why; never before "Peak: "
(after the round that opens a peak taken in rounds, `versions.own_words`). The quality
figure `peak_teaches` (quality/words.py) finds a peak's cue that does not open with it."""

from sequences.generator.versions import own_words
from sequences.models import MAX_CUE_LENGTH

HOW = "Peak: "
# The words of a peak's why (reasons.peak).
WHY = " of the practice"


def teaches_first(cue: str) -> bool:
    """Whether the cue is a peak's that opens (after its round) with how to take it."""
    return own_words(cue.strip()).startswith(HOW)


def split_how(cue: str) -> tuple[str, str]:
    """The peak's cue up to the end of its how-to sentence (its round with it), and the rest."""
    end = cue.find(". ", max(cue.find(HOW), 0))
    return (cue, "") if end < 0 else (cue[: end + 1], cue[end + 2 :])


def closes(before_cue: str, words: str) -> str | None:
    """The cue before the peak ending with the way ("Then sit to one side."), None where it
    has no room for it."""
    said = f"{before_cue.rstrip()} Then {words[0].lower()}{words[1:]}"
    return said if len(said) <= MAX_CUE_LENGTH else None


def after_the_how(cue: str, words: str) -> str:
    """The peak's cue with the way said after its how-to sentence (its easier version with
    it), the why after that left out where the three would pass MAX_CUE_LENGTH, then what
    follows it from its front."""
    how, rest = split_how(cue.strip())
    said = f"{how} {words}"
    # The why gives its room first ("… of the practice": reasons.peak); an avoid choice's
    # version said in its place or after it stays (versions.said_on) while it can.
    sentences = [f"{s.rstrip('.')}." for s in rest.split(". ")] if rest else []
    for why in [s for s in sentences if WHY in s] + list(sentences):
        if len(" ".join([said, *sentences])) <= MAX_CUE_LENGTH:
            break
        if why in sentences:
            sentences.remove(why)
    return " ".join([said, *sentences])


def way_to_the_peak(before, draft, words: str, short: str = "") -> None:
    """The way `words` (or in `short`) from the step `before` to the peak `draft` (drafts with
    a cue), said where the peak's how-to stays first: closing the step before, else after the
    how-to, in as few words as keep the peak's own."""
    for way in dict.fromkeys(w for w in (words, short) if w):
        closed = closes(before.cue, way)
        if closed is not None:
            before.cue = closed
            return
    for way in dict.fromkeys(w for w in (words, short) if w):
        if len(draft.cue.strip()) + 1 + len(way) <= MAX_CUE_LENGTH:
            draft.cue = after_the_how(draft.cue, way)
            return
    draft.cue = after_the_how(draft.cue, short or words)
