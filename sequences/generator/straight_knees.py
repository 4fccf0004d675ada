"""Straight legs that bear the body's weight, under knee care (blind teacher review r16 F10:
Upward Plank, 45 s, with no knee cue in a knee-friendly class, "a straight-leg, weight-bearing
pose that pushes hypermobile knees into hyperextension").

Each pose whose legs are long under load gets its knee words when a practitioner spares the
knees, taken from the pose's own text (poses/content/poses.json): Upward Plank "keep the knees
bent in Reverse Tabletop" and "if comfortable, straighten one leg and then the other"; Mountain
"avoid locking (hyperextending) the knees"; Triangle "avoid hyperextending the front knee";
Pyramid "bend the front knee slightly"; the wide-legged fold "bend the knees slightly"; the
standing fold and Down Dog "bend the knees generously". Added to versions.VERSIONS; the
figure `straight_knees_said` (quality.straight_knees) holds every generated practice to it.

Every straight leg that bears the weight, not only those (blind teacher review r17 F8: Revolved
Triangle, "the one where a locked front knee is most likely to be twisted, because the spine
turns over a straight leg", with no knee cue in a knee-friendly class): the standing poses on
straight legs (Upward Salute and the Standing Side Bend are Mountain's legs; Halfway Lift, the
Standing Split, Three-Legged Dog and Upward-Facing Dog say their own), and on every side and
round of a flow a short reminder (`AGAIN`: "front knee soft, not locked", the teacher's words
for Revolved Triangle's second side), said after what the step says of its side.
sequences/tests/test_generator_straight_knees.py reads the poses' figures (poses/content/
figures.json) and fails when a pose kept under knee care stands on a straight leg with no
knee words here or in versions.VERSIONS."""

from accounts.models import Avoidance

# {slug: (words said first, words that show the cue already says it)}.
STRAIGHT_LEGS: dict[str, tuple[str, str]] = {
    "upward-plank": (
        "Knees bent, feet flat under the knees (Reverse Tabletop); straighten the legs only if "
        "the knees neither lock nor ache. ",
        "reverse tabletop",
    ),
    "mountain": ("Knees soft, not locked. ", "not locked"),
    "triangle": ("The front knee unlocked. ", "unlocked"),
    "pyramid": ("The front knee slightly bent. ", "knee slightly bent"),
    "wide-legged-forward-fold": ("Knees slightly bent, never locked. ", "never locked"),
    "standing-forward-fold": ("Knees bent generously, never locked. ", "never locked"),
    "downward-facing-dog": ("Knees bent generously, never locked. ", "never locked"),
    # The teacher's words (r17 F8): the twist turns from the ribs over a soft front knee.
    "revolved-triangle": (
        "Front knee soft, never locked; a shorter stance; turn from the ribs, not the knee. ",
        "not the knee",
    ),
    "upward-salute": ("Knees soft, not locked. ", "not locked"),
    "standing-side-bend": ("Knees soft, not locked. ", "not locked"),
    "halfway-lift": ("A soft bend in the knees. ", "knee"),
    "standing-split": ("The standing knee softly bent. ", "standing knee"),
    # Its own text's "keep the standing knee bent", as its back-care words begin
    # (version_rules.MORE_VERSIONS), which then say only the lifted leg (review r15 F16's cue).
    "three-legged-dog": ("Standing knee bent, heel lifted. ", "standing knee"),
    "upward-facing-dog": ("Legs active, the knees unlocked. ", "knees unlocked"),
}

# What a later side, round or pass of a flow says again of the knees, short, where the step
# does not say it (r17 F8: "front knee soft, not locked" on Revolved Triangle's second side):
# every pose whose straight legs bear the weight, those above and those versions.VERSIONS
# teaches with a soft standing knee or the knees down.
AGAIN: dict[str, str] = {
    "upward-plank": "Knees bent in Reverse Tabletop.",
    "mountain": "Knees soft, not locked.",
    "upward-salute": "Knees soft, not locked.",
    "standing-side-bend": "Knees soft, not locked.",
    "five-pointed-star": "Knees soft, not locked.",
    "triangle": "Front knee unlocked.",
    "revolved-triangle": "Front knee soft, not locked.",
    "pyramid": "Front knee slightly bent.",
    "wide-legged-forward-fold": "Knees slightly bent.",
    "standing-forward-fold": "Knees bent generously.",
    "halfway-lift": "Knees softly bent.",
    "downward-facing-dog": "Knees bent generously.",
    "three-legged-dog": "Standing knee softly bent.",
    "standing-split": "Standing knee softly bent.",
    "warrior-iii": "Standing knee soft.",
    "half-moon": "Standing knee soft.",
    "standing-hand-to-big-toe": "Standing knee soft, not locked.",
    "tree": "Standing knee soft, the foot off the knee.",
    "upward-facing-dog": "Knees unlocked.",
    "plank": "Knees down on the blanket as needed.",
    "forearm-plank": "Knees down on the blanket as needed.",
    "chaturanga": "Knees down on the blanket as needed.",
    "dolphin": "Knees down on the blanket as needed.",
    "side-plank": "Bottom knee down on the blanket as needed.",
    "wild-thing": "Bottom knee down on the blanket as needed.",
}
# A step held shorter is a breath or three passing through the shape (a salutation's 5 s, a
# vinyasa's Down Dog between sides), where the teacher says the breath; the first pass said
# the knees, and saying them on every link would be a line repeated down the page.
HELD_FROM = 20
CHOICE = Avoidance.KNEE_FRIENDLY


def knees_said(cue: str) -> bool:
    """Whether the cue says anything of the knees."""
    return "knee" in cue.lower()


def reminder(choice: str, card, said: str, hold: int) -> str:
    """The knee words a later side, round or pass of a straight-leg pose says again under
    knee care (`AGAIN`), where `said` (the cue so far) says nothing of the knees ("" else)."""
    if choice != CHOICE or hold < HELD_FROM or knees_said(said):
        return ""
    return AGAIN.get(card.slug, "")
