"""What a preparation may ask beside the peak (blind teacher review r15 F11, F18): a pose of
the peak's own kind held still longer than the peak asks more of the same muscles than the
peak does, so it moves with the breath instead (Low Cobra, lifted on the inhale and lowered on
the exhale, five times, before a 15 s Locust); and a balance peak is taken without the
support the balances before it did without, unless the avoid choice needs it for the balance
itself (pregnancy, osteoporosis: a fall).

Pure functions over PoseCard data and cue text (`moving_preps` words the drafts with them)
and the figures of `quality.prep_load` check the practice against them."""

import re

from accounts.models import Avoidance
from poses.models import Category, Effort, Position
from sequences.steps import PoseCard

# The avoid choices whose own texts keep a hand on a chair or a wall for any standing balance.
SUPPORTED_BALANCE = frozenset({Avoidance.PREGNANCY_SAFE, Avoidance.OSTEOPOROSIS_SAFE})
SUPPORT = re.compile(
    r"\b(?:hands?|fingertips) (?:on|to) (?:a|the) (?:chair|wall)\b|\bchair back\b"
    r"|\bbeside a wall\b|\ba hand on (?:it|a wall)\b",
    flags=re.IGNORECASE,
)
# A preparation that moves with the breath, not held still.
MOVING = re.compile(r"\bmoving\b|\bwith the breath\b|\b(?:five|four|six|three) times\b", re.I)


def same_kind(card: PoseCard, peak: PoseCard) -> bool:
    """The pose asks the peak's own work of the same muscles: an active backbend lying on the
    belly before one (Cobra before Locust; not Sphinx, resting on the forearms)."""
    return (
        card.slug != peak.slug
        and card.effort == Effort.ACTIVE
        and card.category == peak.category == Category.BACKBEND
        and card.position == peak.position == Position.PRONE
    )


def moving(cue: str) -> bool:
    return bool(MOVING.search(cue))


def standing_balance(card: PoseCard) -> bool:
    return card.category == Category.BALANCE and card.position == Position.STANDING


def supported(cue: str) -> bool:
    """The cue puts a hand on a chair or a wall."""
    return bool(SUPPORT.search(cue))


# Each preparation's own way of moving with the breath, from its text: {times} is the count.
MOVING_WORDS = {
    "cobra": "Low Cobra, moving: palms beside the ribs; lift the chest a hand's width on the "
    "inhale with the back, not the hands; lower on the exhale; {times} times, the breath even.",
    "locust": "Locust, moving: palms down beside you, lift the breastbone a little on the inhale, "
    "gaze down; lower on the exhale; {times} times, the breath even.",
}
# About one breath in and out, in seconds, for each time the pose lifts and lowers.
SECONDS_A_TIME = 9
TIMES = {3: "three", 4: "four", 5: "five"}
# What a cue says first and keeps: its round, or that it is the last before the peak.
_HEAD = re.compile(r"^(?:Round \d+: |Last before [^.]+\. )*")


def moving_preps(drafts) -> None:
    """Each still preparation of the peak's own kind held longer than a round of the peak
    moves with the breath instead (`MOVING_WORDS`), for the same time: its round or "Last
    before" said first, as before."""
    peak = next((d for d in drafts if d.phase == "peak"), None)
    if peak is None:
        return
    for draft in drafts:
        if draft is peak:
            return
        if (
            draft.phase == "build"
            and not draft.flow
            and draft.card.slug in MOVING_WORDS
            and same_kind(draft.card, peak.card)
            and draft.hold > peak.hold
        ):
            times = TIMES[min(5, max(3, draft.hold // SECONDS_A_TIME))]
            head = _HEAD.match(draft.cue).group(0)
            draft.cue = head + MOVING_WORDS[draft.card.slug].format(times=times)
