"""The way from one stance to the next (blind review r19 F1: a flowing class went from High
Lunge, standing, straight to Bridge, on the back, then to Cobra, on the belly, with no word on
how; the teacher opened each cue with the way: "Step back, lower the knees, sit and roll down
onto the back.", "Hug the knees in, roll over onto the belly.", "From Down Dog, walk the hands
to the feet and roll up to stand.", "From Garland, hands down, step back to Down Dog, then step
the right foot forward and rise to Warrior II.").

In every style (blind review r20 F7: a hatha class went from Mountain to Sphinx to a seated
pose with no word on how; a teacher says how to get down and up whatever the style), where
two held poses in a row are at different stances (standing, all
fours or kneeling, seated, on the back, on the belly; or Garland's squat, then another
standing stance), the second opens with the way there (`way`), after its flow's label where it
has one, unless the way is said already: both in one flow (its own moves, `flow_labels.MOVES`),
a link step before (a vinyasa), the step before ending with the way up (`floor_blocks`,
`warm_first`, `squat_order`) or the cue opening with one (`stance_order`, `squat_order`), a
yin rebound before the shape, or the pose's own entry from the step before (`_entered_from`).
A class's care says its own ways once (`floor_ways`, `rise_flat`): wrist-free, the knees
padded, up by the side.
Quality figure `stance_linked` (quality/stance_links.py) reads the same `unlinked`.
"""

import re

from accounts.models import Avoidance
from poses.models import Position
from sequences.generator import floor_ways, flow_labels, peak_first, salutation_rounds
from sequences.generator.entries import TAKES_UP, said_from
from sequences.generator.floor_blocks import UP_TO_STAND
from sequences.generator.grouping import level_of
from sequences.generator.squat_order import WAY_WORDS as SQUAT_WAYS
from sequences.generator.stance_order import WAY_WORDS as BALANCE_WAYS
from sequences.generator.stance_order import stance_of
from sequences.generator.versions import own_words
from sequences.generator.warm_first import BACK_TO_DOWN_DOG, BACK_TO_THE_HANDS
from sequences.models import MAX_CUE_LENGTH, Side, Style

STANDING, FOURS, SEATED, SUPINE, PRONE, SQUAT = (
    "standing",
    "all fours",
    "seated",
    "supine",
    "prone",
    "squat",
)
_STANCE = {
    Position.STANDING: STANDING,
    Position.HANDS_AND_FEET: FOURS,
    Position.KNEELING: FOURS,
    Position.SEATED: SEATED,
    Position.SUPINE: SUPINE,
    Position.PRONE: PRONE,
}
ROLL_UP = "walk the hands to the feet and roll up to stand."
# The way from one stance to another, said before the pose's own words.
WAYS = {
    (STANDING, FOURS): "Fold forward, plant the hands and step back.",
    (STANDING, SEATED): "Step back, lower the knees and come to sit.",
    (STANDING, SUPINE): "Step back, lower the knees, sit and roll down onto the back.",
    (STANDING, PRONE): "Step back, knees down, and lower onto the belly.",
    (FOURS, STANDING): f"Step to the top of the mat, {ROLL_UP}",
    (FOURS, SEATED): "Sit to one side and come to sit.",
    (FOURS, SUPINE): "Sit to one side and roll down onto the back.",
    (FOURS, PRONE): "Lower onto the belly.",
    (SEATED, STANDING): f"Come to all fours, step to the top of the mat, {ROLL_UP}",
    (SEATED, FOURS): "Come to all fours.",
    (SEATED, SUPINE): "Lower down onto the back.",
    (SEATED, PRONE): "Turn over onto the belly.",
    (SUPINE, STANDING): "Hug the knees in, roll to one side, come to all fours and stand.",
    (SUPINE, FOURS): "Hug the knees in, roll to one side and come to all fours.",
    (SUPINE, SEATED): "Hug the knees in, roll to one side and press up to sit.",
    (SUPINE, PRONE): "Hug the knees in, roll over onto the belly.",
    (PRONE, STANDING): f"Press back, {ROLL_UP}",
    (PRONE, FOURS): "Press back to all fours.",
    (PRONE, SEATED): "Press back and come to sit.",
    (PRONE, SUPINE): "Roll over onto the back.",
}
# Where the levels within a stance ask other words: up to Plank from the belly, down to the
# back from the knees.
LEVEL_WAYS = {
    (Position.PRONE, Position.HANDS_AND_FEET): "Tuck the toes and press up.",
    (Position.KNEELING, Position.SUPINE): "Sit to one side and roll down onto the back.",
    (Position.KNEELING, Position.SEATED): "Sit to one side and come to sit.",
}
# Where the way and the cue would not fit a saved cue: the way in a few words, by where it
# goes.
SHORT_WAYS = {
    STANDING: "Come up to stand.",
    FOURS: "Come to all fours.",
    SEATED: "Come to sit.",
    SUPINE: "Lie down on the back.",
    PRONE: "Lie down on the belly.",
}
# Under wrist care no way bears weight in the hands (blind review r20 F2, F5: "come to all
# fours", "plant the hands and step back" in the wrist-care classes): the knees come down one
# at a time, the hands on the thighs, a forearm takes the weight where one must.
_KNEEL_DOWN = (
    "Bend the knees, step one foot back and lower the knees one at a time, hands on the thighs"
)
_RISE = "come up to kneeling, step one foot forward and rise to stand, hands on the front thigh."
_SIT_UP = "roll to one side and press up on the forearm to sit"
WRIST_FREE = {
    WAYS[(STANDING, FOURS)]: f"{_KNEEL_DOWN}.",
    WAYS[(STANDING, SEATED)]: f"{_KNEEL_DOWN}; sit to one side.",
    WAYS[(STANDING, SUPINE)]: f"{_KNEEL_DOWN}; sit to one side, lower onto the forearm and roll"
    " onto the back.",
    WAYS[(STANDING, PRONE)]: f"{_KNEEL_DOWN}; come onto the forearms and lower onto the belly.",
    WAYS[(FOURS, STANDING)]: f"Lower the knees, sit back to the heels, {_RISE}",
    WAYS[(SEATED, STANDING)]: "Come to kneeling, step one foot forward and rise to stand,"
    " hands on the front thigh.",
    WAYS[(SEATED, FOURS)]: "Come up to kneeling.",
    WAYS[(SUPINE, STANDING)]: f"Hug the knees in, {_SIT_UP}, then {_RISE}",
    WAYS[(SUPINE, FOURS)]: f"Hug the knees in, {_SIT_UP}, then come up to kneeling.",
    WAYS[(SUPINE, SEATED)]: f"Hug the knees in, {_SIT_UP}.",
    WAYS[(PRONE, STANDING)]: f"Come onto the forearms, sit back to the heels, {_RISE}",
    WAYS[(PRONE, FOURS)]: "Come onto the forearms and knees.",
    WAYS[(PRONE, SEATED)]: "Come onto the forearms, sit back and to one side.",
    LEVEL_WAYS[(Position.PRONE, Position.HANDS_AND_FEET)]: "Forearms down, tuck the toes and lift.",
    SHORT_WAYS[FOURS]: "Come to kneeling.",
}

# For sore knees the knees come down onto a blanket (`version_rules.against`).
KNEES_DOWN = re.compile(r"\b(lower the knees|knees down|[Cc]ome (?:up )?to kneeling)\b")
PADDED = r"\1 onto a blanket"
# The rounds of a pose and the rests between them: their own words say the way.
ROUNDS = re.compile(r"^Round \d|\bthen round \d|^Rest \d", re.IGNORECASE)
# From Down Dog (and Three-Legged Dog, its leg lowered) up to stand.
FROM_DOWN_DOG = f"From Down Dog, {ROLL_UP}"
FROM_THREE_LEGGED = f"Lower the leg to Down Dog, {ROLL_UP}"
# From the squat to another standing stance: back to Down Dog and forward into a one-sided
# stance, else up to stand.
FROM_SQUAT_FORWARD = (
    "From {squat}, hands down, step back to Down Dog, then step the {side} foot forward and "
    "rise to {pose}."
)
FROM_SQUAT_UP = "From {squat}, press through the feet and rise to stand."
WRIST_FREE[FROM_DOWN_DOG] = WRIST_FREE[FROM_THREE_LEGGED] = f"Lower the knees, {_RISE}"
# A flow's label, or a Sun Salutation round's name, stays first (its steps open with it).
_LABEL = re.compile(rf"{flow_labels.LABEL.pattern}|^Sun Salutation [AB], round \d+[^:.]*[:.]\s*")
# The first words of a way that say it is said.
OPENING = 3
FLOWING = (Style.VINYASA, Style.POWER)
# The ways the generator's other passes say, before a pose (its cue) or after one (the cue
# before it).
# (their words long enough to be a way, not ", then")
SAID_BEFORE = tuple(w for w in (*BALANCE_WAYS, *SQUAT_WAYS) if len(w) > len(", then "))
SAID_AFTER = (
    f"{TAKES_UP.strip()}:",  # (Down Dog "takes you up to standing: …", the way: rise_flat)
    UP_TO_STAND,
    BACK_TO_DOWN_DOG,
    BACK_TO_THE_HANDS,
    *(w for w in SQUAT_WAYS if len(w) > len(", then ")),
)


def stance(card) -> str | None:
    """The stance a pose is taken at (the squat apart), None for one the ways do not name (an
    inversion, an arm balance)."""
    if stance_of(card) == "squat":
        return SQUAT
    return _STANCE.get(level_of(card))


def way(before_card, card, side: str) -> str | None:
    """The words of the way from `before_card` to `card` (on `side`), None where both are at
    one stance or the ways do not name it."""
    here, there = stance(before_card), stance(card)
    if here is None or there is None or here == there:
        return None
    if here == SQUAT:
        if there != STANDING:
            here = FOURS if there == FOURS else STANDING
            return WAYS.get((here, there)) if here != there else None
        if stance_of(card) in ("lunge", "wide") and (side != Side.BOTH or card.is_bilateral):
            foot = "left" if side == Side.LEFT else "right"
            pose = flow_labels.said(card)
            return FROM_SQUAT_FORWARD.format(
                squat=flow_labels.said(before_card), side=foot, pose=pose
            )
        return FROM_SQUAT_UP.format(squat=flow_labels.said(before_card))
    if there == SQUAT:
        there = STANDING
        if here == STANDING:
            return None
    if (here, there) == (FOURS, STANDING):
        if before_card.slug == "downward-facing-dog":
            return FROM_DOWN_DOG
        if before_card.slug == "three-legged-dog":
            return FROM_THREE_LEGGED
    return LEVEL_WAYS.get((level_of(before_card), level_of(card))) or WAYS.get((here, there))


def free_of_the_hands(words: str, avoid=()) -> str:
    """The way `words` as said under the class's care: with no weight in the hands under wrist
    care (WRIST_FREE), as it is otherwise."""
    if Avoidance.WRIST_FRIENDLY not in avoid:
        return words
    return WRIST_FREE.get(words, words)


def _held(card) -> bool:
    return not card.is_breathing


def unlinked(before, after) -> str | None:
    """The way the step `after` (card, cue, flow, side) needs after `before`, None where its
    stance is the same or the way is said: one flow, a link step before it, a way said at the
    end of the cue before or at the start of its own (`SAID_BEFORE`, `SAID_AFTER`, `WAYS`),
    after a peak's how-to (`peak_first`), or its own entry from the step before ("from Half
    Splits slide the front heel forward": `entries.said_from`)."""
    if not (_held(before.card) and _held(after.card)):
        return None
    words = way(before.card, after.card, after.side)
    if words is None:
        return None
    if before.flow and before.flow == after.flow:
        return None
    if _entered_from(before, after) or _REBOUND.match(after.cue):
        # its own entry takes the student from it ("from Half Splits slide …"), or a yin
        # rebound before the shape takes the body to its level ("rest on the belly")
        return None
    if ROUNDS.search(after.cue) or ROUNDS.search(before.cue):
        return None
    # A Sun Salutation round again moves there with the round's own words, and ends standing.
    if salutation_rounds.moved_through(after.cue):
        return None
    if salutation_rounds.moved_through(before.cue) and stance(after.card) == STANDING:
        return None
    if before.cue.startswith(flow_labels.LINK_CUES[:2]):
        return None
    if any(said in before.cue for said in SAID_AFTER):
        return None
    short = SHORT_WAYS.get(stance(after.card), words)
    said = {words, short, WRIST_FREE.get(words, words), WRIST_FREE.get(short, short)}
    said |= {KNEES_DOWN.sub(PADDED, w) for w in said}  # (for sore knees, on a blanket)
    if any(_opens(after.cue, w) for w in said):
        return None
    if peak_first.teaches_first(after.cue) and any(w in after.cue for w in said):
        return None  # (after the peak's how-to: `peak_first.after_the_how`)
    if before.cue.endswith(tuple(then(w) for w in said)):
        return None
    if any(said in after.cue for said in SAID_BEFORE):
        return None
    if _care_way_said(before.cue, after.cue):
        return None
    return words


# A yin rebound said before the shape, at its level ("rest on the belly": reasons.rebound).
_REBOUND = re.compile(r"^Before this shape, a rebound: ")
# A pose whose own words start from the squat (Crow, Side Crow, Firefly: peaks.PEAK_HOW).
_FROM_A_SQUAT = re.compile(r"^(?:Peak: )?(?:from a (?:deep )?squat|squat)\b", re.IGNORECASE)


def _entered_from(before, after) -> bool:
    """Whether the cue of `after` takes the student into it from where `before` leaves them:
    its entry names that pose ("from Half Splits", `entries.said_from`) or, after a squat,
    starts from the squat ("Peak: squat, knees together, twist …")."""
    if said_from(after.cue) == before.card.slug:
        return True
    label = _LABEL.match(after.cue)
    rest = own_words(after.cue[label.end() :] if label else after.cue)
    return stance(before.card) == SQUAT and bool(_FROM_A_SQUAT.match(rest))


def _care_way_said(before_cue: str, after_cue: str) -> bool:
    """The way said as a class's care words it (`floor_ways`: hand by hand, onto a forearm,
    pressing up with the head last), opening the cue (after a peak's how-to) or closing the
    one before."""
    label = _LABEL.match(after_cue)
    rest = own_words(after_cue[label.end() :] if label else after_cue)
    if peak_first.teaches_first(rest):  # (after the peak's how-to: `peak_first`)
        rest = peak_first.split_how(rest)[1]
    opening = rest.split(". ")[0]
    closing = before_cue.rstrip().rsplit(". ", 1)[-1]
    care = (floor_ways.SAID_DOWN, floor_ways.SAID_ONTO_THE_BACK, floor_ways.SAID_UP)
    return any(said.search(opening) or said.search(closing) for said in care)


def then(words: str) -> str:
    """The way said at the end of the cue before ("Then come to sit.")."""
    return f"Then {words[0].lower()}{words[1:]}"


def _opens(cue: str, words: str) -> bool:
    """The cue (after its flow's label) opens with the way's first words (later passes may
    free its hands or flatten its back further on)."""
    label = _LABEL.match(cue)
    rest = cue[label.end() :] if label else cue
    return rest.startswith(" ".join(words.split()[:OPENING]))


def _openings() -> tuple[str, ...]:
    ways = (*WAYS.values(), *LEVEL_WAYS.values(), FROM_DOWN_DOG, FROM_THREE_LEGGED)
    ways += (FROM_SQUAT_FORWARD, FROM_SQUAT_UP)
    ways += tuple(SHORT_WAYS.values())
    ways += tuple(WRIST_FREE.values())
    return tuple(dict.fromkeys(" ".join(w.split()[:OPENING]) for w in ways))


def _a_way(sentence: str) -> bool:
    """Whether the sentence is a way between stances ("Sit to one side and come to sit.",
    "From Garland, press through the feet and rise to stand.")."""
    return sentence.startswith(_OPENINGS) or (
        sentence.startswith("From ") and "rise to" in sentence.split(". ")[0]
    )


def without_way(cue: str) -> str:
    """The cue without the way it opens with (after its flow's label), closes with ("Then come
    to sit.") or says after a peak's how-to, as the pose's own words read it: the way names
    the pose it comes from ("From Down Dog, …")."""
    label = _LABEL.match(cue)
    head = cue[: label.end()] if label else ""
    rest = cue[len(head) :]
    if _a_way(rest):
        rest = rest.split(". ", 1)[1] if ". " in rest else ""
    if peak_first.teaches_first(rest):
        how, after = peak_first.split_how(rest)
        if _a_way(after):
            after = after.split(". ", 1)[1] if ". " in after else ""
            rest = f"{how} {after}".strip()
    body, _, last = rest.rstrip().rpartition(" Then ")
    if body and _a_way(last[:1].upper() + last[1:]):
        rest = body
    return f"{head}{rest}"


class _Seen:
    """A draft as `unlinked` reads it."""

    def __init__(self, draft):
        self.card, self.cue, self.flow, self.side = draft.card, draft.cue, draft.flow, draft.side


def opened(cue: str, words: str, card=None, avoid=()) -> str:
    """The cue opened with `words`, after its flow's label where it has one; where the two
    would not fit a saved cue (MAX_CUE_LENGTH), the way in a few words (SHORT_WAYS), and the
    cue cut only where even those would not."""
    label = _LABEL.match(cue)
    head = cue[: label.end()] if label else ""
    rest = cue[len(head) :]
    if card is not None and len(head) + len(words) + 1 + len(rest) > MAX_CUE_LENGTH:
        words = free_of_the_hands(SHORT_WAYS.get(stance(card), words), avoid)
    room = MAX_CUE_LENGTH - len(head) - len(words) - 1
    if len(rest) > room and card is not None:
        rest = flow_labels._within(rest, room, card)  # (its set-up and knee words stay)
    if len(rest) > room:
        cut = rest.rfind(". ", 0, room) + 1 or max(
            rest.rfind("; ", 0, room), rest.rfind(", ", 0, room)
        )
        rest = rest[:cut] if cut > 0 else rest[: room - 1].rsplit(" ", 1)[0]
        rest = rest if rest.endswith(".") else rest + "."
    return f"{head}{words} {rest}".strip()


def _padded(words: str, avoid) -> str:
    """The way with the knees down onto a blanket for sore knees, once."""
    if Avoidance.KNEE_FRIENDLY not in avoid or "blanket" in words:
        return words
    return KNEES_DOWN.sub(PADDED, words)


def _said(before, draft, words: str, avoid=()) -> str:
    """The draft's cue opened with the way; where even the way in a few words would cut the
    cue, the cue before ends with it ("Then come to sit."), where that has room."""
    short = free_of_the_hands(SHORT_WAYS.get(stance(draft.card), words), avoid)
    if peak_first.teaches_first(draft.cue):  # the peak's how-to stays first (r20 F3)
        # (said with the step before, not beside the peak's own padded knees)
        peak_first.way_to_the_peak(before, draft, _padded(words, avoid), _padded(short, avoid))
        return draft.cue
    if len(draft.cue) + 1 + min(len(words), len(short)) <= MAX_CUE_LENGTH:
        return opened(draft.cue, words, draft.card, avoid)
    ending = then(_padded(short, avoid))
    if len(before.cue) + 1 + len(ending) <= MAX_CUE_LENGTH:
        before.cue = f"{before.cue.rstrip()} {ending}"
        return draft.cue
    return opened(draft.cue, words, draft.card, avoid)


def ways_said(drafts: list, style: str, avoid=()) -> None:
    """Once the cues are worded and labelled: each held pose at another stance than the one
    before it opens with the way there, in every style (see the module)."""
    for before, draft in zip(drafts, drafts[1:], strict=False):
        words = unlinked(_Seen(before), _Seen(draft))
        if words and floor_ways.way(before.card.position, draft.card.position, avoid):
            continue  # the class's care says this way its own way (floor_ways.said_ways)
        if words and TAKES_UP in before.cue and Avoidance.OSTEOPOROSIS_SAFE in avoid:
            continue  # its "takes you up to standing" says the flat-back way (rise_flat)
        if words:
            words = free_of_the_hands(words, avoid)
            if Avoidance.KNEE_FRIENDLY in avoid and "blanket" not in draft.cue:
                words = KNEES_DOWN.sub(PADDED, words)  # (once: the pose's own may pad them)
            draft.cue = _said(before, draft, words, avoid)


_OPENINGS = _openings()
