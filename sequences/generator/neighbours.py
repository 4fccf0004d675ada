"""Neighbours in the cool-down that would say the same result, once the avoid choices' words
are in (teacher review r5: neighbouring steps say different things; the quality figure
`words.reason_neighbours`).

`reasons.vary` compares the cues as the reasons word them, before the avoid choices are said.
A settling cue whose version says how the pose is taken instead of its set-up is then kept to
its result (`reasons._result_only`): Puppy and Thread the Needle in a pregnancy-safe cool-down
both came down to "the shoulders and upper back open as the breath slows". So once the cues
are settled, the later of two such neighbours says its set-up (HOW, before the colon) in place
of the result again, as `reasons.result_once` does within one cue, where the versions leave
that set-up true (`version_rules.contradicted`, `version_rules.against`).

Pure functions over the planned drafts (plan.Draft); called by `generate` after
`reasons.settle`."""

from functools import lru_cache

from sequences.generator.balance_shapes import SHAPES
from sequences.generator.hand_places import HAND_PLACES
from sequences.generator.head_level import BREATH_REMINDER, REMINDER
from sequences.generator.lowering import LOWER, LOWER_PADDED, SAID_FROM
from sequences.generator.reasons import HOW, NEIGHBOURS, VARIED_PHASES, near_same
from sequences.generator.squat_order import WAY_WORDS
from sequences.generator.stance_order import WAY_WORDS as STANCE_WAY_WORDS
from sequences.generator.supported_set_ups import SET_UPS
from sequences.generator.version_rules import against, contradicted
from sequences.generator.versions import WORDS
from sequences.generator.ways_out import WAYS_OUT

# How a pose is taken, said of its own shape (pose_words): a balance's shape, the hands' place,
# a supported set-up, the way out.
_ADDED = (
    *(shape for shape, _ in SHAPES.values()),
    *HAND_PLACES.values(),
    *(part for set_up, _, out in SET_UPS.values() for part in (set_up, out) if part),
    *WAYS_OUT.values(),
    *WAY_WORDS,
    *STANCE_WAY_WORDS,
)
# Each whole, then up to its first "; " as said where the room is short (said_words).
POSE_WORDS = tuple(
    dict.fromkeys(
        [w.strip() for w in _ADDED] + [w.split("; ")[0].rstrip(" .") + "." for w in _ADDED]
    )
)
# What a cue says for an avoid choice rather than for the pose's job: the versions, the way
# down to the belly for back care, the head kept above the heart; and how a pose is taken.
TAUGHT_FOR = (*WORDS, *POSE_WORDS, LOWER, LOWER_PADDED, REMINDER, BREATH_REMINDER)
SETTLING_PHASES = ("counter", "cool_down")


@lru_cache(maxsize=4096)
def reason_of(cue: str) -> str:
    """The cue without what it says for an avoid choice (TAUGHT_FOR); kept, as the quality
    figures ask it of the same cues many times."""
    cue = SAID_FROM.sub("", cue)  # where the way down comes from ("From Plank Pose: ")
    for said in TAUGHT_FOR:
        cue = cue.replace(said, "")
    return cue.strip()


def said_as_result(cue: str, card) -> tuple[str, str] | None:
    """(the result as the cue says it, the set-up to say instead) where the cue says the pose's
    HOW kept to its result, else None."""
    set_up, _, result = HOW.get(card.slug, "").partition(": ")
    if not result or not set_up:
        return None
    said = result[0].upper() + result[1:]
    if said not in cue or set_up.lower() in cue.lower():
        return None
    return said, set_up[0].upper() + set_up[1:]


def results_apart(drafts, avoid) -> None:
    """The later of two settling neighbours (within NEIGHBOURS steps, other poses) whose
    reasons say nearly the same (`reasons.near_same`) says its set-up instead of its result,
    where that set-up is true of its version and of the avoid choices (`avoid`)."""
    names = sorted({d.card.name for d in drafts}, key=len, reverse=True)
    kept = [(i, d) for i, d in enumerate(drafts) if not d.flow and d.phase in VARIED_PHASES]
    for n, (index, draft) in enumerate(kept):
        if draft.phase not in SETTLING_PHASES:
            continue
        found = said_as_result(draft.cue, draft.card)
        if found is None:
            continue
        close = [d for i, d in kept[:n] if index - i <= NEIGHBOURS and d.card != draft.card]
        reason = reason_of(draft.cue)
        if not any(near_same(reason, reason_of(d.cue), names) for d in close):
            continue
        said, set_up = found
        cue = draft.cue.replace(said, set_up, 1)
        if contradicted(cue) or any(against(choice, cue) for choice in avoid):
            continue
        draft.cue = cue
