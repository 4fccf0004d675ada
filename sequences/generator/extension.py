"""A full-body class extends the spine (teacher review r12 F12: a 40-minute "full body" class
that folded, twisted and bent sideways, worked the legs, hips and core, and never held the
spine in extension: no Cobra, Locust or Bridge; Seated Cat-Cow only moves through it).

A class for the whole body of FROM_MINUTES or more holds a backbend (a pose of the backbend
category, or a supported one: Supported Bridge, Supported Fish) outside its Sun Salutations,
where the passes through Upward Dog are not held. Where the plan has none, the cool-down
holds the gentlest one the level and avoid choices leave (Bridge before Knees-to-Chest, which
answers it), giving up an optional pose for it where the time is full; where the pool has
none, the practice declares EXTENSION_SPARED. The quality figure `full_body_extension`
(quality/extension.py) holds the rule. Mixed into `phases.Phases`, run from
`finish_cool_down`.
"""

from poses.models import Category
from sequences.checks.common import PASSING_SECONDS
from sequences.models import Focus

FROM_MINUTES = 30
# Supported backbends (restorative by category): the chest lifted over a bolster or block.
SUPPORTED_EXTENSIONS = frozenset({"supported-bridge", "supported-fish"})
# Declared in `focus_spared` where the choices leave no backbend to hold.
EXTENSION_SPARED = "full_body:extension"


def extends_the_spine(card) -> bool:
    """The pose holds the spine in extension: a backbend, or a supported one."""
    return card.category == Category.BACKBEND or card.slug in SUPPORTED_EXTENSIONS


def asks_extension(choices) -> bool:
    """A class for the whole body of FROM_MINUTES or more."""
    return Focus.FULL_BODY in choices.focus and choices.minutes >= FROM_MINUTES


def held_extensions(steps) -> list:
    """The steps (sequences.steps.Step) that hold the spine in extension: held, not passed in
    a flow, and not in a Sun Salutation."""
    return [
        s
        for s in steps
        if extends_the_spine(s.pose)
        and not s.flow.startswith("Sun Salutation")
        and not (s.flow and s.duration_seconds <= PASSING_SECONDS)
    ]


class SpinalExtension:
    """A whole-body class's backbend (mixed into `phases.Phases`)."""

    # The choices leave no backbend the cool-down can hold (set by `extend_the_spine`).
    extension_spared = False

    def extend_the_spine(self) -> None:
        """Where a whole-body class of FROM_MINUTES or more holds no backbend, the cool-down
        holds the gentlest one that fits it (`cool_down_fits`), making room for it where the
        time is full; else the practice declares EXTENSION_SPARED."""
        self.extension_spared = False
        if not asks_extension(self.choices):
            return
        if any(
            extends_the_spine(d.card) and b.kind != "sun" and self.held(d)
            for b in self.blocks
            for d in b.drafts
        ):
            return
        card = self.pick(
            lambda c: extends_the_spine(c) and self.cool_down_fits(c),
            prefer=lambda c: -0.5 * c.intensity,
        )
        if card is not None and (self.fits_one_more(card) or self.make_room_for(card)):
            self.cool_down_hold(card, optional=False)
            return
        self.extension_spared = True
