"""A focus area's main work keeps its share of the build and peak whatever the fit to the time
does (teacher review "Today's practice a teacher would teach", figure `focus_main_work`): a
core class's core-strength poses, a back class's poses that extend or strengthen the back.

The planner serves the share at the planned holds (`focus.FocusShare.short_of`, with
FOCUS_SHARE_AIM to spare); the fit may then shorten every hold it can to the time, the main
work's to its shortest, while the flows' holds stay as they are (a 20-minute power class for
the hips, strength and the back: Upward Plank planned 35 s, fitted to 20 s, 3 % of the build
and peak where 4 % is asked). `MainWork` is mixed into `arc.Planner`."""

import math

from sequences.generator.focus import (
    BACK_EXTENSION,
    BACK_EXTENSION_PART,
    back_extension,
    core_strength,
)
from sequences.generator.vocabulary import FOCUS_SHARE_AIM
from sequences.models import Focus


class MainWork:
    """The main work of the focus held long enough to keep its share (run from
    `phases.Phases.finish_cool_down`, once the order is settled)."""

    def main_work(self) -> list[tuple]:
        """(gives, share) for each area whose main work the quality bar measures: core-strength
        poses in a core class (its whole share), poses that extend or strengthen the back in a
        back class (BACK_EXTENSION_PART of it), unless the choices spare it."""
        areas = self.share_areas()
        if not areas:
            return []
        aim = FOCUS_SHARE_AIM[len(self.asked_areas())]
        spared = set(self.spared())
        kinds = []
        if Focus.CORE in areas and Focus.CORE not in spared:
            kinds.append((core_strength, aim))
        if Focus.BACK in areas and not {BACK_EXTENSION, Focus.BACK} & spared:
            kinds.append((back_extension, aim * BACK_EXTENSION_PART))
        return kinds

    def hold_the_main_work(self) -> None:
        """The poses held for the focus's main work keep, at their shortest, the share they
        have at the planned holds of the build and peak as planned (the fit shortens the
        whole as much or more): each one's shortest hold raised towards its planned hold,
        the longest planned first, until the share holds. Seconds, both sides counted."""
        if self.slow:
            return
        drafts = [d for b in self.blocks if b.phase in ("build", "peak") for d in b.drafts]
        whole = sum(d.seconds for d in drafts)
        for gives, share in self.main_work():
            serving = [d for d in drafts if not d.fixed and self.held(d) and gives(d.card)]
            missing = share * whole - sum(d.low * d.weight for d in serving)
            for draft in sorted(serving, key=lambda d: -d.seconds):
                if missing <= 0:
                    break
                most = min(draft.hold, draft.high)
                low = min(most, 5 * math.ceil((draft.low + missing / draft.weight) / 5))
                missing -= (max(draft.low, low) - draft.low) * draft.weight
                draft.low = max(draft.low, low)
