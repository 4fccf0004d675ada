"""Linked build holds in vinyasa and power (issue 11, blind review 9 #1, #3): a run of single
static holds in the build reads as a hatha class. Held poses next to one another at one level
are taught as a short linked sequence instead: held by the breath, done on the right side,
linked by a vinyasa (or a step to the top of the mat without weight on the hands), then on
the left — a wide-stance standing flow, Dolphin → Forearm Plank → Three-Legged Dog, one
seated block. The quality figure `linked_build` (quality/linking.py) holds the rule.

A build of vinyasa or power keeps at most LONGEST_UNLINKED single holds one after another
(outside its linked flows, Sun Salutations and rounds). Mixed into `arc.Planner`.
"""

from poses.models import Difficulty, Position
from sequences.generator import flow_labels, flow_words, sides
from sequences.generator.flow_labels import LEVEL_WORDS  # noqa: F401  (re-exported)
from sequences.generator.flows import standing_balance_link, vinyasa, wrist_free_link
from sequences.generator.grouping import level_of
from sequences.generator.peak_rounds import again_words, rests_for
from sequences.generator.plan import PHASE_ORDER, Block, Draft, bases_first
from sequences.generator.prep import outworks
from sequences.generator.shapes import family, settles_as_peak
from sequences.generator.vocabulary import BREATH_SECONDS, Rounds
from sequences.models import Side, Style

# The most single static holds a flowing build keeps one after another (review 9: 24 in a row
# is a hatha class; a teacher lets two or three stand alone between flows).
LONGEST_UNLINKED = 3
# A mini-flow's poses are held by the breath: five breaths (25 s) each, so every pose is still
# held rather than passed (checks.PASSING_SECONDS), within the 3-5 breaths of a flow.
MINI_FLOW_BREATHS = 5
# ... and a breath more at most where the time needs it (about 30 s).
MOST_MINI_FLOW_BREATHS = 6
# A mini-flow holds at most this many poses on a side (a longer run at one level: two flows).
MINI_FLOW_POSES = 4
# The levels a vinyasa links the two sides of (from the floor on the belly, a push back to
# Plank); seated, kneeling and lying flows change sides where they are.
VINYASA_LEVELS = frozenset({Position.STANDING, Position.HANDS_AND_FEET, Position.PRONE})
# The kinds of block that are already linked or taught in rounds.
LINKED_KINDS = frozenset({"flow", "again", "sun", "rounds"})


class Linking:
    """Runs of single holds in a flowing build grouped into linked mini-flows."""

    def link_the_holds(self) -> bool:
        """Every run of more than LONGEST_UNLINKED single holds of the build grouped, level by
        level, into mini-flows (`mini_flow`); True if any was. Vinyasa and power only."""
        if self.style not in (Style.VINYASA, Style.POWER):
            return False
        linked = False
        for _ in range(6):
            groups = [g for run in self.unlinked_runs() for g in self.groups_of(run)]
            if not groups:
                break
            for group in groups:
                self.mini_flow(group)
            linked = True
        if linked:
            self.keep_the_needs_in_the_flows()
        return linked

    def longer_mini_flows(self) -> bool:
        """Where the pool has no more poses to fill the time (a long class with a long avoid
        list), the linked poses may be held as long as their holds were, rather than the
        practice failing its time; True if one may."""
        grew = False
        for draft, high in self.mini_flow_room:
            if high > draft.high and any(draft in b.drafts for b in self.blocks):
                draft.fixed, draft.high = False, high
                grew = True
        self.mini_flow_room = []
        return grew

    def build_in_order(self) -> list[Block]:
        """The build's blocks in practice order (as `plan.ordered` places them)."""
        blocks = sorted(
            self.blocks, key=lambda b: (b.segment, PHASE_ORDER.index(b.phase), b.rank, b.order)
        )
        return [b for b in bases_first(blocks) if b.phase == "build"]

    @staticmethod
    def unlinked(block: Block) -> bool:
        return block.kind not in LINKED_KINDS and not any(d.flow for d in block.drafts)

    def unlinked_runs(self) -> list[list[Block]]:
        """The runs of unlinked blocks of the build holding more than LONGEST_UNLINKED steps."""
        runs: list[list[Block]] = [[]]
        for block in self.build_in_order():
            if self.unlinked(block):
                runs[-1].append(block)
            elif runs[-1]:
                runs.append([])
        return [r for r in runs if sum(len(b.drafts) for b in r) > LONGEST_UNLINKED]

    def groups_of(self, run: list[Block]) -> list[list[Block]]:
        """The groups of a run to link (`_groups_of`); where only poses placed for the peak
        are left to group, those of them before the last."""
        groups = self._groups_of(run, lead_ins=False)
        if not groups and run:
            groups = self._groups_of(run[:-1], lead_ins=True)
        return groups

    def _groups_of(self, run: list[Block], *, lead_ins: bool) -> list[list[Block]]:
        """The single-hold blocks of a run next to one another at one level, in groups of two
        to MINI_FLOW_POSES (the pose straight before the peak stays the way into it); where
        the levels change at every pose, neighbours at two levels a vinyasa joins."""
        # What is placed straight before the peak for what it needs keeps its place in the
        # last few poses before it (quality figure `peak_prepared_recently`).
        # A pose of the peak's kind as strong stays a hold no longer than a round of the peak
        # (`Prep.keep_the_peak_hardest`): linked, it would be passed rather than held.
        in_rounds = sum(d.card is self.peak for b in self.blocks if b.phase == "peak"
                        for d in b.drafts) > 1  # fmt: skip
        singles = [
            b
            for b in run
            if len(b.drafts) == 1
            and not b.drafts[0].fixed
            and (lead_ins or not b.leads_in)
            and not (in_rounds and outworks(b.drafts[0].card, self.peak))
        ]
        groups: list[list[Block]] = []
        current: list[Block] = []
        for block in run:
            if block not in singles:
                current = []
                continue
            level = level_of(block.drafts[0].card)
            if current and (
                level_of(current[0].drafts[0].card) != level or len(current) == MINI_FLOW_POSES
            ):
                current = []
            if not current:
                groups.append(current)
            current.append(block)
        found = [g for g in groups if len(g) >= 2]
        if found:
            return found
        # Every level visited by one pose: neighbours in pairs, across the levels.
        pairs, held = [], []
        for n, block in enumerate(run):
            if block in singles:
                if held and not flow_labels.linkable(held[-1].drafts[0].card, block.drafts[0].card):
                    held = []  # no listed move joins their levels (Hero, then Bridge)
                held.append(block)
                later = n + 1 < len(run) and run[n + 1] in singles
                if len(held) == 2 and later and goes_back([b.drafts[0].card for b in held]):
                    held = held[1:]  # the second pairs with the next pose instead
                if len(held) == 2:
                    pairs.append(held)
                    held = []
            else:
                held = []
        return pairs

    def mini_flow(self, group: list[Block]) -> Block:
        """The group's poses as one linked flow in place of their holds: each held
        MINI_FLOW_BREATHS breaths, on the right side, a link, then on the left (a group of
        poses with no sides once through, as is every group where a saved sequence has no room
        for the second side)."""
        cards = [b.drafts[0].card for b in group]
        olds = [b.drafts[0] for b in group]
        # The reason each pose was planned with, where it is the peak's (flow_words.for_the_peak).
        kept = [flow_words.for_the_peak(self.planned(old), old.card, self.peak) for old in olds]
        level = level_of(cards[0])
        name = f"{flow_labels.head(cards)}: {' → '.join(c.name for c in cards)}"
        sided = any(c.is_bilateral for c in cards)
        link = None
        if sided and level in VINYASA_LEVELS:
            link = vinyasa(self.sun_pick, compact=True) if self.card("plank") else None
            if link is None:
                link = wrist_free_link(self.sun_pick, heat=self.style == Style.POWER)
        breaths = MINI_FLOW_BREATHS
        drafts: list[Draft] = []
        for side in (Side.RIGHT, Side.LEFT) if sided else (Side.BOTH,):
            done = [(c, o, r) for c, o, r in zip(cards, olds, kept, strict=True)
                    if side != Side.LEFT or c.is_bilateral]  # fmt: skip
            for index, (card, old, reason) in enumerate(done):
                draft = self.draft(
                    card,
                    "build",
                    side=(side if card.is_bilateral else Side.BOTH),
                    breaths=breaths,
                    flow=name,
                )
                # A breath more where the time needs it (the fit's one give, up to six
                # breaths: about 30 s), never less than five (a held pose, not a pass).
                most = min(card.hold_range(self.style)[1], MOST_MINI_FLOW_BREATHS * BREATH_SECONDS)
                if draft.hold < most:
                    draft.fixed, draft.high = False, most
                self.mini_flow_room.append((draft, old.high))
                self.linked_lows[id(draft)] = (draft, old.low)
                before = done[index - 1][0] if index else None
                draft.describe = _words(card, index, side, sided, name, before, reason, self.peak)
                self.say_how_it_is_held(draft)
                drafts.append(draft)
            if link and side == Side.RIGHT:
                down = any(beat[0].position != Position.STANDING for beat in link)
                balance_link = down and standing_balance_link(self.sun_pick, drafts[-1].card)
                if balance_link:
                    link = balance_link  # (no floor vinyasa between a balance's sides, r19 F4)
                for card, _, beat_breaths, cue in link:
                    if not cue.startswith(("Vinyasa", "Link")):
                        cue = f"Vinyasa: {cue[0].lower()}{cue[1:]}"
                    drafts.append(self.draft(card, "build", breaths=beat_breaths, flow=name,
                                             cue=cue))  # fmt: skip
        # A pair across two levels that would go back for its left side (`goes_back`, where
        # no other pairing was found) is done once through, each side of a one-sided pose in
        # its step, before the class moves on to the other level; so is one whose left round
        # would leave out poses held between a pose's sides (`sides.split_around`).
        once = goes_back(cards) or sides.split_around(cards)
        if once or not self.room_for(len(drafts) - len(group)):
            # A saved sequence holds at most MAX_POSES_PER_SEQUENCE steps: where the sides and
            # their link do not fit, once through, each one-sided pose on both sides in its
            # step (never the sides without the link between them, review r18 F8).
            drafts = [d for d in drafts if not d.cue.startswith(("Vinyasa", "Link"))]
            drafts = [d for d in drafts if d.side != Side.LEFT]
            for draft in drafts:
                draft.side = Side.BOTH
                draft.weight = 2 if draft.card.is_bilateral else 1
            drafts[0].describe = _words(cards[0], 0, Side.BOTH, False, name, None, kept[0],
                                        self.peak)  # fmt: skip
            self.say_how_it_is_held(drafts[0])
        first = group[0]
        for block in group:
            self.blocks.remove(block)
        self.order += 1
        block = Block("build", first.segment, first.rank, drafts, any(b.optional for b in group),
                      "flow", first.order, first.leads_in)  # fmt: skip
        self.blocks.append(block)
        self.mini_flows.add(name)
        self.flows += 1
        for card in cards:
            self.families.add(family(card))
        return block

    def planned(self, draft: Draft) -> str:
        """The words a held pose was planned with, without how a capped hold is taken (the
        linked step says that again, `say_how_it_is_held`)."""
        said = draft.describe(draft) if draft.describe is not None else draft.cue
        for cap in self.choices.hold_caps:
            for words in cap.cues:
                said = said.replace(f" {words}", "")
        return said


def goes_back(cards) -> bool:
    """The mini-flow's left side would start at another level than its right side ends on
    (High Lunge → Upward Plank, a vinyasa, then up for the left High Lunge alone and straight
    back down: quality figure `short_visit`)."""
    sided = [c for c in cards if c.is_bilateral]
    return bool(sided) and level_of(sided[0]) != level_of(cards[-1])


def _words(card, index: int, side: str, sided: bool, name: str, before=None, reason="", peak=None):
    """The cue of a mini-flow's step (the first step's label, naming the flow's poses, their
    side and breaths, is said once the holds are settled: flow_labels.first_pass); each pose on
    the right (or once through) says how it is taken, and the knee first where the pose loads
    it, then the reason it was planned with where that is the peak's (`flow_words.step_cue`:
    never a reason in a template frame, which `reasons.vary` does not reach in a flow, so a
    Monkey class said "Lengthens the hamstrings: Monkey Pose asks for them" four times); the
    left side (its one-sided poses only: a pose with no sides is done once, on the way) names
    the pose and the breaths, and the knee again where its entry is a condition."""

    def describe(draft: Draft) -> str:
        held = f"{draft.hold // BREATH_SECONDS} breaths"
        if side == Side.LEFT:
            again = flow_words.reminder(card)
            if index == 0:
                return f"Left side: the same flow, {card.name} ({held}).{again}"
            return f"{card.name}, left side, {held}.{again}"
        # The cue names the pose done: a flow's "Down Dog" is the pose itself
        # (quality figure `cue_names_pose`).
        said = flow_words.step_cue(card, before, reason, peak)
        said = said.replace("Down Dog", "Downward-Facing Dog")
        if index == 0:
            return said
        return f"{held}: {said}"

    return describe


# A power peak taught in rounds (review 9 #3: a single 55 s Goddess, no harder than the Chair
# before it, "reads as gentle standing hatha"): each round its own step, a short rest between.
# Half a minute a round at every level: the build's linked poses are held five or six breaths
# (25-30 s, MINI_FLOW_BREATHS), and the peak's rounds are the class's longest effort (quality
# figure `peak_effort_highest`: 20 s rounds of Chair came after Warrior II held 25 s); a
# beginner's power class is a power class, its rounds as long, its rests as long.
POWER_ROUND_SECONDS = {
    Difficulty.BEGINNER: 30,
    Difficulty.INTERMEDIATE: 30,
    Difficulty.ADVANCED: 30,
}
# A practice shorter than this is a few poses, its peak one hold (no time for rounds).
POWER_ROUNDS_FROM_MINUTES = 10
# Where the class rests between a power peak's rounds, and how rounds 2 and after are cued:
# `peak_rounds` (on the level of the rounds; "deeper" only where the shape has a depth).


def power_rounds(peak, minutes: int) -> Rounds | None:
    """The rounds a power class of `minutes` teaches its peak in (three, two in a short
    practice), or None for a shape the body settles into (a deep hip opener is held, not
    pulsed) or a practice under POWER_ROUNDS_FROM_MINUTES."""
    if settles_as_peak(peak) or minutes < POWER_ROUNDS_FROM_MINUTES:
        return None
    return Rounds(
        "a power class climbs to its peak in rounds: the work comes back after a short rest, "
        "harder each time than any single hold of the build",
        seconds=POWER_ROUND_SECONDS,
        rest=rests_for(peak),
        again=again_words(peak),
    )
