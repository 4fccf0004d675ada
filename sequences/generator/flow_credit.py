"""What a flow's first cue may credit to the pose it is said on (issue 11, teacher review
r11b: Warrior II "the work of the hamstrings here prepares Three-Legged Dog", where the bent
front leg's quadriceps and glutes work and Extended Triangle, later in the flow, lengthens the
hamstrings). "The work of the {areas} here" is said only where the first pose itself works
every area it names; where only a later pose of the flow prepares the peak, that pose is named
with what it does.

Pure functions over PoseCard data; `reasons.flow_first` words the cue with them."""

from sequences.generator.worked_claims import split_claim
from sequences.steps import PoseCard


def works_here(card: PoseCard, peak: PoseCard, areas: list[str]) -> bool:
    """The first pose of a flow itself works (strengthens) every one of the areas, each of
    them among those it prepares for the peak (`reasons.credits`)."""
    from sequences.generator import reasons  # (reasons words its flows with these)

    own = reasons.credits(card, peak)
    return all(area in own and reasons.strengthens(card, area) for area in areas)


def giver_words(giver: PoseCard, peak: PoseCard) -> str:
    """ "Extended Triangle lengthens the hamstrings for Three-Legged Dog": the later pose of a
    flow that prepares the peak, its own verb (`reasons.job`) on the areas it prepares."""
    from sequences.generator import reasons

    areas = [a for a in reasons.credits(giver, peak) if a != "shape"]
    # Never a stretch of what the pose works (review r15 F3: Reverse Warrior's quadriceps).
    verb, areas = split_claim(giver, reasons.job(giver)[0], areas)
    return f"{giver.name} {verb} the {reasons.area_words(areas)} for {peak.name}"
