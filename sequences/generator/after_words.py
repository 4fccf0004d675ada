"""A reason says a pose comes "after" another only where it does (the heavy-avoid sweep's Bound
Angle, "Opens the hips after Warrior II", Child's Pose the step before it): a teacher reads
"after X" as where the class has just been. Once the order is final (every reordering and
insertion done), a cool-down reason that names the peak "after" it where another step came
between says what the peak did instead ("Opens the hips Warrior II worked"; "… as the breath
slows after X" as "X worked, as the breath slows"). The quality figure
`after_names_the_step_before` (quality/neighbour_words.py) finds any left."""

import re

from sequences.models import MAX_CUE_LENGTH


def _after(name: str) -> re.Pattern:
    return re.compile(rf"(?P<slows> as the breath slows)? after {re.escape(name)}(?![\w(])")


def _worked(found: re.Match, name: str) -> str:
    return f" {name} worked, as the breath slows" if found.group("slows") else f" {name} worked"


def true_afters(drafts, peak) -> None:
    """Each held step's "after <peak>" where the step before is not the peak said as what the
    peak worked; where that would not fit a saved cue, the words "after <peak>" left out."""
    if peak is None:
        return
    name = peak.name
    after = _after(name)
    for before, draft in zip(drafts, drafts[1:], strict=False):
        if before.card.slug == peak.slug or draft.flow or not after.search(draft.cue):
            continue
        said = after.sub(lambda found: _worked(found, name), draft.cue)
        if len(said) > MAX_CUE_LENGTH:
            said = after.sub(lambda found: found.group("slows") or "", draft.cue)
        draft.cue = said
