"""Visits between the floor and standing a teacher would make (teacher review r9, issue 11):
a short calm class stays on the floor, and the class goes down to the floor between standing
work only for a block of work, never for a lone pose (nor at all where the wrists are spared:
getting down and up again puts the hands on the floor).

`stays_on_the_floor` is read by the planner (`arc.Planner.layout_for`, `peakable`);
`Visits` is mixed into `grouping.Grouping` and settles the floor visits once the practice is
planned."""

from accounts.models import Avoidance
from poses.models import Position
from sequences.generator.plan import CLOSE, bases_first
from sequences.generator.shapes import RISE_HEIGHT, floor_height
from sequences.generator.vocabulary import (
    CALM_STYLES,
    DEEPER_VARIANTS,
    FLOWING_STYLES,
    LINKING_SLUGS,
)
from sequences.models import Focus

# A calm class this short stays on the floor (review r9 #1: a 15-minute beginner relaxation
# class up from Cat-Cow for two standing folds, then down to kneel and sit: getting up and
# down costs a short class its calm, and folding the head below the heart after rising can
# make a beginner dizzy).
CALM_FLOOR_MINUTES = 20
# A focus worked standing: energy stands (`quality.focus` "energy_stands"), balance is held on
# one leg, strength in the legs.
STANDING_FOCUS = frozenset({Focus.ENERGY, Focus.BALANCE, Focus.STRENGTH})
# A visit to the floor between standing work, as `grouping.VISIT_POSES` and `VISIT_SECONDS`
# ask of a visit to standing: two poses at least, held a minute and a half together.
FLOOR_VISIT_POSES = 2
FLOOR_VISIT_SECONDS = 90
# Poses that pass between the levels on the hands (Down Dog, a vinyasa's steps).
PASSING_SLUGS = LINKING_SLUGS | {"downward-facing-dog"}


def calm(choices) -> bool:
    """A calm class: gentle, yin or restorative, or one for relaxation first that does not
    flow; not one whose focus is worked standing (STANDING_FOCUS)."""
    focus = list(choices.focus or ())
    relaxing = focus[:1] == [Focus.RELAXATION] and choices.style not in FLOWING_STYLES
    return (choices.style in CALM_STYLES or relaxing) and not STANDING_FOCUS & set(focus)


def stays_on_the_floor(choices) -> bool:
    """A calm class of CALM_FLOOR_MINUTES or less: no standing pose, its peak on the floor."""
    return choices.minutes <= CALM_FLOOR_MINUTES and calm(choices)


def spares_the_wrists(choices) -> bool:
    return Avoidance.WRIST_FRIENDLY in (choices.avoid or ())


class Visits:
    """Floor visits between standing work, settled once the practice is planned (mixed into
    `grouping.Grouping`, run from `settle_the_order`)."""

    def no_lone_floor_visit(self) -> None:
        """A floor shape held between standing work in a visit shorter than a block of work
        (FLOOR_VISIT_POSES, FLOOR_VISIT_SECONDS), or in any visit where the wrists are spared,
        goes to the floor section: the floor build before a peak on the floor, else the end
        of the floor warm-up before the class stands (before the Down Dog that takes it up);
        where there is no floor section it is left out where the practice may leave it out
        (review r9 #6, #7: one Forearm Plank between the standing salutations and the
        standing flows)."""
        if self.slow or self.layout == "floor":
            return
        self._lead_in_past_the_standing()
        for _ in range(4):
            visit = self._lone_floor_visit()
            if not visit:
                return
            kept = [block for block in visit if not self._to_the_floor(block)]
            if kept:
                self._a_block_of_work(kept)

    def _lead_in_past_the_standing(self) -> None:
        """A floor shape that leads into the peak (Crow, the rehearsal of Side Crow), alone
        between standing work, goes on past the standing build poses after it, to the floor
        work or the peak that follows them: the class goes down once, from the squat (Garland)
        or the last standing pose, not down for the rehearsal and up again (seeds 514, 814:
        Warrior III → Crow → Twisted Crescent Lunge → Garland → Boat → Side Crow)."""
        levels = [(lv, b) for lv, b in self._visit_blocks() if lv]
        for n in range(1, len(levels) - 1):
            level, block = levels[n]
            if level != "floor" or not block.leads_in or block.phase != "build":
                continue
            if levels[n - 1][0] != "standing" or levels[n + 1][0] != "standing":
                continue
            m = n + 1
            while (
                m < len(levels)
                and levels[m][0] == "standing"
                and (levels[m][1].segment, levels[m][1].phase) == (block.segment, "build")
            ):
                m += 1
            if m == n + 1 or m >= len(levels) or levels[m][0] not in ("floor", "peak"):
                continue
            last, then = levels[m - 1][1], levels[m][1]
            if (then.segment, then.phase) == (block.segment, block.phase):
                block.rank = (last.rank + then.rank) / 2
            else:
                block.rank = last.rank + 0.001
            return

    def _a_block_of_work(self, visit: list) -> None:
        """A floor visit kept for the focus's share of the build becomes a block of work: a
        second pose at its level joins a lone one, and the holds reach FLOOR_VISIT_SECONDS
        together at their shortest, whatever the fit does. Where the wrists are spared this
        is the last resort: no standing pose serves what the visit gives the focus
        (`_stands_for_it`), and the class goes down once, for a block of forearm work."""
        card = visit[0].cards[0]
        poses = {c.slug for b in visit for c in b.cards}
        if len(poses) < FLOOR_VISIT_POSES:
            other = self.pick(
                lambda c: (
                    c.position != Position.STANDING
                    and c.slug not in PASSING_SLUGS
                    and not c.is_breathing
                    and (
                        self.build_fits(c, floor=False, relevant=False)
                        or self.build_fits(c, floor=True, relevant=False)
                    )
                ),
                prefer=lambda c: 2.0 * (c.position == card.position),
            )
            if other is None:
                return  # (nothing at its level is left to make a block of work with)
            self.build_hold(other, floor=False)
            added = self.blocks[-1]
            added.segment, added.rank = visit[-1].segment, visit[-1].rank + 0.001
            visit = [*visit, added]
        for block in visit:
            block.for_the_focus = True  # (kept where it is: `_lone_floor_visit`)
        work = [(b, d) for b in visit for d in b.drafts]
        for _, draft in work:
            draft.low = max(draft.low, min(draft.high, FLOOR_VISIT_SECONDS // len(work)))
            draft.hold = max(draft.hold, draft.low)

    def _visit_blocks(self) -> list[tuple[str, object]]:
        """(level, block) of the warm-up and build in practice order: "standing" for a block
        whose poses stand (a Sun Salutation that stays standing too), "floor" for a held shape
        off the feet, "" for what passes between (Down Dog, a vinyasa on the hands)."""
        wrists = spares_the_wrists(self.choices)
        found = []
        # (in practice order: a base pose before the flow that holds its variant, `bases_first`)
        for block in bases_first(self._in_order()):
            if block.phase not in ("warm_up", "build", "peak") or not block.drafts:
                continue
            if block.phase == "peak":
                stands = self.peak.position == Position.STANDING
                found.append(("standing" if stands else "peak", block))
                continue
            cards = [c for c in block.cards if not c.is_breathing]
            if not cards:
                continue
            if all(c.position == Position.STANDING for c in cards):
                found.append(("standing", block))
            elif block.kind in ("sun", "flow", "again"):
                stands = any(c.position == Position.STANDING for c in cards)
                # where the wrists are spared no vinyasa passes between the levels: a flow
                # on the floor is a visit to it (`quality.visits`)
                found.append(("standing" if stands else "floor" if wrists else "", block))
            elif all(c.slug in PASSING_SLUGS for c in cards) and not wrists:
                found.append(("", block))
            elif all(c.position != Position.STANDING for c in cards):
                found.append(("floor", block))
            else:
                found.append(("standing", block))
        return found

    def _lone_floor_visit(self) -> list:
        """The blocks of the first floor visit between standing work that is no block of
        work (or any, where the wrists are spared and it was not made one for the focus,
        `_a_block_of_work`), [] where there is none."""
        wrists = spares_the_wrists(self.choices)
        for run, _ in self._floor_visits():
            poses = {c.slug for b in run for c in b.cards}
            seconds = sum(d.hold * d.weight for b in run for d in b.drafts)
            short = len(poses) < FLOOR_VISIT_POSES or seconds < FLOOR_VISIT_SECONDS
            if short or (wrists and not any(getattr(b, "for_the_focus", False) for b in run)):
                return [b for b in run if not b.leads_in]
        return []

    def _floor_visits(self) -> list[tuple[list, list]]:
        """Each run of floor blocks with standing work straight before and after it, in order,
        as (the run's blocks, the standing blocks after it)."""
        runs: list[tuple[str, list]] = []
        for level, block in self._visit_blocks():
            if not level:
                continue
            if runs and runs[-1][0] == level:
                runs[-1][1].append(block)
            else:
                runs.append((level, [block]))
        return [
            (run, after)
            for (before, _), (level, run), (after_level, after) in zip(
                runs, runs[1:], runs[2:], strict=False
            )
            if level == "floor" and before == "standing" and after_level == "standing"
        ]

    def _kin_stays_up(self, block) -> bool:
        """A base or variant of the block's poses (DEEPER_VARIANTS: Plank, Side Plank) is held
        elsewhere in the standing segment's build: moved down, the block would come after
        its variant or before its base the other way."""
        slugs = {c.slug for c in block.cards}
        kin = {v for s in slugs for v in DEEPER_VARIANTS.get(s, ())}
        kin |= {base for base, variants in DEEPER_VARIANTS.items() if slugs & set(variants)}
        return any(
            c.slug in kin
            for b in self.blocks
            if b is not block and b.segment != CLOSE and b.phase == "build"
            for c in b.cards
        )

    def _stands_for_it(self, block) -> bool:
        """Where the wrists are spared, a standing pose that works what the floor block gave
        the focus (`FocusShare.meets`) joins the standing build in its place (review r9 #6:
        Forearm Plank for the whole body's upper body, with the wrists spared), one that works
        every area the block gave; False where none does."""
        if not spares_the_wrists(self.choices):
            return False
        short = set(self.short_of(without=block)) - set(self.short_of())
        if not short or not self.room_for(1, keep=3):
            return False
        card = self.pick(
            lambda c: (
                c.position == Position.STANDING
                and self.build_fits(c, floor=False, relevant=False)
                and all(self.meets(c, area) for area in short)  # every area the block gave
            )
        )
        if card is None:
            return False
        self.build_hold(card, floor=False)
        return True

    def _to_the_floor(self, block) -> bool:
        """The block moved to the floor section (`no_lone_floor_visit`), or left out; False
        where it stays (its share of the focus is the build's)."""
        card = block.cards[0]
        if self._down_for_the_peak(block):
            return True
        if self.segment_of(self.peak) == CLOSE and not self._kin_stays_up(block):
            block.segment = CLOSE
            block.phase = "build"
            # first on the way down: on the hands before kneeling (`shapes.FLOOR_HEIGHT`)
            on_hands = card.position == Position.HANDS_AND_FEET
            block.rank = -6 if on_hands else -floor_height(card)
        elif not self.keeps_the_focus(block) and not self._stands_for_it(block):
            return False  # its share of the focus is the build's (`FocusShare.short_of`)
        elif self.serves_a_need(block):
            return False  # the warm-up's holds prepare no need (`needs.PREPARING_PHASES`)
        elif floor_warm_up := [
            b
            for b in self.blocks
            if b.phase == "warm_up"
            and b.kind != "sun"
            and b is not block
            and all(c.position != Position.STANDING for c in b.cards)
        ]:
            # (a short practice that rises holds its warm-up in the standing segment too)
            segment = floor_warm_up[0].segment
            up = [
                b.rank
                for b in floor_warm_up
                if b.segment == segment and any(c.slug == "downward-facing-dog" for c in b.cards)
            ]
            top = max(b.rank for b in floor_warm_up if b.segment == segment)
            block.segment = segment
            block.phase = "warm_up"
            block.rank = min(up) - 0.01 if up else max(top, RISE_HEIGHT.get(card.position, 2)) + 0.1
        elif block.optional:
            self.take_back(block)
            return True
        else:
            return False
        for draft in block.drafts:
            draft.phase = block.phase
        return True

    def _down_for_the_peak(self, block) -> bool:
        """A build pose on the floor that gives a need of a real peak on the hands (Cobra, the
        spine extended, before Wild Thing) goes down after the standing work, with the way
        into the peak, not to the warm-up, where it would prepare nothing
        (`needs.PrepareEveryNeed.place_for_a_need`): the class goes down once and stays down
        (review r9 #6). True where it went."""
        if block.phase != "build" or self.peak.position == Position.STANDING:
            return False
        if self.segment_of(self.peak) == CLOSE or not self.needs_in_scope():
            return False
        if not any(self.gives_a_need(c) for c in block.cards):
            return False
        standing = self.standing_ranks(leads_in=True)
        if not standing:
            return False
        block.rank = max(standing) + 0.01
        block.down_for_a_need = True
        self.down_once()
        return True
