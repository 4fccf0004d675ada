"""Straight legs that bear the body's weight, under knee care (blind teacher review r16 F10:
Upward Plank, 45 s, with no knee cue in a knee-friendly class, "a straight-leg, weight-bearing
pose that pushes hypermobile knees into hyperextension").

Each pose whose legs are long under load gets its knee words when a practitioner spares the
knees, taken from the pose's own text (poses/content/poses.json): Upward Plank "keep the knees
bent in Reverse Tabletop" and "if comfortable, straighten one leg and then the other"; Mountain
"avoid locking (hyperextending) the knees"; Triangle "avoid hyperextending the front knee";
Pyramid "bend the front knee slightly"; the wide-legged fold "bend the knees slightly"; the
standing fold and Down Dog "bend the knees generously". Added to versions.VERSIONS; the
figure `straight_knees_said` (quality.straight_knees) holds every generated practice to it."""

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
}
CHOICE = Avoidance.KNEE_FRIENDLY
