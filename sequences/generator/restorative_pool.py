"""A restorative class rests in restorative poses, held long, rather than reaching for yin
shapes (blind teacher review r16 F4: a 20-minute pregnancy-safe restorative class held Deer,
a yin shape, 2:00 a side on a rebuilt bolster; "the nervous system barely settles in a
2-minute restorative hold, and for a pregnant beginner every prop change costs comfort").

The teacher's fix was fewer poses held longer: Child's Pose 5:00, Supported Seated Forward
Bend 4:00, Side-Lying Savasana 5:00. So where the restorative poses the avoid list leaves are
few (`plan.RESTORATIVE_ENOUGH`), the class still keeps to them while their longest holds
(each pose's own long-hold range) can fill its time; the supported yin shapes come in only
where they cannot (the generator's wide pool, tried after the restorative one)."""

from collections.abc import Iterable

from sequences.steps import PoseCard


def long_holds_fill(proper: Iterable[PoseCard], minutes: int) -> bool:
    """The restorative poses, each held at most as long as its range allows, fill `minutes`."""
    seconds = sum(
        card.long_hold_range[1] * (2 if card.is_bilateral else 1)
        for card in proper
        if not card.is_breathing and card.long_hold_range is not None
    )
    return seconds >= minutes * 60
