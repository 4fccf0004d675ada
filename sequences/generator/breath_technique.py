"""A breathing practice's pacing words, true to its technique (issue 11, teacher review r11b:
Alternate-Nostril Breathing cued "in for 4, out for 4", even breathing with no nostril
switched). The counts come from the pose's breath pattern; what makes the technique itself (the
nostrils taken in turn, the hum, the narrowed throat, the three parts) is said with them.

Pure functions over PoseCard data; `reasons.breath_words` says them, and the quality figure
`breath_true` (quality/true_words.py) fails a pranayama cue that leaves its technique out."""

from sequences.steps import PoseCard

NAMES = {"inhale": "in", "hold": "hold", "exhale": "out", "hold_empty": "hold"}

# Each technique's own pacing, {inhale} and {exhale} its counts (seconds), in a teacher's
# words; a pattern with holds (Box Breathing) is its counts alone, the holds being the
# technique. Alternate-Nostril: the thumb closes the right nostril, the ring finger the left,
# and the sides change after each in-breath (poses/content, its instructions).
TECHNIQUES = {
    "alternate-nostril-breathing": "right thumb closes the right nostril, in through the left "
    "for {inhale}; ring finger closes the left, out through the right for {exhale}; in through "
    "the right, switch, out through the left",
    "bhramari-breath": "in through the nose for {inhale}, out for {exhale} on a low, steady hum",
    "ujjayi-breath": "in for {inhale}, out for {exhale}, the back of the throat gently narrowed, "
    "the breath soft but heard",
    "three-part-breath": "in for {inhale}, filling belly, ribs and chest, out for {exhale}",
}

# What a cue of each technique must say for the technique to be taught, not only its counts.
MARKS = {
    "alternate-nostril-breathing": ("nostril", "switch"),
    "bhramari-breath": ("hum",),
    "ujjayi-breath": ("throat",),
    "three-part-breath": ("belly", "ribs", "chest"),
}


def counts(card: PoseCard) -> str:
    """ "in for 4, hold for 4, out for 4, hold for 4": the pattern's counts (seconds)."""
    return ", ".join(f"{NAMES[phase]} for {count}" for phase, count in card.breath_pattern)


def pacing(card: PoseCard) -> str:
    """The breathing practice's pacing, lower-case, no full stop: its technique's words
    (TECHNIQUES) with its counts, else the counts alone. Raises KeyError for a technique's
    pattern missing an inhale or an exhale."""
    frame = TECHNIQUES.get(card.slug)
    if frame is None:
        return counts(card)
    pattern = dict(card.breath_pattern)
    return frame.format(inhale=pattern["inhale"], exhale=pattern["exhale"])


def leaves_out(card: PoseCard, cue: str) -> list[str]:
    """The words of its technique (MARKS) a pranayama cue with counts does not say ([] where it
    says them all, or gives no counts)."""
    if not card.breath_pattern or " for " not in cue:
        return []
    text = cue.lower()
    return [mark for mark in MARKS.get(card.slug, ()) if mark not in text]
