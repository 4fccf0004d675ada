"""The counter-pose of a fold lying on the back (issue 11, blind teacher review r11, F1 of #1).

Supine Hand-to-Big-Toe keeps the back flat on the floor: the stretch is the back of the lifted
leg's, not a rounding of the spine. What answers it is a pose with the knees bent and the
hamstrings slack (Knees-to-Chest), not a chest opener with the legs long (Supported Fish, which
neither rests nor counters the hamstrings). A counter-pose's reason says the hamstrings rest
only of a pose that slackens them."""

from poses.models import Category, Position
from sequences.steps import PoseCard

# The poses that bend the knees and let the hamstrings go slack, with what they do in a
# teacher's words.
SLACKENS_THE_HAMSTRINGS = {
    "knees-to-chest": "knees bent and hugged in, the hamstrings slack",
    "reclined-bound-angle": "knees bent and falling wide, the hamstrings slack",
}
# The one a teacher reaches for first.
FIRST = "knees-to-chest"
# The words a counter-pose's reason may say only of a pose in SLACKENS_THE_HAMSTRINGS.
HAMSTRINGS_REST = ("rests the hamstrings", "hamstrings slack")


def hamstrings_peak(peak: PoseCard) -> bool:
    """A fold lying on the back: the hamstrings lengthen, the spine stays neutral."""
    return peak.category == Category.FORWARD_FOLD and peak.position == Position.SUPINE


def slackens_the_hamstrings(card: PoseCard) -> bool:
    return card.slug in SLACKENS_THE_HAMSTRINGS


def after_hamstrings(card: PoseCard, peak: PoseCard) -> str:
    """What the counter-pose does after a fold on the back, true of its own shape."""
    if slackens_the_hamstrings(card):
        return f"{SLACKENS_THE_HAMSTRINGS[card.slug]} after {peak.name}"
    if card.opens_the_chest:
        return f"Opens the chest after {peak.name}, the legs resting long"
    return f"Lets the legs rest after {peak.name}"


def claims_rest_for_the_hamstrings(cue: str) -> bool:
    lowered = cue.lower()
    return any(words in lowered for words in HAMSTRINGS_REST)
