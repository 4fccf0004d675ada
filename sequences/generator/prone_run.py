"""A run of backbends on the belly stays on the belly and rises toward the peak (blind review
r17 F2, r16 F9: Extended Puppy → Locust (on the belly) → Upward Plank (seated, face up) →
Sphinx (on the belly) → Bow: the class rolls over to sit and back onto the belly, and Sphinx,
the milder, comes after Locust, so its cue "the arch that Bow Pose deepens, begun gently" is
untrue; the teacher: Extended Puppy → Sphinx → Locust → Bow).

Once the holds are fitted, before any cue is worded (`reasons.in_order` then names the last
step into the peak from the order as it stands), `stay_on_the_belly` reorders the build:

- a pose face up or seated (`quality.prone_run.face_up`) held between two belly backbends a
  few steps apart, or a linked flow between them with one (Upward Plank → Bridge), goes
  before the run, where the class is not yet down on the belly (before the linked flow that
  lowers onto it: Upward Plank, then Extended Puppy → Locust);
- a held belly backbend before a linked flow that opens face up and lowers onto the belly
  goes after that flow (Locust after Upward Plank → Cobra);
- a linked flow done once through from a belly backbend to a pose face up, with another
  belly backbend after it, is taken face up first (Upward Plank, then Cobra);
- on the way to a peak on the belly, a milder belly backbend held after a stronger one goes
  before it: into the linked flow the stronger one is a step of, where it is not that
  flow's first step (Extended Puppy → Sphinx → Locust, the flow's label worded from its
  steps as printed: `flow_labels.label_mini_flows`).

The holds and the time are unchanged. The figures are `prone_run_stays_prone` and
`prone_run_rises` (quality/prone_run.py)."""

import re

from poses.models import Category, Position
from sequences.generator import flow_words
from sequences.generator.vocabulary import BREATH_SECONDS
from sequences.models import Side

# Face up, or sitting: a roll over from the belly (Upward Plank sits and lifts the hips).
FACE_UP_POSITIONS = frozenset({Position.SEATED, Position.SUPINE})
FACE_UP_SLUGS = frozenset({"upward-plank"})
# Steps apart at most: two belly backbends of one run.
NEAR = 3
# Passes at most: each move settles one pose.
MOVES = 6


def prone_backbend(card) -> bool:
    return card.position == Position.PRONE and card.category == Category.BACKBEND


def face_up(card) -> bool:
    return card.position in FACE_UP_POSITIONS or card.slug in FACE_UP_SLUGS


def stay_on_the_belly(drafts: list) -> None:
    """The drafts reordered in place: nothing face up between belly backbends of one run,
    and the belly run into a belly peak from milder to stronger."""
    for _ in range(MOVES):
        if not (_face_up_out(drafts) or _face_up_first_in_flow(drafts) or _milder_first(drafts)):
            return


def _lead(drafts: list) -> list[int]:
    """Indices of the build's steps and the peak's first."""
    build = [n for n, d in enumerate(drafts) if d.phase == "build"]
    peak = next((n for n, d in enumerate(drafts) if d.phase == "peak"), None)
    return build + ([peak] if peak is not None else [])


def _flow_start(drafts: list, n: int) -> int:
    """The first step of the linked flow step `n` belongs to (itself where it is a hold)."""
    name = drafts[n].flow
    while name and n > 0 and drafts[n - 1].flow == name:
        n -= 1
    return n


def _face_up_out(drafts: list) -> bool:
    """A held pose face up or seated between two belly backbends of one run moved before the
    run; True if one was."""
    lead = _lead(drafts)
    prone = [n for n in lead if prone_backbend(drafts[n].card)]
    for a, b in zip(prone, prone[1:], strict=False):
        if lead.index(b) - lead.index(a) > NEAR:
            continue
        # Held poses face up, and linked flows between the two wholly (Upward Plank → Bridge).
        inside = {drafts[n].flow for n in range(a + 1, b)} - {drafts[a].flow, drafts[b].flow}
        flows = {
            drafts[n].flow
            for n in range(a + 1, b)
            if drafts[n].flow in inside and face_up(drafts[n].card)
        }
        between = [
            n
            for n in range(a + 1, b)
            if drafts[n].flow in flows or (face_up(drafts[n].card) and not drafts[n].flow)
        ]
        if not between and not drafts[a].flow and drafts[b].flow:
            # A held belly backbend before a flow that opens face up and lowers onto the
            # belly (Locust, then Upward Plank → Cobra) goes after that flow.
            start = _flow_start(drafts, b)
            if not a < start < b or not any(face_up(d.card) for d in drafts[start:b]):
                continue
            end = b
            while end + 1 < len(drafts) and drafts[end + 1].flow == drafts[b].flow:
                end += 1
            drafts.insert(end + 1, drafts[a])
            del drafts[a]
            return True
        if not between:
            continue
        # Before the run's first belly pose (or the flow that lowers onto it).
        first = a
        for earlier in reversed(prone):
            if earlier < first and lead.index(first) - lead.index(earlier) <= NEAR:
                first = earlier
        to = _flow_start(drafts, first)
        moved = [drafts[n] for n in between]
        for n in reversed(between):
            del drafts[n]
        drafts[to:to] = moved
        return True
    return False


def _face_up_first_in_flow(drafts: list) -> bool:
    """A linked flow done once through that goes from a belly backbend to a pose face up or
    seated, with another belly backbend a few steps after it (Cobra, then press up and sit
    for Upward Plank, then Locust), taken the other way round: its poses face up first (Upward
    Plank, then turn over onto the belly for Cobra), each step worded again for its new place
    (the flow's label follows its steps as printed); True if one was."""
    lead = _lead(drafts)
    prone = [n for n in lead if prone_backbend(drafts[n].card)]
    for a, b in zip(prone, prone[1:], strict=False):
        name = drafts[a].flow
        if not name or lead.index(b) - lead.index(a) > NEAR:
            continue
        if not any(drafts[n].flow == name and face_up(drafts[n].card) for n in range(a + 1, b)):
            continue
        start = _flow_start(drafts, a)
        end = start
        while end + 1 < len(drafts) and drafts[end + 1].flow == name:
            end += 1
        steps = drafts[start : end + 1]
        if any(d.side != Side.BOTH or d.describe is None for d in steps):
            continue  # a flow with sides keeps its order (its left side says it again)
        turned = sorted(steps, key=lambda d: not face_up(d.card))
        said = [_own_words(d) for d in turned]
        for index, (draft, own) in enumerate(zip(turned, said, strict=True)):
            draft.describe = _step_words(own, first=not index)
        drafts[start : end + 1] = turned
        return True
    return False


# A linked step after the first opens with its breaths ("9 breaths: …", linking._words).
BREATHS_SAID = re.compile(r"^\d+ breaths: ")


def _own_words(draft):
    """What a flow's step says of itself, without the breaths a step after the first opens
    with."""
    planned = draft.describe

    def own(step) -> str:
        return BREATHS_SAID.sub("", planned(step), count=1)

    return own


def _step_words(own, *, first: bool):
    def describe(step) -> str:
        said = own(step)
        return said if first else f"{step.hold // BREATH_SECONDS} breaths: {said}"

    return describe


def _milder_first(drafts: list) -> bool:
    """On the way to a peak on the belly, a held belly backbend milder than one before it
    moved before that one; True if one was."""
    lead = _lead(drafts)
    if not lead or drafts[lead[-1]].phase != "peak" or not prone_backbend(drafts[lead[-1]].card):
        return False
    run = [lead[-1]]
    for n in reversed(lead[:-1]):
        if lead.index(run[-1]) - lead.index(n) > NEAR:
            break
        if prone_backbend(drafts[n].card):
            run.append(n)
    run.reverse()
    for i, b in enumerate(run):
        milder = drafts[b]
        if milder.flow or milder.phase == "peak":
            continue
        stronger = [a for a in run[:i] if drafts[a].card.intensity > milder.card.intensity]
        if not stronger:
            continue
        a = stronger[0]
        del drafts[b]
        if drafts[a].flow and _flow_start(drafts, a) < a:
            _joined(milder, drafts[a - 1].card, drafts[a].flow, drafts[lead[-1] - 1].card)
        drafts.insert(a, milder)
        return True
    return False


def _joined(draft, before, flow: str, peak) -> None:
    """A held pose made a step of the linked flow it moves into, after `before`: worded as the
    flow's steps are, the breaths it is held, how it is taken, then the reason for the peak
    it was planned with (`flow_words.step_cue`; quality figure `flow_step_cued`)."""
    planned = draft.describe

    def describe(step) -> str:
        said = planned(step) if planned is not None else step.cue
        reason = flow_words.for_the_peak(said, step.card, peak)
        how = flow_words.step_cue(step.card, before, reason, peak)
        return f"{step.hold // BREATH_SECONDS} breaths: {how}"

    draft.flow, draft.describe = flow, describe
