"""How long a core hold is held a round, by level, and the easier version a beginner is given
(blind review r12 F11, r11 F3: a beginner's vinyasa class held Forearm Plank 3 x 45 s with
20 s rests and no knees-down option; the teacher's fix: rounds of about half a minute, "knees
down whenever the lower back sags, the line from knees to head kept", resting in Child's Pose
as long as a round).

A core hold is a core pose held on the hands and feet or seated (Plank, Forearm Plank, Side
Plank, Chaturanga, Boat, Half Boat): its form goes before the muscles tire. It is held at
most ROUND_MOST seconds a round (30 s for a beginner, 60 s for an intermediate student),
through `practice.HOLD_CAPS` (applied by `choices.hold_caps` when each step is drafted and in
the fit); where the time asks for more, the class holds it in rounds (`focus.FocusShare.
focus_round`), and a beginner rests between them at least as long as a round
(`rest_seconds`). The beginner's cue names the pose's easier version in the pose's own
modifications (poses/content/poses.json), and when to take it from its contraindications
(`EASIER`). The quality figure `core_hold_level` holds all three.
"""

from poses.models import Category, Difficulty, Position

# Where a core pose is a hold whose form goes first: on the hands and feet, or seated.
CORE_HOLD_POSITIONS = frozenset({Position.HANDS_AND_FEET, Position.SEATED})
# The longest round of a core hold, seconds, by level (none above intermediate).
ROUND_MOST = {Difficulty.BEGINNER: 30, Difficulty.INTERMEDIATE: 60}
# Why the caps are there (`practice.HoldCap.why`).
WHY = {
    Difficulty.BEGINNER: (
        "a beginner keeps a plank's or Boat's form about half a minute: the lower back sags "
        "or rounds after that, so longer is done in rounds, resting as long between"
    ),
    Difficulty.INTERMEDIATE: (
        "an intermediate student keeps a core hold's form about a minute: longer is done in rounds"
    ),
}
# The levels whose rests between rounds of a core hold last at least a round.
RESTS_AS_LONG = frozenset({Difficulty.BEGINNER})

# The easier version of each core hold, in the words of its own modifications (poses/content:
# "Lower the knees to the floor", "Lower the bottom knee to the floor", "keep the toes on the
# floor"), with when to take it and what is kept, from its contraindications and instructions
# ("lower the knees with low-back discomfort", "so the lower back does not sag", "a straight
# line from head to heels"; Boat: "keep the knees bent if the lower back rounds", Half Boat:
# "keep the feet down and lift the chest"). {slug: (the modification's words, the cue)}.
_ON_THE_KNEES = "whenever the lower back sags, the line from knees to head kept"
EASIER: dict[str, tuple[str, str]] = {
    "plank": (
        "lower the knees to the floor",
        f"Easier: lower the knees to the floor {_ON_THE_KNEES}.",
    ),
    "forearm-plank": (
        "lower the knees to the floor",
        f"Easier: lower the knees to the floor {_ON_THE_KNEES}.",
    ),
    "chaturanga": (
        "lower the knees to the floor",
        f"Easier: lower the knees to the floor {_ON_THE_KNEES}.",
    ),
    "side-plank": (
        "lower the bottom knee to the floor",
        "Easier: lower the bottom knee to the floor whenever the hips sink, the line from "
        "knee to head kept.",
    ),
    "boat": (
        "keep the toes on the floor",
        "Easier: keep the toes on the floor whenever the lower back rounds, the chest lifted.",
    ),
    "half-boat": (
        "keep the toes on the floor",
        "Easier: keep the toes on the floor whenever the lower back rounds, the chest lifted.",
    ),
}


def is_core_hold(card) -> bool:
    """A core pose held on the hands and feet or seated (Plank, Side Plank, Boat)."""
    return card.category == Category.CORE and card.position in CORE_HOLD_POSITIONS


def round_most(card, level: str) -> int | None:
    """The longest round of the pose at this level, seconds; None where no cap applies."""
    return ROUND_MOST.get(level) if is_core_hold(card) else None


def easier_cues(level: str) -> tuple[tuple[str, str], ...]:
    """(slug, cue) of the easier version said on a core hold at this level: a beginner's."""
    if level != Difficulty.BEGINNER:
        return ()
    return tuple((slug, cue) for slug, (_, cue) in EASIER.items())


def rest_seconds(card, level: str, pause: int) -> int:
    """The rest between two rounds of the pose, seconds: `pause` (its PEAK_ROUNDS rest), and
    for a core hold at a level in RESTS_AS_LONG at least as long as a round can be."""
    most = round_most(card, level)
    if most is None or level not in RESTS_AS_LONG:
        return pause
    return max(pause, most)


# The longest hold a full-body class's region shares count a pose at (`focus.FITTED_MOST`: what
# a build hold reaches), a capped core hold at its cap.
FITTED_MOST = 60


def fitted_seconds(draft) -> int:
    """The seconds a planned draft may reach once fitted, both sides counted: its longest hold
    (a capped core hold its cap), at most FITTED_MOST."""
    return min(draft.high, FITTED_MOST) * draft.weight


def said_with(said: str, words: str) -> str:
    """The cue `said` with how a capped hold is taken (`words`) after it, unless it says them
    already, or, for an easier version, already names one (a peak's own line: "easier: toes on
    the floor, chest lifted")."""
    if words in said or (words.startswith("Easier:") and "easier:" in said.lower()):
        return said
    return f"{said} {words}"
