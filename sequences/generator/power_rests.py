"""A power peak is taught in rounds with a rest between them on the rounds' level
(`linking.power_rounds`, `peak_rounds.rests_for`): standing after a standing peak, in Mountain
or a standing fold. Where the practice may use none of them (Mountain left out by name, the
standing fold in pregnancy), the peak would be one hold, no harder than the build (quality
figure `power_peak_rounds`): the planner peaks in another pose, one whose rounds it can rest."""

from sequences.generator.linking import power_rounds
from sequences.generator.vocabulary import PEAK_ROUNDS
from sequences.models import Style


def rounds_rested(peak, card, *, style: str, level: str, minutes: int) -> bool:
    """Whether a power class may peak in `peak` as it teaches a peak: no rounds asked for, or a
    rest between them that `card` (slug -> the practice's card or None) finds; as
    `arc.Planner.teach_in_rounds` rests them (a held-strength rule's rest, else the power
    class's own)."""
    if style != Style.POWER:
        return True
    power = power_rounds(peak, minutes)
    if power is None:
        return True
    rules = [rule for rule in PEAK_ROUNDS if rule.applies(peak, level)][:1] + [power]
    return any(card(slug) is not None for rule in rules for slug in rule.rest)
