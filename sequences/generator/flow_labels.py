"""A linked mini-flow's label, derived from the poses it actually links (blind review r12 F7:
"Plank flow, right side, 6 breaths each" on Dolphin, which has no sides, and "Flow on the
back … 12 breaths each" over Bridge and then Locust, on the belly and 9 breaths; r11 F2:
"Kneeling flow" over Hero and then Bridge, on the back; a later review: a Plank-flow label
naming its poses in another order than the steps printed).

The label is never a template written when the flow is planned: `first_pass` words it from
the flow's first pass as printed — each pose in order, the side of the one-sided ones, the
breaths each is held (a breath is vocabulary.BREATH_SECONDS), and the move between two levels
("roll onto the belly for Locust"). The planner labels every mini-flow with it once the holds
are settled (`label_mini_flows`), and the quality figure `flow_label_true`
(quality/flow_labels.py) reads each label against it, so the rule exists once.

A link joins poses at one level (grouping.level_of) or two levels a listed move joins
(MOVES: standing to Plank and back, all fours, the belly, the back, sitting); any other
change of level (Hero, kneeling, to Bridge, on the back) is no link (`linkable`; quality
figure `flow_link_moves`).
"""

import re

from poses.models import Position
from sequences.generator import flow_words
from sequences.generator.grouping import level_of
from sequences.generator.vocabulary import BREATH_SECONDS
from sequences.models import MAX_CUE_LENGTH, Side

# The moves a flow may make between two levels, said before the pose they come to.
MOVES = {
    (Position.STANDING, Position.HANDS_AND_FEET): "step back to Plank",
    (Position.HANDS_AND_FEET, Position.STANDING): "step to the top of the mat",
    (Position.HANDS_AND_FEET, Position.KNEELING): "come to all fours",
    (Position.KNEELING, Position.HANDS_AND_FEET): "tuck the toes and lift the knees",
    (Position.HANDS_AND_FEET, Position.PRONE): "lower onto the belly",
    (Position.PRONE, Position.HANDS_AND_FEET): "press back to Down Dog",
    (Position.KNEELING, Position.PRONE): "lower onto the belly",
    (Position.PRONE, Position.KNEELING): "come to all fours",
    (Position.SUPINE, Position.PRONE): "roll onto the belly",
    (Position.PRONE, Position.SUPINE): "roll onto the back",
    (Position.SEATED, Position.SUPINE): "lie back",
    (Position.SUPINE, Position.SEATED): "roll up to sit",
    (Position.KNEELING, Position.SEATED): "come to sit",
    (Position.SEATED, Position.KNEELING): "come to all fours",
    (Position.SEATED, Position.PRONE): "turn over onto the belly",
    (Position.PRONE, Position.SEATED): "press up and come to sit",
}
# A flow's head: the level all its poses share ...
LEVEL_WORDS = {
    Position.STANDING: "Standing flow",
    Position.HANDS_AND_FEET: "Plank flow",
    Position.KNEELING: "Kneeling flow",
    Position.SEATED: "Seated flow",
    Position.SUPINE: "Flow on the back",
    Position.PRONE: "Flow on the belly",
}
# ... or, across levels, the floor or standing and the floor.
FLOOR_LEVELS = frozenset({Position.KNEELING, Position.SEATED, Position.SUPINE, Position.PRONE})
FLOOR_FLOW = "Floor flow"
ACROSS = "Linked flow"
HEADS = (*LEVEL_WORDS.values(), FLOOR_FLOW, ACROSS)
# The steps of a flow that link it rather than hold one of its poses.
LINK_CUES = ("Vinyasa", "Link", "Once more")
# A cue opening with a flow's label, up to the label's full stop.
LABEL = re.compile("^(?:" + "|".join(map(re.escape, HEADS)) + r")[,:][^.]*\.\s*")
# What a label's pose names leave off ("Dolphin Pose (…)" is said "Dolphin").
_SUFFIX = re.compile(r"\s*\([^)]*\)|\s+Pose$")


def move(before, after) -> str | None:
    """The words of the move from one pose to the next ("" at one level), None where no
    listed move joins their levels (MOVES)."""
    here, there = level_of(before), level_of(after)
    if here == there:
        return ""
    return MOVES.get((here, there))


def linkable(before, after) -> bool:
    """The two poses may follow one another in a flow: one level, or a listed move."""
    return move(before, after) is not None


def head(cards) -> str:
    """The flow's name word: its level's (LEVEL_WORDS) where every pose is at one, else the
    floor's (every pose on the floor), else ACROSS."""
    levels = {level_of(c) for c in cards}
    if len(levels) == 1:
        return LEVEL_WORDS.get(next(iter(levels)), ACROSS)
    return FLOOR_FLOW if levels <= FLOOR_LEVELS else ACROSS


def said(card) -> str:
    """The pose as a teacher says it in a label: "Dolphin" for "Dolphin Pose", "Forearm Plank"
    for "Forearm Plank (Dolphin Plank)"."""
    return _SUFFIX.sub("", card.name).strip()


def _listed(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])}, then {items[-1]}"


def first_pass(poses, *, left: bool, compact: bool = False) -> str:
    """The label of a flow, a sentence: `poses` its first pass as printed, (card, side,
    seconds) each; `left`: a left side follows. Its head (`head`), the side where every pose
    is one-sided, the breaths (each alike, or pose by pose), then the poses in order, each
    move between levels said, a one-sided pose "on each side" where its sides come next to
    one another (the last ones, or each side in its step), else on the right ("Plank flow,
    6 breaths each: Dolphin, Forearm Plank, then Three-Legged Dog on each side."). Compact
    (where the step's own words would not fit beside it): the sides said once for all the
    one-sided poses."""
    cards = [card for card, _, _ in poses]
    breaths = [seconds // BREATH_SECONDS for _, _, seconds in poses]
    sided = [side != Side.BOTH or card.is_bilateral for card, side, _ in poses]
    every = all(sided) and left
    alike = len(set(breaths)) == 1
    trailing = len(sided)
    while trailing and sided[trailing - 1]:
        trailing -= 1
    items = []
    for index, card in enumerate(cards):
        name = said(card)
        way = move(cards[index - 1], card) if index else ""
        if way:
            name = f"{way} for {name}"
        if not alike:
            name += (
                f" for {breaths[index]} breaths" if index == 0 else f", {breaths[index]} breaths"
            )
        if sided[index] and not every and index < trailing and not compact:
            name += " on the right side" if left else " on each side"
        items.append(name)
    text = _listed(items)
    if compact and any(sided) and not every:
        text += "; one side, then the other" if left else ", one-sided on each side"
    elif not every and trailing < len(cards):
        text += " on each side" if len(cards) - trailing == 1 else ", each on both sides"
    if left and not every and any(sided[:trailing]) and not compact:
        text += "; then the left side"
    words = [head(cards)]
    if every:
        words.append("right side")
    if alike:
        words.append(f"{breaths[0]} breaths each")
    return f"{', '.join(words)}: {text}."


def passes(steps):
    """A flow's steps (in printed order, any objects with `cue`, `side`) split into its first
    pass (the held poses up to its link or its left side) and whether a left side follows."""
    first = []
    for step in steps:
        if step.cue.startswith(LINK_CUES) or step.side == Side.LEFT:
            break
        first.append(step)
    return first, any(step.side == Side.LEFT for step in steps)


def unlabelled(cue: str) -> str:
    """The cue without a flow's label (its holds are the flow's, not the step's)."""
    return LABEL.sub("", cue, count=1)


def _set_up_at(sentences: list[str], card) -> int:
    """Which sentence says how the pose is taken (its own cue's first words,
    flow_words.own_cue), or len(sentences)."""
    set_up = " ".join(flow_words.own_cue(card).lower().split()[:3])
    return next((n for n, s in enumerate(sentences) if set_up in s.lower()), len(sentences))


def _without_what_it_does(cue: str, card) -> str:
    """The cue without the words after its set-up's colon ("…, elbows inside the knees: the
    hips and ankles open." says "…, elbows inside the knees."); a version or a knee's
    condition said before it stays whole."""
    sentences = cue.split(". ")
    at = _set_up_at(sentences, card)
    if at < len(sentences):
        sentences[at] = sentences[at].split(": ", 1)[0]
        if at == len(sentences) - 1:
            sentences[at] += "."
    return ". ".join(sentences)


def _within(cue: str, room: int, card) -> str:
    """The cue without the sentences after its set-up (a reason for the peak), last first,
    until it fits `room`; the set-up, what comes before it (a version for an avoid choice)
    and the knee's words stay."""
    sentences = cue.split(". ")
    knee = flow_words.knee_entry(card)[:20]
    start = _set_up_at(sentences, card)
    for n in range(len(sentences) - 1, start, -1):
        if len(". ".join(sentences)) <= room:
            break
        if not (knee and knee in sentences[n]):
            del sentences[n]
    # Then the longest other sentence loses its last clause, never its first (its set-up's or
    # version's first words stay), until the cue fits.
    while len(". ".join(sentences)) > room:
        open_ = [n for n, s in enumerate(sentences) if re.search(r"[,:;] ", s)
                 and not (knee and knee in s)]  # fmt: skip
        if not open_:
            break
        n = max(open_, key=lambda n: len(sentences[n]))
        cut = max(sentences[n].rfind(mark) for mark in (", ", ": ", "; "))
        sentences[n] = sentences[n][:cut] + ("." if sentences[n].endswith(".") else "")
    said = ". ".join(sentences)
    if len(said) > room and "; otherwise" in said:
        # The last resort: the knee's condition without its way out (the second side says
        # the condition again).
        said = re.sub(r"; otherwise [^.]*", "", said, count=1)
    return said if said.endswith(".") else said + "."


def label_mini_flows(drafts, names) -> None:
    """Each linked mini-flow (its name in `names`) opens its first step's cue with its label
    (`first_pass`), worded from its steps in practice order and their settled holds; where the
    two would not fit a saved cue (MAX_CUE_LENGTH), the step says how it is taken without what
    that does (the words after its set-up's colon), so the knee's words after it stay whole."""
    for name in names:
        steps = [d for d in drafts if d.flow == name]
        first, left = passes(steps)
        if not first:
            continue
        poses = [(d.card, d.side, d.hold) for d in first]
        label = first_pass(poses, left=left)
        cue = first[0].cue
        if len(label) + 1 + len(cue) > MAX_CUE_LENGTH:
            cue = _without_what_it_does(cue, first[0].card)
        if len(label) + 1 + len(cue) > MAX_CUE_LENGTH:
            label = first_pass(poses, left=left, compact=True)
        cue = _within(cue, MAX_CUE_LENGTH - len(label) - 1, first[0].card)
        first[0].cue = f"{label} {cue}"
