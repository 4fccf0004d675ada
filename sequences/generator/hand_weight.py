"""With wrist care no word of a practice puts weight in a hand (blind review r18 F6, F11: High
Lunge "hands on the hips or on blocks", Extended Side Angle "forearm to the thigh or hand to a
block": leaning into a block with the wrist bent back loads the joint the class was told to
spare). The teacher's words say where the hand rests without weight: High Lunge "hands on the
hips or the front thigh", Extended Side Angle "forearm resting on the front thigh, no weight in
the hand; top arm over the ear".

The words come from many places (a pose's how-to in `reasons`, the versions for an avoid
choice, the peak's how-to, the ways out, the hands' places): `spare_the_wrists` rewrites the
practice's cues once they are worded (`generate._practice`), every style alike, and WEIGHTED
finds what is left (the `wrist_weight` figure, quality/hand_weight.py). Fingertips said "light"
rest without weight, the wrist straight; a forearm on a thigh, a block or a bolster spares the
wrist."""

import re

from accounts.models import Avoidance

_HAND = r"\b(?:hands?|palms?|fingertips)\b(?!-)"
# What a hand leans on: a block, the floor or the mat, the shin or the ankle with the wrist bent
# back, the heels (Camel).
_SUPPORT = r"\b(?:blocks?|floor|mat|shins?|ankles?|heels)\b"
# Words that put weight in a hand: a hand on what it leans on (within a clause, either order),
# onto the hands, hands and knees, pressing the palms, the hands down, the hands' help.
WEIGHTED = re.compile(
    rf"{_HAND}[^.;:,()]{{0,40}}?{_SUPPORT}"
    rf"|{_SUPPORT} under (?:the|your) {_HAND}"
    rf"|\bonto (?:the|your|both) {_HAND}"
    r"|\bon (?:the |your )?hands and knees\b"
    rf"|\bpress\w* [^.;:,]{{0,20}}?{_HAND}"
    r"|\bhands down\b"
    r"|\bwith the help of the hands\b"
    r"|\bweight (?:\w+ ){0,3}(?:in|into|on) (?:the|your) hands?\b"
    rf"|{_HAND} (?:inside|outside|beside) (?:the|your) (?:front )?foot\b",
    re.IGNORECASE,
)
# Words that take the weight back out: the fingertips light, no weight in it, not the floor.
_UNWEIGHTED = re.compile(
    r"\blight\b|\bno weight\b|^(?:hands?|palms?|fingertips) (?:free|at the chest)\b", re.I
)
_NEGATED = re.compile(r"\b(?:not|never|no|rather than|without)(?: \w+)?\s*$", re.I)

# (words that load the wrist, the teacher's words for where the hand rests), in order: the
# longest first, so a clause is said once.
_FREED = (
    (
        r"forearm (?:to|on) the thigh,? or (?:the )?hand (?:to|on) a block, top arm",
        "forearm resting on the front thigh, no weight in the hand; top arm",
    ),
    (
        r"forearm (?:to|on) the thigh,? or (?:the )?hand (?:to|on) a block",
        "forearm resting on the front thigh, no weight in the hand",
    ),
    (r"hands on the hips or on blocks, not the floor", "hands on the hips or the front thigh"),
    (r"hands on the hips or on blocks", "hands on the hips"),
    (r"hands on the front thigh, or fingertips on tall blocks", "hands on the front thigh"),
    (r"hands on blocks or the front thigh", "hands on the front thigh"),
    (r"knees bent, hands on blocks or the thighs", "knees soft, the hands holding opposite elbows"),
    (r"hands on blocks or the thighs", "hands on the thighs"),
    (r"hands on the thighs or (?:on )?blocks", "hands on the thighs"),
    (r"hands or forearms on blocks", "forearms resting on blocks, no weight in the hands"),
    # Warrior III's easier version names the chair's back itself: said once (no "back back").
    (r"hands on blocks or a chair(?: back)?\b", "a hand on a chair back"),
    (r"hands down(?:;|,)? (?:\()?easier: hands on blocks, heel lifted\)?", "hands at the chest"),
    (r"the lower hand on the leg or a block", "the lower hand light on the leg"),
    (r"the back hand on a block", "the back fingertips light behind you"),
    (r"fingertips or a block behind you", "fingertips light behind you"),
    (r"fingertips, not palms, on tall blocks", "fingertips light on tall blocks"),
    (r"fingertips on the floor or blocks", "fingertips light on tall blocks"),
    (r"fingertips on (a|tall) blocks?", r"fingertips light on \1 block"),
    (r"a block under the hand", "fingertips light on a tall block"),
    (
        r"(bottom )?hand (?:on|to) (?:the shin or a (?:tall )?block|a block or the (?:shin|leg)"
        r"|a (?:tall )?block)(?:, not the floor)?",
        r"\1hand light on the thigh",
    ),
    (r"hands on blocks", "hands on the thighs"),
    (r"lean forward onto the hands", "lean forward onto the forearms"),
    (r",? with the help of the hands", ", the hands light on the legs"),
    (r"on hands and knees", "on the forearms and knees"),
    (r"hands to the heels only if the lower back stayed easy", "hands on the sacrum"),
    (r"one hand down beside you", "the fingertips of one hand light beside you"),
    (r"hands down\b", "hands at the chest"),
)
# A hand light on the thigh, said once a cue (the hand's place, a version and the pose's own
# words all freed to it).
_LIGHT = re.compile(r"(?:bottom |the lower )?hand light on the (?:front )?(?:thigh|leg)", re.I)
_FREED_RE = tuple((re.compile(rf"\b{words}", re.IGNORECASE), free) for words, free in _FREED)


def weighted(cue: str) -> list[str]:
    """The words of `cue` that put weight in a hand (WEIGHTED), but for those said light, with
    no weight, or negated ("not the hands on the floor")."""
    found = []
    for clause in re.split(r"[.;:]\s*|,\s*(?=(?:or |and )?(?:the )?(?:hands?|fingertips)\b)", cue):
        for match in WEIGHTED.finditer(clause):
            if _UNWEIGHTED.search(match.group(0)) or _NEGATED.search(clause[: match.start()]):
                continue
            found.append(match.group(0))
    return found


def freed(cue: str) -> str:
    """`cue` with every hand that would bear weight resting without it (_FREED), each clause's
    first letter kept as it was."""
    for pattern, free in _FREED_RE:
        cue = pattern.sub(lambda found, free=free: _cased(found, found.expand(free)), cue)
    return _once(cue)


def _once(cue: str) -> str:
    """`cue` saying a hand light on the thigh once (_LIGHT): a later one goes with its comma,
    or as its sentence's opening words ("Hand light on the thigh, spine long" → "Spine long")."""
    found = list(_LIGHT.finditer(cue))
    peak = cue.find("Peak: ")  # the peak's how-to is said whole (quality `peak_teaches`)
    peak_end = cue.find(". ", peak) if peak >= 0 else -1
    for later in reversed(found[1:]):
        start, end = later.span()
        if peak >= 0 and peak <= start and (peak_end < 0 or start < peak_end):
            continue
        if cue[start - 2 : start] == ", ":
            cue = cue[: start - 2] + cue[end:]
        elif cue[end : end + 2] == ", " and (start == 0 or cue[start - 2 : start] == ". "):
            rest = cue[end + 2 :]
            cue = cue[:start] + rest[:1].upper() + rest[1:]
        elif cue[end : end + 1] == "." and (start == 0 or cue[start - 2 : start] == ". "):
            cue = cue[:start] + cue[end + 2 :]
    return cue


def _cased(found: re.Match, words: str) -> str:
    return words[:1].upper() + words[1:] if found.group(0)[:1].isupper() else words


def spared(cue: str, avoid) -> str:
    """`cue` as a class avoiding `avoid` says it: with wrist care, no weight in the hands."""
    if Avoidance.WRIST_FRIENDLY not in avoid:
        return cue
    return freed(cue)


def spare_the_wrists(drafts, avoid) -> None:
    """Each draft's cue with no weight in the hands under wrist care (`spared`), in place."""
    for draft in drafts:
        draft.cue = spared(draft.cue, avoid)
