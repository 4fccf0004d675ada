"""Helpers the quality figures share."""

import re
from functools import lru_cache

from sequences.checks import PASSING_SECONDS
from sequences.generator.vocabulary import BREATH_SECONDS
from sequences.steps import PHASE_LABELS, Step

PHASES = list(PHASE_LABELS)


@lru_cache(maxsize=4096)
def compiled(text: str, flags: int = 0) -> re.Pattern:
    """`re.compile(text, flags)`, kept: the figures build patterns from the practice's pose
    names thousands of times a practice, past what `re`'s own cache of 512 holds."""
    return re.compile(text, flags)


@lru_cache(maxsize=4096)
def name_pattern(name: str, flags: int = 0) -> re.Pattern:
    """A pattern of the name as written (`re.escape`), kept."""
    return re.compile(re.escape(name), flags)


def derived(practice) -> dict:
    """What the figures work out from the practice and share (its pose names, each cue's
    skeleton), kept on the practice itself: it is frozen, so what is worked out from it holds
    (`dataclasses.replace` makes a new one); not a field, so never compared or hashed."""
    found = practice.__dict__.get("_derived")
    if found is None:
        found = {}
        object.__setattr__(practice, "_derived", found)
    return found


def pose_names(practice) -> tuple[str, ...]:
    """The practice's pose names, longest first (a longer name is left out before a name it
    holds: "Half Butterfly" before "Butterfly")."""
    kept = derived(practice)
    if "pose_names" not in kept:
        names = sorted({s.pose.name for s in practice.steps}, key=len, reverse=True)
        kept["pose_names"] = tuple(names)
    return kept["pose_names"]


def held(step: Step) -> bool:
    """Held, not passed through in a flow (a breath or four)."""
    return not (step.flow and step.duration_seconds <= PASSING_SECONDS)


def before_peak(practice) -> list[Step]:
    """Every step before the peak, flow passes included (none without a peak)."""
    peak = practice.peak
    return [] if peak is None else list(practice.steps[: peak.position - 1])


def held_shapes(practice) -> list[Step]:
    """The held steps outside the Sun Salutations: the shapes a teacher counts."""
    return [s for s in practice.steps if held(s) and not s.flow.startswith("Sun Salutation")]


# A time a cue states: "10 minutes", "4 and a half minutes", "1 minute 35 seconds", "a minute
# and a half", "about 45 s", "9 breaths", "three breaths" (`reasons.minutes` says minutes so).
# "A breath" or "one breath" is a beat of a movement ("a breath longer", "one breath each"),
# not a hold.
NUMBERS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
}
STATED = re.compile(
    r"\b(?P<about>about )?(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a)"
    r"(?P<half> and a half)? (?P<unit>minutes?|seconds?|s|breaths?)\b"
    r"(?P<more> (?P<and>and )?(?P<seconds>\d+) seconds)?"
    r"(?P<half_after> and a half)?"
)


def stated_seconds(cue: str) -> list[int]:
    """The holds, in seconds, a cue states (`STATED`), in the order it states them."""
    return [seconds for seconds, _ in stated_holds(cue)]


def stated_holds(cue: str) -> list[tuple[int, bool]]:
    """(seconds, rounded) of each hold a cue states: rounded where it says "about" some
    minutes (spoken_time.about_minutes), which is true within ABOUT_WITHIN seconds."""
    found = []
    for match in STATED.finditer(cue):
        number, unit = match["n"], match["unit"]
        if number in ("a", "one") and unit.startswith("breath"):
            continue  # "a breath", "one breath each": a beat of a movement, not a hold
        count = NUMBERS.get(number) or int(number)
        seconds = {"m": 60, "b": BREATH_SECONDS}.get(unit[0], 1) * count
        if match["half"] or match["half_after"]:
            seconds += 30
        if match["seconds"]:
            seconds += int(match["seconds"])
        found.append((seconds, bool(match["about"]) and unit.startswith("minute")))
    return found
