"""A salutation breathed one movement a breath, in and out in turn, whatever the avoid list
or the level leaves out of it (review r17 F13: Standing Forward Fold taken out for back care,
the Halfway Lift became the hinge and the round said "Exhale, hinge forward" then "Exhale,
step back to Plank"; on the way up "Inhale, lengthen" then "Inhale, rise all the way up").

A round is made of the movements the practice may use (`flows._moves`); where two movements
that now meet would take the same breath, the later one is said on the other breath, as a
teacher re-counts it (the step back to Plank on an inhale, then the lowering on the exhale and
the chest lifting on the inhale); where that movement has no other breath, the earlier one
does (the Halfway Lift on the way up, with no fold after it, becomes the exhale's hinge before
the inhale that rises). The quality figure `salutation_breathes`
(quality/salutation_breath.py) holds it.
"""

import re

BREATH = re.compile(r"\b(inhale|exhale)\b", re.IGNORECASE)
# How long a movement of one breath is held: a step held longer lets the count begin again.
ONE_BREATH = 1
OTHER = {"inhale": "exhale", "exhale": "inhale"}
# A movement said on the other breath (pose, breath it now takes): the teacher's words.
ON_THE_OTHER_BREATH = {
    ("plank", "inhale"): "Inhale, plant the hands and step back to Plank",
    ("forearm-plank", "inhale"): "Inhale, forearms down and step back to Forearm Plank",
    ("chaturanga", "inhale"): "Inhale, plant the hands; exhale, step back and lower to Chaturanga",
    ("knees-chest-chin", "inhale"): "Inhale, plant the hands and step back; exhale, knees, "
    "chest and chin to the mat",
    ("cobra", "exhale"): "Exhale, lower all the way to the belly; inhale, lift the chest",
    ("sphinx", "exhale"): "Exhale, lower all the way to the belly; inhale, lift the chest "
    "onto the forearms",
    ("upward-facing-dog", "exhale"): "Exhale, lower with control; inhale, lift the chest",
    # No Down Dog nor fold left between the lift and the rise (no inversions): the feet come
    # to the hands on the exhale.
    ("upward-salute", "exhale"): "Exhale, step the feet to the hands; inhale, rise all the way up",
}
# A lowering followed straight by an exhale to Down Dog (Up Dog and Cobra left out, review
# r17 at the merge: Sun B for back care said "...exhale, step back and lower to Chaturanga"
# then "Exhale, Down Dog"): the inhale presses back up, as a teacher counts it.
PRESS_UP = {
    "chaturanga": "Inhale, press back up to Plank",
    "knees-chest-chin": "Inhale, press back up onto the hands",
}
# The Halfway Lift on the way up with no fold after it, said as the hinge on the exhale; on
# the way down with no fold before it (the standing salutation), the hinge and then the lift.
HINGE_UP = "Step to the front; exhale, hinge with the knees well bent, hands on the thighs"
HINGE_DOWN = (
    "Exhale, hinge forward with the knees well bent, hands on the thighs; inhale, lengthen "
    "halfway up"
)


def _held_first(before, cue: str, names: dict) -> str | None:
    """An exhale after an exhale with no other breath for either movement (Plank, then Down
    Dog where Cobra is left out): the inhale taken in the pose before, then the movement."""
    if not cue.startswith("Exhale, "):
        return None
    if before[0].slug in PRESS_UP:  # never a breath held low in the lowering
        return f"{PRESS_UP[before[0].slug]}; exhale, {cue[len('Exhale, ') :]}"
    name = names.get(before[0].slug, before[0].name)
    return f"Inhale in {name}; exhale, {cue[len('Exhale, ') :]}"


def breaths_said(cue: str) -> list[str]:
    """The breath words of a cue, in order, lower case."""
    return [word.lower() for word in BREATH.findall(cue)]


def _other(card, breath: str, cue: str) -> str | None:
    """The movement's cue on this breath, or None where it has none."""
    if card.slug == "halfway-lift" and breath == "exhale":
        return HINGE_UP if cue.startswith("Step to the front") else HINGE_DOWN
    return ON_THE_OTHER_BREATH.get((card.slug, breath))


def _earlier(beats: list, index: int) -> str | None:
    """The movement before `index` said on its other breath, where the breath before it
    allows (the first of a round, or one after a step of one breath that ends on it, not)."""
    card, _, _, cue = beats[index - 1]
    said = _other(card, OTHER[breaths_said(cue)[-1]], cue)
    if said is None or index < 2 or breaths_said(said)[-1:] == breaths_said(cue)[-1:]:
        return None  # (none, or one that still ends on the breath the next begins with)
    earlier = beats[index - 2]
    if earlier[2] <= ONE_BREATH and breaths_said(earlier[3])[-1:] == breaths_said(said)[:1]:
        return None
    return said


def breathed(beats: list, names: dict) -> list:
    """The round's beats (pose, side, breaths, cue) with the breath taking turns from one
    movement of one breath to the next (module docstring): the movement after a long hold
    re-counted first (the Halfway Lift after Down Dog), else the later one, else the earlier
    one; `names`, what a teacher calls a pose out loud (flows.SHORT_NAMES)."""
    beats = list(beats)
    for index in range(1, len(beats)):
        before, beat = beats[index - 1], beats[index]
        if before[2] > ONE_BREATH:
            continue
        ended, begun = breaths_said(before[3]), breaths_said(beat[3])
        if not (ended and begun) or ended[-1] != begun[0]:
            continue
        card, side, count, cue = beat
        after_a_hold = index >= 2 and beats[index - 2][2] > ONE_BREATH
        earlier = _earlier(beats, index)
        later = _other(card, OTHER[begun[0]], cue)
        if earlier is not None and (after_a_hold or later is None):
            beats[index - 1] = (*before[:3], earlier)
        elif later is not None:
            beats[index] = (card, side, count, later)
        else:
            said = _held_first(before, cue, names)
            if said is not None:
                beats[index] = (card, side, count, said)
    return beats
