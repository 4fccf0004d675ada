"""A flow's beat that counts its breaths ("Exhale, Down Dog; stay five breaths", "Vinyasa:
Knees-Chest-Chin, Cobra, Down Dog; three breaths") says the hold it is given in the end.

The beat's words are written when the flow is planned, but a later pass may still change
its hold: the pose's own range clamps it (`arc.Planner.draft`), a pose above the class's cap
is passed in three breaths (`flows.Flows.flow_block`), and a peak taught in rounds caps a
hold of its kind before it at one round (`prep.Prep.keep_the_peak_hardest`: Down Dog 20 s
before 20 s rounds of Three-Legged Dog). So the count is said from the settled hold, as a
teacher counts the breaths the class actually stays (quality figure `reason_holds`)."""

import re

from sequences.generator.vocabulary import BREATH_SECONDS

# Counts said in words, as the vocabulary's beats say them ("five breaths").
WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
COUNT = re.compile(r"\b(?P<n>\d+|" + "|".join(WORDS[2:]) + r") breaths\b")


def breaths_said(cue: str, seconds: int) -> str:
    """The cue with its first count of breaths made the hold's: `seconds` // BREATH_SECONDS
    breaths (a breath is five seconds, vocabulary.BREATH_SECONDS), said in words where the
    cue said it in words and the count has a word here, else in digits ("one breath" for a
    single one). A cue with no count comes back as it was."""
    match = COUNT.search(cue)
    count = seconds // BREATH_SECONDS
    if match is None or count < 1:
        return cue
    if count == 1:
        said = "one breath"
    elif match["n"].isdigit() or count >= len(WORDS):
        said = f"{count} breaths"
    else:
        said = f"{WORDS[count]} breaths"
    return f"{cue[: match.start()]}{said}{cue[match.end() :]}"


def said_from_the_hold(draft) -> str:
    """The draft's cue once its hold is settled (`generate`, after the fit): worded by its own
    `describe` where it has one (each counts from the hold), else its planned words with any
    count of breaths said from the hold (`breaths_said`)."""
    if draft.describe is not None:
        return draft.describe(draft)
    return breaths_said(draft.cue, draft.hold)
