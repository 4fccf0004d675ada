"""Two avoid choices' versions of one pose said together, each thing once (issue 11, the
heavy-avoid sweep: Bound Angle for pregnancy and back care said "Sit tall on a blanket, …"
then "Sit tall and open the hips …", then its reason "Opens the hips …"). A clause a version
already said goes; so does a clause that gives again a set-up instruction an earlier version
opened with (its first two words: "Sit tall", "Hands on"), the earlier one's details kept.

Pure functions over cue text; `versions.taught_for` adds each version's words through them."""

import re

# The first two words of each sentence: the set-up instruction it opens with.
_OPENING = re.compile(r"(?:^|[.:;!?]\s*)([A-Za-z]+ [a-z]+)\b")


def openings(said: str) -> set[str]:
    """The set-up instructions the sentences of `said` open with, lower-case ("sit tall")."""
    return {found.lower() for found in _OPENING.findall(said)}


def unsaid(words: str, said: str, *, earlier: str = "", marker: str = "") -> str:
    """`words` (one version, "Sit tall on a folded blanket, without folding forward. ")
    without the clauses `said` (the cue so far) already has, nor one that opens with an
    instruction a sentence of `earlier` (the versions already added for other choices) opened
    with, unless it holds the version's `marker`; "" where nothing is left. The kept clauses
    are one sentence, capitalised."""
    told = openings(earlier) if earlier else set()
    clauses = words.strip().rstrip(".").split(", ")
    kept = [
        clause
        for clause in clauses
        if clause.lower() not in said.lower()
        and (
            " ".join(clause.lower().split()[:2]) not in told
            or bool(marker and marker in clause.lower())
        )
    ]
    if not kept:
        return ""
    text = ", ".join(kept)
    return text[0].upper() + text[1:] + ". "
