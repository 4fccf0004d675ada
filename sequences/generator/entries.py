"""A pose entered from another comes straight after it (issue 11, blind review r10 #3: Three-
Legged Dog, cued "From Down Dog lift one leg high", came before Down Dog). A cue that says a
pose is taken "from X" is true of the step before it: X itself, the other side of the same
pose, or another pose entered from X (Down Dog → Three-Legged Dog → Wild Thing); where the
practice does not come from X there, the cue takes X on the way ("Down Dog, then lift one leg
high"). A cue that says where a pose takes you is true of the next step."""

import re

from poses.models import Position

# The names the cues give a pose they are entered from (the generator's cue tables and the
# poses' own instructions: reasons.CUES, peaks.PEAK_HOW, poses/content), with its slug.
ENTRY_NAMES = {
    "Downward-Facing Dog": "downward-facing-dog",
    "Down Dog": "downward-facing-dog",
    "Forearm Plank": "forearm-plank",
    "Side Plank": "side-plank",
    "Plank": "plank",
    "Warrior II": "warrior-ii",
    "Warrior I": "warrior-i",
    "High Lunge": "high-lunge",
    "Low Lunge": "low-lunge",
    "Triangle": "triangle",
    "Shoulder Stand": "supported-shoulder-stand",
    "Plough": "plough",
    "Half Splits": "half-splits",
    "Hero": "hero-pose",
    "Standing Forward Fold": "standing-forward-fold",
}
# The poses the planner keeps straight after the pose they are entered from, where both are
# held in one part of the practice (`plan.entered_after`): only one way in is taught for them.
ENTRY_POSE = {
    "three-legged-dog": "downward-facing-dog",
    "wild-thing": "side-plank",
    "side-plank": "plank",
    "half-splits": "low-lunge",
    "full-splits": "half-splits",
    "plough": "supported-shoulder-stand",
    "snail-yin": "plough",
    "reclined-hero": "hero-pose",
    "reverse-warrior": "warrior-ii",
    "extended-side-angle": "warrior-ii",
    "half-moon": "triangle",
    "warrior-iii": "high-lunge",
    "twisted-crescent-lunge": "high-lunge",
    "humble-warrior": "warrior-i",
}
SAID_FROM = re.compile(
    r"\b([Ff])rom (" + "|".join(sorted(ENTRY_NAMES, key=len, reverse=True)) + r")\b,?"
)
# A cue that takes the class up to its feet with this pose (reasons.warm_up: Down Dog).
TAKES_UP = " and takes you up to standing"


def said_from(cue: str) -> str | None:
    """The slug of the pose the cue says this one is entered from, or None."""
    found = SAID_FROM.search(cue)
    return ENTRY_NAMES[found.group(2)] if found else None


def comes_from(slug: str, cue: str, before_slug: str | None, before_cue: str) -> bool:
    """Whether a step (`slug`, `cue`) after one of `before_slug` is where its cue says it is
    entered from: straight after that pose, after its own other side, or after another pose
    entered from the same one (a cue with no "from X" always is)."""
    want = said_from(cue)
    if want is None:
        return True
    return before_slug in (want, slug) or said_from(before_cue) == want


def takes_you_true(cue: str, after_position: str | None) -> bool:
    """A cue that says the pose takes you up to standing has a standing step after it."""
    return TAKES_UP not in cue or after_position == Position.STANDING


def entries_said(drafts) -> None:
    """Once the order is known: a step cued "from X" where X is not the step before it takes X
    on the way ("Down Dog, then lift one leg high"); a cue that takes you up to standing
    before a step that does not stand names the next step instead."""
    for n, draft in enumerate(drafts):
        before = drafts[n - 1] if n else None
        if not comes_from(
            draft.card.slug, draft.cue, before and before.card.slug, before.cue if before else ""
        ):
            draft.cue = taken_on_the_way(draft.cue)
        after = drafts[n + 1].card if n + 1 < len(drafts) else None
        if not takes_you_true(draft.cue, after and after.position):
            if after is None:
                draft.cue = draft.cue.replace(TAKES_UP, "")
            elif (
                ENTRY_POSE.get(after.slug) == draft.card.slug
                or said_from(drafts[n + 1].cue) == draft.card.slug
            ):
                draft.cue = draft.cue.replace(TAKES_UP, f"; {after.name} lifts from it")
            else:
                draft.cue = draft.cue.replace(TAKES_UP, f" before {after.name}")


def taken_on_the_way(cue: str) -> str:
    """The cue with its first "from X" taking X on the way: "from Triangle, a block under the
    hand" → "Triangle, then a block under the hand" (as long: the cue keeps its room)."""
    return SAID_FROM.sub(_on_the_way, cue, count=1)


def _on_the_way(found: re.Match) -> str:
    return f"{found.group(2)}, then"


def entered_after(blocks: list) -> list:
    """The blocks in practice order, a pose held alone that is entered from another
    (ENTRY_POSE: Three-Legged Dog from Down Dog) moved to straight after the block that ends
    in that pose in the same segment and phase (review r10 #3), unless either keeps its place
    for what the peak needs (`Block.leads_in`, `down_for_a_need`, `smaller_first`)."""
    blocks = list(blocks)
    for block in list(blocks):
        slugs = {card.slug for card in block.cards}
        want = ENTRY_POSE.get(block.cards[0].slug) if len(slugs) == 1 else None
        if want is None or _placed(block):
            continue
        source = next(
            (
                b
                for b in blocks
                if b is not block
                and (b.segment, b.phase) == (block.segment, block.phase)
                and b.cards[-1].slug == want
                and not b.leads_in
            ),
            None,
        )
        if source is None:
            continue
        blocks.remove(block)
        blocks.insert(blocks.index(source) + 1, block)
    return blocks


def _placed(block) -> bool:
    return block.leads_in or block.down_for_a_need or block.smaller_first
