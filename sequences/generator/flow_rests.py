"""A flowing class rests briefly (review r13: a 2:30 Crocodile in an energy vinyasa's cool-down,
a rest held like a yin shape in an energising class): in vinyasa and power the resting shapes
on the floor, Crocodile and Child's Pose, are held at most REST_MOST seconds, within their own
ranges, whatever the phase and however the class fills its time.

`rest_caps` gives the cap in the fit's own terms, (applies(card), seconds), alongside the
choices' hold caps (`generate._fitted`)."""

from poses.models import Category, Effort, Position
from sequences.generator.vocabulary import FLOWING_STYLES

REST_MOST = 90  # seconds
# The positions a resting shape is taken in: on the belly, or kneeling folded forward.
REST_POSITIONS = (Position.PRONE, Position.KNEELING)


def is_rest(card) -> bool:
    """A resting shape of an active class: passive, the easiest, a supported (restorative)
    shape on the belly or the knees (Crocodile, Child's Pose)."""
    return (
        card.category == Category.RESTORATIVE
        and card.effort == Effort.PASSIVE
        and card.intensity <= 1
        and card.position in REST_POSITIONS
    )


def rest_caps(style: str) -> list:
    """The fit's caps for `style`: in vinyasa and power, a rest held REST_MOST at most."""
    return [(is_rest, REST_MOST)] if style in FLOWING_STYLES else []
