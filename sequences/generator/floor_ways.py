"""Every way down to the floor, between floor levels and up from lying is said where the usual
way rounds a loaded spine (blind review r19 F5: in a gentle osteoporosis_safe class, Goddess
→ Sphinx, seated Bound Angle → Reclined Figure Four and Corpse → "Come up to sit" left uncued;
students fold down to the floor, roll down onto the back and sit straight up, the flexion the
class leaves out). The teacher's words: "Come down hand by hand to the knees, then lower onto
the belly."; "Lower onto one forearm, then roll onto the back."; "Roll onto the right side,
press up with the hands, the head coming up last, and come to sit."

Coming up from lying by the side is what a teacher cues for pregnancy and back care too (no
sit-up through the belly or the lower back); the ways down are weakened bones' own. The words
open the cue of the step the class arrives at (`said_ways`), as `rise_flat` says the way up to
standing; the `rises_flat_back` figure (quality/rise_flat.py) finds a way left unsaid."""

import re

from accounts.models import Avoidance
from poses.models import Position
from sequences.generator import peak_first
from sequences.generator.flow_labels import LABEL
from sequences.generator.versions import own_words
from sequences.models import MAX_CUE_LENGTH

# The classes whose ways between levels are said: all of them for weakened bones, the way up
# from lying for pregnancy and back care as well.
DOWN_CARE = frozenset({Avoidance.OSTEOPOROSIS_SAFE})
UP_CARE = frozenset({Avoidance.OSTEOPOROSIS_SAFE, Avoidance.PREGNANCY_SAFE, Avoidance.BACK_CARE})
LYING = frozenset({Position.SUPINE, Position.SIDE_LYING})
_ON_THE_FLOOR = frozenset(
    {Position.KNEELING, Position.SEATED, Position.SUPINE, Position.SIDE_LYING, Position.PRONE}
)
_ON_THE_HANDS = frozenset({Position.STANDING, Position.HANDS_AND_FEET})

# The teacher's words (r19 F5), by the way taken.
HAND_BY_HAND = "Come down hand by hand to the knees"
_DOWN_TO = {
    Position.KNEELING: f"{HAND_BY_HAND}.",
    Position.PRONE: f"{HAND_BY_HAND}, then lower onto the belly.",
    Position.SEATED: f"{HAND_BY_HAND}, then sit to one side.",
    Position.SUPINE: f"{HAND_BY_HAND}, sit to one side, lower onto one forearm, then roll onto "
    "the back.",
    Position.SIDE_LYING: f"{HAND_BY_HAND}, sit to one side, then lower onto the side.",
}
# From Down Dog or Plank: the hands are down already.
_KNEES_DOWN_TO = {
    Position.SEATED: "Bring the knees to the floor, then sit to one side.",
    Position.SUPINE: "Bring the knees to the floor, sit to one side, lower onto one forearm, "
    "then roll onto the back.",
    Position.SIDE_LYING: "Bring the knees to the floor, sit to one side, then lower onto the side.",
}
ONTO_THE_BACK = "Lower onto one forearm, then roll onto the back."
_ONTO_THE_BACK_FROM = {
    Position.SEATED: ONTO_THE_BACK,
    Position.KNEELING: f"Sit to one side, {ONTO_THE_BACK[0].lower()}{ONTO_THE_BACK[1:]}",
}
# (the order the body moves in, not an order of poses: quality/words.py's `_reason_order`)
HEAD_LAST = "the head coming up last"
_PRESS_UP = f"press up with the hands, {HEAD_LAST}"
_UP_TO = {
    Position.SEATED: "and come to sit.",
    Position.KNEELING: "and come onto the hands and knees.",
    Position.HANDS_AND_FEET: "and come onto the hands and knees.",
    Position.STANDING: "onto the hands and knees, then step one foot forward, hands to the "
    "thigh, and rise with a flat back.",
}
# The way up with no weight in the hands, for wrist care (hand_weight.WEIGHTED).
_WRIST_SPARED = (
    ("press up with the hands", "press up on the forearm"),
    ("onto the hands and knees", "onto the knees"),
)
# The ways down in fewer words (`_in_short`).
_SHORT_DOWN = (
    ("Come down hand by hand", "Hand by hand"),
    (", sit to one side,", ","),
    ("lower onto one forearm, then roll onto the back", "onto one forearm and the back"),
    (", then lower onto the belly", ", then the belly"),
    (", then sit to one side", ", then sit"),
    (", then lower onto the side", ", then the side"),
)
# A cue's own words for coming up to sit, which the way up takes the place of.
_COME_UP = re.compile(r"^(?:come|sit) up(?: to sit(?:ting)?)?\b", re.I)

# The words that say each way taken (also as a class already said them: rise_flat's "roll to
# one side and press up to sit", ways_out's "press up through the forearms").
SAID_DOWN = re.compile(r"\bhand by hand\b|\bknees to the floor\b", re.I)
SAID_ONTO_THE_BACK = re.compile(r"\bonto (?:one|a|the) forearm\b", re.I)
SAID_UP = re.compile(r"\bpress(?:es|ing)? up\b", re.I)


def way(before: str, after: str, avoid) -> tuple[str, re.Pattern] | None:
    """The words for the way from level `before` to level `after` (Position values) in a class
    avoiding `avoid`, and the pattern that finds them said; None where the way is no class's
    care (a level kept, up from the belly through the hands and knees, sitting to standing)."""
    avoid = set(avoid)
    if before == after:
        return None
    if before in LYING and after not in LYING | {Position.PRONE} and avoid & UP_CARE:
        side = "" if before == Position.SIDE_LYING else "Roll onto the right side, "
        words = f"{_PRESS_UP}, {_UP_TO.get(after, _UP_TO[Position.SEATED])}"
        if Avoidance.WRIST_FRIENDLY in avoid:  # no weight in the hands (hand_weight)
            for weighted, spared in _WRIST_SPARED:
                words = words.replace(weighted, spared)
        words = f"{side}{words}" if side else words[0].upper() + words[1:]
        return words, SAID_UP
    if not avoid & DOWN_CARE or after not in _ON_THE_FLOOR:
        return None
    if before == Position.STANDING:
        return _DOWN_TO[after], SAID_DOWN
    if before in _ON_THE_HANDS and after in _KNEES_DOWN_TO:
        return _KNEES_DOWN_TO[after], SAID_DOWN
    if after == Position.SUPINE and before in _ONTO_THE_BACK_FROM:
        return _ONTO_THE_BACK_FROM[before], SAID_ONTO_THE_BACK
    return None


def unsaid(before_cue: str, after_cue: str, before: str, after: str, avoid) -> str:
    """The words for the way from one level to the next that neither step's cue says, or ""."""
    found = way(before, after, avoid)
    if found is None:
        return ""
    words, said = found
    return "" if said.search(before_cue) or said.search(after_cue) else words


def _in_short(words: str) -> str:
    """The way in the fewest words that still say it (SAID_DOWN, SAID_ONTO_THE_BACK, SAID_UP),
    where the cue has no room for the whole."""
    if SAID_UP.search(words):
        side = "Roll to the right side and press" if words.startswith("Roll") else "Press"
        return f"{side} up, {HEAD_LAST}."
    if HAND_BY_HAND in words:
        for whole, short in _SHORT_DOWN:
            words = words.replace(whole, short)
        return words
    if SAID_DOWN.search(words):  # (from the hands: already short)
        return words
    if SAID_ONTO_THE_BACK.search(words):
        return "Onto one forearm, then onto the back."
    return words


def opened(cue: str, words: str) -> str:
    """`cue` opened with the way `words`, after the flow's label (its first step opens with it,
    flow_labels.LABEL) and the rebound or round that opens it (versions.own_words): in place of
    its own "Come up to sit", else before it; in short where the whole would pass
    MAX_CUE_LENGTH (`_in_short`), the cue cut at a clause if still."""
    cue = cue.strip()
    label = LABEL.match(cue)
    head = cue[: label.end()] if label else ""
    rest = own_words(cue[len(head) :])
    preamble = cue[: len(cue) - len(rest)]
    said = ""
    for way_said in (words, _in_short(words)):
        if _COME_UP.match(rest):
            left = _COME_UP.sub("", rest, count=1).lstrip(":;,. ")
            said = f"{preamble}{way_said[:-1]}: {left}" if left else f"{preamble}{way_said}"
        else:
            said = f"{preamble}{way_said} {rest}".strip()
        if len(said) <= MAX_CUE_LENGTH:
            return said
    words = _in_short(words)
    room = MAX_CUE_LENGTH - len(preamble) - len(words) - 1
    cut = rest.rfind(". ", 0, room) + 1 or max(rest.rfind("; ", 0, room), rest.rfind(", ", 0, room))
    rest = rest[:cut] if cut > 0 else rest[: room - 1].rsplit(" ", 1)[0]
    return f"{preamble}{words} {rest if rest.endswith('.') else rest + '.'}"


def said_ways(drafts, avoid) -> None:
    """Each step arrived at by a way down to the floor, between floor levels or up from lying
    that the class's care asks to be said (`way`) opens with it, in place."""
    if not set(avoid) & UP_CARE:
        return
    for draft, after in zip(drafts, drafts[1:], strict=False):
        words = unsaid(draft.cue, after.cue, draft.card.position, after.card.position, avoid)
        if not words:
            continue
        if peak_first.teaches_first(after.cue):  # the peak's how-to stays first (r20 F3)
            peak_first.way_to_the_peak(draft, after, words, _in_short(words))
            continue
        said = opened(after.cue, words)
        kept = said.endswith(after.cue.strip()[-20:])  # (not cut to make room)
        if kept or len(draft.cue) + len(words) >= MAX_CUE_LENGTH:
            after.cue = said
            continue
        # No room in the cue it opens (its way out, its version at the end): it closes the
        # step it leaves, as a teacher says the way on.
        draft.cue = f"{draft.cue.rstrip()} Then {words[0].lower()}{words[1:]}"
