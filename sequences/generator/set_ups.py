"""Where a step's props go (review r8 #6: Reclined Bound Angle's "blocks under the thighs…
a bolster propped on blocks… a bolster laid lengthwise… blocks under the knees"): one clean
set-up, each prop said once where it goes. `placements` reads the props a cue places and the
part of the body each holds; `one_set_up` drops a clause that sets a prop up a second time."""

import re

# A prop the cue places: "a bolster", "blocks", "a folded blanket".
_PROP = re.compile(
    r"\b(?:a |the |two |one or two )?(?:folded |thick |rolled |second |thin )?"
    r"(bolster|block|blanket|cushion|chair)s?\b"
)
# The prop holding up another ("a bolster propped on blocks"): the first prop's set-up.
_HOLDS_A_PROP = re.compile(
    r"\b(?:bolster|block|blanket)s? (?:propped |raised |set |stacked )?on\s*$"
)
# Where the words about one prop end: the next prop, or the next thing done.
_NEXT = re.compile(r"\b(?:and|or|then|bolster|block|blanket|cushion|chair)\b")
# The part of the body a prop holds, by the words around it; the first that matches.
SPOTS = (
    ("between", re.compile(r"\bbetween\b")),
    ("legs", re.compile(r"\b(?:knees?|thighs?|shins?)\b")),
    ("head", re.compile(r"\b(?:head|forehead|neck)\b")),
    ("seat", re.compile(r"\b(?:pelvis|hips?|sacrum|seat|sit(?:ting)?)\b")),
    (
        "torso",
        re.compile(
            r"\b(?:chest|belly|behind you|lengthwise|propped|inclined|(?:lie|lean|recline)s? "
            r"(?:back )?(?:over|onto|on)|back over|under the back)\b"
        ),
    ),
)
_EASIER = re.compile(r";? easier: [^.]*\.?")
_HELD = "\u00a7"  # where the easier option stands while the set-up is read
_CLAUSE = re.compile(r"(?<=[,;.:])\s+")


def _spot(before: str, after: str) -> str | None:
    for spot, words in SPOTS:
        if words.search(after) or words.search(before):
            return spot
    return None


def placements(clause: str) -> list[tuple[str, str]]:
    """(prop, spot) for each prop `clause` places: ("block", "legs") for "blocks under the
    thighs"; a prop that holds up another is that prop's set-up."""
    text = clause.lower()
    found = []
    for match in _PROP.finditer(text):
        before, after = text[: match.start()], text[match.end() :]
        after = after[: next_at.start()] if (next_at := _NEXT.search(after)) else after
        before = before[-30:]
        if _HOLDS_A_PROP.search(before):
            continue
        spot = _spot(before, after)
        if spot:
            found.append((match.group(1), spot))
    return found


def clauses(cue: str) -> list[str]:
    """The cue cut after each comma, semicolon, colon and full stop."""
    return _CLAUSE.split(cue)


def set_up_twice(cue: str) -> list[str]:
    """The props `cue` sets up twice for one part of the body."""
    seen: dict[tuple[str, str], str] = {}
    twice = []
    for clause in clauses(cue):
        for place in dict.fromkeys(placements(clause)):
            if place in seen:
                twice.append(f"{seen[place]!r} / {clause!r}")
            else:
                seen[place] = clause
    return twice


_SENTENCE = re.compile(r"(?<=[.!?])\s+")
# A clause that goes on to the next thing done after its prop ("Sit tall on a folded blanket
# and open the hips"): only the prop's words go.
_GOES_ON = re.compile(r"\s+(?:and|then)\s+\S")
# A clause that says how to come into the shape before the prop it uses.
_INTO = re.compile(r"^(?:lie|lean|recline|sit|kneel)\b")
_PREPOSITION = re.compile(r"\s*\b(?:on|onto|over|with|under)\s+$")


def _without(clause: str, drop: set[tuple[str, str]]) -> str:
    """`clause` without the props it sets up that `drop` holds: the whole clause where it is
    only the set-up, else the prop's words ("on a folded blanket")."""
    text = clause.lower()
    for match in _PROP.finditer(text):
        found = [p for p in placements(clause) if p[0] == match.group(1)]
        if not found or found[0] not in drop:
            continue
        rest = text[match.end() :]
        goes_on = _GOES_ON.search(rest)
        if not goes_on:
            # "Sit high on a blanket and lean onto a bolster between the legs": what is done
            # before the prop stays.
            before = text.rfind(" and ", 0, match.start())
            if before > 0:
                return clause[:before].strip()
            # "lie back over a bolster": the way into the shape stays ("lie back").
            lead = _PREPOSITION.search(text[: match.start()])
            if lead and _INTO.match(text):
                return clause[: lead.start()].strip()
            return ""
        lead = _PREPOSITION.search(text[: match.start()])
        start = lead.start() if lead else match.start()
        return (clause[:start] + clause[match.end() + goes_on.start() :]).strip()
    return clause


def one_set_up(cue: str, keep: tuple[str, ...] = ()) -> str:
    """The cue with each prop set up once for each part of the body (Reclined Bound Angle's
    "a bolster laid lengthwise behind you, blocks under the knees" after the peak's "lie back
    over a bolster, blocks under the thighs"): the first clause that says it stays, or the
    first with one of the words in `keep` (a version's: "at its lowest height"), and the
    others go ("Inclined, not flat, on a bolster propped on blocks" after Supported Fish's
    "lie back over a bolster raised on a block" says "Inclined, not flat.")."""
    # The peak's easier option is an option, not the set-up: left as it is.
    easier = _EASIER.search(cue)
    if easier:
        stop = "." if easier.group(0).endswith(".") else ""
        cue = cue[: easier.start()] + _HELD + stop + cue[easier.end() :]
    sentences = [clauses(s) for s in _SENTENCE.split(cue.strip())]
    said = [[placements(c) for c in sentence] for sentence in sentences]
    owner: dict[tuple[str, str], tuple[int, int]] = {}
    for n, sentence in enumerate(sentences):
        for m, clause in enumerate(sentence):
            kept = any(word in clause.lower() for word in keep)
            for place in said[n][m]:
                first = owner.get(place)
                if first is None or (kept and not _kept(sentences, first, keep)):
                    owner[place] = (n, m)
    out = []
    for n, sentence in enumerate(sentences):
        kept, dropped = [], False
        for m, clause in enumerate(sentence):
            body = clause.rstrip(",;:.").strip()
            end = clause[len(clause.rstrip(",;:.")) :].strip()
            drop = {p for p in said[n][m] if owner[p] != (n, m)}
            new = _without(body, drop) if drop else body
            dropped = dropped or new != body
            if new:
                kept.append((new, end))
        text = " ".join(sentence)
        if not dropped:
            out.append(text)
            continue
        if not kept:
            continue
        text = (" ".join(f"{t}{e}" for t, e in kept[:-1]) + f" {kept[-1][0]}").strip()
        last = sentence[-1].rstrip()[-1]
        out.append(text[0].upper() + text[1:] + (last if last in ".!?" else ""))
    text = " ".join(out)
    if easier:
        said = easier.group(0)
        if _HELD not in text:
            return text  # the sentence it closed went: so does it
        return text.replace(_HELD + stop, said)
    return text


def _kept(sentences, at: tuple[int, int], keep) -> bool:
    return any(word in sentences[at[0]][at[1]].lower() for word in keep)
