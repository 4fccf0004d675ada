"""A class for back care keeps the lower back long in a backbend (blind review r14 F3: Sphinx
before Locust "arches the upper back and lower back, which Locust Pose needs", while the class's
own version asks for length in the lower back; the teacher's fix: "Forearms press down, the chest
draws forward, the belly lightly in: the upper back arches, the lower back stays long, the shape
Locust Pose lifts into"). The pose data says the same for the belly backbends: Sphinx's elbows
slide forward "to reduce the bend with low-back pain", Locust and Cobra "keep the lift low".

`keep_the_lower_back_long` rewrites the practice's cues once they are worded
(`generate._practice`), every style alike: a clause that arches the lower back (ARCHED) says
instead that the upper back arches and the lower back stays long (LONG), after the pose's own
set-up where LONG_SET_UP has it; "which {peak} needs" after it becomes the shape the peak lifts
into (a backbend) or "ready for {peak}"."""

import re

from accounts.models import Avoidance
from poses.models import Category

# A clause that asks the lower back to arch: "Arches the upper back and lower back", "a mild
# arch of the lower back", "the lower back arches", an arch or bend "deep in the lower back".
ARCHED = re.compile(
    r"\b(?:arch(?:es|ing)?|bends?|bending)\s+(?:of\s+)?the\s+"
    r"(?:(?:upper\s+back|spine)\s+and\s+(?:the\s+)?)?lower\s+back\b(?:\s+and\s+upper\s+back\b)?"
    r"|\b(?:an?\s+)?(?:mild|deep(?:er|est)?|gentle|small)\s+(?:arch|bend|backbend)\s+(?:of|in)\s+the\s+"
    r"lower\s+back\b"
    r"|\blower\s+back\s+(?:arches|bends)\b"
    r"|\b(?:arch|bend)\w*\s+(?:the\s+)?lower\s+back\s+deeply\b",
    re.IGNORECASE,
)
# The clause as back care says it.
LONG = "the upper back arches, the lower back stays long"
# How the pose is taken so that only the upper back arches, in its own words (Sphinx: "Press
# your forearms down to lift your chest"; the belly lightly in, as the teacher cued it).
LONG_SET_UP = {
    "sphinx": "Forearms press down, the chest draws forward, the belly lightly in",
}
# A need said after the clause, which reads after LONG as if the long lower back were the need.
NEEDS = (
    re.compile(r",\s+which\s+(?P<peak>[^,.;:]+?)\s+needs\b"),
    re.compile(r":\s+(?P<peak>[^,.;:]+?)\s+asks\s+for\s+(?:them|it)\b"),
)


def arched(cue: str) -> bool:
    """Whether the cue asks the lower back to arch (ARCHED)."""
    return ARCHED.search(cue) is not None


def kept_long(cue: str, slug: str, avoid, *, backbend_peak: bool = True) -> str:
    """`cue` as a class avoiding `avoid` says it for the pose `slug`: for back care, the clause
    that arches the lower back becomes LONG; where it opens a sentence, the pose's own set-up
    (LONG_SET_UP) leads it; a "which {peak} needs" (or ": {peak} asks for them") that followed
    it becomes "the shape {peak} lifts into" (a backbend peak) or "ready for {peak}"."""
    if Avoidance.BACK_CARE not in avoid:
        return cue
    match = ARCHED.search(cue)
    if match is None:
        return cue
    before, after = cue[: match.start()], cue[match.end() :]
    lead = before.rstrip()
    if lead == "" or lead.endswith((".", ";")):
        set_up = LONG_SET_UP.get(slug)
        said = f"{set_up}: {LONG}" if set_up else LONG[0].upper() + LONG[1:]
    else:
        said = LONG
    need = next((m for m in (n.match(after) for n in NEEDS) if m), None)
    if need:
        peak = need.group("peak")
        tail = f", the shape {peak} lifts into" if backbend_peak else f", ready for {peak}"
        after = tail + after[need.end() :]
    elif after.startswith(" "):
        after = "," + after  # "a mild arch of the lower back as the breath slows"
    return kept_long(before + said + after, slug, avoid, backbend_peak=backbend_peak)


def keep_the_lower_back_long(drafts, avoid, peak=None) -> None:
    """Each draft's cue with the lower back long (`kept_long`), in place; `peak`, the
    practice's peak card, says whether the peak is a backbend."""
    backbend = peak is not None and peak.category == Category.BACKBEND
    for draft in drafts:
        draft.cue = kept_long(draft.cue, draft.card.slug, avoid, backbend_peak=backbend)
